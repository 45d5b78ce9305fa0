import { describe, expect, it } from 'vitest';
import { Refusal, type CaseState } from '../../engine/index.ts';
import { actors, nextTaskEvent, T0 } from '../../test/store/support.ts';
import type { Store } from '../store/index.ts';
import { createCaseRunner, type CaseRunner } from './case-runner.ts';
import type { SimulatedClock } from './clock.ts';
import { fixtureRunnerPerTest, stepDown } from './test-kit.ts';

let store: Store;
let clock: SimulatedClock;
let runner: CaseRunner;
fixtureRunnerPerTest((fixture) => ({ store, clock, runner } = fixture), () => 'c1');

const start = () => runner.startCase(stepDown());

async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Given a case whose referral has reached the front door. */
async function atFrontDoor(): Promise<CaseState> {
  const state = await start();
  clock.set('2026-11-03T11:00:00.000Z');
  return runner.dispatch('c1', nextTaskEvent(state)!);
}

describe('case runner', () => {
  it('starts a case on the latest published version and saves it with its task, timer and audit entry', async () => {
    const state = await start();
    expect(state).toMatchObject({ id: 'c1', version: 1, definition: { id: 'every-node', version: 1 } });
    expect(await store.getCase('c1')).toEqual(JSON.parse(JSON.stringify(state)));
    expect((await store.listTasks({ authority: 'fixture', worker: 'sam' })).map((t) => t.node)).toEqual(['plan']);
    expect((await store.listTimers('c1')).map((t) => [t.purpose, t.fireAt])).toEqual([['due', '2026-12-17T23:59:59.999Z']]);
    expect((await store.listAudit('c1')).map((a) => [a.action, a.actor, a.detail])).toEqual([['case_started', 'sam', { version: 1, entry: 'step_down' }]]);
  });

  it('steps a case, writing the notification to the outbox in the same commit', async () => {
    const state = await atFrontDoor();
    expect(state.version).toBe(2);
    const outbox = await store.listOutbox({ caseId: 'c1' });
    expect(outbox).toMatchObject([{ kind: 'notify', status: 'pending', payload: { caseId: 'c1', notification: { subject: 'Step down referral: Okafor' } } }]);
    expect((await store.listTasks({ authority: 'fixture', teams: ['front_door'] })).map((t) => [t.node, t.due])).toEqual([['screen', '2026-11-05T23:59:59.999Z']]);
    expect(JSON.stringify(await store.listAudit('c1'))).not.toContain('Okafor');
  });

  it('lets exactly one of two people completing the same task at once win; the other is told someone else did it', async () => {
    await atFrontDoor();
    // Both load version 2 before either commits, as two requests arriving together would.
    let loads = 0;
    let release!: () => void;
    const bothLoaded = new Promise<void>((resolve) => (release = resolve));
    let commits = 0;
    const racing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'getCase') return async (id: string) => {
          const state = await target.getCase(id);
          if (++loads === 2) release();
          return state;
        };
        if (prop === 'commitStep') return async (input: Parameters<Store['commitStep']>[0]) => {
          await bothLoaded;
          commits += 1;
          return target.commitStep(input);
        };
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const raced = createCaseRunner({ store: racing, clock });
    const screen = nextTaskEvent((await store.getCase('c1'))!)!;
    const dee = { ...actors.dana, id: 'dee' };
    const results = await Promise.allSettled([
      raced.dispatch('c1', screen),
      raced.dispatch('c1', { ...screen, by: dee } as typeof screen),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Refusal] : []));
    expect(won).toHaveLength(1);
    expect(lost.map((e) => [e.code, e.message.startsWith('Someone else already did this')])).toEqual([['task_not_open', true]]);
    expect(commits).toBe(2);
    const audit = await store.listAudit('c1');
    expect(audit.filter((a) => a.action === 'task_completed').map((a) => a.detail.version)).toEqual([2, 3]);
    expect((await store.getCase('c1'))?.version).toBe(3);
  });

  it('steps from the case its caller loaded without loading it again, and from the stored case when the loaded one is out of date', async () => {
    const loaded = await atFrontDoor();
    let loads = 0;
    const counting = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'getCase') return async (id: string) => ((loads += 1), target.getCase(id));
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const counted = createCaseRunner({ store: counting, clock });
    const screened = await counted.dispatch('c1', nextTaskEvent(loaded)!, { loaded });
    expect([screened.version, loads]).toEqual([3, 0]);
    // `loaded` is now two versions behind: the commit is refused as a conflict, and the retry
    // steps from the stored case, whose task is already done.
    const again = await refusal(counted.dispatch('c1', nextTaskEvent(loaded)!, { loaded }));
    expect([again.code, loads]).toEqual(['task_not_open', 1]);
    expect((await store.getCase('c1'))?.version).toBe(3);
  });

  it('refuses an event against an older version, and writes nothing for a refused event', async () => {
    const state = await atFrontDoor();
    const before = { audit: await store.listAudit('c1'), state: await store.getCase('c1') };
    expect((await refusal(runner.dispatch('c1', { type: 'case_withdrawn', by: actors.sam, reason: 'x', expectedVersion: 1 }))).code).toBe('stale_version');
    const screen = nextTaskEvent(state)!;
    expect((await refusal(runner.dispatch('c1', { ...screen, data: { route: 'nowhere' } } as typeof screen))).code).toBe('form_invalid');
    expect({ audit: await store.listAudit('c1'), state: await store.getCase('c1') }).toEqual(before);
  });

  it('records every read of a case in its audit chain, and refuses reads of unknown cases', async () => {
    await start();
    clock.set('2026-11-02T10:00:00.000Z');
    const state = await runner.readCase('c1', 'dana', 'case_page');
    expect(state.id).toBe('c1');
    expect((await store.listAudit('c1')).at(-1)).toMatchObject({ action: 'case_read', actor: 'dana', at: '2026-11-02T10:00:00.000Z', detail: { what: 'case_page' } });
    expect(await store.verifyAudit('c1')).toEqual({ ok: true, entries: 2 });
    await expect(runner.readCase('nope', 'dana', 'case_page')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps a case on the version it started with when a new version is published', async () => {
    await start();
    const v2 = structuredClone((await store.latestPublished('every-node'))!.definition);
    v2.name = 'Fixture, revised';
    await store.saveDraft(v2, { by: 'admin', at: T0 });
    await store.publish('every-node', { by: 'admin', at: T0 });
    clock.set('2026-11-03T11:00:00.000Z');
    const next = await runner.dispatch('c1', nextTaskEvent((await store.getCase('c1'))!)!);
    expect(next.definition).toEqual({ id: 'every-node', version: 1 });
    const fresh = createCaseRunner({ store, clock, newCaseId: () => 'c2' });
    expect((await fresh.startCase(stepDown())).definition.version).toBe(2);
  });
});
