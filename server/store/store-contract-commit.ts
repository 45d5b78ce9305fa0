/** Contract: one step is one atomic, version-checked write of case, tasks, timers, audit and outbox. */
import { describe, expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { at, auditOf, makeCase, rejection, save, task, timer, type StoreHarness } from './store-contract-fixtures.ts';
import type { Store } from './store.ts';

/** Everything the store holds about one case, for before/after comparisons. */
async function snapshot(store: Store, caseId: string, authority = 'north') {
  return {
    state: await store.getCase(caseId),
    tasks: await store.listTasks({ authority, caseId }),
    timers: await store.listTimers(caseId),
    audit: await store.listAudit(caseId),
    outbox: await store.listOutbox({ caseId }),
  };
}

export function commitContract(get: () => StoreHarness): void {
  describe('commitStep', () => {
    it('writes a new case with its tasks, timers, audit entry and outbox message, and reads it back as JSON', async () => {
      const { store } = get();
      const state = makeCase({ id: 'c1', tasks: [task('c1.t1', 'plan', { worker: 'sam' }, { due: '2026-11-05T23:59:59.999Z' })], timers: [timer('c1.m2', '2026-11-05T23:59:59.999Z')] });
      await save(store, state, [{ id: 'c1.n3', kind: 'notify', payload: { subject: 'Hello' } }]);
      expect(await store.getCase('c1')).toEqual(JSON.parse(JSON.stringify(state)));
      const after = await snapshot(store, 'c1');
      expect(after.tasks).toMatchObject([{ taskId: 'c1.t1', assigneeKind: 'worker', assignee: 'sam', status: 'open', familyName: 'Okafor' }]);
      expect(after.timers).toMatchObject([{ timerId: 'c1.m2', fireAt: '2026-11-05T23:59:59.999Z' }]);
      expect(after.audit).toMatchObject([{ seq: 1, action: 'case_started', actor: 'sam' }]);
      expect(after.outbox).toMatchObject([{ id: 'c1.n3', kind: 'notify', status: 'pending', attempts: 0, payload: { subject: 'Hello' } }]);
    });

    it('refuses a stale version with a ConflictError and writes nothing', async () => {
      const { store } = get();
      const v1 = makeCase({ id: 'c1', tasks: [task('c1.t1', 'plan', { worker: 'sam' })] });
      await save(store, v1);
      const v2 = makeCase({ id: 'c1', version: 2, tasks: [task('c1.t1', 'plan', { worker: 'sam' }, { status: 'completed' })] });
      await save(store, v2);
      const before = await snapshot(store, 'c1');
      const late = makeCase({ id: 'c1', version: 2, familyName: 'Other' });
      const error = await rejection(store.commitStep({ caseState: late, expectedVersion: 1, audit: [auditOf(late)], outbox: [] }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.code).toBe('conflict');
      expect(await rejection(store.commitStep({ caseState: v1, expectedVersion: null, audit: [], outbox: [] }))).toBeInstanceOf(ConflictError);
      expect(await snapshot(store, 'c1')).toEqual(before);
    });

    it('leaves nothing behind when a write fails in the middle of a step', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1', tasks: [task('c1.t1', 'plan', { worker: 'sam' })], timers: [timer('c1.m2', at(60))] }));
      const before = await snapshot(store, 'c1');
      const next = makeCase({ id: 'c1', version: 2, tasks: [task('c1.t1', 'plan', { worker: 'sam' }, { status: 'completed' }), task('c1.t3', 'screen', { team: 'front_door' })], timers: [timer('c1.m4', at(90))] });
      // A payload that cannot be serialised fails the last write of the step, after the others.
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      await rejection(store.commitStep({ caseState: next, expectedVersion: 1, audit: [auditOf(next)], outbox: [{ id: 'c1.n5', kind: 'notify', payload: circular }] }));
      expect(await snapshot(store, 'c1')).toEqual(before);
      await rejection(store.commitStep({ caseState: makeCase({ id: 'c2', tasks: [task('c2.t1', 'plan', { worker: 'sam' })] }), expectedVersion: null, audit: [], outbox: [{ id: 'c2.n1', kind: 'notify', payload: circular }] }));
      expect(await snapshot(store, 'c2')).toEqual({ state: null, tasks: [], timers: [], audit: [], outbox: [] });
    });

    it('replaces timer rows with the case’s pending timers, keeping the lease of a timer still pending', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1', timers: [timer('c1.m1', at(10)), timer('c1.m2', at(20))] }));
      expect(await store.claimDueTimers(at(30), 'a', 60_000, 10)).toMatchObject([{ timerId: 'c1.m1' }]);
      await save(store, makeCase({ id: 'c1', version: 2, timers: [timer('c1.m1', at(10)), timer('c1.m3', at(40))] }));
      expect((await store.listTimers('c1')).map((t) => t.timerId)).toEqual(['c1.m1', 'c1.m3']);
      expect(await store.claimDueTimers(at(30), 'b', 60_000, 10)).toEqual([]);
    });

    it('given the previous state, writes the same rows while skipping unchanged ones, and keeps leases', async () => {
      const { store } = get();
      const v1 = makeCase({ id: 'c1', tasks: [task('c1.t1', 'plan', { worker: 'sam' }), task('c1.t2', 'screen', { team: 'front_door' })], timers: [timer('c1.m3', at(10)), timer('c1.m4', at(20))] });
      await save(store, v1);
      await store.claimDueTimers(at(15), 'a', 60_000, 10);
      const v2 = makeCase({ id: 'c1', version: 2, tasks: [task('c1.t1', 'plan', { worker: 'sam' }, { status: 'completed' }), task('c1.t2', 'screen', { team: 'front_door' })], timers: [timer('c1.m3', at(10)), timer('c1.m5', at(30))] });
      await store.commitStep({ caseState: v2, expectedVersion: 1, previous: v1, audit: [auditOf(v2)], outbox: [] });
      expect((await store.listTasks({ authority: 'north', caseId: 'c1' })).map((t) => [t.taskId, t.status])).toEqual([['c1.t1', 'completed'], ['c1.t2', 'open']]);
      expect((await store.listTimers('c1')).map((t) => t.timerId)).toEqual(['c1.m3', 'c1.m5']);
      expect(await store.claimDueTimers(at(15), 'b', 60_000, 10)).toEqual([]);
      // A "previous" that is not the stored version is ignored: every row is written, none is left over.
      const v3 = makeCase({ id: 'c1', version: 3, familyName: 'Renamed', tasks: [task('c1.t2', 'screen', { team: 'front_door' })] });
      await store.commitStep({ caseState: v3, expectedVersion: 2, previous: v1, audit: [auditOf(v3)], outbox: [] });
      expect((await store.listTasks({ authority: 'north', caseId: 'c1' })).map((t) => [t.taskId, t.familyName])).toEqual([['c1.t2', 'Renamed']]);
    });

    it('keeps a case’s timeline through steps that add to it, a refused step, a failed step and one that edits it', async () => {
      const { store } = get();
      const entry = (type: string, minutes: number, extra: Record<string, unknown> = {}) => ({ at: at(minutes), type, by: 'sam', ...extra });
      const withHistory = (version: number, history: ReturnType<typeof entry>[]) => ({ ...makeCase({ id: 'c1', version }), history });
      const read = async () => (await store.getCase('c1'))?.history;
      const started = [entry('case_started', 1)];
      await save(store, withHistory(1, started));
      const grown = [...started, entry('task_completed', 2, { node: 'plan', note: 'Ada’s school' }), entry('timer_fired', 3)];
      await save(store, withHistory(2, grown));
      expect(await read()).toEqual(grown);
      // Refused (stale) and failed steps leave the timeline as it was.
      const stale = withHistory(2, [...started, entry('other', 9)]);
      expect(await rejection(store.commitStep({ caseState: stale, expectedVersion: 1, audit: [], outbox: [] }))).toBeInstanceOf(ConflictError);
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const failing = withHistory(3, [...grown, entry('task_completed', 4)]);
      await rejection(store.commitStep({ caseState: failing, expectedVersion: 2, audit: [auditOf(failing)], outbox: [{ id: 'c1.n9', kind: 'notify', payload: circular }] }));
      expect(await read()).toEqual(grown);
      // A step that edits and shortens the timeline (as anonymisation does) reads back as committed, and later steps add to that.
      const edited = [started[0]!, entry('task_completed', 2, { node: 'plan', note: '[removed]' })];
      await save(store, withHistory(3, edited));
      expect(await read()).toEqual(edited);
      const after = [...edited, entry('case_closed', 5)];
      await save(store, withHistory(4, after));
      expect(await store.getCase('c1')).toEqual(JSON.parse(JSON.stringify(withHistory(4, after))));
    });

    it('updates task rows as the case moves on and keeps one outbox message per id', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1', tasks: [task('c1.t1', 'plan', { worker: 'sam' })] }), [{ id: 'c1.n1', kind: 'notify', payload: { n: 1 } }]);
      await save(store, makeCase({ id: 'c1', version: 2, tasks: [task('c1.t1', 'plan', { worker: 'sam' }, { status: 'completed' }), task('c1.t2', 'screen', { team: 'front_door' }, { priority: 'urgent' })] }), [{ id: 'c1.n1', kind: 'notify', payload: { n: 2 } }]);
      expect((await store.listTasks({ authority: 'north', caseId: 'c1' })).map((t) => [t.taskId, t.status, t.priority])).toEqual([
        ['c1.t1', 'completed', 'normal'],
        ['c1.t2', 'open', 'urgent'],
      ]);
      expect((await store.listOutbox({ caseId: 'c1' })).map((m) => m.payload)).toEqual([{ n: 1 }]);
      expect((await store.listAudit('c1')).map((a) => a.seq)).toEqual([1, 2]);
    });
  });
}
