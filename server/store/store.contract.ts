/**
 * The one contract every Store implementation passes (Hono's common.case.test pattern): each
 * implementation's test file calls `describeStoreContract` with a factory for a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditContract } from './store-contract-audit.ts';
import { commitContract } from './store-contract-commit.ts';
import { concurrentCommitContract } from './store-contract-concurrent.ts';
import { definitionDraftsContract } from './store-contract-definition-drafts.ts';
import { draftsContract } from './store-contract-drafts.ts';
import { definition, rejection, type StoreHarness } from './store-contract-fixtures.ts';
import { idempotencyContract } from './store-contract-idempotency.ts';
import { listsContract } from './store-contract-lists.ts';
import { queueContract } from './store-contract-queues.ts';
import { queryContract } from './store-contract-queries.ts';
import { raceContract } from './store-contract-races.ts';
import { retentionContract } from './store-contract-retention.ts';
import { usersContract } from './store-contract-users.ts';
import { webhooksContract } from './store-contract-webhooks.ts';

export type { StoreHarness, Tamper } from './store-contract-fixtures.ts';

export function describeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(name, () => {
    let harness: StoreHarness;
    beforeEach(async () => {
      harness = await open();
    });
    afterEach(async () => {
      await harness.dispose();
    });
    const get = () => harness;
    definitionsContract(get);
    definitionDraftsContract(get);
    commitContract(get);
    concurrentCommitContract(get);
    raceContract(get);
    queryContract(get);
    listsContract(get);
    draftsContract(get);
    queueContract(get);
    auditContract(get);
    usersContract(get);
    idempotencyContract(get);
    retentionContract(get);
    webhooksContract(get);
  });
}

function definitionsContract(get: () => StoreHarness): void {
  describe('definitions', () => {
    const meta = { by: 'admin', at: '2026-10-01T09:00:00.000Z' };

    it('keeps one editable draft and publishes it as numbered, immutable versions', async () => {
      const { store } = get();
      await store.saveDraft(definition('flow', 'north', 'First'), meta);
      expect((await store.getDraft('flow'))?.definition.name).toBe('First');
      const v1 = await store.publish('flow', meta);
      expect(v1).toMatchObject({ id: 'flow', version: 1, authority: 'north', publishedBy: 'admin', note: null, definition: { version: 1, name: 'First' } });

      await store.saveDraft(definition('flow', 'north', 'Second'), { ...meta, at: '2026-10-02T09:00:00.000Z' });
      const v2 = await store.publish('flow', { ...meta, note: 'Renamed for the pilot' });
      expect(v2).toMatchObject({ version: 2, note: 'Renamed for the pilot' });
      expect((await store.getDefinition('flow', 2))?.note).toBe('Renamed for the pilot');
      expect((await store.getDefinition('flow', 1))?.definition.name).toBe('First');
      expect((await store.latestPublished('flow'))?.definition).toMatchObject({ name: 'Second', version: 2 });
      expect(await store.getDefinition('flow', 3)).toBeNull();
    });

    it('refuses to publish a version that exists, or with no draft', async () => {
      const { store } = get();
      await store.saveDraft(definition('flow', 'north'), meta);
      await store.publish('flow', { ...meta, version: 1 });
      expect((await rejection(store.publish('flow', { ...meta, version: 1 }))).code).toBe('already_published');
      expect((await rejection(store.publish('nothing', meta))).code).toBe('no_draft');
      expect((await store.getDefinition('flow', 1))?.publishedAt).toBe(meta.at);
    });

    it('lists an authority’s definitions and never another’s, and keeps ids to their authority', async () => {
      const { store } = get();
      await store.saveDraft(definition('a', 'north', 'Alpha'), meta);
      await store.publish('a', meta);
      await store.saveDraft(definition('b', 'north', 'Beta'), meta);
      await store.saveDraft(definition('s', 'south', 'South'), meta);
      expect(await store.listDefinitions('north')).toEqual([
        { id: 'a', authority: 'north', name: 'Alpha', latestVersion: 1, hasDraft: true },
        { id: 'b', authority: 'north', name: 'Beta', latestVersion: null, hasDraft: true },
      ]);
      expect((await rejection(store.saveDraft(definition('a', 'south'), meta))).code).toBe('authority_mismatch');
    });
  });
}
