/**
 * Contract: definition drafts are compare-and-set. A save names the draft it replaces, a creation
 * is an insert, and a publish names the draft it checked; each is refused in the store's own
 * transaction when that is no longer so. The two-writer tests open a peer Store on the same
 * database, as a second server process would, and race the two with Promise.allSettled.
 */
import { describe, expect, it } from 'vitest';
import { definition, rejection, withPeer, type StoreHarness } from './store-contract-fixtures.ts';
import type { Store } from './store.ts';

const AT = '2026-10-01T09:00:00.000Z';
const by = (who: string) => ({ by: who, at: AT });
const ROUNDS = 5;

type Settled<T> = PromiseSettledResult<T>;
const refusal = (result: Settled<unknown>) => (result.status === 'rejected' ? (result.reason as { code?: string }).code : undefined);

/** Exactly one of two racing writes went through; the other was refused with `code`. */
function oneWinner<T>(results: Array<Settled<T>>, code: string): T {
  const won = results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled');
  expect(won).toHaveLength(1);
  expect(results.map(refusal).filter(Boolean)).toEqual([code]);
  return won[0]!.value;
}

const swap = <A, B>([a, b]: [A, B]): [B, A] => [b, a];

export function definitionDraftsContract(get: () => StoreHarness): void {
  describe('definition drafts, compare-and-set', () => {
    it('saves only over the draft the caller loaded, and moves savedAt on every save, even with the clock still or set back', async () => {
      const { store } = get();
      const first = await store.createDraft(definition('flow', 'north', 'First'), by('ann'));
      expect(first).toMatchObject({ savedAt: AT, savedBy: 'ann' });
      const second = await store.saveDraft(definition('flow', 'north', 'Second'), { ...by('ben'), expectedSavedAt: first.savedAt });
      expect(second.savedAt > first.savedAt).toBe(true);

      const stale = await rejection(store.saveDraft(definition('flow', 'north', 'Lost'), { ...by('cal'), expectedSavedAt: first.savedAt }));
      expect(stale).toMatchObject({ code: 'stale_draft', details: { id: 'flow', savedAt: second.savedAt, savedBy: 'ben' } });
      expect((await rejection(store.saveDraft(definition('flow', 'north'), { ...by('cal'), expectedSavedAt: null }))).code).toBe('stale_draft');
      expect(await store.getDraft('flow')).toMatchObject({ savedAt: second.savedAt, definition: { name: 'Second' } });

      const setBack = await store.saveDraft(definition('flow', 'north', 'Third'), { by: 'ben', at: '2026-09-30T09:00:00.000Z', expectedSavedAt: second.savedAt });
      expect(setBack.savedAt > second.savedAt).toBe(true);
      // No draft yet: null expects exactly that, and any token is stale.
      expect((await rejection(store.saveDraft(definition('other', 'north'), { ...by('ann'), expectedSavedAt: AT }))).code).toBe('stale_draft');
      expect((await store.saveDraft(definition('other', 'north'), { ...by('ann'), expectedSavedAt: null })).savedAt).toBe(AT);
    });

    it('creates a definition once: its id is refused afterwards, to its own authority and any other', async () => {
      const { store } = get();
      await store.createDraft(definition('flow', 'north', 'Mine'), by('ann'));
      expect((await rejection(store.createDraft(definition('flow', 'north', 'Again'), by('ann')))).code).toBe('definition_exists');
      expect((await rejection(store.createDraft(definition('flow', 'south', 'Theirs'), by('sue')))).code).toBe('definition_exists');
      await store.publish('flow', by('ann'));
      expect((await rejection(store.createDraft(definition('flow', 'north'), by('ann')))).code).toBe('definition_exists');
      expect((await store.getDraft('flow'))?.definition.name).toBe('Mine');
    });

    it('publishes only the draft that was checked: saved again since, it is refused and nothing is published', async () => {
      const { store } = get();
      const checked = await store.createDraft(definition('flow', 'north', 'Checked'), by('ann'));
      const later = await store.saveDraft(definition('flow', 'north', 'Unchecked'), { ...by('ben'), expectedSavedAt: checked.savedAt });
      const refused = await rejection(store.publish('flow', { ...by('ann'), draftSavedAt: checked.savedAt }));
      expect(refused).toMatchObject({ code: 'draft_changed', details: { savedAt: later.savedAt, savedBy: 'ben' } });
      expect(await store.latestPublished('flow')).toBeNull();
      expect((await store.publish('flow', { ...by('ann'), draftSavedAt: later.savedAt })).definition).toMatchObject({ version: 1, name: 'Unchecked' });
    });
  });

  describe('definition drafts, two writers on one database', () => {
    it('two saves with the same token: one is saved, the other refused, and the draft is the one saved', async () => {
      await withPeer(get, async (one, two) => {
        let token = (await one.createDraft(definition('flow', 'north'), by('ann'))).savedAt;
        for (let i = 0; i < ROUNDS; i++) {
          const save = (store: Store, name: string) => store.saveDraft(definition('flow', 'north', name), { ...by(name), expectedSavedAt: token });
          const saved = oneWinner(await Promise.allSettled([save(one, `One ${i}`), save(two, `Two ${i}`)]), 'stale_draft');
          expect(await two.getDraft('flow')).toEqual(saved);
          token = saved.savedAt;
        }
      });
    });

    it('two creations of one id: one draft, and the other is refused definition_exists', async () => {
      await withPeer(get, async (one, two) => {
        for (let i = 0; i < ROUNDS; i++) {
          const id = `new-${i}`;
          const created = oneWinner(await Promise.allSettled([one.createDraft(definition(id, 'north', 'One'), by('ann')), two.createDraft(definition(id, 'south', 'Two'), by('sue'))]), 'definition_exists');
          expect(await one.getDraft(id)).toEqual(created);
        }
      });
    });

    it('a publish racing a save publishes the draft it checked, or is refused draft_changed: never the other draft', async () => {
      await withPeer(get, async (one, two) => {
        let token = (await one.createDraft(definition('flow', 'north'), by('ann'))).savedAt;
        for (let i = 0; i < ROUNDS; i++) {
          token = (await one.saveDraft(definition('flow', 'north', `Checked ${i}`), { ...by('ann'), expectedSavedAt: token })).savedAt;
          const publish = () => one.publish('flow', { ...by('ann'), draftSavedAt: token });
          const save = () => two.saveDraft(definition('flow', 'north', `Unchecked ${i}`), { ...by('ben'), expectedSavedAt: token });
          // Each starts first in turn: a synchronous store (SQLite) runs the first to its end.
          const [published, saved] = i % 2 === 0 ? await Promise.allSettled([publish(), save()]) : swap(await Promise.allSettled([save(), publish()]));
          if (published.status === 'fulfilled') expect(published.value.definition.name).toBe(`Checked ${i}`);
          else expect(refusal(published)).toBe('draft_changed');
          expect(saved.status).toBe('fulfilled');
          token = (await one.getDraft('flow'))!.savedAt;
        }
        const versions = (await one.latestPublished('flow'))?.version ?? 0;
        for (let v = 1; v <= versions; v++) expect((await two.getDefinition('flow', v))?.definition.name).toMatch(/^Checked /);
      });
    });

    it('two publishes of one draft as the same version: one version, and the other is refused already_published', async () => {
      await withPeer(get, async (one, two) => {
        const { savedAt } = await one.createDraft(definition('flow', 'north'), by('ann'));
        const publish = (store: Store) => store.publish('flow', { ...by('ann'), version: 1, draftSavedAt: savedAt });
        oneWinner(await Promise.allSettled([publish(one), publish(two)]), 'already_published');
        expect(await one.getDefinition('flow', 2)).toBeNull();
      });
    });
  });
}
