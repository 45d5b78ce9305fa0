/**
 * Given Camden's protocol run by the engine, When steps start, move and end cases, Then the events
 * for case systems are the ones the steps caused, with ids that depend only on the step, and
 * carry ids and codes, never the family's names.
 */
import { describe, expect, it } from 'vitest';
import { step, type Actor } from '../../engine/index.ts';
import { camden, family } from '../../test/camden/given.ts';
import { eventMessagesFor, eventsOf } from './case-events.ts';
import { openSqliteStore, type WebhookSubscription } from '../store/index.ts';

const sam: Actor = { id: 'sam', roles: ['social_worker'], teams: [] };
const start = () => step(camden, null, { type: 'case_started', caseId: 'c1', entry: 'sw_assessment', subject: family, by: sam }, { now: '2026-12-16T09:00:00Z' });

describe('the events a step causes', () => {
  it('When a case starts, Then it is case.started and one task.created for its first task, named by ids only', () => {
    const { caseState, effects } = start();
    const events = eventsOf(caseState, effects, null);
    expect(events.map((e) => [e.id, e.type, e.subject])).toEqual([
      ['c1:1:case.started', 'uk.gov.stepwise.case.started', 'c1'],
      [`c1:1:task.created:${Object.keys(caseState.tasks)[0]}`, 'uk.gov.stepwise.task.created', Object.keys(caseState.tasks)[0]],
    ]);
    expect(events[0]).toMatchObject({ source: '/authorities/camden/cases/c1', time: '2026-12-16T09:00:00.000Z', data: { caseId: 'c1', entry: 'sw_assessment', startedBy: 'sam', personIds: ['2075012', '2075013'], definition: { id: 'camden' } } });
    expect(events[1]!.data).toMatchObject({ node: 'referral', assignee: { worker: 'sam' } });
    expect(JSON.stringify(events)).not.toMatch(/Okafor|Ada|Ben/);
    // The same step gives the same ids: a retry of the delivery is recognisably the same event.
    expect(eventsOf(caseState, effects, null).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('When a case is withdrawn, Then it is case.closed with status withdrawn and no census reason, and no step up', () => {
    const { caseState } = start();
    const withdrawn = step(camden, caseState, { type: 'case_withdrawn', by: sam, reason: 'Family moved away' }, { now: '2026-12-17T09:00:00Z' });
    const events = eventsOf(withdrawn.caseState, withdrawn.effects, caseState);
    expect(events.map((e) => e.type)).toEqual(['uk.gov.stepwise.case.closed']);
    expect(events[0]!.data).toMatchObject({ status: 'withdrawn', closureReason: null, censusClosures: [], caseVersion: 2 });
    expect(JSON.stringify(events)).not.toContain('moved away');
  });

  it('When the authority has no active subscription wanting a type, Then no event of that type goes in the outbox', async () => {
    const { caseState, effects } = start();
    const store = openSqliteStore({ path: ':memory:' });
    try {
      const sub = (id: string, events: string[]): WebhookSubscription => ({
        id, authority: 'camden', url: 'https://mosaic.camden.gov.uk/events', events, description: '', secret: 'whsec_', createdAt: '2026-12-01T00:00:00Z', createdBy: 'camden.admin', disabledAt: null,
      });
      expect(await eventMessagesFor(store, caseState, effects, null)).toEqual([]);
      await store.createWebhookSubscription(sub('off', ['uk.gov.stepwise.case.started', 'uk.gov.stepwise.task.created']));
      await store.setWebhookSubscriptionDisabled('off', '2026-12-02T00:00:00Z');
      await store.createWebhookSubscription({ ...sub('elsewhere', ['uk.gov.stepwise.task.created']), authority: 'clinic' });
      expect(await eventMessagesFor(store, caseState, effects, null)).toEqual([]);
      await store.createWebhookSubscription(sub('on', ['uk.gov.stepwise.case.started']));
      expect(await eventMessagesFor(store, caseState, effects, null)).toEqual([{ id: 'c1:1:case.started', kind: 'event', payload: expect.objectContaining({ type: 'uk.gov.stepwise.case.started' }) }]);
    } finally {
      await store.close();
    }
  });
});
