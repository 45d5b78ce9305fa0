/**
 * Where the work went when a task was completed, for the confirmation page (issue 13 §4): "Task
 * completed — now with Kentish Town East, due Tuesday 22 December", or "The case is closed". Worked
 * out from the case before and after: the tasks the completion opened, and whether it closed the case.
 */
import type { CaseState, Instant, WorkflowDefinition } from '../../engine/index.ts';
import type { UserRecord } from '../store/index.ts';
import { taskView, type Person } from './case-context.ts';
import type * as Api from './api-types.gen.ts';

export function completionOf(before: CaseState, after: CaseState, taskId: string, definition: WorkflowDefinition, people: Map<string, Person>, user: UserRecord, now: Instant): Api.Completion {
  const task = after.tasks[taskId];
  const wasOpen = new Set(Object.values(before.tasks).filter((t) => t.status === 'open').map((t) => t.id));
  const open = Object.values(after.tasks).filter((t) => t.status === 'open');
  const view = (t: (typeof open)[number]) => taskView(t, definition, people, user, now);
  // A step up or a subflow goes on in a case of its own.
  const started = after.history.slice(before.history.length).filter((h) => h.type === 'subflow_started').map((h) => String(h.child));
  return {
    /** False while a jointly signed step waits for its other signatures. */
    completed: task?.status === 'completed',
    closed: after.status !== 'open',
    outcome: after.status !== 'open' && after.outcome ? { id: after.outcome.id, name: definition.outcomes?.find((o) => o.id === after.outcome!.id)?.name ?? after.outcome.id } : null,
    nextTasks: open.filter((t) => !wasOpen.has(t.id)).map(view),
    /** Work that was already waiting on other paths of the case, and still is. */
    stillOpen: open.filter((t) => wasOpen.has(t.id) && t.id !== taskId).map(view),
    startedCases: started,
  };
}
