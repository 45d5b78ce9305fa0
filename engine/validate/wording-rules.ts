/**
 * Lint for practitioner-facing text that contradicts its own timescale: a deadline's wording, a
 * task's description, its escalation messages and the e-mails about it that say "within 2 working
 * days" beside a deadline of 3 (`wording_contradicts_timescale`), and a weekly slot's wording
 * that names another day or time (`wording_contradicts_slot`). Only text tied to the timescale is
 * read, and only the durations it says are about that timescale (see `durations.ts`); a step
 * entered by a timer may also say the two together ("8 weeks after the last meeting" for a
 * 6-week wait and a 2-week deadline).
 */
import type { Duration, Node, UserTaskNode, When, WorkflowDefinition } from '../schema/definition.types.ts';
import type { Graph } from '../definition/graph.ts';
import { outgoing } from '../definition/graph.ts';
import type { Problem } from '../problems.ts';
import { addDurations, durationsIn, durationsText, durationText, sameDuration, type Said } from './durations.ts';
import { slotProblems } from './slot-wording.ts';

const CODE = 'wording_contradicts_timescale';

/** The durations a `When` is made of (none for a date or a weekly slot). */
export function durationsOf(when: When | undefined): Duration[] {
  if (!when) return [];
  if ('after' in when) return [when.after];
  if ('before' in when) return [when.before];
  if ('window' in when) return [when.window.earliest, when.window.latest];
  return [];
}

/** Durations of a task's deadline, or of each of its choices. */
function dueDurations(node: UserTaskNode): Duration[] {
  const due = node.due;
  if (!due) return [];
  if ('choose' in due) return [...due.choose.flatMap((c) => durationsOf(c.then)), ...durationsOf(due.otherwise)];
  return durationsOf(due);
}

/** Also right for a step a timer starts and whose deadline counts from then: the wait, and the wait plus the deadline. */
function withTimersBefore(graph: Graph, node: Node, own: Duration[], countsFromEntry: boolean): Duration[] {
  const ways = graph.incoming.get(node.id) ?? [];
  const timers = ways.map((id) => graph.nodes.get(id)).filter((n) => n?.kind === 'timer');
  if (!countsFromEntry || timers.length === 0 || timers.length !== ways.length) return own;
  const waits = timers.flatMap((t) => (t?.kind === 'timer' ? durationsOf(t.wait) : []));
  const sums = waits.flatMap((w) => own.flatMap((d) => addDurations(w, d) ?? []));
  return [...own, ...waits, ...sums];
}

const agrees = (said: Said, allowed: Duration[]) => allowed.some((d) => sameDuration(said, d));

export function wordingProblems(definition: WorkflowDefinition, graph: Graph): Problem[] {
  const problems: Problem[] = [];
  /** Every duration of `text` that is about `about` and none of `allowed`, reported once per text. */
  const check = (text: string | undefined, path: string, allowed: Duration[], abouts: Array<Said['about']>, say: (said: Said) => string) => {
    if (!text || allowed.length === 0) return;
    const wrong = durationsIn(text).find((s) => abouts.includes(s.about) && !agrees(s, allowed));
    if (wrong) problems.push({ code: CODE, path, message: say(wrong) });
  };
  definition.nodes.forEach((node, i) => {
    const at = `/nodes/${i}`;
    const name = `"${node.name}"`;
    if (node.kind === 'timer') {
      problems.push(...slotProblems(node, at));
      const wait = durationsOf(node.wait);
      check(node.wait.label, `${at}/wait/label`, wait, ['deadline', 'any'], (s) => `The wording of ${name} says "${s.text}", but it waits ${durationsText(wait)}: change the wording to say ${durationsText(wait)}, or change the wait.`);
    }
    if (node.kind === 'user_task' && node.availableFrom) {
      const from = durationsOf(node.availableFrom);
      check(node.availableFrom.label, `${at}/availableFrom/label`, from, ['deadline', 'any'], (s) => `The wording of when ${name} becomes available says "${s.text}", but it is set to ${durationsText(from)}: change the wording to say ${durationsText(from)}, or change the timescale.`);
    }
    if (node.kind === 'notification') {
      const tasks = tasksToldAbout(graph, node).filter((t) => dueDurations(t).length > 0);
      const allowed = tasks.flatMap(dueDurations);
      const first = tasks[0];
      for (const key of ['subject', 'body'] as const) {
        check(node[key], `${at}/${key}`, allowed, ['deadline'], (s) => `The e-mail ${name} says "${s.text}", but "${first!.name}", the step it tells about, is due in ${durationsText(dueDurations(first!))}: change the e-mail to say ${durationsText(dueDurations(first!))}, or change the deadline.`);
      }
    }
    if (node.kind !== 'user_task') return;
    problems.push(...slotProblems(node, at));
    const own = dueDurations(node);
    const due = node.due;
    const fromEntry = !!due && !('choose' in due) && !due.from;
    const allowed = withTimersBefore(graph, node, own, fromEntry);
    const deadline = durationsText(own);
    const label = (text: string | undefined, path: string, list: Duration[]) =>
      check(text, path, withTimersBefore(graph, node, list, fromEntry), ['deadline', 'any'], (s) => `${name} is due in ${durationsText(list)}, but the wording of its deadline says "${s.text}": change the wording to say ${durationsText(list)}, or change the deadline.`);
    if (due && 'choose' in due) {
      label(due.label, `${at}/due/label`, own);
      due.choose.forEach((c, j) => label(c.then.label, `${at}/due/choose/${j}/then/label`, durationsOf(c.then)));
      label(due.otherwise.label, `${at}/due/otherwise/label`, durationsOf(due.otherwise));
    } else label(due?.label, `${at}/due/label`, own);
    check(node.description, `${at}/description`, allowed, ['deadline'], (s) => `The description of ${name} says "${s.text}", but the step is due in ${deadline}: change the description to say ${deadline}, or change the deadline.`);
    (node.escalations ?? []).forEach((rung, j) => {
      const where = `${at}/escalations/${j}/message`;
      const late: Duration = rung.after ?? { amount: 0, unit: own[0]?.unit ?? 'working_days' };
      const rungName = `Escalation ${j + 1} of ${name}`;
      check(rung.message, where, allowed, ['deadline'], (s) => `${rungName} says "${s.text}", but the step is due in ${deadline}: change the message to say ${deadline}, or change the deadline.`);
      if (problems.at(-1)?.path === where) return;
      check(rung.message, where, [late], ['overdue'], (s) => `${rungName} says the step is "${s.text}" late, but it is sent ${rung.after ? `${durationText(late)} after the deadline` : 'at the deadline'}: change the message, or when it is sent.`);
      if (problems.at(-1)?.path === where) return;
      check(rung.message, where, [...allowed, late, ...allowed.flatMap((d) => addDurations(d, late) ?? [])], ['any'], (s) => `${rungName} says "${s.text}", but the step is due in ${deadline} and the message is sent ${rung.after ? `${durationText(late)} after that` : 'then'}: change the message to match, or the timescale.`);
    });
  });
  return problems;
}

/** The tasks an e-mail is about: the first task on each way on from it, and beside it on a parallel split. */
function tasksToldAbout(graph: Graph, node: Node): UserTaskNode[] {
  const found: UserTaskNode[] = [];
  const seen = new Set<string>([node.id]);
  let frontier = [
    ...outgoing(node).map((e) => e.to),
    ...(graph.incoming.get(node.id) ?? []).flatMap((id) => {
      const split = graph.nodes.get(id);
      return split?.kind === 'parallel' ? split.branches : [];
    }),
  ];
  for (let depth = 0; depth < 4 && frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      const n = graph.nodes.get(id);
      if (!n || seen.has(id)) continue;
      seen.add(id);
      if (n.kind === 'user_task') found.push(n);
      else if (n.kind !== 'end') next.push(...outgoing(n).map((e) => e.to));
    }
    frontier = next;
  }
  return found;
}
