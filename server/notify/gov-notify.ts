/**
 * E-mail through GOV.UK Notify's REST API (https://docs.notifications.service.gov.uk/rest-api.html):
 * `POST /v2/notifications/email`, one request per address, with a template whose subject is
 * `((subject))` and whose body is `((body))`, authenticated by a JWT (HS256; `iss` the service id,
 * `iat` now in seconds, which Notify accepts within 30 s of its clock) signed with the API key's
 * secret. The key reads `{key_name}-{service id uuid}-{secret uuid}`. Built with node:crypto
 * rather than a JWT library: two claims and one HMAC.
 *
 * Not sending twice: the outbox message id goes to Notify as the `reference`. Before sending,
 * the notifier asks Notify which addresses already have a message with that reference
 * (`GET /v2/notifications?reference=...`) and skips them, so a retry after a partial failure, or
 * after a crash between Notify accepting and the outbox recording it, reaches only the
 * addresses still missing. What remains is the race the outbox documents: two workers sending
 * the same message at once, which its lease (renewed while a send is in flight) prevents unless
 * the first worker's process stalls for longer than a lease.
 */
import { createHmac } from 'node:crypto';
import type { Notifier } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';
import { addressesFor } from './recipients.ts';

export const NOTIFY_BASE_URL = 'https://api.notifications.service.gov.uk';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export interface GovNotifyOptions {
  apiKey: string;
  /** An e-mail template with `((subject))` as its subject and `((body))` as its message. */
  templateId: string;
  /** Defaults to Notify's production API; tests point it at a local server. */
  baseUrl?: string;
  /** Milliseconds since the epoch, for `iat`; Notify checks it against its own clock. */
  now?: () => number;
  timeoutMs?: number;
}

/** The service id and secret inside an API key; throws (without echoing the key) if it is not one. */
export function parseApiKey(apiKey: string): { serviceId: string; secret: string } {
  const match = new RegExp(`^.+-(${UUID})-(${UUID})$`, 'i').exec(apiKey.trim());
  if (!match) throw new Error('GOV_UK_NOTIFY_API_KEY is not a GOV.UK Notify API key ({key_name}-{service id}-{secret}).');
  return { serviceId: match[1]!, secret: match[2]! };
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export function notifyJwt(serviceId: string, secret: string, nowMs: number): string {
  const input = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${base64url(JSON.stringify({ iss: serviceId, iat: Math.floor(nowMs / 1000) }))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export function govNotifyNotifier(store: Store, options: GovNotifyOptions): Notifier {
  const { serviceId, secret } = parseApiKey(options.apiKey);
  if (!new RegExp(`^${UUID}$`, 'i').test(options.templateId)) throw new Error('GOV_UK_NOTIFY_TEMPLATE_ID is not a template id (a UUID).');
  const base = (options.baseUrl ?? NOTIFY_BASE_URL).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const timeout = options.timeoutMs ?? 20_000;

  const call = (path: string, init: { method: 'GET' | 'POST'; body?: unknown }) =>
    fetch(base + path, {
      method: init.method,
      headers: {
        authorization: `Bearer ${notifyJwt(serviceId, secret, now())}`,
        'user-agent': 'stepwise',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(timeout),
    });

  /** Addresses Notify already holds a message for under this reference (lower-cased). */
  async function alreadySent(reference: string): Promise<Set<string>> {
    const response = await call(`/v2/notifications?template_type=email&reference=${encodeURIComponent(reference)}`, { method: 'GET' });
    if (!response.ok) throw await notifyError(response, 'checking for earlier sends');
    const { notifications = [] } = (await response.json()) as { notifications?: Array<{ email_address?: string | null }> };
    return new Set(notifications.map((n) => (n.email_address ?? '').toLowerCase()).filter(Boolean));
  }

  return {
    async send(message) {
      const addresses = await addressesFor(store, message.authority, message.notification.to);
      if (addresses.length === 0) throw new Error('No one holds the recipient role, team or mailbox.');
      const sent = await alreadySent(message.id);
      const failures: string[] = [];
      for (const email_address of addresses.filter((a) => !sent.has(a.toLowerCase()))) {
        const response = await call('/v2/notifications/email', {
          method: 'POST',
          body: {
            email_address,
            template_id: options.templateId,
            personalisation: { subject: message.notification.subject, body: message.notification.body },
            reference: message.id,
          },
        });
        // Carry on with the other addresses: each is its own request, and a retry skips those sent.
        if (!response.ok) failures.push((await notifyError(response, 'sending')).message);
      }
      if (failures.length > 0) throw new Error(`${failures.length} of ${addresses.length} addresses not sent: ${[...new Set(failures)].join('; ')}`);
    },
  };
}

/** Notify's error document (`{status_code, errors: [{error, message}]}`) as one line, without addresses. */
async function notifyError(response: Response, doing: string): Promise<Error> {
  let detail = '';
  try {
    const body = (await response.json()) as { errors?: Array<{ error?: string; message?: string }> };
    detail = (body.errors ?? []).map((e) => `${e.error ?? 'Error'}: ${e.message ?? ''}`).join('; ');
  } catch {
    detail = response.statusText;
  }
  return new Error(`GOV.UK Notify answered ${response.status} when ${doing}${detail ? ` (${detail.replace(/\S+@\S+/g, '<address>')})` : ''}`);
}
