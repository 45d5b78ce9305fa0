/**
 * How a case page shows one of its tasks: only work I can act on links to its form; a completed
 * task links to its read-only answers page ("View"); anyone else's reads "With <who>", with no
 * link into a form that is not mine to fill in (issue 13: read-only pages look read-only).
 */
import type { TaskSummary } from '../../lib/api-types.ts';

export interface TaskRow {
  /** Where the task's name links, if anywhere. */
  href: string | null;
  /** "View" for a completed task's answers. */
  view: string | null;
  /** Who has it: "You", or "With <who>". */
  withText: string;
  /** Passing it on is offered on open tasks only (the server decides who may). */
  canPass: boolean;
}

export function taskRow(caseId: string, t: Pick<TaskSummary, 'id' | 'status' | 'assignee' | 'canAct'>, userId: string): TaskRow {
  const base = `/cases/${encodeURIComponent(caseId)}/tasks/${encodeURIComponent(t.id)}`;
  const mine = t.assignee.kind === 'worker' && t.assignee.id === userId;
  if (t.status === 'completed') return { href: null, view: `${base}/view`, withText: `Done by ${mine ? 'you' : t.assignee.name}`, canPass: false };
  if (t.status !== 'open') return { href: null, view: null, withText: `With ${t.assignee.name}`, canPass: false };
  return { href: t.canAct ? base : null, view: null, withText: mine ? 'You' : `With ${t.assignee.name}`, canPass: true };
}
