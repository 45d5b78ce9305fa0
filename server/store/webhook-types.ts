/**
 * Webhook subscriptions: where an authority's case system (Mosaic, LCS, EHM) wants to hear of
 * cases starting, tasks and closures (server/events). One per receiving endpoint; deliveries are
 * outbox messages, so they share the outbox's leases, retries and dead letters.
 */
import type { Instant } from '../../engine/index.ts';

export interface WebhookSubscription {
  /** `whsub_` and random characters. */
  id: string;
  authority: string;
  /** https (or http to loopback, where the server allows it for tests and development). */
  url: string;
  /** Event types sent, e.g. `uk.gov.stepwise.case.closed`; every one of them is listed. */
  events: string[];
  /** What it is for, in the admin's words (no personal data). */
  description: string;
  /**
   * The signing secret, `whsec_` and base64 (Standard Webhooks): kept to sign each delivery, shown
   * to the admin once when the subscription is made, never again.
   */
  secret: string;
  createdAt: Instant;
  createdBy: string;
  /** When an admin turned it off; nothing more is sent while it is set. */
  disabledAt: Instant | null;
}
