/**
 * Completing a user task: every check that can refuse runs before anything changes, in the order
 * a practitioner would fix them — whose task it is, when, the form, the guards, the next actions.
 */
import type { NextAction, UserTaskNode } from '../schema/definition.types.ts';
import { validateFormData } from '../forms/index.ts';
import { truthy } from '../logic/index.ts';
import { Refusal } from '../problems.ts';
import type { CaseData } from '../runtime/data.ts';
import type { Actor, ChosenAction } from '../runtime/events.ts';
import type { Run } from '../runtime/run.ts';
import type { Task } from '../runtime/state.ts';
import { canAct } from './assign.ts';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function completeTask(
  node: UserTaskNode,
  run: Run,
  task: Task,
  event: { by: Actor; data: Record<string, unknown>; actions: ChosenAction[] },
): void {
  const { by, data, actions } = event;
  if (!canAct(task, by, run.definition)) {
    throw new Refusal('not_allowed', `"${task.name}" is not assigned to you or your team.`, { task: task.id });
  }
  if (task.availableFrom && task.availableFrom > run.now) {
    throw new Refusal('not_yet_available', `"${task.name}" cannot be completed before ${task.availableFrom}.`, {
      availableFrom: task.availableFrom,
    });
  }
  const form = node.form && Object.hasOwn(run.definition.forms, node.form) ? run.definition.forms[node.form] : undefined;
  if (form) {
    const fieldErrors = validateFormData(form, data);
    if (fieldErrors.length > 0) throw new Refusal('form_invalid', 'The form has answers to correct.', { fieldErrors });
  }
  const view = run.data({ node: node.id, data });
  checkGuards(node.guards ?? [], view);
  const chosen = checkActions(node, view, actions);

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

function checkGuards(guards: NonNullable<UserTaskNode['guards']>, view: CaseData): void {
  const failed = guards.filter((guard) => !truthy(guard.rule, view)).map((guard) => guard.message);
  if (failed.length > 0) throw new Refusal('guard_failed', failed.join(' '), { messages: failed });
}

function checkActions(
  node: UserTaskNode,
  view: CaseData,
  actions: ChosenAction[],
): Array<{ action: NextAction; choice: ChosenAction }> {
  if (actions.length === 0) throw new Refusal('invalid_event', 'Choose a next action.', { field: 'actions' });
  if (actions.length > 1 && !node.multipleActions) {
    throw new Refusal('invalid_event', `"${node.name}" takes one next action at a time.`, { field: 'actions' });
  }
  return actions.map((choice, index) => {
    const action = node.nextActions.find((a) => a.id === choice.action);
    if (!action) {
      throw new Refusal('unknown_action', `"${choice.action}" is not a next action of "${node.name}".`, { index });
    }
    checkGuards(action.guards ?? [], view);
    checkPassTo(action, choice, index);
    if (action.scheduledDate?.required && !choice.scheduledFor) {
      throw new Refusal('scheduled_date_required', `Enter a scheduled date for "${action.label}".`, { index });
    }
    if (choice.scheduledFor !== undefined && !LOCAL_DATE.test(choice.scheduledFor)) {
      throw new Refusal('invalid_event', 'The scheduled date must be a real date, like 2027-01-27.', { index });
    }
    return { action, choice };
  });
}

function checkPassTo(action: NextAction, choice: ChosenAction, index: number): void {
  const passTo = action.passTo;
  if (!choice.passTo) {
    if (passTo && passTo.required !== false) {
      throw new Refusal('pass_to_required', `Choose who to pass "${action.label}" to.`, { index });
    }
    return;
  }
  const allowed =
    passTo !== undefined &&
    ('team' in choice.passTo ? (passTo.teams ?? []).includes(choice.passTo.team) : passTo.workers === true);
  if (!allowed) {
    throw new Refusal('pass_to_not_allowed', `"${action.label}" cannot be passed there.`, { index, passTo: choice.passTo });
  }
}
