/**
 * Contract: the audit logs are HMAC-chained (a log per case, an access log per reader), cover
 * reads, and verify finds tampering — a log rebuilt without the key included — while a checkpoint
 * of the heads finds entries cut off the end.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { chainEntries, GENESIS_HASH, legacyHash } from './audit-chain.ts';
import { randomAuditKey } from './audit-key.ts';
import { at, makeCase, rejection, save, type StoreHarness } from './store-contract-fixtures.ts';
import type { AuditHead, AuditRecord } from './types.ts';

const lastOf = (log: AuditRecord[]) => ({ count: log.length, hash: log.at(-1)?.hash ?? GENESIS_HASH });

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

    it('Given someone who can write the database but not read the key, When they rebuild a log end to end with its head, Then verify fails', async () => {
      const { store, tamper } = get();
      const log = await store.listAudit('c1');
      const inputs = log.filter((e) => e.seq !== 2).map(({ at, actor, action, detail }) => ({ at, actor, action, detail }));
      // With a key of their own, every link and the head agree with each other.
      const theirs = chainEntries('c1', { count: 0, hash: GENESIS_HASH }, inputs, randomAuditKey());
      await tamper.replaceLog('c1', theirs.records, theirs.head);
      expect(await store.verifyAudit('c1')).toMatchObject({ ok: false, brokenAt: 1, reason: 'entry 1 was changed after it was written' });
      // As the unkeyed SHA-256 chain of before the key, hoping to pass for old entries.
      const unkeyed: AuditRecord[] = [];
      for (const [i, input] of inputs.entries()) {
        const base = { caseId: 'c1', seq: i + 1, ...input, prevHash: unkeyed.at(-1)?.hash ?? GENESIS_HASH };
        unkeyed.push({ ...base, hash: legacyHash({ ...base, hash: '' }) });
      }
      await tamper.replaceLog('c1', unkeyed, lastOf(unkeyed));
      expect(await store.verifyAudit('c1')).toMatchObject({ ok: false, brokenAt: 1, reason: 'no entry of the log was written with the audit key' });
    });

    it('Given a checkpoint of the heads, When entries are cut off the end and the head moved back to match, Then only the checkpoint finds it', async () => {
      const { store, tamper } = get();
      const heads: AuditHead[] = [];
      for await (const head of store.auditHeads()) heads.push(head);
      const recorded = heads.find((h) => 'caseId' in h && h.caseId === 'c1')!;
      expect(recorded).toMatchObject({ caseId: 'c1', count: 4 });
      const log = await store.listAudit('c1');
      await tamper.replaceLog('c1', log.slice(0, 3), lastOf(log.slice(0, 3)));
      expect(await store.verifyLog({ caseId: 'c1' })).toEqual({ ok: true, entries: 3 });
      expect(await store.verifyLog({ caseId: 'c1' }, recorded)).toMatchObject({ ok: false, brokenAt: 4, reason: 'the log ends at entry 3 but the checkpoint recorded 4' });
      // A whole case removed: the checkpoint still names its log.
      await tamper.replaceLog('c2', [], { count: 0, hash: GENESIS_HASH });
      const c2 = heads.find((h) => 'caseId' in h && h.caseId === 'c2')!;
      expect(await store.verifyLog({ caseId: 'c2' }, c2)).toMatchObject({ ok: false, reason: 'the log ends at entry 0 but the checkpoint recorded 4' });
    });
  });

  describe('access logs', () => {
    it('chains one entry per list read onto each reader’s own log, finds them by case, and lists every head', async () => {
      const { store } = get();
      await store.appendAccess('north', { at: at(1), actor: 'dana', action: 'cases_listed', detail: { what: 'case_list', cases: ['c1', 'c2'] } });
      await store.appendAccess('north', { at: at(2), actor: 'sam', action: 'cases_listed', detail: { what: 'my_work', cases: ['c2'] } });
      await store.appendAccess('north', { at: at(3), actor: 'dana', action: 'access_refused', detail: { target: { kind: 'case', id: 'c9' }, status: 404 } });
      await store.appendAccess('south', { at: at(4), actor: 'sol', action: 'cases_listed', detail: { what: 'case_list', cases: ['s1'] } });

      const dana = await store.listAccess({ authority: 'north', actor: 'dana' });
      expect(dana.map((e) => [e.seq, e.action])).toEqual([[1, 'cases_listed'], [2, 'access_refused']]);
      expect(dana[1]).toMatchObject({ authority: 'north', actor: 'dana', at: at(3), prevHash: dana[0]?.hash });
      expect((await store.listAccess({ authority: 'north' })).map((e) => [e.actor, e.seq])).toEqual([['dana', 1], ['sam', 1], ['dana', 2]]);
      expect((await store.listAccess({ authority: 'north', caseId: 'c2' })).map((e) => e.actor)).toEqual(['dana', 'sam']);
      expect((await store.listAccess({ authority: 'north', caseId: 'c9' })).map((e) => e.action)).toEqual(['access_refused']);
      expect(await store.listAccess({ authority: 'north', caseId: 's1' })).toEqual([]);

      expect(await store.verifyLog({ authority: 'north', actor: 'dana' })).toEqual({ ok: true, entries: 2 });
      const heads: AuditHead[] = [];
      for await (const head of store.auditHeads()) heads.push(head);
      expect(heads.map((h) => ('caseId' in h ? h.caseId : `${h.authority}/${h.actor}:${h.count}`))).toEqual(['north/dana:2', 'north/sam:1', 'south/sol:1']);
    });
  });
}
