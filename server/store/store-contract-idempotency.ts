/** Contract: idempotency keys, one per (person, key), shared by every server process through the store. */
import { describe, expect, it } from 'vitest';
import { auditOf, at, makeCase, rejection, task, type StoreHarness } from './store-contract-fixtures.ts';
import type { IdempotencyClaim, IdempotentResponse } from './types.ts';

const DAY = 24 * 60;

/** Dana's claim on key `k` at minute `minutes`, held for one minute, kept for a day. */
const claim = (token: string, minutes = 0, extra: Partial<IdempotencyClaim> = {}): IdempotencyClaim => ({
  userId: 'dana', key: 'k', method: 'POST', path: '/api/cases/c1/tasks/c1.t1/complete', requestHash: 'hash-1', token,
  createdAt: at(minutes), lockedUntil: at(minutes + 1), expiresAt: at(minutes + DAY), ...extra,
});

const answer: IdempotentResponse = {
  status: 201,
  headers: { 'content-type': 'application/json', location: '/api/cases/c1', etag: '"2026-11-02T09:00:00.000Z"' },
  body: JSON.stringify({ id: 'c1', familyName: 'Zoë O’Brien', 'a.b': { $x: 1 } }),
};

export function idempotencyContract(get: () => StoreHarness): void {
  describe('idempotency keys', () => {
    it('gives a free key to its first claim, and every later claim reads that one until it is answered, then the answer', async () => {
      const { store } = get();
      expect(await store.claimIdempotencyKey(claim('first', 0, { createdAt: '2026-11-02T09:00:00Z' }))).toEqual({ ...claim('first'), response: null, committed: null });
      expect(await store.claimIdempotencyKey(claim('second', 0.5))).toEqual({ ...claim('first'), response: null, committed: null });
      expect(await store.recordIdempotentResponse({ userId: 'dana', key: 'k', token: 'second' }, answer)).toBe(false);
      expect(await store.recordIdempotentResponse({ userId: 'dana', key: 'k', token: 'first' }, answer)).toBe(true);
      // Answered keys are never taken over, however long after the hold.
      expect(await store.claimIdempotencyKey(claim('third', 60))).toEqual({ ...claim('first'), response: answer, committed: null });
      expect(await store.recordIdempotentResponse({ userId: 'dana', key: 'k', token: 'first' }, { ...answer, status: 200 })).toBe(false);
    });

    it('keeps each person’s keys to that person', async () => {
      const { store } = get();
      await store.claimIdempotencyKey(claim('dana’s'));
      expect(await store.claimIdempotencyKey(claim('sam’s', 0, { userId: 'sam' }))).toMatchObject({ userId: 'sam', token: 'sam’s', response: null });
      expect((await store.claimIdempotencyKey(claim('again'))).token).toBe('dana’s');
    });

    it('lets the same request take over a hold that lapsed unanswered, keeping the first expiry, but never another request', async () => {
      const { store } = get();
      await store.claimIdempotencyKey(claim('died'));
      expect((await store.claimIdempotencyKey(claim('early', 0.9))).token).toBe('died');
      expect(await store.claimIdempotencyKey(claim('other', 1, { requestHash: 'hash-2' }))).toMatchObject({ token: 'died', requestHash: 'hash-1' });
      expect(await store.claimIdempotencyKey(claim('other', 1, { path: '/api/cases' }))).toMatchObject({ token: 'died' });
      expect(await store.claimIdempotencyKey(claim('retry', 1))).toEqual({ ...claim('retry'), lockedUntil: at(2), response: null, committed: null });
      expect(await store.recordIdempotentResponse({ userId: 'dana', key: 'k', token: 'died' }, answer)).toBe(false);
      expect(await store.recordIdempotentResponse({ userId: 'dana', key: 'k', token: 'retry' }, answer)).toBe(true);
    });

    it('releases an unanswered key to its holder only, so a failed request can be retried', async () => {
      const { store } = get();
      await store.claimIdempotencyKey(claim('failed'));
      await store.releaseIdempotencyKey({ userId: 'dana', key: 'k', token: 'someone-else' });
      expect((await store.claimIdempotencyKey(claim('x'))).token).toBe('failed');
      await store.releaseIdempotencyKey({ userId: 'dana', key: 'k', token: 'failed' });
      expect((await store.claimIdempotencyKey(claim('retry', 0, { requestHash: 'hash-2' }))).token).toBe('retry');
      await store.recordIdempotentResponse({ userId: 'dana', key: 'k', token: 'retry' }, answer);
      await store.releaseIdempotencyKey({ userId: 'dana', key: 'k', token: 'retry' });
      expect((await store.claimIdempotencyKey(claim('later'))).response).toEqual(answer);
    });

    it('forgets keys at their expiry: a claim then starts afresh, and the purge removes them', async () => {
      const { store } = get();
      await store.claimIdempotencyKey(claim('yesterday'));
      await store.recordIdempotentResponse({ userId: 'dana', key: 'k', token: 'yesterday' }, answer);
      await store.claimIdempotencyKey(claim('unanswered', 10, { key: 'k2' }));
      expect((await store.claimIdempotencyKey(claim('today', DAY - 1))).token).toBe('yesterday');
      expect(await store.claimIdempotencyKey(claim('today', DAY, { requestHash: 'hash-2' }))).toEqual({ ...claim('today', DAY, { requestHash: 'hash-2' }), response: null, committed: null });
      expect(await store.deleteExpiredIdempotencyKeys(at(DAY + 9))).toBe(0);
      expect(await store.deleteExpiredIdempotencyKeys(at(DAY + 10))).toBe(1);
      expect((await store.claimIdempotencyKey(claim('new', DAY + 10, { key: 'k2' }))).token).toBe('new');
      expect(await store.deleteExpiredIdempotencyKeys(at(3 * DAY))).toBe(2);
    });

    it('marks the change a keyed request commits in the same transaction, keeps the mark when a retry takes the key over, and never frees it', async () => {
      const { store } = get();
      await store.claimIdempotencyKey(claim('first'));
      const started = makeCase({ id: 'c1', tasks: [task('c1.t1', 'plan', { worker: 'sam' })] });
      await store.commitStep({ caseState: started, expectedVersion: null, audit: [auditOf(started)], outbox: [], request: { userId: 'dana', key: 'k', token: 'first' } });
      // The process dies before answering: a 5xx path would release, but a committed key stays.
      await store.releaseIdempotencyKey({ userId: 'dana', key: 'k', token: 'first' });
      expect(await store.claimIdempotencyKey(claim('retry', 1))).toEqual({ ...claim('retry'), lockedUntil: at(2), response: null, committed: { caseId: 'c1', version: 1 } });
    });

    it('refuses a keyed commit whose hold a retry has taken, and writes nothing of it', async () => {
      const { store } = get();
      await store.claimIdempotencyKey(claim('slow'));
      await store.claimIdempotencyKey(claim('retry', 1));
      const started = makeCase({ id: 'c1', tasks: [task('c1.t1', 'plan', { worker: 'sam' })] });
      const error = await rejection(store.commitStep({ caseState: started, expectedVersion: null, audit: [auditOf(started)], outbox: [], request: { userId: 'dana', key: 'k', token: 'slow' } }));
      expect(error.code).toBe('idempotency_hold_lost');
      expect(await store.getCase('c1')).toBeNull();
      expect(await store.listTasks({ authority: started.authority })).toEqual([]);
    });

    it('Given two server processes claiming one key at once, Then exactly one holds it and both see the same holder', async () => {
      const { store, peer } = get();
      const other = await peer();
      try {
        const claims = await Promise.all([store.claimIdempotencyKey(claim('one')), other.claimIdempotencyKey(claim('two'))]);
        expect(new Set(claims.map((c) => c.token)).size).toBe(1);
      } finally {
        await other.close();
      }
    });
  });
}
