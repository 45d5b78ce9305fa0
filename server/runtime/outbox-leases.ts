/**
 * Keeps the leases of the messages a worker is delivering: every third of a lease, one write
 * extends all of them. A lease therefore runs out only when its worker has died (or its process
 * stalled for two thirds of a lease), however slow the relay: a relay taking 7 s over each
 * e-mail no longer lets a second worker take messages the first is still sending.
 *
 * The beat runs on the process's own timers, while lease instants come from the clock; in
 * production both are the system's.
 */
import type { Store } from '../store/index.ts';
import type { Clock } from './clock.ts';

export interface LeaseKeeper {
  /** Starts renewing `id`'s lease; false if this worker is already delivering it. */
  hold(id: string): boolean;
  release(id: string): void;
}

export function leaseKeeper(store: Store, clock: Clock, owner: string, leaseMs: number): LeaseKeeper {
  const held = new Set<string>();
  let beat: ReturnType<typeof setInterval> | undefined;
  let renewing = false;

  async function renew(): Promise<void> {
    if (renewing || held.size === 0) return;
    renewing = true;
    try {
      await store.renewOutboxLeases([...held], owner, new Date(Date.parse(clock.now()) + leaseMs).toISOString());
    } catch {
      // The store is busy or unreachable: the next beat tries again, with a third of the lease still to run.
    } finally {
      renewing = false;
    }
  }

  return {
    hold(id) {
      if (held.has(id)) return false;
      held.add(id);
      if (!beat) {
        beat = setInterval(() => void renew(), Math.max(10, Math.floor(leaseMs / 3)));
        beat.unref();
      }
      return true;
    },
    release(id) {
      held.delete(id);
      if (held.size === 0 && beat) {
        clearInterval(beat);
        beat = undefined;
      }
    },
  };
}
