/**
 * Changes to one step in words: added or removed, renamed, its deadline, who does it, its form,
 * its ways out (next actions, branches, where it goes next) and, for an e-mail, who gets it.
 */
import type { Escalation } from '../schema/definition.types.ts';
import type { Change } from './diff.ts';
import type { Described } from './describe.ts';
import { describeNextAction } from './describe-actions.ts';
import { assignee, earlier, ladder, list, nodeName, outcomeName, quote, recipients, retarget, roles, segments, whenChange, whenWords, type Sides } from './describe-words.ts';

type AnyNode = Record<string, unknown> & { id: string; kind: string; name: string };

const KINDS: Record<string, string> = {
  start: 'way in', user_task: 'task', decision: 'decision', timer: 'wait', parallel: 'split into paths side by side',
  join: 'join of paths', notification: 'e-mail', subflow: 'linked case', end: 'end',
};

const OTHER_WORDS: Record<string, string> = {
  description: 'its description', source: 'where it comes from in the protocol', prefill: 'the answers filled in from earlier steps',
  caseFile: 'the earlier answers shown above its form', guards: 'the rules that must hold before it is done', input: 'the answers passed to the linked case',
  definition: 'the protocol of the linked case', entry: 'the way into the linked case', priority: 'its priority', closureReason: 'its CIN closure reason',
};

export function describeNode(sides: Sides, id: string, changes: Change[]): Described[] {
  const b = sides.before.nodes.find((n) => n.id === id) as AnyNode | undefined;
  const a = sides.after.nodes.find((n) => n.id === id) as AnyNode | undefined;
  const name = (b ?? a)?.name ?? id;
  const about = name;
  const mail = (a ?? b)?.kind === 'notification';
  if (!b && a) return [{ topic: mail ? 'notification' : 'step', about, text: `new ${KINDS[a.kind] ?? a.kind}${added(sides, a)}` }];
  if (b && !a) return [{ topic: mail ? 'notification' : 'step', about, text: `${KINDS[b.kind] ?? b.kind} removed` }];
  if (!a || !b) return [];
  const key = segments(changes[0]!.path)[2] ?? '';
  if (key === 'nextActions') return [describeNextAction(sides, b, a, changes, about)];
  const said = property(sides, key, b, a);
  return said ? [{ ...said, about }] : [];
}

/** What a new step is, in a few words: "new task for an EH front door manager, due within 2 working days". */
function added(sides: Sides, n: AnyNode): string {
  const parts: string[] = [];
  if (n['assignee']) parts.push(`with ${assignee(sides, n['assignee'] as never)}`);
  if (n['due']) parts.push(`due ${whenWords(sides, n['due'] as never)}`);
  if (n.kind === 'notification') parts.push(`to ${recipients(sides, n['to'] as never)}`);
  if (n.kind === 'end' && typeof n['outcome'] === 'string') parts.push(`closing with ${quote(outcomeName(sides, n['outcome']))}`);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

const target = (sides: Sides, id: unknown) => quote(nodeName(sides, String(id)));
const moved = (sides: Sides, before: unknown, after: unknown) => {
  const { now, was } = retarget(sides, String(before), String(after));
  return `${now} (was ${was})`;
};
const was = (now: string, before: string) => (now === before ? now : `${now} (was ${before})`);

function property(sides: Sides, key: string, b: AnyNode, a: AnyNode): Omit<Described, 'about'> | null {
  const [x, y] = [b[key] as never, a[key] as never];
  const past = earlier(sides);
  switch (key) {
    case 'name':
      return { topic: 'step', text: `renamed ${quote(a.name)}` };
    case 'kind':
      return { topic: 'step', text: `now a ${KINDS[a.kind] ?? a.kind} (was a ${KINDS[b.kind] ?? b.kind})` };
    case 'stage':
      return { topic: 'step', text: y ? `now in the stage ${quote(y)}${x ? ` (was ${quote(x)})` : ''}` : `no longer in a stage (was ${quote(x)})` };
    case 'due':
      return { topic: 'deadline', text: dueText(sides, x, y) };
    case 'availableFrom':
      return { topic: 'deadline', text: y ? `can be started ${whenChange(sides, x, y, 'moment')}` : `can be started at once (was ${whenWords(past, x, 'moment')})` };
    case 'wait':
      return { topic: 'deadline', text: `waits until ${whenChange(sides, x, y, 'moment')}` };
    case 'escalations':
      return { topic: 'deadline', text: escalationText(sides, x, y) };
    case 'assignee':
      return { topic: 'who', text: `now with ${was(assignee(sides, y), assignee(past, x))}` };
    case 'roles':
      return { topic: 'who', text: rolesText(sides, a.kind === 'start' ? 'start a case here' : 'do it', x, y) };
    case 'separateFrom':
      return { topic: 'who', text: y ? `must be done by someone other than whoever did ${list((y as string[]).map((n) => target(sides, n)), 'or')}` : 'no longer kept apart from earlier steps' };
    case 'signatures':
      return { topic: 'who', text: y ? `signed jointly by ${signers(sides, y)}${x ? ` (was ${signers(past, x)})` : ''}` : 'no longer signed jointly' };
    case 'form':
      return { topic: 'question', text: y ? `uses the form ${formTitle(sides, y)}${x ? ` (was ${formTitle(past, x)})` : ''}` : 'no longer has a form' };
    case 'to':
      if (a.kind === 'notification') return { topic: 'notification', text: `now sent to ${was(recipients(sides, y), recipients(past, x))}` };
      break;
    case 'subject':
      return { topic: 'notification', text: `subject now reads ${quote(y)} (was ${quote(x)})` };
    case 'body':
      return { topic: 'notification', text: 'the message text changed' };
    case 'next':
      return { topic: 'way_out', text: `then goes to ${moved(sides, x, y)}` };
    case 'default':
      return { topic: 'way_out', text: `otherwise goes to ${moved(sides, x, y)}` };
    case 'branches':
      return { topic: 'way_out', text: `routes now: ${routes(sides, a)} (was: ${routes(past, b)})` };
    case 'multipleActions':
      return { topic: 'way_out', text: y ? 'several next actions can now be chosen at once' : 'only one next action can now be chosen' };
    case 'outcome':
      return { topic: 'other', text: `ends with ${quote(outcomeName(sides, y))} (was ${quote(outcomeName(past, x))})` };
    case 'terminate':
      return { topic: 'way_out', text: y ? 'now ends the whole case, closing any other open paths' : 'no longer ends the whole case' };
  }
  if (key === 'priority' || key === 'closureReason') return { topic: 'other', text: `${OTHER_WORDS[key]} is now ${y ?? 'not set'} (was ${x ?? 'not set'})` };
  return { topic: key === 'guards' ? 'way_out' : 'other', text: `${OTHER_WORDS[key] ?? key} changed` };
}

function dueText(sides: Sides, before: unknown, after: unknown): string {
  if (!after) return `no longer has a deadline (was due ${whenWords(earlier(sides), before as never)})`;
  const text = `due ${whenChange(sides, before as never, after as never)}`;
  const [b, a] = [before as { label?: string } | undefined, after as { label?: string }];
  // The wording practitioners see is written apart from the number: say when one moved without the other.
  if (b && a.label !== b.label) return `${text}; its wording now reads ${quote(a.label ?? '')}${b.label ? ` (was ${quote(b.label)})` : ''}`;
  if (a.label && text.includes('(was')) return `${text}; practitioners still read ${quote(a.label)}`;
  return text;
}

/** The ladder when who is told or when changed; else the messages that changed, which practitioners read. */
function escalationText(sides: Sides, before: Escalation[] | undefined, after: Escalation[] | undefined): string {
  const [was, now] = [ladder(earlier(sides), before), ladder(sides, after)];
  if (was !== now) return `if not done in time: ${now} (was: ${was})`;
  const changed = (after ?? []).filter((r, i) => r.message !== before?.[i]?.message).map((r) => quote(r.message ?? ''));
  return changed.length ? `the escalation message${changed.length === 1 ? ' now reads' : 's now read'} ${list(changed)}` : 'its escalations changed';
}

function rolesText(sides: Sides, doing: string, before: string[] | undefined, after: string[] | undefined): string {
  const words = (s: Sides, r: string[] | undefined) => (r?.length ? `only ${roles(s, r)} can ${doing}` : `anyone it is with can ${doing}`);
  return was(words(sides, after), words(earlier(sides), before));
}

function signers(sides: Sides, joint: { roles?: string[]; signers?: Array<{ roles: string[]; label?: string }> }): string {
  const each = joint.signers ?? (joint.roles ?? []).map((r) => ({ roles: [r], label: undefined }));
  return list(each.map((s) => s.label ?? roles(sides, s.roles)));
}

function formTitle(sides: Sides, id: string): string {
  return quote(sides.after.forms[id]?.title ?? sides.before.forms[id]?.title ?? id);
}

function routes(sides: Sides, n: AnyNode): string {
  const branches = n['branches'] as Array<string | { label?: string; to: string }>;
  if (n.kind === 'parallel') return list(branches.map((id) => target(sides, id)));
  const each = branches.map((br) => (typeof br === 'string' ? target(sides, br) : `${br.label ? quote(br.label) : 'when its condition holds'} to ${target(sides, br.to)}`));
  return `${each.join('; ')}; otherwise to ${target(sides, n['default'])}`;
}
