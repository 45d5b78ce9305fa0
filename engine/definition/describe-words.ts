/**
 * The words the change descriptions are made of: timescales, who a task is with, where a way out
 * leads, which case date a deadline counts from — as a practitioner would read them, with names
 * from the definition instead of ids.
 */
import { locate } from '../forms/locate.ts';
import { rolesSentence } from '../nodes/who-may-act.ts';
import type { Anchor, Assignee, Duration, Escalation, PassTo, Recipient, Timescale, When, WorkflowDefinition } from '../schema/definition.types.ts';

/** Both sides of a change: names are looked up in the version after it, then the one before. */
export interface Sides {
  before: WorkflowDefinition;
  after: WorkflowDefinition;
}

export const quote = (text: string) => `“${text}”`;

/** The same two versions, names looked up in the one before first: for what something "was". */
export const earlier = (sides: Sides): Sides => ({ before: sides.after, after: sides.before });

/** A diff path's segments, unescaped: `/nodes/a~1b/due` → `nodes`, `a/b`, `due`. */
export function segments(path: string): string[] {
  return path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function nodeName(sides: Sides, id: string): string {
  return (sides.after.nodes.find((n) => n.id === id) ?? sides.before.nodes.find((n) => n.id === id))?.name ?? id;
}

/**
 * Where a way out leads now and led before, quoted: "“Screen the step down referral”". Two steps
 * may share a name (Camden screens twice), so when the names match their ids tell them apart.
 */
export function retarget(sides: Sides, before: string, after: string): { now: string; was: string } {
  const [now, was] = [nodeName(sides, after), nodeName(earlier(sides), before)];
  if (now === was && before !== after) return { now: `${quote(now)} (${after})`, was: `${quote(was)} (${before})` };
  return { now: quote(now), was: quote(was) };
}

function named<T extends { id: string; name: string }>(list: (d: WorkflowDefinition) => T[] | undefined, sides: Sides, id: string): string {
  return (list(sides.after)?.find((x) => x.id === id) ?? list(sides.before)?.find((x) => x.id === id))?.name ?? id;
}
export const teamName = (sides: Sides, id: string) => named((d) => d.teams, sides, id);
export const mailboxName = (sides: Sides, id: string) => named((d) => d.mailboxes, sides, id);
export const outcomeName = (sides: Sides, id: string) => named((d) => d.outcomes, sides, id);

/** "a social worker or an EH team manager", in the newer version's role names. */
export function roles(sides: Sides, ids: readonly string[]): string {
  const definition = ids.every((r) => sides.after.roles.some((x) => x.id === r)) ? sides.after : sides.before;
  return rolesSentence(definition, ids);
}

/** "A, B and C". */
export function list(items: readonly string[], last = 'and'): string {
  return items.length <= 1 ? (items[0] ?? 'nothing') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

const UNITS: Record<Duration['unit'], [string, string]> = {
  working_days: ['working day', 'working days'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
};
export const unitWords = (unit: Duration['unit'], amount: number) => UNITS[unit]?.[amount === 1 ? 0 : 1] ?? unit;
export const duration = (d: Duration) => `${d.amount} ${unitWords(d.unit, d.amount)}`;

/** The case date a timescale counts from: "“Date the assessment was completed”", "“Screen” being done". */
export function anchor(sides: Sides, from: Anchor | undefined): string | null {
  if (from === undefined) return null;
  const paths = Array.isArray(from) ? from : [from];
  const words = paths.map((p) => anchorPath(sides, p));
  return words.length === 1 ? words[0]! : `the latest of ${list(words, 'or')}`;
}

function anchorPath(sides: Sides, path: string): string {
  const [head, id = '', ...rest] = path.split('.');
  if (path === 'case.startedAt') return 'the case starting';
  if (head === 'done') return `${quote(nodeName(sides, id))} being done`;
  if (head === 'entered') return `the case reaching ${quote(nodeName(sides, id))}`;
  if (head === 'form' && rest.length > 0) {
    for (const d of [sides.after, sides.before]) {
      const node = d.nodes.find((n) => n.id === id);
      const form = node && 'form' in node && node.form ? d.forms[node.form] : undefined;
      if (form) return quote(locate(form, `/${rest.join('/')}`).label);
    }
  }
  return path;
}

/**
 * A moment in words. `due`: "within 2 working days of …"; otherwise the moment itself:
 * "2 working days after …".
 */
export function whenWords(sides: Sides, when: Timescale, style: 'due' | 'moment' = 'due'): string {
  if ('choose' in when) {
    const others = when.choose.map((c) => whenWords(sides, c.then, style));
    return `${whenWords(sides, when.otherwise, style)}, unless a condition chooses ${list(others, 'or')}`;
  }
  const from = anchor(sides, when.from);
  if ('after' in when) {
    if (style === 'due') return `within ${duration(when.after)}${from ? ` of ${from}` : ''}`;
    return `${duration(when.after)} after ${from ?? 'the step starts'}`;
  }
  if ('before' in when) return `${duration(when.before)} before ${from}`;
  if ('at' in when) return `on ${from}`;
  if ('nextSlot' in when) {
    const slot = when.nextSlot;
    const days = list(slot.days.map((d) => d[0]!.toUpperCase() + d.slice(1)), 'or');
    return `at the next ${days} slot (${slot.start}${slot.end ? `–${slot.end}` : ''})${from ? ` after ${from}` : ''}`;
  }
  return `between ${duration(when.window.earliest)} and ${duration(when.window.latest)} after ${from ?? 'the step starts'}`;
}

/**
 * Two timescales side by side. Where only the number changed, it says so briefly: "within 3
 * working days (was 2)"; otherwise both in full.
 */
export function whenChange(sides: Sides, before: Timescale | undefined, after: Timescale | undefined, style: 'due' | 'moment' = 'due'): string {
  if (!after) return `none (was ${before ? whenWords(earlier(sides), before, style) : 'none'})`;
  if (!before) return whenWords(sides, after, style);
  const b = before as When;
  const a = after as When;
  if ('after' in a && 'after' in b && a.after.unit === b.after.unit && JSON.stringify(a.from) === JSON.stringify(b.from) && a.after.amount !== b.after.amount) {
    return `${whenWords(sides, a, style)} (was ${b.after.amount})`;
  }
  const [was, now] = [whenWords(earlier(sides), before, style), whenWords(sides, after, style)];
  return was === now ? now : `${now} (was ${was})`;
}

/** Who a task is with: "an EH front door manager", "the “Early Help front door” team". */
export function assignee(sides: Sides, who: Assignee | Recipient | undefined): string {
  if (!who) return 'nobody';
  if ('role' in who) return roles(sides, [who.role]);
  if ('team' in who) return suffixed(teamName(sides, who.team), 'team', /\b(team|tray|inbox)$/i);
  if ('worker' in who) return `the worker ${quote(who.worker)}`;
  if ('mailbox' in who) return suffixed(mailboxName(sides, who.mailbox), 'inbox', /\b(inbox|mailbox)$/i);
  if ('performerOf' in who) return `whoever did ${quote(nodeName(sides, who.performerOf))}`;
  const otherwise = who.fallback ? `, or else ${assignee(sides, who.fallback)}` : '';
  if ('passedToAt' in who) return `whoever ${quote(nodeName(sides, who.passedToAt))} passed the work to${otherwise}`;
  return `whoever the step before passed it to${otherwise}`;
}

/** "the “Families in Focus” team", but "the “Early Help Step Down inbox”": the kind is said once. */
const suffixed = (name: string, kind: string, says: RegExp) => `the ${quote(name)}${says.test(name) ? '' : ` ${kind}`}`;

export const recipients = (sides: Sides, to: ReadonlyArray<Recipient> | undefined) => list((to ?? []).map((r) => assignee(sides, r)));

/** Who a next action may pass the work to: "the “Families in Focus” team or a named worker". */
export function passTo(sides: Sides, pass: PassTo | undefined): string {
  if (!pass) return 'nobody chosen';
  const parts = (pass.teams ?? []).map((t) => quote(teamName(sides, t)));
  if (pass.teamFrom) parts.push(`the team recorded at ${quote(pass.teamFrom)}`);
  if (pass.workers) parts.push(pass.roles ? `a named worker who is ${roles(sides, pass.roles)}` : 'a named worker');
  return `${list(parts, 'or')}${pass.required ? ' (required)' : ''}`;
}

/** An escalation ladder: "at the deadline, tell an EH service manager; 1 working day after, …". */
export function ladder(sides: Sides, rungs: readonly Escalation[] | undefined): string {
  if (!rungs?.length) return 'none';
  return rungs
    .map((r) => {
      const when = r.after ? `${duration(r.after)} after the deadline` : 'at the deadline';
      const extra = [r.reassignTo ? `pass it to ${assignee(sides, r.reassignTo)}` : '', r.raisePriority ? `make it ${r.raisePriority}` : ''].filter(Boolean);
      return `${when}, tell ${recipients(sides, r.notify)}${extra.map((e) => `, ${e}`).join('')}`;
    })
    .join('; ');
}
