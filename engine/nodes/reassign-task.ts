/**
 * Passing an open task to someone else (Mosaic's "reassign"): to a team the protocol has, or to a
 * worker the directory knows who holds a role the step is given to, by someone who may pass it on.
 */
import type { UserTaskNode } from '../schema/definition.types.ts';
import { Refusal } from '../problems.ts';
import type { Actor } from '../runtime/events.ts';
import type { Run } from '../runtime/run.ts';
import type { Task } from '../runtime/state.ts';
import { mayPassOn } from './assign.ts';
import { checkWorkerCanTake, stepRoles } from './who-may-act.ts';

export function reassignTask(
  node: UserTaskNode,
  run: Run,
  task: Task,
  event: { by: Actor; to: { worker: string } | { team: string } },
): void {
  if (!mayPassOn(task, event.by, run.definition)) {
    throw new Refusal('not_allowed', `Only whoever can act on "${task.name}", a manager, or an admin can pass it on.`, { task: task.id });
  }
  const to = event.to;
  if ('team' in to && !run.definition.teams.some((t) => t.id === to.team)) {
    throw new Refusal('pass_to_not_allowed', 'There is no such team in this protocol.', { to });
  }
  if ('worker' in to) checkWorkerCanTake(run, to.worker, stepRoles(node), task.name);
  const from = task.assignee;
  task.assignee = to;
  run.updateTask(task);
  run.record({ type: 'task_reassigned', node: task.node, task: task.id, by: event.by.id, from, to });
}
