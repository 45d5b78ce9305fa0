/**
 * Contract: the lists that grow with an authority, bounded and answered from summaries (issue 18):
 * the outbox list takes a limit, a case list with task conditions, a search and a limit gives the
 * newest cases' summaries, and the definition list names each definition by its latest version.
 */
import { describe, expect, it } from 'vitest';
import { definition, makeCase, save, task, type StoreHarness } from './store-contract-fixtures.ts';

export function listsContract(get: () => StoreHarness): void {
  describe('bounded lists', () => {
    it('lists at most `limit` outbox messages, oldest first, and all of them without one', async () => {
      const { store } = get();
      const notify = (id: string) => ({ id, kind: 'notify' as const, payload: { to: id } });
      await save(store, makeCase({ id: 'c1' }), [notify('c1.n3'), notify('c1.n1'), notify('c1.n2')]);
      expect((await store.listOutbox({ caseId: 'c1', limit: 2 })).map((m) => m.id)).toEqual(['c1.n1', 'c1.n2']);
      expect((await store.listOutbox({ authority: 'north', status: 'pending', limit: 1 })).map((m) => m.id)).toEqual(['c1.n1']);
      expect(await store.listOutbox({ caseId: 'c1' })).toHaveLength(3);
    });

    it('lists cases with an open task in a tray, matching a search, newest first to the limit, as summaries', async () => {
      const { store } = get();
      const tray = (id: string) => [task(`${id}.t1`, 'screen', { team: 'front_door' })];
      await save(store, makeCase({ id: 'old', familyName: 'Okafor', tasks: tray('old') }));
      for (const version of [1, 2, 3]) await save(store, makeCase({ id: 'new', version, familyName: 'Okafor-Nowak', tasks: tray('new') }));
      await save(store, makeCase({ id: 'other', familyName: 'Smith', tasks: tray('other') }));
      await save(store, makeCase({ id: 'done', familyName: 'Okafor', tasks: [task('done.t1', 'screen', { team: 'front_door' }, { status: 'completed' })] }));
      await save(store, makeCase({ id: 'south', authority: 'south', familyName: 'Okafor', tasks: tray('south') }));

      const filter = { authority: 'north', team: 'front_door', search: 'okafor' };
      expect((await store.findCases(filter)).map((c) => c.id)).toEqual(['new', 'old']);
      expect(await store.findCases({ ...filter, status: 'open', limit: 1 })).toEqual([{
        id: 'new', authority: 'north', definition: { id: 'every-node', version: 1 }, status: 'open', familyName: 'Okafor-Nowak',
        version: 3, startedAt: '2026-11-02T09:00:00.000Z', updatedAt: makeCase({ id: 'new', version: 3 }).updatedAt,
      }]);
      expect((await store.findCases({ ...filter, search: 'okafor-nowak' })).map((c) => c.id)).toEqual(['new']);
      expect((await store.findCases({ authority: 'north', limit: 2 })).map((c) => c.id)).toEqual(['new', 'done']);
    });

    it('names each definition by its latest published version, and a draft never published by the draft', async () => {
      const { store } = get();
      const meta = { by: 'admin', at: '2026-10-01T09:00:00.000Z' };
      await store.saveDraft(definition('a', 'north', 'First'), meta);
      await store.publish('a', meta);
      await store.saveDraft(definition('a', 'north', 'Second'), { ...meta, at: '2026-10-02T09:00:00.000Z' });
      await store.publish('a', meta);
      await store.saveDraft(definition('a', 'north', 'Third, unpublished'), { ...meta, at: '2026-10-03T09:00:00.000Z' });
      await store.saveDraft(definition('b', 'north', 'Beta'), meta);
      expect(await store.listDefinitions('north')).toEqual([
        { id: 'a', authority: 'north', name: 'Second', latestVersion: 2, hasDraft: true },
        { id: 'b', authority: 'north', name: 'Beta', latestVersion: null, hasDraft: true },
      ]);
    });
  });
}
