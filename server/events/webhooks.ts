/**
 * The two outbox kinds that carry events to case systems (server/runtime/outbox-message.ts calls
 * these when it claims them):
 *
 * - `event` — one per event, written with the step (case-events.ts). Claimed, it adds one
 *   `webhook` message per active subscription of the authority that wants that type, with the id
 *   `<eventId>:<subscriptionId>`, so doing it again after a crash adds nothing; then it is done.
 * - `webhook` — one event for one subscription: POSTed as a CloudEvent in structured mode
 *   (`application/cloudevents+json`, the whole event in the body), signed Standard Webhooks style
 *   (signing.ts) with the subscription's secret. A 2xx answer settles it; anything else (or no
 *   answer within the timeout) throws, and the outbox retries it with backoff, then keeps it
 *   as dead for an admin to see. Redirects are not followed: a receiver that moved is an error.
 *
 * Each event reaches each subscriber at least once, and with the same `webhook-id` every time: a
 * receiver that remembers the ids it has handled (examples/webhook-receiver.ts) handles each once.
 */
import { CloudEvent, HTTP } from 'cloudevents';
import type { OutboxInput, OutboxMessage, Store } from '../store/index.ts';
import type { CaseEventMessage } from './case-events.ts';
import { checkResolved, type DestinationPolicy } from './destination.ts';
import { signedHeaders } from './signing.ts';

export interface WebhookOptions extends DestinationPolicy {
  /** How long a receiver has to answer, in milliseconds; default 10 s. */
  timeoutMs?: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { allowLoopback: false, timeoutMs: 10_000 };

/** What a `webhook` outbox message carries. */
export interface WebhookDelivery {
  subscriptionId: string;
  event: CaseEventMessage;
}

export const deliveryId = (eventId: string, subscriptionId: string) => `${eventId}:${subscriptionId}`;

/** Turns an `event` message into one `webhook` message per subscription that wants it; returns how many were new. */
export async function fanOut(message: OutboxMessage, store: Store, now: string): Promise<number> {
  const event = message.payload as CaseEventMessage;
  const subscriptions = await store.listWebhookSubscriptions(message.authority);
  const deliveries: OutboxInput[] = subscriptions
    .filter((s) => s.disabledAt === null && s.events.includes(event.type))
    .map((s) => ({ id: deliveryId(event.id, s.id), kind: 'webhook', payload: { subscriptionId: s.id, event } satisfies WebhookDelivery }));
  return store.enqueueOutbox({ caseId: message.caseId, authority: message.authority }, deliveries, now);
}

/** The CloudEvent, as the receiver gets it, in structured mode. */
export function cloudEventOf(event: CaseEventMessage): { headers: Record<string, string>; body: string } {
  const cloudEvent = new CloudEvent({
    specversion: '1.0', id: event.id, type: event.type, source: event.source, subject: event.subject, time: event.time,
    datacontenttype: 'application/json', data: event.data,
  });
  const message = HTTP.structured(cloudEvent);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
  return { headers, body: String(message.body) };
}

export class WebhookFailed extends Error {
  override readonly name = 'WebhookFailed';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/**
 * Sends one `webhook` message. A subscription deleted or disabled since the event counts as
 * delivered: there is no one left to send it to.
 */
export async function sendWebhook(message: OutboxMessage, store: Store, options: WebhookOptions = DEFAULT_WEBHOOK_OPTIONS): Promise<'sent' | 'skipped'> {
  const { subscriptionId, event } = message.payload as WebhookDelivery;
  const subscription = await store.getWebhookSubscription(subscriptionId);
  if (!subscription || subscription.disabledAt !== null || subscription.authority !== message.authority) return 'skipped';
  await checkResolved(subscription.url, options);
  const { headers, body } = cloudEventOf(event);
  // webhook-id is the event id: the same on every retry, so the receiver can deduplicate on it.
  const signed = signedHeaders(subscription.secret, event.id, body);
  let response: Response;
  try {
    response = await fetch(subscription.url, {
      method: 'POST',
      headers: { ...headers, ...signed, 'user-agent': 'Stepwise-Webhooks/1' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new WebhookFailed(timedOut ? 'receiver_timeout' : 'receiver_unreachable', timedOut ? 'The receiver did not answer in time.' : `The receiver could not be reached (${causeOf(error)}).`);
  }
  // Only the status matters; the body is read (and dropped) so the connection can be reused.
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status > 299) throw new WebhookFailed(`receiver_${response.status}`, `The receiver answered ${response.status}.`);
  return 'sent';
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  return String(cause?.code ?? cause?.message ?? (error as Error)?.message ?? 'unknown');
}
