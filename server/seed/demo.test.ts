/**
 * Start-up publishing: a definition file reaches the store when the store lacks it or the file's
 * version is newer; running cases stay on the version they started with until an admin migrates
 * them; what admins published is never overwritten by a file.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { ENFORCED } from '../../engine/runtime/enforcement.fixture.ts';
import { createCaseRunner, SimulatedClock } from '../runtime/index.ts';
import { planMigration } from '../runtime/migrate.ts';
import { openSqliteStore } from '../store/index.ts';
import { loadDefinitions, publishMissing } from './demo.ts';

const at = '2026-12-21T09:00:00.000Z';
const withVersion = (version: number, change: (d: WorkflowDefinition) => void = () => {}) => {
  const d = structuredClone(ENFORCED);
  d.version = version;
  change(d);
  return d;
};
const sam = { id: 'sam', roles: ['social_worker'], teams: [] };

function freshStore() {
  return openSqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'stepwise-seed-')), 'stepwise.db') });
}

describe('publishing the definition files at start-up', () => {
  it('Given an empty store, Then each file is published as version 1', async () => {
    const store = freshStore();
    expect(await publishMissing(store, [withVersion(2)], at)).toEqual(['enforced']);
    expect((await store.latestPublished('enforced'))?.version).toBe(1);
  });

  it('Given a definition loaded from a file, Then its version history says which file published it, and when', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'stepwise-seed-')), 'definitions');
    mkdirSync(dir);
    writeFileSync(join(dir, 'enforced.json'), JSON.stringify(withVersion(1)));
    const store = freshStore();
    await publishMissing(store, await loadDefinitions(dir), at);
    expect((await store.latestPublished('enforced'))?.note).toBe('Published from definitions/enforced.json at start-up');
    // Made in code, not read from a file: still a note, without a file to name.
    await publishMissing(store, [withVersion(2)], at);
    expect((await store.latestPublished('enforced'))?.note).toBe('Published at start-up');
  });

  it('Given a case running on version 1, When a file with version 2 arrives, Then version 2 is published and the case stays pinned until migrated', async () => {
    const store = freshStore();
    await publishMissing(store, [withVersion(1)], at);
    const runner = createCaseRunner({ store, clock: new SimulatedClock(at), newCaseId: () => 'case-1' });
    await runner.startCase({ definition: 'enforced', entry: 'start', subject: { familyName: 'Okafor', children: [{ name: 'Ada Okafor' }] }, by: sam });

    const tightened = withVersion(2, (d) => {
      const screen = d.nodes.find((n) => n.id === 'screen');
      if (screen?.kind === 'user_task') screen.roles = ['front_door'];
    });
    expect(await publishMissing(store, [tightened], at)).toEqual(['enforced']);
    expect((await store.latestPublished('enforced'))?.definition.nodes.find((n) => n.id === 'screen')).toMatchObject({ roles: ['front_door'] });
    expect((await store.getCase('case-1'))?.definition).toEqual({ id: 'enforced', version: 1 });

    const plan = await planMigration(store, 'enforced', 1, 2);
    expect(plan.cases).toEqual([{ caseId: 'case-1', version: 1, migratable: true, blockers: [] }]);
  });

  it('Given admins have already published version 2 in the designer, When the file says version 2, Then their version is kept', async () => {
    const store = freshStore();
    await publishMissing(store, [withVersion(1)], at);
    await store.saveDraft(withVersion(1, (d) => (d.name = 'Edited by an admin')), { by: 'admin', at });
    await store.publish('enforced', { by: 'admin', at });
    expect(await publishMissing(store, [withVersion(2)], at)).toEqual([]);
    expect((await store.latestPublished('enforced'))?.definition.name).toBe('Edited by an admin');
  });
});
