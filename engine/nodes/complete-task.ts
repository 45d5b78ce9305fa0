/**
 * Completing a user task: every check that can refuse runs before anything changes. Whose task it
 * is and when come first; then the form, the guards and the next actions are all checked, and
 * every problem is reported in one refusal, so that one submit shows the person everything to fix.
 * A jointly signed task records each signature and completes with the last one.
 */
import type { UserTaskNode } from '../schema/definition.types.ts';
import { validateFormData, withoutBlankAnswers } from '../forms/index.ts';
import { londonLongTime } from '../calendar/index.ts';
import { Refusal, type FieldError } from '../problems.ts';
import type { Actor, ChosenAction } from '../runtime/events.ts';
import type { Run } from '../runtime/run.ts';
import type { Task } from '../runtime/state.ts';
import { actionProblems, decidedActions, failedGuards, type ActionProblem } from './next-actions.ts';
import { checkMayAct, sign } from './who-may-act.ts';
import { correctSubject } from './subject-updates.ts';

export function completeTask(
  node: UserTaskNode,
  run: Run,
  task: Task,
  event: { by: Actor; data: Record<string, unknown>; actions: ChosenAction[] },
): void {
  const { by } = event;
  checkMayAct(node, run, task, by);
  if (task.availableFrom && task.availableFrom > run.now) {
    throw new Refusal('not_yet_available', `"${task.name}" cannot be completed before ${londonLongTime(task.availableFrom)}.`, {
      availableFrom: task.availableFrom,
    });
  }
  const data = withoutBlankAnswers(event.data);
  const form = run.compiled.form(node.form);
  let fieldErrors: FieldError[] = [];
  if (form) {
    // Object.assign, not a spread and a new key: see draft.ts.
    const caseData = form.checks?.length ? Object.assign({}, run.data(), { node: node.id }) : undefined;
    // `blanksAreAnswers`: the blanks are out of these answers already, so they are not taken out twice.
    const context = { children: run.state.subject.children, calendar: run.calendar, budget: run.budget, today: run.today, blanksAreAnswers: true, ...(caseData ? { caseData } : {}) };
    fieldErrors = run.withinBudget(node.id, () => validateFormData(form, data, context));
  }
  // The answers may decide the next actions and the team (decide once): from here on, these are the choice.
  const decided = decidedActions(node, run, { data, sent: event.actions, fieldErrors });
  const actions = decided.actions;
  const view = run.data({ node: node.id, data, chosen: actions });
  const guardMessages = failedGuards(node.guards ?? [], view, run, { node: node.id, fieldErrors });
  const { chosen, problems } = actionProblems({ node, run, view, fieldErrors }, actions);
  refuseAtOnce(fieldErrors, guardMessages, [...decided.problems, ...problems]);
  if (node.signatures && !sign(node, run, task, by, { answers: data, actions: structuredClone(actions) as NonNullable<Task['proposal']>['actions'] }).complete) return;

  task.status = 'completed';
  task.completedAt = run.now;
  task.completedBy = by.id;
  task.answers = data;
  task.actions = chosen.map(({ action }) => action.id);
  run.cancelTimersOf(task.id);
  run.updateTask(task);
  run.own('form')[node.id] = data;
  correctSubject(node, run, task, data);
  run.own('done')[node.id] = run.now;
  run.own('performer')[node.id] = by.id;
  run.own('action')[node.id] = task.actions.join(',');
  const passed = chosen.find(({ choice }) => choice.passTo)?.choice.passTo;
  if (passed) run.own('passedTo')[node.id] = passed;
  run.record({ type: 'task_completed', node: node.id, task: task.id, by: by.id, actions: task.actions, overdue: task.overdue });
  for (const { action, choice } of chosen) {
    run.enter(action.to, {
      from: node.id,
      passedBy: by.id,
      ...(choice.passTo ? { passTo: choice.passTo } : {}),
      ...(choice.priority || action.defaultPriority ? { priority: choice.priority ?? action.defaultPriority } : {}),
      ...(choice.scheduledFor ? { scheduledFor: choice.scheduledFor } : {}),
      ...(choice.note ? { note: choice.note } : {}),
    });
  }
}

/**
 * One problem keeps the refusal it always had (`form_invalid`, `guard_failed`, `pass_to_required`…);
 * more than one, of any kinds, is one `form_invalid` carrying them all: `fieldErrors`,
 * `guardMessages` (the task's own guards) and `actionErrors` (each with its code, message and the
 * index and id of the action it is about).
 */
function refuseAtOnce(fieldErrors: FieldError[], guardMessages: string[], actionErrors: ActionProblem[]): void {
  const kinds = (fieldErrors.length > 0 ? 1 : 0) + (guardMessages.length > 0 ? 1 : 0) + actionErrors.length;
  if (kinds === 0) return;
  if (kinds > 1) {
    throw new Refusal('form_invalid', 'The task has answers to correct.', {
      fieldErrors,
      ...(guardMessages.length > 0 ? { guardMessages } : {}),
      ...(actionErrors.length > 0 ? { actionErrors } : {}),
    });
  }
  if (fieldErrors.length > 0) throw new Refusal('form_invalid', 'The form has answers to correct.', { fieldErrors });
  if (guardMessages.length > 0) throw new Refusal('guard_failed', guardMessages.join(' '), { messages: guardMessages });
  const { code, message, ...details } = actionErrors[0]!;
  throw new Refusal(code, message, details);
}
