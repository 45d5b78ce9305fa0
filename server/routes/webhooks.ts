/**
 * Webhook subscriptions, for the authority's admins: which of its case systems hear of cases
 * starting, tasks created and completed, closures (with the census reason) and step ups, and
 * where (server/events). The signing secret is shown once, in the answer that creates the
 * subscription; lists never show it. A subscription can be turned off and on again, or deleted.
 * Each change is recorded on the admin's access log.
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { ALL_EVENT_TYPES } from '../events/case-events.ts';
import { refuseUrl } from '../events/destination.ts';
import { newSigningSecret } from '../events/signing.ts';
import { isAdmin, type AppEnv } from '../http/env.ts';
import { readJson } from '../http/json-body.ts';
import { HttpProblem } from '../http/problem.ts';
import type { WebhookSubscription } from '../store/index.ts';
import { instant } from '../store/rows.ts';
import { errors, jsonBody, type Paths } from './openapi-types.ts';
import type * as Api from './api-types.gen.ts';

const createShape = {
  title: 'Webhook subscription',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['url', 'events'],
    properties: {
      url: { type: 'string', title: 'Receiver URL', minLength: 1, maxLength: 2000 },
      events: { type: 'array', title: 'Events to send', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ALL_EVENT_TYPES } },
      description: { type: 'string', title: 'What it is for', maxLength: 200 },
    },
  },
  errorMessages: {
    '/url': { required: 'Enter the receiver’s URL', minLength: 'Enter the receiver’s URL' },
    '/events': { required: 'Select the events to send', minItems: 'Select at least one event to send' },
  },
};

/** What an admin sees of a subscription: everything but its secret. */
const view = ({ secret: _secret, ...rest }: WebhookSubscription): Api.WebhookSubscription => ({ ...rest, active: rest.disabledAt === null });

function adminOf(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!isAdmin(user)) throw new HttpProblem(403, 'not_allowed', 'Only admins can manage webhooks.');
  return user;
}

/** The subscription, if it is the admin's authority's; another authority's is "not found" like a missing one. */
async function ownSubscription(c: Context<AppEnv>, authority: string): Promise<WebhookSubscription> {
  const found = await c.get('deps').store.getWebhookSubscription(c.req.param('id') ?? '');
  if (!found || found.authority !== authority) throw new HttpProblem(404, 'not_found', 'There is no such webhook subscription.');
  return found;
}

async function record(c: Context<AppEnv>, action: string, subscription: WebhookSubscription): Promise<void> {
  const { store, clock } = c.get('deps');
  const user = c.get('user');
  await store.appendAccess(user.authority, { at: instant(clock.now()), actor: user.id, action, detail: { subscription: subscription.id, events: subscription.events } });
}

async function setActive(c: Context<AppEnv>, active: boolean) {
  const user = adminOf(c);
  const { store, clock } = c.get('deps');
  const found = await ownSubscription(c, user.authority);
  await store.setWebhookSubscriptionDisabled(found.id, active ? null : instant(clock.now()));
  await record(c, active ? 'webhook_enabled' : 'webhook_disabled', found);
  return c.json({ subscription: view((await store.getWebhookSubscription(found.id)) ?? found) } satisfies Api.WebhookAnswer);
}

export const webhookRoutes = new Hono<AppEnv>()
  .get('/api/webhooks', async (c) => {
    const user = adminOf(c);
    const subscriptions = await c.get('deps').store.listWebhookSubscriptions(user.authority);
    return c.json({ authority: user.authority, eventTypes: ALL_EVENT_TYPES, subscriptions: subscriptions.map(view) } satisfies Api.WebhookList);
  })
  .post('/api/webhooks', async (c) => {
    const user = adminOf(c);
    const body = await readJson<{ url: string; events: string[]; description?: string }>(c, createShape);
    const refused = refuseUrl(body.url.trim(), { allowLoopback: c.get('deps').config.webhooksAllowLoopback === true });
    if (refused) throw new HttpProblem(422, 'request_invalid', 'The webhook subscription request has answers to correct.', { errors: [{ pointer: '/url', keyword: 'destination', message: refused }] });
    const { store, clock } = c.get('deps');
    const subscription: WebhookSubscription = {
      id: `whsub_${randomBytes(12).toString('base64url')}`,
      authority: user.authority,
      url: body.url.trim(),
      events: ALL_EVENT_TYPES.filter((type) => body.events.includes(type)),
      description: body.description?.trim() ?? '',
      secret: newSigningSecret(),
      createdAt: instant(clock.now()),
      createdBy: user.id,
      disabledAt: null,
    };
    await store.createWebhookSubscription(subscription);
    await record(c, 'webhook_created', subscription);
    // The one time the secret is shown: the receiver needs it to check signatures.
    return c.json({ subscription: view(subscription), secret: subscription.secret } satisfies Api.WebhookCreated, 201);
  })
  .post('/api/webhooks/:id/disable', (c) => setActive(c, false))
  .post('/api/webhooks/:id/enable', (c) => setActive(c, true))
  .delete('/api/webhooks/:id', async (c) => {
    const user = adminOf(c);
    const found = await ownSubscription(c, user.authority);
    await c.get('deps').store.deleteWebhookSubscription(found.id);
    await record(c, 'webhook_deleted', found);
    return c.body(null, 204);
  });

const idParameter = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' }, description: 'The subscription id (`whsub_…`)' };

export const webhookPaths: Paths = {
  '/api/webhooks': {
    get: {
      summary: 'The authority’s webhook subscriptions (never their secrets) and the event types there are (admins)',
      tags: ['Webhooks'],
      responses: { '200': { description: 'Oldest first, turned-off ones too' }, ...errors(401, 403) },
    },
    post: {
      summary: 'Subscribes a case system to events: CloudEvents over HTTP, signed Standard Webhooks style; answers with the signing secret, shown this once (admins)',
      tags: ['Webhooks'],
      requestBody: jsonBody(createShape.schema),
      responses: {
        '201': { description: 'The subscription, and `secret` (`whsec_…`) for the receiver to check signatures with' },
        ...errors(400, 401, 403, 413, 415, 422),
      },
    },
  },
  '/api/webhooks/{id}/disable': {
    post: { summary: 'Stops sending to a subscription; deliveries already queued are dropped when their turn comes (admins)', tags: ['Webhooks'], parameters: [idParameter], responses: { '200': { description: 'The subscription' }, ...errors(401, 403, 404) } },
  },
  '/api/webhooks/{id}/enable': {
    post: { summary: 'Sends to a turned-off subscription again, from the next event (admins)', tags: ['Webhooks'], parameters: [idParameter], responses: { '200': { description: 'The subscription' }, ...errors(401, 403, 404) } },
  },
  '/api/webhooks/{id}': {
    delete: { summary: 'Deletes a subscription and its secret (admins)', tags: ['Webhooks'], parameters: [idParameter], responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404) } },
  },
};
