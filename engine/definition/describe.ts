/**
 * The changes between two versions of a definition in plain English, for the admin who publishes
 * and anyone reading the version history: what changes for practitioners — deadlines, who does
 * what, questions, steps, ways out, notifications — by name, never by JSON path.
 *
 * A layer over `diffDefinitions`, not a second diff: its changes are grouped by what they are
 * about (a step's deadline, one next action, one question...) and each group becomes one
 * sentence, worded from both versions. Every change is in exactly one description (`paths`), so
 * nothing the diff finds goes unsaid.
 */
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { describeForm } from './describe-forms.ts';
import { describeNode } from './describe-nodes.ts';
import { list, quote, segments, type Sides } from './describe-words.ts';
import { DEFAULT_RETENTION, describeRule } from './retention.ts';
import { diffDefinitions, type Change } from './diff.ts';

export type ChangeTopic = 'deadline' | 'who' | 'question' | 'step' | 'way_out' | 'notification' | 'other';

export interface ChangeDescription {
  topic: ChangeTopic;
  kind: Change['kind'];
  /** What it is about, by name (a step, a form, a team); null for the protocol as a whole. */
  about: string | null;
  /** What changed: "due within 3 working days (was 2)". */
  text: string;
  /** The diff's changes this description stands for. */
  paths: string[];
}

/** The topics in the order a reader meets them, with their headings. */
export const CHANGE_TOPICS: ReadonlyArray<{ id: ChangeTopic; title: string }> = [
  { id: 'deadline', title: 'Deadlines' },
  { id: 'who', title: 'Who does what' },
  { id: 'question', title: 'Questions' },
  { id: 'step', title: 'Steps' },
  { id: 'way_out', title: 'Next actions and routes' },
  { id: 'notification', title: 'Notifications' },
  { id: 'other', title: 'Other changes' },
];

/** A description as one sentence: "Screen the step down referral: due within 3 working days (was 2)". */
export const sentence = (d: Pick<ChangeDescription, 'about' | 'text'>) => (d.about ? `${d.about}: ${d.text}` : d.text[0]!.toUpperCase() + d.text.slice(1));

export type Described = Omit<ChangeDescription, 'paths' | 'kind'> & { kind?: Change['kind'] };

export function describeChanges(before: WorkflowDefinition, after: WorkflowDefinition, changes: Change[] = diffDefinitions(before, after)): ChangeDescription[] {
  const sides: Sides = { before, after };
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const key = groupKey(segments(change.path));
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  const out: ChangeDescription[] = [];
  for (const [key, group] of groups) {
    const [area = '', id = ''] = key.split('\u0000');
    const said = area === 'node' ? describeNode(sides, id, group) : area === 'form' ? describeForm(sides, id, group) : describeRest(sides, area, id, group);
    const kind = group.length === 1 ? group[0]!.kind : 'changed';
    const paths = group.map((c) => c.path);
    // Several sentences from one group (a form's questions) share its paths: each stands for them.
    for (const d of said) out.push({ kind, ...d, paths });
  }
  const order = new Map(CHANGE_TOPICS.map((t, i) => [t.id, i]));
  return out.map((d, i) => ({ d, i })).sort((x, y) => order.get(x.d.topic)! - order.get(y.d.topic)! || x.i - y.i).map(({ d }) => d);
}

/**
 * Which description a change belongs to: a whole step, one of its properties, one next action;
 * a whole form, one question; one team, role, inbox or outcome; or a top-level property.
 */
function groupKey(parts: string[]): string {
  const [top = '', id, key, sub] = parts;
  const join = (...p: string[]) => p.join('\u0000');
  if (top === 'nodes' && id !== undefined) {
    if (key === undefined) return join('node', id);
    return join('node', id, key, key === 'nextActions' ? (sub ?? '') : '');
  }
  if (top === 'forms' && id !== undefined) {
    if (key === 'schema' && sub === 'properties' && parts[4] !== undefined) return join('form', id, 'q', parts[4]);
    return join('form', id, key ?? '');
  }
  if (['teams', 'roles', 'mailboxes', 'outcomes'].includes(top) && id !== undefined) return join(top, id);
  return join(top, '');
}

const LISTS: Record<string, { topic: ChangeTopic; noun: string }> = {
  teams: { topic: 'who', noun: 'team' },
  roles: { topic: 'who', noun: 'role' },
  mailboxes: { topic: 'notification', noun: 'shared inbox' },
  outcomes: { topic: 'other', noun: 'outcome' },
};

const TOP_WORDS: Record<string, string> = {
  name: 'the protocol’s name',
  description: 'the protocol’s description',
  notes: 'the notes for admins',
  authority: 'the authority',
  $schema: 'the schema link',
};

/** Teams, roles, inboxes, outcomes, the calendar and the protocol's own properties. */
function describeRest(sides: Sides, area: string, id: string, changes: Change[]): Described[] {
  const listed = LISTS[area];
  if (listed) {
    const pick = (d: WorkflowDefinition) => (d[area as 'teams'] as unknown as Array<Record<string, unknown>> | undefined)?.find((x) => x['id'] === id);
    const [b, a] = [pick(sides.before), pick(sides.after)];
    const name = String((b ?? a)?.['name'] ?? id);
    if (!b) return [{ topic: listed.topic, about: null, text: `new ${listed.noun} ${quote(name)}` }];
    if (!a) return [{ topic: listed.topic, about: null, text: `${listed.noun} ${quote(name)} removed` }];
    const keys = [...new Set(changes.map((c) => segments(c.path)[2] ?? ''))];
    const said = keys.map((k) => (k === 'name' ? `renamed ${quote(String(a['name']))}` : `${KEY_WORDS[k] ?? k} changed`));
    return [{ topic: listed.topic, about: `${listed.noun[0]!.toUpperCase()}${listed.noun.slice(1)} ${quote(name)}`, text: said.join('; ') }];
  }
  if (area === 'calendar') return [{ topic: 'deadline', about: 'Calendar', text: closureDays(sides) }];
  if (area === 'name') return [{ topic: 'other', about: null, text: `the protocol is now called ${quote(sides.after.name)} (was ${quote(sides.before.name)})` }];
  if (area === 'retention') {
    const rule = (d: WorkflowDefinition) => describeRule(d.retention ?? DEFAULT_RETENTION);
    return [{ topic: 'other', about: 'Closed cases', text: `${rule(sides.after)} (was ${rule(sides.before)})` }];
  }
  return [{ topic: 'other', about: null, text: `${TOP_WORDS[area] ?? area} changed` }];
}

const KEY_WORDS: Record<string, string> = { roles: 'who may pick up its work', members: 'its members', kind: 'its kind', service: 'its service', manager: 'its manager', address: 'its address' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? m} ${y}`;
};

function closureDays(sides: Sides): string {
  const days = (d: WorkflowDefinition) => new Map((d.calendar.closureDays ?? []).map((c) => [c.date, c.name]));
  const [b, a] = [days(sides.before), days(sides.after)];
  const added = [...a].filter(([date]) => !b.has(date)).map(([date, name]) => `${longDate(date)} (${name})`);
  const removed = [...b].filter(([date]) => !a.has(date)).map(([date, name]) => `${longDate(date)} (${name})`);
  const parts = [added.length ? `closed on ${list(added)}, which deadlines now skip` : '', removed.length ? `no longer closed on ${list(removed)}` : ''].filter(Boolean);
  return parts.length ? parts.join('; ') : 'settings changed';
}
