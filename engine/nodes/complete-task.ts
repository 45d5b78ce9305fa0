/**
 * Completing a user task: every check that can refuse runs before anything changes, in the order
 * a practitioner would fix them — whose task it is, when, the form, the guards, the next actions.
 * A jointly signed task records each signature and completes with the last one.
 */
import type { UserTaskNode } from '../schema/definition.types.ts';
import { validateFormData, withoutBlankAnswers } from '../forms/index.ts';
import { Refusal } from '../problems.ts';
import type { Actor, ChosenAction } from '../runtime/events.ts';
import type { Run } from '../runtime/run.ts';
import type { Task } from '../runtime/state.ts';
import { checkActions, checkGuards } from './next-actions.ts';
import { checkMayAct, sign } from './who-may-act.ts';

export function completeTask(
  node: UserTaskNode,
  run: Run,
  task: Task,
  event: { by: Actor; data: Record<string, unknown>; actions: ChosenAction[] },
): void {
  const { by, actions } = event;
  checkMayAct(node, run, task, by);
  if (task.availableFrom && task.availableFrom > run.now) {
    throw new Refusal('not_yet_available', `"${task.name}" cannot be completed before ${task.availableFrom}.`, {
      availableFrom: task.availableFrom,
    });
  }
  const data = withoutBlankAnswers(event.data);
  const form = node.form && Object.hasOwn(run.definition.forms, node.form) ? run.definition.forms[node.form] : undefined;
  if (form) {
    const caseData = form.checks?.length ? { ...run.data(), node: node.id } : undefined;
    const context = { children: run.state.subject.children, calendar: run.calendar, ...(caseData ? { caseData } : {}) };
    const fieldErrors = validateFormData(form, data, context);
    if (fieldErrors.length > 0) throw new Refusal('form_invalid', 'The form has answers to correct.', { fieldErrors });
  }
  const view = run.data({ node: node.id, data, chosen: actions });
  checkGuards(node.guards ?? [], view, run);
  const chosen = checkActions(node, run, view, actions);
  if (node.signatures && !sign(node, run, task, by, { answers: data, actions: structuredClone(actions) as NonNullable<Task['proposal']>['actions'] }).complete) return;

  task.status = 'completed';
  task.completedAt = run.now;
  task.completedBy = by.id;
  task.answers = data;
  task.actions = chosen.map(({ action }) => action.id);
  run.cancelTimersOf(task.id);
  run.updateTask(task);
  run.state.form[node.id] = data;
  run.state.done[node.id] = run.now;
  run.state.performer[node.id] = by.id;
  run.state.action[node.id] = task.actions.join(',');
  const passed = chosen.find(({ choice }) => choice.passTo)?.choice.passTo;
  if (passed) run.state.passedTo[node.id] = passed;
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
