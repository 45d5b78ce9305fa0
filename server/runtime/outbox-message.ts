/**
 * Delivering one outbox message by its kind: an e-mail through the notifier, or one of the
 * internal jobs that link cases. Internal jobs are exactly-once in effect: the child case id comes
 * from the parent's step, so starting it twice is a conflict; a parent already told of its child
 * refuses a second telling. Either counts as delivered.
 */
import { Refusal } from '../../engine/index.ts';
import { fanOut, sendWebhook, type WebhookOptions } from '../events/webhooks.ts';
import { ConflictError, type OutboxKind, type OutboxMessage, type Store } from '../store/index.ts';
import type { CaseRunner } from './case-runner.ts';
import type { EndParentWaitJob, NotificationMessage, StartSubflowJob } from './effects.ts';

export interface Notifier {
  /** Sends one message; `message.id` is its idempotency key. Throws to have it retried. */
  send(message: NotificationMessage): Promise<void>;
  /** Lets go of connections it keeps open (a pooled SMTP transport), if any. */
  close?(): Promise<void>;
}

/**
 * The queue each kind is claimed in. E-mail waits on a relay; internal jobs only on the store, so
 * they have a queue of their own and a slow relay never delays a linked case starting.
 */
export const QUEUE_OF: Record<OutboxKind, 'email' | 'jobs' | 'webhooks'> = {
  notify: 'email', start_subflow: 'jobs', end_parent_wait: 'jobs',
  // An event's fan-out only writes to the store; its deliveries wait on receivers, in a queue of their own (server/events).
  event: 'jobs', webhook: 'webhooks',
};

export const kindsIn = (queue: 'email' | 'jobs' | 'webhooks') => (Object.keys(QUEUE_OF) as OutboxKind[]).filter((kind) => QUEUE_OF[kind] === queue);

interface DeliveryDeps {
  runner: CaseRunner;
  notifier: Notifier;
  store: Store;
  clock: { now(): string };
  webhooks?: WebhookOptions;
}

export async function deliverMessage(message: OutboxMessage, { runner, notifier, store, clock, webhooks }: DeliveryDeps): Promise<void> {
  switch (message.kind) {
    case 'event':
      await fanOut(message, store, clock.now());
      return;
    case 'webhook':
      await sendWebhook(message, store, webhooks);
      return;
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

/** A short reason for the admin's outbox view: a code where there is one. */
export function describeFailure(error: unknown): string {
  if (error instanceof Refusal) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `${'code' in error ? String(error.code) : error.name}: ${error.message}`;
  return 'unknown_error';
}
