import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { fixtureDefinition, nextTaskEvent, publishDefinition, T0 } from '../../test/store/support.ts';
import type { Store } from '../store/index.ts';
import type { CaseRunner } from './case-runner.ts';
import type { SimulatedClock } from './clock.ts';
import { applyMigration, planMigration } from './migrate.ts';
import { fixtureRunnerPerTest, stepDown } from './test-kit.ts';

let store: Store;
let clock: SimulatedClock;
let runner: CaseRunner;
fixtureRunnerPerTest((fixture) => ({ store, clock, runner } = fixture));

/** Version 2 renames the front door's "screen" step to "triage". */
function renamedScreen(): WorkflowDefinition {
  const text = JSON.stringify(fixtureDefinition())
    .replaceAll('"screen"', '"triage"')
    .replaceAll('form.screen.', 'form.triage.')
    .replaceAll('done.screen', 'done.triage');
  return JSON.parse(text) as WorkflowDefinition;
}

/** c1 waits at "plan", c2 at "screen" (which v2 no longer has). */
async function twoCases() {
  clock.set(T0);
  const c1 = await runner.startCase(stepDown());
  const c2 = await runner.startCase(stepDown());
  clock.set('2026-11-03T11:00:00.000Z');
  await runner.dispatch(c2.id, nextTaskEvent(c2)!);
  await publishDefinition(store, renamedScreen());
  return { c1: c1.id, c2: c2.id };
}

describe('migrating cases between definition versions', () => {
  it('publishing a new version moves no case', async () => {
    const { c1, c2 } = await twoCases();
    expect((await store.getCase(c1))?.definition.version).toBe(1);
    expect((await store.getCase(c2))?.definition.version).toBe(1);
  });

  it('dry-runs: lists which cases can move and what blocks the others, writing nothing', async () => {
    const { c1, c2 } = await twoCases();
    const audit = await store.listAudit(c2);
    const plan = await planMigration(store, 'every-node', 1, 2);
    expect(plan.cases.sort((a, b) => (a.caseId < b.caseId ? -1 : 1))).toEqual([
      { caseId: c1, version: 1, migratable: true, blockers: [] },
      {
        caseId: c2, version: 2, migratable: false,
        blockers: [
          { code: 'task_node_missing', node: 'screen', ref: `${c2}.t4` },
          { code: 'timer_node_missing', node: 'screen', ref: `${c2}.m5` },
        ],
      },
    ]);
    expect(await store.listAudit(c2)).toEqual(audit);
  });

  it('moves only migratable cases, audited, and the moved case runs on the new version', async () => {
    const { c1, c2 } = await twoCases();
    const plan = await planMigration(store, 'every-node', 1, 2);
    clock.set('2026-11-03T12:00:00.000Z');
    expect(await applyMigration(store, plan, { by: 'admin', clock })).toEqual({ moved: [c1], skipped: [{ caseId: c2, reason: 'blocked' }] });
    const moved = (await store.getCase(c1))!;
    expect(moved).toMatchObject({ version: 2, definition: { id: 'every-node', version: 2 } });
    expect(moved.history.at(-1)).toMatchObject({ type: 'definition_migrated', from: 1, to: 2, by: 'admin' });
    expect((await store.listAudit(c1)).at(-1)).toMatchObject({ action: 'case_migrated', actor: 'admin', detail: { version: 2, from: 1, to: 2 } });
    expect((await store.verifyAudit(c1)).ok).toBe(true);

    clock.set('2026-11-03T13:00:00.000Z');
    const next = await runner.dispatch(c1, nextTaskEvent(moved)!);
    expect(Object.values(next.tasks).filter((t) => t.status === 'open').map((t) => t.node)).toEqual(['triage']);
    expect((await store.getCase(c2))?.definition.version).toBe(1);
  });

  it('re-checks each case when applying: a case that moved on since the dry run is skipped', async () => {
    const { c1 } = await twoCases();
    const plan = await planMigration(store, 'every-node', 1, 2);
    clock.set('2026-11-03T12:00:00.000Z');
    await runner.dispatch(c1, nextTaskEvent((await store.getCase(c1))!)!); // c1 is now at "screen"
    expect(await applyMigration(store, plan, { by: 'admin', clock, caseIds: [c1] })).toEqual({ moved: [], skipped: [{ caseId: c1, reason: 'blocked' }] });
  });
});
