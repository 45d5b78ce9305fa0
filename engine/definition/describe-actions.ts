/**
 * Changes to one next action of a task in words: added or removed, renamed, where it leads, who
 * the work may be passed to, and the rules for choosing it.
 */
import type { NextAction } from '../schema/definition.types.ts';
import type { Change } from './diff.ts';
import type { Described } from './describe.ts';
import { earlier, list, nodeName, passTo, quote, retarget, segments, type Sides } from './describe-words.ts';

type Node = Record<string, unknown>;

const actionsOf = (n: Node) => (n['nextActions'] as NextAction[] | undefined) ?? [];

export function describeNextAction(sides: Sides, b: Node, a: Node, changes: Change[], about: string): Described {
  const id = segments(changes[0]!.path)[3];
  if (id === undefined) return { topic: 'way_out', about, text: 'its next actions changed' };
  const before = actionsOf(b).find((x) => x.id === id);
  const after = actionsOf(a).find((x) => x.id === id);
  const leads = (x: NextAction) => `leading to ${quote(nodeName(sides, x.to))}`;
  if (!before && after) return { topic: 'way_out', about, text: `new next action ${quote(after.label)}, ${leads(after)}` };
  if (before && !after) return { topic: 'way_out', about, text: `next action ${quote(before.label)} removed` };
  if (!before || !after) return { topic: 'way_out', about, text: 'its next actions changed' };
  const keys = [...new Set(changes.map((c) => segments(c.path)[4] ?? ''))];
  const said = keys.map((key) => part(sides, key, before, after));
  const topic = keys.every((k) => k === 'passTo') ? 'who' : 'way_out';
  const name = quote(keys.includes('label') ? before.label : after.label);
  return { topic, about, text: `next action ${name}: ${said.join('; ')}` };
}

function part(sides: Sides, key: string, b: NextAction, a: NextAction): string {
  switch (key) {
    case 'label':
      return `renamed ${quote(a.label)}`;
    case 'to': {
      const { now, was } = retarget(sides, b.to, a.to);
      return `now leads to ${now} (was ${was})`;
    }
    case 'passTo':
      return `can be passed to ${passTo(sides, a.passTo)} (was ${passTo(earlier(sides), b.passTo)})`;
    case 'guards': {
      const [was, now] = [(b.guards ?? []).map((g) => g.message), (a.guards ?? []).map((g) => g.message)];
      const added = now.filter((m) => !was.includes(m)).map(quote);
      const removed = was.filter((m) => !now.includes(m)).map(quote);
      const words = [added.length ? `new rule ${list(added)}` : '', removed.length ? `rule ${list(removed)} removed` : ''].filter(Boolean);
      return words.length ? words.join(', ') : 'the rules for choosing it changed';
    }
    case 'requires': {
      const labels = (a.requires ?? []).map((r) => quote(sides.after.nodes.flatMap((n) => ('nextActions' in n ? n.nextActions : [])).find((x) => x.id === r)?.label ?? r));
      return labels.length ? `must be chosen together with ${list(labels)}` : 'no longer needs another action chosen with it';
    }
    case 'chosenBy':
      return a.chosenBy ? 'now chosen by an answer on the form' : 'now chosen by the practitioner';
    case 'scheduledDate':
      return a.scheduledDate ? `asks for a date${a.scheduledDate.label ? ` (${quote(a.scheduledDate.label)})` : ''}${a.scheduledDate.required ? ', which must be given' : ''}` : 'no longer asks for a date';
    case 'defaultPriority':
      return `priority of the next task is ${a.defaultPriority ?? 'normal'} (was ${b.defaultPriority ?? 'normal'})`;
  }
  return `${key} changed`;
}
