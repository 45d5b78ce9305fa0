/**
 * Shared by the runtime tests (case runner, migration, scheduler, outbox): the every-node fixture
 * published in a fresh store for each test, a simulated clock and a case runner over them, and
 * the fixture's step down as Sam starts it. Imported by tests only.
 */
import { afterEach, beforeEach } from 'vitest';
import { actors, openFixtureStore, subject, T0 } from '../../test/store/support.ts';
import type { Store } from '../store/index.ts';
import { createCaseRunner, type CaseRunner } from './case-runner.ts';
import { SimulatedClock } from './clock.ts';

export interface RunnerFixture {
  store: Store;
  /** The store's file. */
  path: string;
  clock: SimulatedClock;
  runner: CaseRunner;
}

/**
 * For a test file: before each test, the fixture store, a clock at T0 and a runner naming new
 * cases with `newCaseId` (c1, c2, … by default); after it, the store is disposed of. `receive` is
 * handed the three, for the file's own variables.
 */
export function fixtureRunnerPerTest(receive: (fixture: RunnerFixture) => void, newCaseId?: () => string): void {
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    let store: Store;
    let path: string;
    ({ store, path, dispose } = await openFixtureStore());
    const clock = new SimulatedClock(T0);
    let n = 0;
    const runner = createCaseRunner({ store, clock, newCaseId: newCaseId ?? (() => `c${++n}`) });
    receive({ store, path, clock, runner });
  });
  afterEach(() => dispose());
}

/** Starting the fixture's step down as Sam, with the intake the fixture's player expects. */
export const stepDown = () => ({ definition: 'every-node', entry: 'step_down', subject, data: { consent: true, finalReviewDate: '2027-01-20' }, by: actors.sam });
