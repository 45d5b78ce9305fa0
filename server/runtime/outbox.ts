/**
 * Delivers what steps left in the outbox: e-mails through a `Notifier`, and the internal jobs
 * that link cases (start a sub-flow's child case; tell a parent its sub-flow ended).
 *
 * Nothing is lost: a message is written in the same transaction as the step that caused it and
 * stays until delivered (or, after `maxAttempts`, is kept as `dead` for an admin to see).
 *
 * Three queues, each with its own number in flight: e-mails (default 16 at once), internal jobs
 * (default 4) and webhook deliveries to case systems (default 8, server/events), so a slow relay
 * never keeps a linked case from starting, nor a slow receiver the e-mail. Each message is claimed
 * with a lease of its own as a slot frees, and the lease is renewed while it is being sent
 * (outbox-leases.ts): a lease runs out only when its worker has died. Only the lease holder can
 * mark a message done or failed.
 *
 * Honest limit for e-mail: this is at-least-once delivery with an idempotency key. If the
 * process dies after the provider accepted a message but before `markOutboxDone`, or stalls for
 * longer than a lease while another worker takes the message over, it is sent again. The message
 * id goes to the provider as its reference (GOV.UK Notify's `reference`; SMTP's `Message-ID`),
 * so a provider or notifier that deduplicates on it sends once.
 */
import type { OutboxMessage, Store } from '../store/index.ts';
import type { CaseRunner } from './case-runner.ts';
import type { Clock } from './clock.ts';
import { leaseKeeper } from './outbox-leases.ts';
import { deliverMessage, describeFailure, kindsIn, type Notifier } from './outbox-message.ts';
import type { WebhookOptions } from '../events/webhooks.ts';

export type { Notifier } from './outbox-message.ts';

export interface OutboxWorkerOptions {
  store: Store;
  runner: CaseRunner;
  notifier: Notifier;
  clock: Clock;
  /** This worker's name in leases, unique among workers, e.g. `${hostname}:${pid}`. */
  owner: string;
  /** How long a message stays leased if its worker stops renewing (dies); default 60 s, renewed every third. */
  leaseMs?: number;
  /** E-mails in flight at once; default 16. */
  concurrency?: number;
  /** Internal jobs in flight at once, beside the e-mails; default 4. */
  jobConcurrency?: number;
  /** Webhook deliveries in flight at once, beside the others; default 8. */
  webhookConcurrency?: number;
  /** Where webhooks may go and how long a receiver has to answer (server/events/webhooks.ts). */
  webhooks?: WebhookOptions;
  maxAttempts?: number;
  /** Wait before attempt `attempts + 1`; default doubles from 30 s up to 6 h. */
  backoffMs?: (attempts: number) => number;
}

export interface DeliveryResult {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
  /** Delivered or failed after its lease had passed to another worker, whose outcome stands. */
  lost: number;
}

export interface OutboxWorker {
  /**
   * Delivers what is ready: fills each queue up to its number in flight and refills it as
   * deliveries finish, until a claim finds nothing more; resolves when both queues are idle. A
   * call while a tick runs tops its queues up and resolves with it, so calling on an interval
   * (server/main.ts) never sends a message twice or exceeds the numbers in flight.
   */
  tick(): Promise<DeliveryResult>;
  /** Ticks until a tick claims nothing (a job may queue more messages). */
  drain(maxTicks?: number): Promise<DeliveryResult>;
  /**
   * For shutdown: claims nothing more, and resolves when the messages in flight are settled, so
   * none is left leased to a process that is going (it would be sent again when its lease ran out).
   */
  stop(): Promise<void>;
}

interface Queue {
  kinds: OutboxMessage['kind'][];
  limit: number;
  inFlight: number;
  claiming: boolean;
  /** The last claim found fewer messages than it asked for: no more claims until the next tick. */
  dry: boolean;
}

/** A tick and the ticks that joined it: their totals, and the first store error if one stopped a claim or a mark. */
interface Run {
  result: DeliveryResult;
  failure?: { error: unknown };
  finished: Promise<DeliveryResult>;
  finish(): void;
}

const defaultBackoff = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
const plusMs = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();
const empty = (): DeliveryResult => ({ claimed: 0, done: 0, retried: 0, dead: 0, lost: 0 });

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, clock, owner } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoffMs = options.backoffMs ?? defaultBackoff;
  const leases = leaseKeeper(store, clock, owner, leaseMs);
  const queues: Queue[] = [
    { kinds: kindsIn('email'), limit: options.concurrency ?? 16, inFlight: 0, claiming: false, dry: false },
    { kinds: kindsIn('jobs'), limit: options.jobConcurrency ?? 4, inFlight: 0, claiming: false, dry: false },
    { kinds: kindsIn('webhooks'), limit: options.webhookConcurrency ?? 8, inFlight: 0, claiming: false, dry: false },
  ];
  let run: Run | undefined;
  let stopping = false;

  function startRun(): Run {
    let resolve!: (result: DeliveryResult) => void;
    let reject!: (error: unknown) => void;
    const finished = new Promise<DeliveryResult>((res, rej) => ((resolve = res), (reject = rej)));
    const started: Run = { result: empty(), finished, finish: () => (started.failure ? reject(started.failure.error) : resolve(started.result)) };
    return started;
  }

  /** Ends the run once nothing is claiming or in flight. */
  function settle(current: Run): void {
    if (run !== current || queues.some((q) => q.claiming || q.inFlight > 0)) return;
    run = undefined;
    current.finish();
  }

  /** Claims into the queue's free slots, in batches of at least a quarter of them while some are busy. */
  async function fill(queue: Queue, current: Run): Promise<void> {
    if (queue.claiming) return; // the claim under way looks at the free slots again when it returns
    queue.claiming = true;
    try {
      for (;;) {
        const free = queue.limit - queue.inFlight;
        if (queue.dry || free === 0 || (queue.inFlight > 0 && free < Math.ceil(queue.limit / 4))) break;
        const claimed = await store.claimOutbox(clock.now(), owner, leaseMs, free, queue.kinds);
        if (claimed.length < free) queue.dry = true;
        for (const message of claimed) {
          // Still being sent by this worker (its lease ran out during a stall and the claim renewed it).
          if (!leases.hold(message.id)) continue;
          current.result.claimed += 1;
          queue.inFlight += 1;
          void deliver(queue, message, current);
        }
      }
    } catch (error) {
      current.failure ??= { error };
      queue.dry = true;
    } finally {
      queue.claiming = false;
      settle(current);
    }
  }

  async function deliver(queue: Queue, message: OutboxMessage, current: Run): Promise<void> {
    try {
      const outcome = await deliverMessage(message, options).then(
        async () => ((await store.markOutboxDone(message.id, owner, clock.now())) ? 'done' : 'lost'),
        async (error: unknown) => {
          const giveUp = message.attempts >= maxAttempts;
          const retryAt = giveUp ? null : plusMs(clock.now(), backoffMs(message.attempts));
          return (await store.markOutboxFailed(message.id, owner, describeFailure(error), retryAt)) ? (giveUp ? 'dead' : 'retried') : 'lost';
        },
      );
      current.result[outcome] += 1;
    } catch (error) {
      // The store did not take the outcome: the lease runs out and the message is offered again.
      current.failure ??= { error };
    } finally {
      leases.release(message.id);
      queue.inFlight -= 1;
      if (queue.dry) settle(current);
      else void fill(queue, current);
    }
  }

  function tick(): Promise<DeliveryResult> {
    if (stopping) return Promise.resolve(empty());
    const current = (run ??= startRun());
    for (const queue of queues) {
      queue.dry = false;
      void fill(queue, current);
    }
    return current.finished;
  }

  async function drain(maxTicks = 1000): Promise<DeliveryResult> {
    const total = empty();
    for (let i = 0; i < maxTicks; i++) {
      const result = await tick();
      for (const key of Object.keys(total) as Array<keyof DeliveryResult>) total[key] += result[key];
      if (result.claimed === 0) break;
    }
    return total;
  }

  async function stop(): Promise<void> {
    stopping = true;
    for (const queue of queues) queue.dry = true;
    await run?.finished.catch(() => undefined);
  }

  return { tick, drain, stop };
}
