/**
 * Passing several tray tasks to one person: each by its own request, one after another, so one
 * refusal (the step is for another role, or someone else closed it meanwhile) does not stop the
 * rest and every refusal can be reported beside its task.
 */
import { ApiProblem } from '../../lib/api.ts';
import type { WorkItem } from '../../lib/api-types.ts';

export interface Refusal {
  taskId: string;
  /** The task and family, as the error summary names them. */
  label: string;
  reason: string;
}

export interface Allocation {
  moved: number;
  refusals: Refusal[];
}

export type Reassign = (caseId: string, taskId: string, to: { worker: string }) => Promise<unknown>;

export const taskLabel = (t: WorkItem) => `${t.name} for the ${t.familyName} family (${t.reference})`;
const reasonOf = (error: unknown) => (error instanceof ApiProblem && error.detail ? error.detail : 'It could not be allocated. Try again.');

export async function allocateEach(tasks: WorkItem[], worker: string, reassign: Reassign): Promise<Allocation> {
  const refusals: Refusal[] = [];
  for (const t of tasks) {
    try {
      await reassign(t.caseId, t.taskId, { worker });
    } catch (error) {
      refusals.push({ taskId: t.taskId, label: taskLabel(t), reason: reasonOf(error) });
    }
  }
  return { moved: tasks.length - refusals.length, refusals };
}

/** "2 tasks now with Demo Early Help team manager." — or nothing when none moved. */
export function movedMessage(moved: number, who: string): string {
  return moved > 0 ? `${moved} ${moved === 1 ? 'task' : 'tasks'} now with ${who}.` : '';
}
