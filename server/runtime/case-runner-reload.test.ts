/**
 * The loser of a race reloads until it sees the winner. On MongoDB a read after a conflict can
 * briefly return the version before the winner's (a majority read from a session that has not
 * yet seen that commit); here a SQLite store is wrapped to answer reads after a conflict with
 * the old version, as a lagging read would.
 */
import { describe, expect, it } from 'vitest';
import { Refusal, type CaseState } from '../../engine/index.ts';
import { actors, nextTaskEvent } from '../../test/store/support.ts';
import { ConflictError, type Store } from '../store/index.ts';
import { createCaseRunner, type CaseRunner } from './case-runner.ts';
import type { SimulatedClock } from './clock.ts';
import { fixtureRunnerPerTest, stepDown } from './test-kit.ts';

let store: Store;
let clock: SimulatedClock;
let runner: CaseRunner;
fixtureRunnerPerTest((fixture) => ({ store, clock, runner } = fixture), () => 'c1');

/** Two people completing the same task at once, both from version 2, with `lag` stale reads after each conflict. */
async function race(lag: number) {
  const state = await runner.startCase(stepDown());
  clock.set('2026-11-03T11:00:00.000Z');
  await runner.dispatch('c1', nextTaskEvent(state)!);
  let loads = 0;
  let release!: () => void;
  const bothLoaded = new Promise<void>((resolve) => (release = resolve));
  let before: CaseState | null = null;
  let lagging = 0;
  let staleReads = 0;
  const lagged = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'getCase') return async (id: string) => {
        if (lagging > 0) {
          lagging -= 1;
          staleReads += 1;
          return before;
        }
        const read = await target.getCase(id);
        before ??= read;
        if (++loads === 2) release();
        return read;
      };
      if (prop === 'commitStep') return async (input: Parameters<Store['commitStep']>[0]) => {
        await bothLoaded;
        try {
          return await target.commitStep(input);
        } catch (error) {
          if (error instanceof ConflictError) lagging = lag;
          throw error;
        }
      };
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const raced = createCaseRunner({ store: lagged, clock });
  const screen = nextTaskEvent((await store.getCase('c1'))!)!;
  const results = await Promise.allSettled([
    raced.dispatch('c1', screen),
    raced.dispatch('c1', { ...screen, by: { ...actors.dana, id: 'dee' } } as typeof screen),
  ]);
  const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Refusal] : []));
  return { won: results.filter((r) => r.status === 'fulfilled').length, lost: lost.map((e) => [e.code, e.message.startsWith('Someone else already did this')]), staleReads };
}

describe('case runner, reloading after a conflict', () => {
  it('Given reads that miss the winner for a while after the conflict, Then the loser still hears "Someone else already did this", not stale_version', async () => {
    const { won, lost, staleReads } = await race(3);
    expect(won).toBe(1);
    expect(lost).toEqual([['task_not_open', true]]);
    expect(staleReads).toBe(3);
    expect((await store.listAudit('c1')).filter((a) => a.action === 'task_completed').map((a) => a.detail.version)).toEqual([2, 3]);
    expect((await store.getCase('c1'))?.version).toBe(3);
  });

  it('Given reads that never catch up, Then the runner gives up with stale_version after its pauses rather than waiting for ever', async () => {
    const { won, lost } = await race(1_000);
    expect(won).toBe(1);
    expect(lost).toEqual([['stale_version', false]]);
  });
});
