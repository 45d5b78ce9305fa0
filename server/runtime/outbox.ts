/**
 * Delivers what steps left in the outbox: e-mails through a `Notifier`, and the internal jobs
 * that link cases (start a sub-flow's child case; tell a parent its sub-flow ended).
 *
 * Nothing is lost: a message is written in the same transaction as the step that caused it and
 * stays until delivered (or, after `maxAttempts`, is kept as `dead` for an admin to see).
 *
 * Honest limit for e-mail: this is at-least-once delivery with an idempotency key. If the
 * process dies after the provider accepted a message but before `markOutboxDone`, the message
 * is offered again when its lease expires. The message id goes to the provider as its reference
 * (GOV.UK Notify's `reference`), so a provider or notifier that deduplicates on it sends once.
 *
 * Internal jobs are exactly-once in effect: the child case id comes from the parent's step, so
 * starting it twice is a conflict; a parent already told of its child refuses a second telling.
 */
import { Refusal } from '../../engine/index.ts';
import { ConflictError, type OutboxMessage, type Store } from '../store/index.ts';
import type { CaseRunner } from './case-runner.ts';
import type { Clock } from './clock.ts';
import type { EndParentWaitJob, NotificationMessage, StartSubflowJob } from './effects.ts';

export interface Notifier {
  /** Sends one message; `message.id` is its idempotency key. Throws to have it retried. */
  send(message: NotificationMessage): Promise<void>;
}

export interface OutboxWorkerOptions {
  store: Store;
  runner: CaseRunner;
  notifier: Notifier;
  clock: Clock;
  owner: string;
  leaseMs?: number;
  batch?: number;
  maxAttempts?: number;
  /** Wait before attempt `attempts + 1`; default doubles from 30 s up to 6 h. */
  backoffMs?: (attempts: number) => number;
}

export interface DeliveryResult {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
}

export interface OutboxWorker {
  tick(): Promise<DeliveryResult>;
  /** Ticks until nothing is ready. */
  drain(maxTicks?: number): Promise<DeliveryResult>;
}

const defaultBackoff = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, runner, notifier, clock, owner } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const batch = options.batch ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoffMs = options.backoffMs ?? defaultBackoff;

  async function deliver(message: OutboxMessage): Promise<void> {
    switch (message.kind) {
      case 'notify':
        return notifier.send(message.payload as NotificationMessage);
      case 'start_subflow':
        try {
          await runner.startSubflow(message.payload as StartSubflowJob);
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error; // already started: done
        }
        return;
      case 'end_parent_wait': {
        const job = message.payload as EndParentWaitJob;
        try {
          await runner.dispatch(job.parent.caseId, { type: 'subflow_ended', childCaseId: job.childCaseId, outcome: job.outcome });
        } catch (error) {
          // Already told, or the parent has closed meanwhile: nothing left to do.
          const settled = error instanceof Refusal && (error.code === 'event_not_expected' || error.code === 'case_closed');
          if (!settled) throw error;
        }
        return;
      }
    }
  }

  async function tick(): Promise<DeliveryResult> {
    const now = clock.now();
    const claimed = await store.claimOutbox(now, owner, leaseMs, batch);
    const result: DeliveryResult = { claimed: claimed.length, done: 0, retried: 0, dead: 0 };
    for (const message of claimed) {
      try {
        await deliver(message);
        await store.markOutboxDone(message.id, clock.now());
        result.done += 1;
      } catch (error) {
        const giveUp = message.attempts >= maxAttempts;
        const retryAt = giveUp ? null : new Date(Date.parse(clock.now()) + backoffMs(message.attempts)).toISOString();
        await store.markOutboxFailed(message.id, describe(error), retryAt);
        result[giveUp ? 'dead' : 'retried'] += 1;
      }
    }
    return result;
  }

  async function drain(maxTicks = 1000): Promise<DeliveryResult> {
    const total: DeliveryResult = { claimed: 0, done: 0, retried: 0, dead: 0 };
    for (let i = 0; i < maxTicks; i++) {
      const result = await tick();
      for (const key of Object.keys(total) as Array<keyof DeliveryResult>) total[key] += result[key];
      if (result.claimed === 0) break;
    }
    return total;
  }

  return { tick, drain };
}

/** A short reason for the admin's outbox view: a code where there is one. */
function describe(error: unknown): string {
  if (error instanceof Refusal) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `${'code' in error ? String(error.code) : error.name}: ${error.message}`;
  return 'unknown_error';
}
