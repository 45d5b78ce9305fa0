import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let api: Api;
beforeEach(async () => {
  api = await apiHarness('2026-11-02T09:00:00Z');
});
afterEach(async () => api.close());

const closures = { url: 'https://mosaic.camden.gov.uk/stepwise-events', events: ['uk.gov.stepwise.case.closed'], description: 'Mosaic: closures and census reasons' };

describe('webhook subscriptions for an authority’s admins', () => {
  it('Given Camden’s admin, When they subscribe Mosaic to closures, Then the secret is shown once and the list shows everything else', async () => {
    const admin = await api.signIn('admin@camden.example');
    const created = await admin.post('/api/webhooks', closures);
    expect(created.status).toBe(201);
    const body = (await created.json()) as Json;
    expect(body).toEqual({
      subscription: {
        id: expect.stringMatching(/^whsub_[\w-]{16}$/), authority: 'camden', url: closures.url, events: closures.events, description: closures.description,
        createdAt: '2026-11-02T09:00:00.000Z', createdBy: 'camden.admin', disabledAt: null, active: true,
      },
      secret: expect.stringMatching(/^whsec_/),
    });
    const list = (await (await admin.get('/api/webhooks')).json()) as Json;
    expect(list).toEqual({ authority: 'camden', eventTypes: expect.arrayContaining(['uk.gov.stepwise.case.started', 'uk.gov.stepwise.case.stepped_up']), subscriptions: [body.subscription] });
    expect(JSON.stringify(list)).not.toContain(body.secret);
    // Recorded on the admin's access log, without the secret.
    const access = await api.store.listAccess({ authority: 'camden', actor: 'camden.admin' });
    const entry = access.find((a) => a.action === 'webhook_created');
    expect(entry?.detail).toMatchObject({ subscription: body.subscription.id, events: closures.events });
    expect(JSON.stringify(access)).not.toContain(body.secret);
  });

  it('When the admin turns a subscription off, on again, and deletes it, Then each answer says so', async () => {
    const admin = await api.signIn('admin@camden.example');
    const { subscription } = (await (await admin.post('/api/webhooks', closures)).json()) as Json;
    api.clock.set('2026-11-02T10:00:00Z');
    const off = (await (await admin.post(`/api/webhooks/${subscription.id}/disable`)).json()) as Json;
    expect(off.subscription).toMatchObject({ disabledAt: '2026-11-02T10:00:00.000Z', active: false });
    const on = (await (await admin.post(`/api/webhooks/${subscription.id}/enable`)).json()) as Json;
    expect(on.subscription).toMatchObject({ disabledAt: null, active: true });
    expect((await admin.delete(`/api/webhooks/${subscription.id}`)).status).toBe(204);
    expect(((await (await admin.get('/api/webhooks')).json()) as Json).subscriptions).toEqual([]);
    expect((await admin.delete(`/api/webhooks/${subscription.id}`)).status).toBe(404);
  });

  it('When the URL is not https to a public address, Then it is refused with 422 naming /url', async () => {
    const admin = await api.signIn('admin@camden.example');
    for (const [url, message] of [
      ['http://mosaic.camden.gov.uk/events', /Use https/],
      ['https://10.20.30.40/events', /private or internal/],
      ['https://169.254.169.254/latest/meta-data', /private or internal/],
      ['http://127.0.0.1:4000/events', /loopback/],
      ['https://localhost/events', /loopback/],
      ['not a url', /full URL/],
    ] as const) {
      const response = await admin.post('/api/webhooks', { ...closures, url });
      expect(response.status, url).toBe(422);
      const problem = (await response.json()) as Json;
      expect(problem).toMatchObject({ code: 'request_invalid', errors: [{ pointer: '/url', message: expect.stringMatching(message) }] });
    }
    expect(((await (await admin.get('/api/webhooks')).json()) as Json).subscriptions).toEqual([]);
  });

  it('When the body is wrong, Then each gets its own problem: 415, 400, 422 with pointers', async () => {
    const admin = await api.signIn('admin@camden.example');
    expect((await admin.post('/api/webhooks', 'url=x', { 'content-type': 'text/plain' })).status).toBe(415);
    expect(await (await admin.post('/api/webhooks', '{"url":')).json()).toMatchObject({ status: 400, code: 'malformed_json' });
    const invalid = (await (await admin.post('/api/webhooks', { url: '', events: ['uk.gov.stepwise.case.deleted'], secret: 'mine' })).json()) as Json;
    expect(invalid).toMatchObject({ status: 422, code: 'request_invalid' });
    expect(invalid.errors.map((e: Json) => e.pointer).sort()).toEqual(['/events', '/secret', '/url']);
    const none = (await (await admin.post('/api/webhooks', { url: closures.url, events: [] })).json()) as Json;
    expect(none.errors).toEqual([expect.objectContaining({ pointer: '/events', message: 'Select at least one event to send' })]);
  });

  it('Given a practitioner, or no session, Then they are refused 403 and 401', async () => {
    const sam = await api.signIn('social_worker@camden.example');
    expect((await sam.get('/api/webhooks')).status).toBe(403);
    expect((await sam.post('/api/webhooks', closures)).status).toBe(403);
    expect((await api.request('/api/webhooks')).status).toBe(401);
  });

  it('Given another authority’s subscription, When Camden’s admin tries to change it, Then it is 404 like a missing one, and it is untouched', async () => {
    const clinicAdmin = await api.signIn('admin@clinic.example');
    const { subscription } = (await (await clinicAdmin.post('/api/webhooks', closures)).json()) as Json;
    const admin = await api.signIn('admin@camden.example');
    for (const [method, path] of [['POST', `/api/webhooks/${subscription.id}/disable`], ['POST', `/api/webhooks/${subscription.id}/enable`], ['DELETE', `/api/webhooks/${subscription.id}`], ['POST', '/api/webhooks/whsub_nothing/disable']] as const) {
      const response = await admin.send(method, path, method === 'POST' ? {} : undefined);
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect(((await (await admin.get('/api/webhooks')).json()) as Json).subscriptions).toEqual([]);
    expect(await api.store.getWebhookSubscription(subscription.id)).toMatchObject({ disabledAt: null });
  });
});
