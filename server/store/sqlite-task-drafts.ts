/** Task form drafts in the SQLite store: one row per (task, user), replaced on every save. */
import { instant } from './rows.ts';
import type { Db } from './sqlite-schema.ts';
import { statement } from './sqlite-statements.ts';
import type { TaskDraft } from './types.ts';

export function saveTaskDraft(db: Db, draft: TaskDraft): void {
  // The answers are kept as JSON text, as typed: form field ids are admin-defined and unchecked here.
  statement(db, `INSERT INTO task_drafts (task_id, user_id, case_id, authority, data, saved_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (task_id, user_id) DO UPDATE SET case_id = excluded.case_id, authority = excluded.authority,
    data = excluded.data, saved_at = excluded.saved_at`)
    .run(draft.taskId, draft.userId, draft.caseId, draft.authority, JSON.stringify(draft.data), instant(draft.savedAt));
}

export function getTaskDraft(db: Db, taskId: string, userId: string): TaskDraft | null {
  const row = statement(db, 'SELECT * FROM task_drafts WHERE task_id = ? AND user_id = ?').get(taskId, userId) as
    | { task_id: string; user_id: string; case_id: string; authority: string; data: string; saved_at: string }
    | undefined;
  return row
    ? { caseId: row.case_id, taskId: row.task_id, userId: row.user_id, authority: row.authority, data: JSON.parse(row.data) as Record<string, unknown>, savedAt: row.saved_at }
    : null;
}

export const deleteTaskDrafts = (db: Db, taskId: string) => void statement(db, 'DELETE FROM task_drafts WHERE task_id = ?').run(taskId);
