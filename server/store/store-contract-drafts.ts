/** Contract: task form drafts, one per (task, user), so nothing a practitioner types is lost. */
import { describe, expect, it } from 'vitest';
import { at, type StoreHarness } from './store-contract-fixtures.ts';
import type { TaskDraft } from './types.ts';

const draft = (taskId: string, userId: string, data: Record<string, unknown>, savedAt = at(5)): TaskDraft =>
  ({ caseId: taskId.split('.')[0]!, taskId, userId, authority: 'north', data, savedAt });

export function draftsContract(get: () => StoreHarness): void {
  describe('task drafts', () => {
    it('reads a draft back as saved, answers as typed, with its instant normalised', async () => {
      const { store } = get();
      // Field ids are admin-defined: keys MongoDB restricts in field names must round-trip too.
      const data = { reason: 'Neglect', 'address.line1': '1 High St', $note: 'half typed', children: [{ name: 'Ada', age: null }], consent: false };
      await store.saveTaskDraft(draft('c1.t1', 'sam', data, '2026-11-02T09:05:00Z'));
      expect(await store.getTaskDraft('c1.t1', 'sam')).toEqual({ ...draft('c1.t1', 'sam', data), savedAt: '2026-11-02T09:05:00.000Z' });
      expect(await store.getTaskDraft('c1.t2', 'sam')).toBeNull();
    });

    it('replaces the whole draft on every save rather than merging answers', async () => {
      const { store } = get();
      await store.saveTaskDraft(draft('c1.t1', 'sam', { reason: 'Neglect', notes: 'first go' }, at(5)));
      await store.saveTaskDraft(draft('c1.t1', 'sam', { reason: 'Neglect and housing' }, at(7)));
      expect(await store.getTaskDraft('c1.t1', 'sam')).toEqual(draft('c1.t1', 'sam', { reason: 'Neglect and housing' }, at(7)));
    });

    it('keeps each user’s draft of a task to that user', async () => {
      const { store } = get();
      await store.saveTaskDraft(draft('c1.t1', 'sam', { reason: 'sam’s' }));
      await store.saveTaskDraft(draft('c1.t1', 'dana', { reason: 'dana’s' }));
      expect((await store.getTaskDraft('c1.t1', 'sam'))?.data).toEqual({ reason: 'sam’s' });
      expect((await store.getTaskDraft('c1.t1', 'dana'))?.data).toEqual({ reason: 'dana’s' });
      expect(await store.getTaskDraft('c1.t1', 'lee')).toBeNull();
    });

    it('deletes every user’s draft of a completed task and no other task’s', async () => {
      const { store } = get();
      await store.saveTaskDraft(draft('c1.t1', 'sam', { a: 1 }));
      await store.saveTaskDraft(draft('c1.t1', 'dana', { a: 2 }));
      await store.saveTaskDraft(draft('c1.t2', 'sam', { a: 3 }));
      await store.deleteTaskDrafts('c1.t1');
      expect(await store.getTaskDraft('c1.t1', 'sam')).toBeNull();
      expect(await store.getTaskDraft('c1.t1', 'dana')).toBeNull();
      expect((await store.getTaskDraft('c1.t2', 'sam'))?.data).toEqual({ a: 3 });
      await store.deleteTaskDrafts('c1.t1');
      await store.saveTaskDraft(draft('c1.t1', 'sam', { a: 4 }));
      expect((await store.getTaskDraft('c1.t1', 'sam'))?.data).toEqual({ a: 4 });
    });
  });
}
