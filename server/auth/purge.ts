/**
 * Removes expired sessions, sign-in attempts and idempotency keys. None is read once expired (the
 * session middleware refuses an expired session, the throttle counts only live attempts, an
 * expired key is free again), so this only keeps the store from growing, and keeps no record of
 * who tried to sign in, nor the answers kept for retries (case views), longer than needed.
 * Every server process may run it: deleting what is already gone does no harm.
 */
import type { Clock } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';
import { repeating } from '../runtime/repeat.ts';

export interface PurgeResult {
  sessions: number;
  signInAttempts: number;
  idempotencyKeys: number;
}

export interface Purge {
  tick(): Promise<PurgeResult>;
  /** Purges now, then every `intervalMs`, one purge at a time. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export function createPurge(options: { store: Store; clock: Clock; onError?: (error: unknown) => void }): Purge {
  const { store, clock } = options;
  async function tick(): Promise<PurgeResult> {
    const now = clock.now();
    return {
      sessions: await store.deleteExpiredSessions(now),
      signInAttempts: await store.deleteExpiredSignInAttempts(now),
      idempotencyKeys: await store.deleteExpiredIdempotencyKeys(now),
    };
  }

  return { tick, ...repeating(tick, options.onError) };
}
