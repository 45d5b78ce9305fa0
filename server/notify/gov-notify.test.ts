/**
 * The GOV.UK Notify notifier against a stand-in for Notify on loopback. Honest limit: GOV.UK
 * Notify cannot be reached from here, so these tests check our requests against Notify's
 * DOCUMENTED contract (https://docs.notifications.service.gov.uk/rest-api.html: the JWT, the
 * endpoint, the body, the reference lookup, the error document), not against Notify itself.
 * The stand-in verifies the JWT signature with the secret from the API key, as Notify does.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { referral } from '../../test/camden/given.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { createOutboxWorker, type NotificationMessage } from '../runtime/index.ts';
import { govNotifyNotifier, parseApiKey } from './gov-notify.ts';

const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const API_KEY = `stepwise-camden-live-${SERVICE_ID}-${SECRET}`;
const TEMPLATE_ID = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
const NOW = Date.parse('2026-12-21T09:00:00Z');

interface Sent {
  email_address: string;
  template_id: string;
  personalisation: { subject: string; body: string };
  reference: string;
}

/** A stand-in for Notify: checks each request as Notify's documentation says Notify does. */
async function fakeNotify(options: { failFor?: Set<string> } = {}) {
  const sent: Sent[] = [];
  const problems: string[] = [];
  const reply = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const auth = checkJwt(req.headers.authorization);
    if (auth) return reply(res, 403, { status_code: 403, errors: [{ error: 'AuthError', message: auth }] });
    const url = new URL(req.url ?? '/', 'http://notify');
    if (req.method === 'GET' && url.pathname === '/v2/notifications') {
      const reference = url.searchParams.get('reference');
      if (url.searchParams.get('template_type') !== 'email') problems.push('lookup without template_type=email');
      const notifications = sent.filter((s) => s.reference === reference).map((s) => ({ id: 'n', reference: s.reference, email_address: s.email_address, type: 'email', status: 'sending' }));
      return reply(res, 200, { notifications, links: { current: url.href } });
    }
    if (req.method === 'POST' && url.pathname === '/v2/notifications/email') {
      if (req.headers['content-type'] !== 'application/json') problems.push('body not sent as JSON');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Sent;
      const keys = Object.keys(body).sort().join(',');
      if (keys !== 'email_address,personalisation,reference,template_id') problems.push(`unexpected body fields ${keys}`);
      if (Object.keys(body.personalisation).sort().join(',') !== 'body,subject') problems.push('personalisation is not {subject, body}');
      if (options.failFor?.has(body.email_address)) {
        options.failFor.delete(body.email_address); // fails once, as a passing outage would
        return reply(res, 500, { status_code: 500, errors: [{ error: 'Exception', message: 'Internal server error' }] });
      }
      sent.push(body);
      return reply(res, 201, { id: `n-${sent.length}`, reference: body.reference, content: { subject: body.personalisation.subject, body: body.personalisation.body }, template: { id: body.template_id, version: 3 } });
    }
    return reply(res, 404, { status_code: 404, errors: [{ error: 'NotFound', message: 'Not found' }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, sent, problems, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Notify's rules: HS256, signed with the key's secret, `iss` the service id, `iat` within 30 s. */
function checkJwt(header: string | undefined): string | undefined {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!token) return 'Unauthorized: authentication token must be provided';
  const [head, claims, signature] = token.split('.');
  const expected = createHmac('sha256', SECRET).update(`${head}.${claims}`).digest();
  const given = Buffer.from(signature ?? '', 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'Invalid token: signature, api token not found';
  const { alg, typ } = JSON.parse(Buffer.from(head!, 'base64url').toString()) as { alg: string; typ: string };
  const { iss, iat } = JSON.parse(Buffer.from(claims!, 'base64url').toString()) as { iss: string; iat: number };
  if (alg !== 'HS256' || typ !== 'JWT') return 'Invalid token: algorithm used is not HS256';
  if (iss !== SERVICE_ID) return 'Invalid token: service not found';
  if (!Number.isInteger(iat) || Math.abs(iat - NOW / 1000) > 30) return 'Error: Your system clock must be accurate to within 30 seconds';
  return undefined;
}

let api: Api;
let notify: Awaited<ReturnType<typeof fakeNotify>>;
beforeEach(async () => {
  api = await apiHarness('2026-12-16T09:00:00Z');
  await api.store.saveUser({ id: 'camden.sima', authority: 'camden', name: 'Sima Rahman', email: 'sima.rahman@camden.example', roles: ['eh_service_manager'], teams: [], passwordHash: 'x' });
});
afterEach(async () => {
  await notify?.close();
  await api.close();
});

const notifier = (apiKey = API_KEY) => govNotifyNotifier(api.store, { apiKey, templateId: TEMPLATE_ID, baseUrl: notify.baseUrl, now: () => NOW });

const escalation: NotificationMessage = {
  id: 'case-okafor.n9',
  caseId: 'case-okafor',
  authority: 'camden',
  notification: {
    id: 'case-okafor.n9',
    to: [{ role: 'eh_service_manager' }, { mailbox: 'eh_step_down_inbox', address: 'EHstepdown@camden.gov.uk', name: 'Early Help Step Down inbox' }],
    subject: 'Overdue: Screen the step down referral',
    body: 'The Early Help front door has not responded to the social worker within 2 working days.',
    reason: 'escalation',
  },
};

describe('Given GOV.UK Notify (a stand-in checking the documented contract)', () => {
  it('When an escalation goes to a role and a shared inbox, Then there is one signed request per address, with the template, the subject and body as personalisation, and the message id as reference', async () => {
    notify = await fakeNotify();
    await notifier().send(escalation);
    expect(notify.problems).toEqual([]);
    expect(notify.sent.map((s) => s.email_address).sort()).toEqual(['EHstepdown@camden.gov.uk', 'eh_service_manager@camden.example', 'sima.rahman@camden.example']);
    expect(notify.sent[0]).toEqual({
      email_address: expect.any(String),
      template_id: TEMPLATE_ID,
      personalisation: { subject: 'Overdue: Screen the step down referral', body: 'The Early Help front door has not responded to the social worker within 2 working days.' },
      reference: 'case-okafor.n9',
    });
  });

  it('When the key’s secret is wrong, Then Notify refuses the token and the notifier throws (so the outbox retries), naming the error but not the key', async () => {
    notify = await fakeNotify();
    const wrong = `stepwise-camden-live-${SERVICE_ID}-00000000-0000-4000-8000-000000000000`;
    const error = await notifier(wrong).send(escalation).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('GOV.UK Notify answered 403 when checking for earlier sends (AuthError: Invalid token: signature, api token not found)');
    expect((error as Error).message).not.toContain('00000000');
    expect(notify.sent).toEqual([]);
  });

  it('When one address fails, Then the others are sent, the notifier throws, and the retry sends only the missing one: nobody gets two', async () => {
    notify = await fakeNotify({ failFor: new Set(['sima.rahman@camden.example']) });
    await expect(notifier().send(escalation)).rejects.toThrow('1 of 3 addresses not sent: GOV.UK Notify answered 500 when sending (Exception: Internal server error)');
    expect(notify.sent).toHaveLength(2);
    await notifier().send(escalation);
    await notifier().send(escalation); // a third offer (say, after a crash before it was marked done) sends nothing
    expect(notify.sent.map((s) => s.email_address).sort()).toEqual(['EHstepdown@camden.gov.uk', 'eh_service_manager@camden.example', 'sima.rahman@camden.example']);
  });

  it('When Sam e-mails the EH Step Down inbox, Then the outbox worker delivers it through Notify and marks it done', async () => {
    notify = await fakeNotify();
    const sam = { id: 'camden.social_worker', roles: ['social_worker'], teams: [] };
    const children = [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02', personId: '2075012' }];
    const started = await api.runner.startCase({ definition: 'camden', entry: 'sw_assessment', subject: { familyName: 'Okafor', children }, by: sam, caseId: 'case-okafor' });
    api.clock.set('2026-12-17T10:00:00Z');
    const task = Object.values(started.tasks).find((t) => t.node === 'referral')!;
    const data = referral({ children: children.map((c) => ({ ...c, schoolsAttended: 'Argyle Primary School' })) });
    await api.runner.dispatch('case-okafor', { type: 'task_completed', taskId: task.id, by: sam, data, actions: [{ action: 'send_referral' }] });

    const outbox = createOutboxWorker({ store: api.store, runner: api.runner, clock: api.clock, owner: 'test', notifier: notifier() });
    expect(await outbox.drain()).toMatchObject({ done: 1, retried: 0 });
    expect(notify.sent).toEqual([expect.objectContaining({ email_address: 'EHstepdown@camden.gov.uk', personalisation: expect.objectContaining({ subject: 'Step down referral: the Okafor family (1 children)' }) })]);
    expect(await api.store.listOutbox({ authority: 'camden', status: 'done' })).toHaveLength(1);
  });
});

describe('API keys', () => {
  it('reads the service id and the secret from the end, so a key name may contain hyphens', () => {
    expect(parseApiKey(API_KEY)).toEqual({ serviceId: SERVICE_ID, secret: SECRET });
  });

  it('refuses something that is not a key, without repeating it, and refuses a template id that is not a UUID', () => {
    expect(() => parseApiKey('my-secret-password')).toThrow(/^GOV_UK_NOTIFY_API_KEY is not a GOV.UK Notify API key/);
    expect(() => parseApiKey('my-secret-password')).not.toThrow(/password/);
    expect(() => govNotifyNotifier(api.store, { apiKey: API_KEY, templateId: 'step-down' })).toThrow('GOV_UK_NOTIFY_TEMPLATE_ID is not a template id (a UUID).');
  });
});
