/**
 * Fires due timers. Each tick leases a batch of due timers (so two server processes sharing a
 * store do not both work on one) and dispatches `timer_fired` for each through the runner.
 *
 * Exactly once does not rest on the lease: firing a timer is a step that removes it from the
 * case, committed against the case version, so a second attempt — after a lease expired, or a
 * crash between commit and anything else — is refused by the engine as "no longer pending" and
 * its stale row is dropped. Leases only stop processes duplicating work.
 *
 * Catch-up after downtime is ticking until nothing is due. A timer is recorded when it actually
 * fires, so the case's timeline and its audit never run backwards; the engine keeps its due instant
 * beside it (`dueAt`) and counts the deadlines it starts from that instant, so an escalation ladder
 * or a chain of waits keeps the schedule it would have had if nothing had been down.
 */
import { Refusal } from '../../engine/index.ts';
import { StoreError, type ClaimedTimer, type Store } from '../store/index.ts';
import type { CaseRunner } from './case-runner.ts';
import type { Clock } from './clock.ts';
import { MORE_WAITING, repeating } from './repeat.ts';

export interface SchedulerOptions {
  store: Store;
  runner: CaseRunner;
  clock: Clock;
  /** This process's name in leases, e.g. `${hostname}:${pid}`. */
  owner: string;
  leaseMs?: number;
  batch?: number;
  /** A timer that failed for another reason (retried when its lease expires), or a failed tick. */
  onError?: (error: unknown, timer?: ClaimedTimer) => void;
}

export interface TickResult {
  claimed: number;
  fired: number;
  dropped: number;
  failed: number;
}

export interface Scheduler {
  tick(): Promise<TickResult>;
  /** Ticks until nothing is due (or `maxTicks`); returns the totals. */
  catchUp(maxTicks?: number): Promise<TickResult>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** Ticks in one run before yielding to the event loop's other work. */
const MAX_TICKS_PER_RUN = 50;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, runner, clock, owner } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const batch = options.batch ?? 64;

  async function fire(due: ClaimedTimer, result: TickResult): Promise<void> {
    try {
      await runner.dispatch(due.caseId, { type: 'timer_fired', timerId: due.timerId });
      result.fired += 1;
    } catch (error) {
      if (isGone(error)) {
        await store.dropTimer(due.caseId, due.timerId);
        result.dropped += 1;
      } else {
        result.failed += 1;
        options.onError?.(error, due);
      }
    }
  }

  const claim = () => store.claimDueTimers(clock.now(), owner, leaseMs, batch);

  /**
   * Fires a claimed batch: different cases at once, so their commits share one transaction and
   * one fsync (the store's group commit); one case's timers in due order, one after another.
   */
  async function fireAll(claimed: ClaimedTimer[]): Promise<TickResult> {
    const result: TickResult = { claimed: claimed.length, fired: 0, dropped: 0, failed: 0 };
    const byCase = new Map<string, ClaimedTimer[]>();
    for (const due of claimed) byCase.set(due.caseId, [...(byCase.get(due.caseId) ?? []), due]);
    await Promise.all([...byCase.values()].map(async (timers) => {
      for (const due of timers) await fire(due, result);
    }));
    return result;
  }

  async function tick(): Promise<TickResult> {
    return fireAll(await claim());
  }

  /**
   * Up to `maxTicks` ticks: until one claims nothing (`untilEmpty`) or, for the server's loop,
   * until one comes back short. While a full batch fires, the next claim is already made: asked
   * for in the same turn as the batch's steps, it goes in their transaction and shares their
   * fsync (a claim of its own cost one more a tick). It cannot take a timer of this batch's
   * cases: those are leased, and `claimDueTimers` leases only each case's earliest timer.
   */
  async function ticks(maxTicks: number, untilEmpty: boolean): Promise<{ total: TickResult; behind: boolean }> {
    const total: TickResult = { claimed: 0, fired: 0, dropped: 0, failed: 0 };
    let next: Promise<ClaimedTimer[]> | null = null;
    for (let i = 0; i < maxTicks; i++) {
      const claimed: ClaimedTimer[] = await (next ?? claim());
      const full = claimed.length >= batch;
      const firing = fireAll(claimed);
      next = full && i + 1 < maxTicks ? claim() : null;
      // Awaited at the next turn of the loop; until then a failed claim must not count as unhandled.
      next?.catch(() => undefined);
      const result = await firing;
      for (const key of Object.keys(total) as Array<keyof TickResult>) total[key] += result[key];
      if (claimed.length === 0 || (!full && !untilEmpty)) return { total, behind: false };
    }
    return { total, behind: true };
  }

  async function catchUp(maxTicks = Number.POSITIVE_INFINITY): Promise<TickResult> {
    return (await ticks(maxTicks, true)).total;
  }

  // One run at a time: the next is scheduled only when this one has finished, at once while
  // timers are still due (the last tick was full), so a backlog is worked off without pauses.
  const run = async () => ((await ticks(MAX_TICKS_PER_RUN, false)).behind ? MORE_WAITING : undefined);
  return { tick, catchUp, ...repeating(run, options.onError) };
}

/** The timer or its case no longer exists: the row is stale and can go. */
function isGone(error: unknown): boolean {
  if (error instanceof Refusal) return error.code === 'event_not_expected' || error.code === 'case_closed';
  return error instanceof StoreError && error.code === 'not_found' && error.details.missing === 'case';
}
