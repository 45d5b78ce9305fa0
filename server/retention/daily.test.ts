import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SimulatedClock } from '../runtime/clock.ts';
import { openSqliteStore, type Store } from '../store/index.ts';
import { auditOf, makeCase } from '../store/store-contract-fixtures.ts';
import { createRetentionJob, DAY_MS } from './daily.ts';
import type { RetentionRun } from './job.ts';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-retention-daily-'));
  store = openSqliteStore({ path: join(dir, 'stepwise.db') });
  const state = { ...makeCase({ id: 'c1', status: 'closed', children: [{ name: 'Ada', dateOfBirth: '2001-12-08' }] }), outcome: { id: 'done', at: '2010-05-01T09:00:00.000Z' } };
  await store.commitStep({ caseState: state, expectedVersion: null, audit: [auditOf(state)], outbox: [] });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('runs once when started and then daily: the case goes on the day it falls due, by the clock', async () => {
  const clock = new SimulatedClock('2026-12-07T10:00:00.000Z');
  const runs: RetentionRun[] = [];
  const job = createRetentionJob({ store, clock, onRun: (run) => runs.push(run) });
  job.start(DAY_MS);
  await job.stop();
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ dryRun: false, disposed: [], notYetDue: 1 });
  clock.set('2026-12-08T02:00:00.000Z');
  expect((await job.tick()).disposed).toEqual([{ caseId: 'c1', then: 'anonymise' }]);
  expect((await store.getCase('c1'))?.subject.familyName).toBe('Anonymised family');
});
