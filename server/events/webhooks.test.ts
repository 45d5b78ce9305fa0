/**
 * Given Camden's admin has subscribed a case system on loopback to every event, another to
 * closures only, and turned a third off, When an Early Help worker asks for a step up and Daily
 * Discussion finds the threshold met, Then the outbox delivers each event to each subscriber that
 * wants it, as a signed CloudEvent (structured mode), with the same id on every retry; a receiver
 * that keeps failing ends up dead in the outbox for the admin to see.
 */
import { HTTP } from 'cloudevents';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { startReceiver, type Delivery, type TestReceiver } from '../../test/support/webhook-receiver.ts';
import { inAppNotifier } from '../notify/index.ts';
import { createOutboxWorker } from '../runtime/index.ts';
import { ALL_EVENT_TYPES, EVENT_TYPES } from './case-events.ts';
import { verifySignature } from './signing.ts';

let api: Api;
let receiver: TestReceiver;
beforeEach(async () => {
  api = await apiHarness('2027-01-11T09:00:00Z', { webhooksAllowLoopback: true });
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver.close();
  await api.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const worker = (maxAttempts = 8) =>
  createOutboxWorker({ store: api.store, runner: api.runner, clock: api.clock, owner: 'test', notifier: inAppNotifier(api.store), webhooks: { allowLoopback: true }, maxAttempts, backoffMs: () => 60_000 });

async function subscribe(events: string[], path: string): Promise<{ id: string; secret: string }> {
  const admin = await api.signIn('admin@camden.example');
  const created = await admin.post('/api/webhooks', { url: receiver.url(path), events, description: 'Mosaic integration' });
  expect(created.status).toBe(201);
  const body = (await created.json()) as Json;
  return { id: body.subscription.id, secret: body.secret };
}

const eventOf = (d: Delivery) => JSON.parse(d.body) as Json;
const typesAt = (path: string) => receiver.accepted().filter((d) => d.path === path).map((d) => eventOf(d).type);

async function stepUp(thresholdMet: boolean): Promise<string> {
  const fay = await api.signIn('eh_family_worker@camden.example');
  const started = await fay.post('/api/cases', { definition: 'camden', entry: 'step_up', subject: { familyName: 'Okafor', children: [{ name: 'Ada Okafor', personId: 'MOS-1001' }] }, data: { reason: 'safeguarding', concerns: 'Disclosure at school.' } });
  expect(started.status, await started.clone().text()).toBe(201);
  const caseId = ((await started.json()) as Json).id as string;
  const dan = await api.signIn('daily_discussion_manager@camden.example');
  const page = (await (await dan.get(`/api/cases/${caseId}`)).json()) as Json;
  const task = page.openTasks.find((t: Json) => t.node === 'daily_discussion');
  const done = await dan.post(`/api/cases/${caseId}/tasks/${task.id}/complete`, { data: { discussionDate: '2027-01-11', thresholdMet, rationale: 'Significant harm likely.' }, actions: [] });
  expect(done.status, await done.clone().text()).toBe(200);
  return caseId;
}

describe('Given Camden’s case systems subscribed to events', () => {
  it('When a step up is met, Then each subscriber gets each event it wants once, signed, as a structured CloudEvent', async () => {
    const all = await subscribe(ALL_EVENT_TYPES, '/all');
    const closures = await subscribe([EVENT_TYPES.caseClosed], '/closures');
    const off = await subscribe(ALL_EVENT_TYPES, '/off');
    const admin = await api.signIn('admin@camden.example');
    expect((await admin.post(`/api/webhooks/${off.id}/disable`)).status).toBe(200);

    const caseId = await stepUp(true);
    const result = await worker().drain();
    expect(result.dead).toBe(0);

    expect(typesAt('/all').sort()).toEqual([
      'uk.gov.stepwise.case.closed', 'uk.gov.stepwise.case.started', 'uk.gov.stepwise.case.stepped_up', 'uk.gov.stepwise.task.completed', 'uk.gov.stepwise.task.created',
    ]);
    expect(typesAt('/closures')).toEqual(['uk.gov.stepwise.case.closed']);
    expect(typesAt('/off')).toEqual([]);

    for (const delivery of receiver.accepted()) {
      const secret = delivery.path === '/all' ? all.secret : closures.secret;
      const headers = { id: String(delivery.headers['webhook-id']), timestamp: String(delivery.headers['webhook-timestamp']), signature: String(delivery.headers['webhook-signature']) };
      expect(verifySignature(secret, headers, delivery.body)).toEqual({ ok: true });
      expect(verifySignature(delivery.path === '/all' ? closures.secret : all.secret, headers, delivery.body)).toMatchObject({ ok: false });
      expect(delivery.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
      // The cloudevents library, as a receiver would use it, reads it back.
      const event = HTTP.toEvent({ headers: delivery.headers, body: delivery.body }) as unknown as Json;
      expect(event).toMatchObject({ specversion: '1.0', id: headers.id, source: `/authorities/camden/cases/${caseId}` });
      expect(event.data).toMatchObject({ caseId, authority: 'camden', definition: { id: 'camden' }, personIds: ['MOS-1001'] });
      expect(delivery.body).not.toContain('Okafor');
      expect(delivery.body).not.toContain('Disclosure');
    }
    const closed = receiver.accepted().map(eventOf).find((e) => e.type === EVENT_TYPES.caseClosed && e.data.caseId === caseId)!;
    expect(closed.data).toMatchObject({ status: 'closed', outcome: 'stepped_up', endNode: 'step_up_accepted', closureReason: null });
    const completed = receiver.accepted().map(eventOf).find((e) => e.type === EVENT_TYPES.taskCompleted)!;
    expect(completed).toMatchObject({ subject: completed.data.taskId, data: { node: 'daily_discussion', completedBy: 'camden.daily_discussion_manager', actions: ['threshold_met'] } });
    // Both subscribers got the same event, under the same id.
    expect(receiver.accepted().filter((d) => eventOf(d).type === EVENT_TYPES.caseClosed).map((d) => d.headers['webhook-id'])).toEqual([closed.id, closed.id]);

    // Nothing is sent twice, however often the outbox runs.
    const before = receiver.deliveries.length;
    await worker().drain();
    expect(receiver.deliveries.length).toBe(before);
  });

  it('When the receiver fails at first, Then the event is sent again later with the same id, and a receiver that keeps failing ends dead', async () => {
    await subscribe([EVENT_TYPES.caseClosed], '/flaky');
    await subscribe([EVENT_TYPES.caseClosed], '/broken');
    receiver.answer((d) => (d.path === '/broken' ? 500 : receiver.deliveries.filter((x) => x.path === '/flaky').length < 2 ? 503 : 204));
    const caseId = await stepUp(false);
    const outbox = worker(3);
    await outbox.drain();
    expect(receiver.deliveries.map((d) => [d.path, d.status])).toEqual(expect.arrayContaining([['/flaky', 503], ['/broken', 500]]));
    for (const minutes of [2, 4, 6]) {
      api.clock.set(new Date(Date.parse('2027-01-11T09:00:00Z') + minutes * 60_000).toISOString());
      await outbox.drain();
    }
    const flaky = receiver.deliveries.filter((d) => d.path === '/flaky');
    expect(flaky.map((d) => d.status)).toEqual([503, 503, 204]);
    expect(new Set(flaky.map((d) => d.headers['webhook-id'])).size).toBe(1);
    expect(eventOf(flaky[2]!).data).toMatchObject({ caseId, outcome: 'eh_continues', closureReason: null });

    const webhooks = (await api.store.listOutbox({ caseId })).filter((m) => m.kind === 'webhook');
    expect(webhooks.map((m) => [m.id.endsWith((m.payload as Json).subscriptionId), m.status, m.attempts, m.lastError ?? null]).sort()).toEqual([
      [true, 'dead', 3, 'receiver_500: The receiver answered 500.'],
      [true, 'done', 3, 'receiver_503: The receiver answered 503.'],
    ]);
    expect(receiver.deliveries.filter((d) => d.path === '/broken')).toHaveLength(3);
  });

  it('When an authority has no subscriptions, Then its steps put nothing more in the outbox', async () => {
    const caseId = await stepUp(true);
    expect((await api.store.listOutbox({ caseId })).filter((m) => m.kind === 'event' || m.kind === 'webhook')).toEqual([]);
  });
});
