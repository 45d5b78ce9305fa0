/**
 * The retention job in the server: a run when the server starts, then every day. Every server
 * process may run it: a case another process disposed of first is found changed, and skipped.
 * Each run is reported through `onRun` (counts and case ids only) for the server's log.
 */
import type { Clock } from '../runtime/index.ts';
import { repeating, type Repeating } from '../runtime/repeat.ts';
import type { Store } from '../store/index.ts';
import { runRetention, type RetentionRun } from './job.ts';

export const DAY_MS = 24 * 60 * 60_000;

export interface RetentionJob extends Repeating {
  tick(): Promise<RetentionRun>;
}

export function createRetentionJob(options: { store: Store; clock: Clock; onRun?: (run: RetentionRun) => void; onError?: (error: unknown) => void }): RetentionJob {
  const { store, clock } = options;
  async function tick(): Promise<RetentionRun> {
    const run = await runRetention(store, clock.now(), { dryRun: false });
    options.onRun?.(run);
    return run;
  }
  return { tick, ...repeating(tick, options.onError) };
}
