/** Contract: the audit log is hash-chained per case, covers reads, and verify finds tampering. */
import { beforeEach, describe, expect, it } from 'vitest';
import { at, makeCase, rejection, save, type StoreHarness } from './store-contract-fixtures.ts';

export function auditContract(get: () => StoreHarness): void {
  describe('audit log', () => {
    beforeEach(async () => {
      const { store } = get();
      for (const id of ['c1', 'c2']) {
        await save(store, makeCase({ id }));
        await store.appendRead(id, 'dana', 'case_page', at(2));
        await save(store, makeCase({ id, version: 2 }));
        await save(store, makeCase({ id, version: 3 }));
      }
    });

    it('chains writes and reads per case, and verifies an untouched log', async () => {
      const { store } = get();
      const log = await store.listAudit('c1');
      expect(log.map((e) => [e.seq, e.action, e.actor])).toEqual([
        [1, 'case_started', 'sam'],
        [2, 'case_read', 'dana'],
        [3, 'task_completed', 'sam'],
        [4, 'task_completed', 'sam'],
      ]);
      expect(log[1]).toMatchObject({ at: at(2), detail: { what: 'case_page' }, prevHash: log[0]?.hash });
      expect(await store.verifyAudit('c1')).toEqual({ ok: true, entries: 4 });
      expect((await rejection(store.appendRead('nope', 'dana', 'case_page', at(3)))).code).toBe('not_found');
    });

    it('detects an edited entry', async () => {
      const { store, tamper } = get();
      await tamper.editAuditDetail('c1', 2, { what: 'nothing_to_see' });
      expect(await store.verifyAudit('c1')).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry 2 was changed after it was written' });
      expect((await store.verifyAudit('c2')).ok).toBe(true);
    });

    it('detects an entry deleted from the middle', async () => {
      const { store, tamper } = get();
      await tamper.deleteAudit('c1', 2);
      expect(await store.verifyAudit('c1')).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry 2 is missing' });
    });

    it('detects entries cut off the end', async () => {
      const { store, tamper } = get();
      await tamper.deleteAudit('c1', 4);
      expect(await store.verifyAudit('c1')).toMatchObject({ ok: false, brokenAt: 4, reason: 'the log ends at entry 3 but the case records 4' });
    });
  });
}
