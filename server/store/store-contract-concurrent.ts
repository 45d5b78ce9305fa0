/**
 * Contract: steps committed at once (concurrent requests, a batch of timers firing) — which a store
 * may group into one transaction — each land or fail on their own, exactly as they would one by one.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { at, auditOf, makeCase, save, task, timer, type StoreHarness } from './store-contract-fixtures.ts';
import type { Store } from './store.ts';
import type { CommitInput } from './types.ts';

/** A step of case `id` to `version`, with a task, a timer and a message of its own. */
function stepOf(id: string, version = 1, extra: Partial<CommitInput> = {}): CommitInput {
  const state = makeCase({ id, version, familyName: `Family ${id} v${version}`, tasks: [task(`${id}.t${version}`, 'plan', { worker: 'sam' })], timers: [timer(`${id}.m${version}`, at(60 + version))] });
  return { caseState: state, expectedVersion: version === 1 ? null : version - 1, audit: [auditOf(state)], outbox: [{ id: `${id}.n${version}`, kind: 'notify', payload: { version } }], ...extra };
}

const outcomes = async (store: Store, steps: CommitInput[]) =>
  (await Promise.allSettled(steps.map((s) => store.commitStep(s)))).map((r) => (r.status === 'fulfilled' ? 'ok' : ((r.reason as { code?: string }).code ?? String(r.reason))));

/** The case as the store holds it: its version, name, and the rows a step writes. */
async function held(store: Store, id: string) {
  const state = await store.getCase(id);
  return {
    version: state?.version ?? null,
    familyName: state?.subject.familyName ?? null,
    tasks: (await store.listTasks({ authority: 'north', caseId: id })).map((t) => t.taskId),
    timers: (await store.listTimers(id)).map((t) => t.timerId),
    audit: (await store.listAudit(id)).map((a) => a.detail.version),
    outbox: (await store.listOutbox({ caseId: id })).map((m) => m.id),
  };
}

export function concurrentCommitContract(get: () => StoreHarness): void {
  describe('commitStep, many at once', () => {
    it('Given 20 steps on 20 cases committed at once, Then every one lands whole', async () => {
      const { store } = get();
      const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
      expect(await outcomes(store, ids.map((id) => stepOf(id)))).toEqual(ids.map(() => 'ok'));
      for (const id of ids) {
        expect(await held(store, id)).toEqual({ version: 1, familyName: `Family ${id} v1`, tasks: [`${id}.t1`], timers: [`${id}.m1`], audit: [1], outbox: [`${id}.n1`] });
        expect(await store.verifyAudit(id)).toMatchObject({ ok: true });
      }
      // And the next step on each, at once again.
      expect(await outcomes(store, ids.map((id) => stepOf(id, 2)))).toEqual(ids.map(() => 'ok'));
      for (const id of ids) expect(await held(store, id)).toMatchObject({ version: 2, tasks: [`${id}.t2`], audit: [1, 2], outbox: [`${id}.n1`, `${id}.n2`] });
    });

    it('Given two steps on one case from the same version at once, Then exactly one lands and the other is a ConflictError', async () => {
      const { store } = get();
      await store.commitStep(stepOf('c1'));
      const mine = stepOf('c1', 2);
      const theirs = stepOf('c1', 2, { caseState: { ...stepOf('c1', 2).caseState, subject: { familyName: 'Theirs', children: [] } } });
      const results = await Promise.allSettled([store.commitStep(mine), store.commitStep(theirs)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected');
      expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const winner = results[0]!.status === 'fulfilled' ? 'Family c1 v2' : 'Theirs';
      expect(await held(store, 'c1')).toEqual({ version: 2, familyName: winner, tasks: ['c1.t2'], timers: ['c1.m2'], audit: [1, 2], outbox: ['c1.n1', 'c1.n2'] });
      expect(await store.verifyAudit('c1')).toMatchObject({ ok: true });
    });

    it('Given two starts of one new case at once, Then exactly one lands and the other is a ConflictError', async () => {
      const { store } = get();
      const results = await Promise.allSettled([store.commitStep(stepOf('c1')), store.commitStep(stepOf('c1'))]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      expect(await held(store, 'c1')).toMatchObject({ version: 1, audit: [1], outbox: ['c1.n1'] });
    });

    it('Given steps at once where one is stale, one fails half-way and one has lost its idempotency hold, Then the others land and those three write nothing', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'stale' }));
      await save(store, makeCase({ id: 'stale', version: 2 }));
      await store.claimIdempotencyKey({ userId: 'dana', key: 'k', method: 'POST', path: '/api/cases', requestHash: 'h', token: 'slow', createdAt: at(0), lockedUntil: at(1), expiresAt: at(60) });
      await store.claimIdempotencyKey({ userId: 'dana', key: 'k', method: 'POST', path: '/api/cases', requestHash: 'h', token: 'retry', createdAt: at(2), lockedUntil: at(3), expiresAt: at(60) });
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const steps = [
        stepOf('a'),
        stepOf('stale', 2, { expectedVersion: 1 }),
        stepOf('b'),
        stepOf('broken', 1, { outbox: [{ id: 'broken.n1', kind: 'notify', payload: circular }] }),
        stepOf('keyed', 1, { request: { userId: 'dana', key: 'k', token: 'slow' } }),
        stepOf('c'),
      ];
      const results = await outcomes(store, steps);
      expect(results[1]).toBe('conflict');
      expect(results[3]).not.toBe('ok');
      expect(results[4]).toBe('idempotency_hold_lost');
      expect([results[0], results[2], results[5]]).toEqual(['ok', 'ok', 'ok']);
      for (const id of ['a', 'b', 'c']) expect(await held(store, id)).toMatchObject({ version: 1, tasks: [`${id}.t1`], audit: [1], outbox: [`${id}.n1`] });
      for (const id of ['broken', 'keyed']) expect(await held(store, id)).toEqual({ version: null, familyName: null, tasks: [], timers: [], audit: [], outbox: [] });
      expect(await held(store, 'stale')).toMatchObject({ version: 2, familyName: 'Okafor', tasks: [], audit: [1, 2] });
      expect((await store.claimIdempotencyKey({ userId: 'dana', key: 'k', method: 'POST', path: '/api/cases', requestHash: 'h', token: 'x', createdAt: at(4), lockedUntil: at(5), expiresAt: at(60) })).committed).toBeNull();
    });

    it('Given two server processes committing at once, to their own cases and to one shared case, Then each case lands whole and the shared one once', async () => {
      const { store, peer } = get();
      const other = await peer();
      try {
        await store.commitStep(stepOf('shared'));
        const ours = Array.from({ length: 10 }, (_, i) => stepOf(`ours${i}`));
        const theirs = Array.from({ length: 10 }, (_, i) => stepOf(`theirs${i}`));
        const [a, b] = await Promise.all([outcomes(store, [...ours, stepOf('shared', 2)]), outcomes(other, [...theirs, stepOf('shared', 2)])]);
        expect([...a.slice(0, 10), ...b.slice(0, 10)].every((o) => o === 'ok')).toBe(true);
        expect([a[10], b[10]].sort()).toEqual(['conflict', 'ok']);
        for (const id of [...ours, ...theirs].map((s) => s.caseState.id)) expect(await held(other, id)).toMatchObject({ version: 1, audit: [1] });
        expect(await held(store, 'shared')).toMatchObject({ version: 2, audit: [1, 2], outbox: ['shared.n1', 'shared.n2'] });
      } finally {
        await other.close();
      }
    });
  });
}
