/** Contract: inboxes and case lists, which never cross authorities. */
import { beforeEach, describe, expect, it } from 'vitest';
import { at, auditOf, makeCase, save, T0, task, type StoreHarness } from './store-contract-fixtures.ts';

export function queryContract(get: () => StoreHarness): void {
  describe('inbox and case queries', () => {
    beforeEach(async () => {
      const { store } = get();
      await save(store, makeCase({
        id: 'n1', familyName: 'Okafor',
        tasks: [
          task('n1.t1', 'plan', { worker: 'sam' }, { due: '2026-11-20T23:59:59.999Z' }),
          task('n1.t2', 'screen', { team: 'front_door' }, { due: '2026-11-05T23:59:59.999Z', overdue: true }),
          task('n1.t3', 'old', { worker: 'sam' }, { status: 'completed' }),
        ],
      }));
      await save(store, makeCase({
        id: 'n2', familyName: 'Ó Súilleabháin',
        tasks: [
          task('n2.t1', 'review', { role: 'family_worker' }, { due: '2026-11-10T12:00:00Z' }),
          task('n2.t2', 'panel_decision', { team: 'panel' }),
        ],
      }));
      await save(store, makeCase({ id: 'n3', status: 'closed', familyName: 'Smith', definition: { id: 'every-node', version: 2 } }));
      await save(store, makeCase({
        id: 's1', authority: 'south', familyName: 'Okafor',
        tasks: [task('s1.t1', 'plan', { worker: 'sam' }), task('s1.t2', 'screen', { team: 'front_door' }, { overdue: true })],
      }));
    });

    const ids = (rows: Array<{ taskId: string }>) => rows.map((r) => r.taskId);

    it('lists a worker’s open tasks, their teams’ trays and their roles’ work, sorted by due date', async () => {
      const { store } = get();
      expect(ids(await store.listTasks({ authority: 'north', worker: 'sam', status: 'open' }))).toEqual(['n1.t1']);
      expect(ids(await store.listTasks({ authority: 'north', worker: 'sam', teams: ['front_door', 'panel'], roles: ['family_worker'], status: 'open' })))
        .toEqual(['n1.t2', 'n2.t1', 'n1.t1', 'n2.t2']);
      expect(ids(await store.listTasks({ authority: 'north', teams: ['panel'] }))).toEqual(['n2.t2']);
      expect(ids(await store.listTasks({ authority: 'north', roles: [] }))).toEqual([]);
    });

    it('filters by status, due date and overdue, normalising instants', async () => {
      const { store } = get();
      expect(ids(await store.listTasks({ authority: 'north', status: ['completed', 'cancelled'] }))).toEqual(['n1.t3']);
      expect(ids(await store.listTasks({ authority: 'north', dueBefore: '2026-11-10T12:00:00.001Z' }))).toEqual(['n1.t2', 'n2.t1']);
      expect(ids(await store.listTasks({ authority: 'north', dueBefore: '2026-11-10T12:00:00Z' }))).toEqual(['n1.t2']);
      expect(ids(await store.listTasks({ authority: 'north', overdue: true }))).toEqual(['n1.t2']);
      expect((await store.listTasks({ authority: 'north', roles: ['family_worker'] }))[0]?.due).toBe('2026-11-10T12:00:00.000Z');
    });

    it('never returns another authority’s tasks or cases', async () => {
      const { store } = get();
      const all = await store.listTasks({ authority: 'north' });
      expect(all.every((t) => t.authority === 'north')).toBe(true);
      expect(ids(await store.listTasks({ authority: 'south', worker: 'sam' }))).toEqual(['s1.t1']);
      expect((await store.findCases({ authority: 'north', search: 'okafor' })).map((c) => c.id)).toEqual(['n1']);
      expect(await store.listTasks({ authority: 'east' })).toEqual([]);
    });

    it('finds cases by status, definition version, stage, team, worker, overdue and family name', async () => {
      const { store } = get();
      const find = async (filter: Parameters<typeof store.findCases>[0]) => (await store.findCases(filter)).map((c) => c.id).sort();
      expect(await find({ authority: 'north', status: 'open' })).toEqual(['n1', 'n2']);
      expect(await find({ authority: 'north', definition: { id: 'every-node', version: 2 } })).toEqual(['n3']);
      expect(await find({ authority: 'north', stage: 'review' })).toEqual(['n2']);
      expect(await find({ authority: 'north', team: 'front_door' })).toEqual(['n1']);
      expect(await find({ authority: 'north', worker: 'sam' })).toEqual(['n1']);
      expect(await find({ authority: 'north', overdue: true })).toEqual(['n1']);
      expect(await find({ authority: 'north', stage: 'old' })).toEqual([]);
      expect(await find({ authority: 'north', search: 'suil' })).toEqual(['n2']);
      expect((await store.findCases({ authority: 'north', status: 'closed' }))[0]).toMatchObject({ id: 'n3', familyName: 'Smith', version: 1, definition: { id: 'every-node', version: 2 } });
    });
  });
  describe('case search', () => {
    beforeEach(async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'n1', familyName: 'Okafor' }));
      await save(store, makeCase({
        id: '3f2a9c1b-0000-4000-8000-000000000001', familyName: 'O’Brien\u200b',
        children: [{ name: 'Zoë Straße', personId: 'MOS-4411', dateOfBirth: '2018-12-07' }, { name: 'Kai', personId: 'LCS 99', dateOfBirth: '2020-01-30' }],
      }));
      await save(store, makeCase({ id: 's1', authority: 'south', familyName: 'O’Brien', children: [{ name: 'Kai', personId: 'MOS-4411', dateOfBirth: '2018-12-07' }] }));
    });

    const find = async (search: string) => (await get().store.findCases({ authority: 'north', search })).map((c) => c.familyName);

    it('finds a family by family name, a child’s name, a case-system id, a date of birth or the reference', async () => {
      expect(await find('o\'brien')).toEqual(['O’Brien\u200b']);
      expect(await find('zoe')).toEqual(['O’Brien\u200b']);
      expect(await find('KAI')).toEqual(['O’Brien\u200b']);
      expect(await find('mos-4411')).toEqual(['O’Brien\u200b']);
      expect(await find('lcs 99')).toEqual(['O’Brien\u200b']);
      expect(await find('7/12/2018')).toEqual(['O’Brien\u200b']);
      expect(await find('07.12.2018')).toEqual(['O’Brien\u200b']);
      expect(await find('2018-12-07')).toEqual(['O’Brien\u200b']);
      expect(await find('3F2A9C1B')).toEqual(['O’Brien\u200b']);
      expect(await find('ada')).toEqual(['Okafor']);
    });

    it('normalises stored names and queries the same way: invisible, full-width, ligature and case variants match', async () => {
      expect(await find('O\u200bBri\u00aden')).toEqual([]);
      expect(await find('O\u2019\u200bBri\u00aden')).toEqual(['O’Brien\u200b']);
      expect(await find('Ｏｋａｆｏｒ')).toEqual(['Okafor']);
      expect(await find('\ufeffzoë  strasse')).toEqual(['O’Brien\u200b']);
      expect(await find('ZOE STRASSE')).toEqual(['O’Brien\u200b']);
    });

    it('follows a child’s corrected facts: once saved again, the case is found by the new date of birth and id, not the old', async () => {
      const children = (dateOfBirth: string, personId: string) => [{ name: 'Amira Haddad', dateOfBirth, personId }];
      await save(get().store, makeCase({ id: 'h1', familyName: 'Haddad', children: children('2019-01-31', 'MOS-7001') }));
      await save(get().store, makeCase({ id: 'h1', version: 2, familyName: 'Haddad', children: children('2019-01-13', 'MOS-7002') }));
      expect(await find('13/01/2019')).toEqual(['Haddad']);
      expect(await find('mos-7002')).toEqual(['Haddad']);
      expect(await find('31/01/2019')).toEqual([]);
      expect(await find('mos-7001')).toEqual([]);
    });

    it('never matches across two fields, and never another authority’s cases', async () => {
      expect(await find('kai mos')).toEqual([]);
      expect(await find('31/2/2019')).toEqual([]);
      expect((await get().store.findCases({ authority: 'south', search: 'mos-4411' })).map((c) => c.id)).toEqual(['s1']);
    });
  });
  describe('completed-task reports', () => {
    beforeEach(async () => {
      const { store } = get();
      const screen = (extra = {}) => task('r1.t1', 'screen', { team: 'front_door' }, { dueLabel: 'within 1 working day', ...extra });
      const v1 = makeCase({ id: 'r1', tasks: [screen(), task('r1.t2', 'plan', { worker: 'sam' })] });
      await save(store, v1);
      // Completed in a later step, given the previous state: the row is updated, not inserted.
      const v2 = makeCase({ id: 'r1', version: 2, tasks: [screen({ status: 'completed', completedAt: '2026-11-02T09:30:00Z', completedBy: 'dana' }), task('r1.t2', 'plan', { worker: 'sam' })] });
      await store.commitStep({ caseState: v2, expectedVersion: 1, previous: v1, audit: [auditOf(v2)], outbox: [] });
      await save(store, makeCase({
        id: 'r2',
        tasks: [
          task('r2.t1', 'review', { worker: 'sam' }, { status: 'completed', completedAt: '2026-11-05T10:00:00.000Z', completedBy: 'sam' }),
          task('r2.t2', 'visit', { worker: 'sam' }, { status: 'cancelled', cancelledAt: at(40) }),
        ],
      }));
      await save(store, makeCase({ id: 's1', authority: 'south', tasks: [task('s1.t1', 'screen', { worker: 'sam' }, { status: 'completed', completedAt: at(30), completedBy: 'sol' })] }));
    });

    const ids = (rows: Array<{ taskId: string }>) => rows.map((r) => r.taskId);

    it('a completed task row carries when, by whom and the protocol’s timescale', async () => {
      const { store } = get();
      expect((await store.listTasks({ authority: 'north', caseId: 'r1' })).map(({ taskId, status, completedAt, completedBy, dueLabel }) => ({ taskId, status, completedAt, completedBy, dueLabel }))).toEqual([
        { taskId: 'r1.t1', status: 'completed', completedAt: '2026-11-02T09:30:00.000Z', completedBy: 'dana', dueLabel: 'within 1 working day' },
        { taskId: 'r1.t2', status: 'open', completedAt: null, completedBy: null, dueLabel: null },
      ]);
      expect((await store.listTasks({ authority: 'north', caseId: 'r2', status: 'cancelled' }))[0]).toMatchObject({ completedAt: null, completedBy: null });
    });

    it('lists tasks completed in a half-open period, with other filters, normalising instants', async () => {
      const { store } = get();
      const completed = async (from?: string, to?: string, extra = {}) =>
        ids(await store.listTasks({ authority: 'north', ...(from ? { completedFrom: from } : {}), ...(to ? { completedTo: to } : {}), ...extra }));
      expect(await completed(T0, '2026-11-05T10:00:00Z')).toEqual(['r1.t1']);
      expect(await completed(T0, '2026-11-05T10:00:00.001Z')).toEqual(['r1.t1', 'r2.t1']);
      expect(await completed('2026-11-02T09:30:00Z')).toEqual(['r1.t1', 'r2.t1']);
      expect(await completed('2026-11-02T09:30:00.001Z')).toEqual(['r2.t1']);
      expect(await completed(undefined, '2026-11-03T00:00:00Z')).toEqual(['r1.t1']);
      expect(await completed(T0, undefined, { worker: 'sam' })).toEqual(['r2.t1']);
      expect(await completed('2026-11-05T10:00:00Z', T0)).toEqual([]);
    });

    it('never reports another authority’s completed tasks', async () => {
      const { store } = get();
      const north = await store.listTasks({ authority: 'north', completedFrom: T0, completedTo: at(24 * 60 * 30) });
      expect(north.every((t) => t.authority === 'north')).toBe(true);
      expect(ids(north)).toEqual(['r1.t1', 'r2.t1']);
      expect(ids(await store.listTasks({ authority: 'south', completedFrom: T0 }))).toEqual(['s1.t1']);
      expect(await store.listTasks({ authority: 'east', completedFrom: T0 })).toEqual([]);
    });
  });
}
