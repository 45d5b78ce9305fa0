/**
 * Example answers for the next step of a what-if run: the open task's form (or the way in's
 * intake form) answered so that the form's schema and its case-aware checks accept them on this
 * case, at the moment the step is to happen. Pure: the server's simulate route calls it.
 */
import { WorkingCalendar } from '../calendar/index.ts';
import { exampleAnswers } from '../forms/example-answers.ts';
import { truthy, varsRead } from '../logic/index.ts';
import { caseData, withAnswers } from '../runtime/data.ts';
import type { CaseState, Subject } from '../runtime/state.ts';
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import type { Instant } from '../time.ts';

/** A task (by node or task id), with the next actions to be chosen with the answers; or a way in with its family. */
export type ExampleFor = { task: string; actions?: string[] } | { start: { entry: string; subject: Subject } };

/** Example answers for `target` at `at`; `null` when the step has no form (or there is no such step). */
export function exampleAnswersFor(definition: WorkflowDefinition, state: CaseState | null, target: ExampleFor, at: Instant): Record<string, unknown> | null {
  const calendar = WorkingCalendar.for(definition.calendar);
  const today = calendar.localDate(at);
  const now = new Date(at).toISOString();
  if ('start' in target) {
    const node = definition.nodes.find((n) => n.id === target.start.entry);
    const form = node?.kind === 'start' && node.form ? definition.forms[node.form] : undefined;
    if (!form) return null;
    const { familyName, children } = target.start.subject;
    return exampleAnswers(form, { children, calendar, today, caseData: { case: { familyName, children, childCount: children.length }, now, today } });
  }
  if (!state) return null;
  const tasks = Object.values(state.tasks);
  const task = tasks.find((t) => t.id === target.task) ?? tasks.find((t) => t.node === target.task && t.status === 'open');
  const node = definition.nodes.find((n) => n.id === task?.node);
  const form = node?.kind === 'user_task' && node.form ? definition.forms[node.form] : undefined;
  if (!task || !form || node?.kind !== 'user_task') return null;
  // The task's prefill (answers copied from earlier steps) stands where the checks accept it, and
  // an answer that chooses a next action (`chosenBy`) gives the one chosen with these answers.
  const chosen = node.nextActions.filter((a) => target.actions?.includes(a.id) && a.chosenBy);
  const choosing = Object.fromEntries(chosen.map((a) => [a.chosenBy!.field, a.chosenBy!.values[0]]));
  const view = Object.assign({}, caseData(state, now, today), { node: task.node });
  // The step's guards, and those of the next actions chosen, that read these answers: the answers should pass them too.
  const guards = [...(node.guards ?? []), ...node.nextActions.filter((a) => target.actions?.includes(a.id)).flatMap((a) => a.guards ?? [])];
  const chosenActions = (target.actions ?? []).map((action) => ({ action }));
  const more = (answers: Record<string, unknown>) =>
    guards.flatMap((guard) => {
      const fields = varsRead(guard.rule).filter((p) => p.startsWith(`form.${node.id}.`)).map((p) => `/${p.slice(`form.${node.id}.`.length).split('.')[0]}`);
      if (fields.length === 0) return [];
      let holds = false;
      try {
        holds = truthy(guard.rule, withAnswers(view, { node: node.id, data: answers, chosen: chosenActions }), calendar);
      } catch {
        holds = false;
      }
      return holds ? [] : fields.map((pointer) => ({ pointer, keyword: 'guard', message: guard.message }));
    });
  return exampleAnswers(form, { children: state.subject.children, calendar, today, caseData: view, prefill: { ...task.prefill, ...choosing }, more });
}
