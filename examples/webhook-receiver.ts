/**
 * A receiver for Stepwise's webhooks, small enough to copy into a case system's integration
 * layer. Run it with
 *
 *   WEBHOOK_SECRET=whsec_… PORT=4000 npx tsx examples/webhook-receiver.ts
 *
 * and subscribe https://<its public address>/stepwise-events (Admin API: POST /api/webhooks).
 * For each delivery it:
 *   1. checks the Standard Webhooks signature: HMAC-SHA256 under the secret's bytes of
 *      `<webhook-id>.<webhook-timestamp>.<raw body>`, compared in constant time, and a timestamp
 *      within 5 minutes (so a captured delivery cannot be replayed later); 401 otherwise;
 *   2. reads the CloudEvent (structured mode, `application/cloudevents+json`) with the
 *      `cloudevents` package;
 *   3. handles each `webhook-id` once: Stepwise sends an event again until it gets a 2xx, so a
 *      receiver that crashed after handling but before answering gets it twice. Here the ids are
 *      kept in memory; a real receiver keeps them in its database, in the same transaction as
 *      what it does with the event (a unique key on the id).
 * It answers 204 quickly and does slow work afterwards: Stepwise waits 10 seconds for an answer.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { HTTP, type CloudEvent } from 'cloudevents';

const secret = process.env.WEBHOOK_SECRET ?? '';
if (!secret.startsWith('whsec_')) {
  console.error('Set WEBHOOK_SECRET to the whsec_… secret shown when the subscription was made.');
  process.exit(2);
}
const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
const port = Number(process.env.PORT ?? 4000);
const TOLERANCE_SECONDS = 5 * 60;

/** True if one of the `v1,` signatures in the header is this body's. */
function signatureValid(id: string, timestamp: string, body: string, header: string): boolean {
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const handled = new Set<string>();

/** What this receiver does with an event: here, one line of JSON on stdout. */
function handle(event: CloudEvent<Record<string, unknown>>): void {
  const data = event.data ?? {};
  console.log(JSON.stringify({ handled: event.id, type: event.type, caseId: data.caseId, closureReason: data.closureReason }));
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const id = String(request.headers['webhook-id'] ?? '');
    const timestamp = String(request.headers['webhook-timestamp'] ?? '');
    const signature = String(request.headers['webhook-signature'] ?? '');
    const age = Math.abs(Date.now() / 1000 - Number(timestamp));
    if (request.method !== 'POST' || !id || !/^\d+$/.test(timestamp) || age > TOLERANCE_SECONDS || !signatureValid(id, timestamp, body, signature)) {
      response.writeHead(401).end();
      return;
    }
    if (handled.has(id)) {
      response.writeHead(204).end(); // already handled: say so again, do nothing again
      return;
    }
    let event: CloudEvent<Record<string, unknown>>;
    try {
      event = HTTP.toEvent({ headers: request.headers, body }) as CloudEvent<Record<string, unknown>>;
    } catch {
      response.writeHead(400).end();
      return;
    }
    handled.add(id);
    response.writeHead(204).end();
    handle(event);
  });
});

server.listen(port, process.env.HOST ?? '127.0.0.1', () => console.log(JSON.stringify({ listening: port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
