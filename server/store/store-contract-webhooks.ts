/** Contract: webhook subscriptions per authority, and the outbox messages an event fans out to. */
import { describe, expect, it } from 'vitest';
import { at, makeCase, rejection, T0, type StoreHarness } from './store-contract-fixtures.ts';
import type { WebhookSubscription } from './webhook-types.ts';

const mosaic: WebhookSubscription = {
  id: 'whsub_1', authority: 'north', url: 'https://mosaic.north.example/stepwise', events: ['uk.gov.stepwise.case.closed'],
  description: 'Mosaic closures', secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0', createdAt: T0, createdBy: 'admin', disabledAt: null,
};

export function webhooksContract(get: () => StoreHarness): void {
  describe('webhook subscriptions', () => {
    it('creates, reads, lists by authority oldest first, disables, enables and deletes them', async () => {
      const { store } = get();
      await store.createWebhookSubscription(mosaic);
      await store.createWebhookSubscription({ ...mosaic, id: 'whsub_0', createdAt: at(5), events: ['uk.gov.stepwise.case.started'] });
      await store.createWebhookSubscription({ ...mosaic, id: 'whsub_s', authority: 'south' });
      expect(await store.getWebhookSubscription('whsub_1')).toEqual(mosaic);
      expect((await store.listWebhookSubscriptions('north')).map((s) => s.id)).toEqual(['whsub_1', 'whsub_0']);
      expect((await store.listWebhookSubscriptions('south')).map((s) => s.id)).toEqual(['whsub_s']);
      expect((await rejection(store.createWebhookSubscription({ ...mosaic, url: 'https://other.example' }))).code).toBe('already_exists');
      expect((await store.getWebhookSubscription('whsub_1'))?.url).toBe(mosaic.url);

      expect(await store.setWebhookSubscriptionDisabled('whsub_1', '2026-11-03T10:00:00Z')).toBe(true);
      expect((await store.getWebhookSubscription('whsub_1'))?.disabledAt).toBe('2026-11-03T10:00:00.000Z');
      expect(await store.setWebhookSubscriptionDisabled('whsub_1', null)).toBe(true);
      expect((await store.getWebhookSubscription('whsub_1'))?.disabledAt).toBeNull();
      expect(await store.setWebhookSubscriptionDisabled('absent', null)).toBe(false);

      expect(await store.deleteWebhookSubscription('whsub_1')).toBe(true);
      expect(await store.deleteWebhookSubscription('whsub_1')).toBe(false);
      expect(await store.getWebhookSubscription('whsub_1')).toBeNull();
      expect((await store.listWebhookSubscriptions('north')).map((s) => s.id)).toEqual(['whsub_0']);
    });

    it('queues an event’s deliveries once, on its case and authority, in their own kind beside e-mail', async () => {
      const { store } = get();
      const state = makeCase({ id: 'c1' });
      const event = { id: 'c1:1:case.started', type: 'uk.gov.stepwise.case.started' };
      await store.commitStep({ caseState: state, expectedVersion: null, audit: [], outbox: [{ id: event.id, kind: 'event', payload: event }, { id: 'n1', kind: 'notify', payload: {} }], at: T0 });
      const deliveries = [
        { id: `${event.id}:whsub_a`, kind: 'webhook' as const, payload: { subscriptionId: 'whsub_a', event } },
        { id: `${event.id}:whsub_b`, kind: 'webhook' as const, payload: { subscriptionId: 'whsub_b', event } },
      ];
      expect(await store.enqueueOutbox({ caseId: 'c1', authority: 'north' }, deliveries, at(1))).toBe(2);
      // A fan-out done again after a crash adds nothing, and leaves the first ones as they are.
      const [claimedFirst] = await store.claimOutbox(at(2), 'w1', 600_000, 1, ['webhook']);
      expect(claimedFirst).toMatchObject({ id: `${event.id}:whsub_a`, kind: 'webhook', caseId: 'c1', authority: 'north', attempts: 1, createdAt: at(1), payload: { subscriptionId: 'whsub_a', event } });
      expect(await store.enqueueOutbox({ caseId: 'c1', authority: 'north' }, [...deliveries, { ...deliveries[0]!, payload: { changed: true } }], at(3))).toBe(0);
      expect(await store.enqueueOutbox({ caseId: 'c1', authority: 'north' }, [], at(3))).toBe(0);

      expect((await store.claimOutbox(at(4), 'w1', 60_000, 10, ['notify'])).map((m) => m.id)).toEqual(['n1']);
      expect((await store.claimOutbox(at(4), 'w1', 60_000, 10, ['event'])).map((m) => m.id)).toEqual([event.id]);
      expect((await store.claimOutbox(at(4), 'w1', 60_000, 10, ['webhook'])).map((m) => m.id)).toEqual([`${event.id}:whsub_b`]);
      const listed = await store.listOutbox({ caseId: 'c1' });
      expect(listed.find((m) => m.id === `${event.id}:whsub_a`)).toMatchObject({ attempts: 1, payload: { subscriptionId: 'whsub_a' } });
      expect((await store.listOutbox({ authority: 'south' })).length).toBe(0);
    });
  });
}
