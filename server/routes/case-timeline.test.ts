import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screening } from '../../test/camden/given.ts';
import type { Api } from '../../test/support/api.ts';
import { camdenHarness, json, referredCase } from './case-test-support.ts';

let api: Api;
beforeEach(async () => {
  api = await camdenHarness();
});
afterEach(async () => api.close());

describe('the case timeline', () => {
  it('Given a referral screened by the front door, Then the history says who did what in London time, and the deadlines to come are in order', async () => {
    const { sam, dora, caseId, screenId } = await referredCase(api);
    await api.runClockTo('2026-12-21T11:00:00Z');
    const done = await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, {
      data: screening('team'),
      actions: [{ action: 'contact_team', passTo: { team: 'ieys_kte_duty_manager' } }],
    });
    expect(done.status).toBe(200);
    const timeline = await json(sam.get(`/api/cases/${caseId}/timeline`));
    expect(timeline.history[0]).toMatchObject({ at: '2026-12-16T09:00:00.000Z', london: 'Wed 16 Dec 2026 09:00', type: 'case_started', who: { id: 'camden.social_worker', name: 'Demo Social worker (CIN social worker)' } });
    const completed = timeline.history.filter((h: { type: string }) => h.type === 'task_completed');
    expect(completed).toEqual([
      expect.objectContaining({ node: 'referral', who: expect.objectContaining({ id: 'camden.social_worker' }), text: expect.stringContaining('Send the referral to the Early Help Step Down inbox') }),
      expect.objectContaining({ node: 'asm_screen', london: 'Mon 21 Dec 2026 11:00', who: expect.objectContaining({ id: 'camden.eh_front_door_manager' }), nodeName: 'Screen the step down referral' }),
    ]);
    expect(timeline.history.map((h: { type: string }) => h.type)).toContain('notification_sent');
    expect(timeline.history.find((h: { type: string; node: string }) => h.type === 'task_created' && h.node === 'asm_offer_consultation').text).toBe(
      'Contact the social worker offering a formal consultation: with IEYS Kentish Town East',
    );
    // Day 0 is Monday 21 December: the offer is due the next working day; the consultation 5 working days from the e-mail.
    expect(timeline.upcoming).toEqual([
      expect.objectContaining({ kind: 'task_due', node: 'asm_offer_consultation', overdue: false, at: '2026-12-22T23:59:59.999Z', london: 'Tue 22 Dec 2026 23:59', label: expect.stringContaining('within 1 working day') }),
    ]);
  });

  it('Given a deadline missed, Then the escalations to come are listed after it, and each read of the timeline is audited', async () => {
    const { sam, caseId } = await referredCase(api);
    await api.runClockTo('2026-12-22T09:00:00Z');
    const timeline = await json(sam.get(`/api/cases/${caseId}/timeline`));
    expect(timeline.history.map((h: { type: string }) => h.type)).toContain('deadline_passed');
    expect(timeline.upcoming[0]).toMatchObject({ kind: 'task_due', node: 'asm_screen', overdue: true });
    expect(timeline.upcoming.slice(1).length).toBeGreaterThan(0);
    expect(timeline.upcoming.slice(1)).toEqual(timeline.upcoming.slice(1).map(() => expect.objectContaining({ kind: 'escalation', overdue: false })));
    expect(timeline.upcoming.map((u: { at: string }) => u.at)).toEqual([...timeline.upcoming.map((u: { at: string }) => u.at)].sort());
    const reads = (await api.store.listAudit(caseId)).filter((a) => a.action === 'case_read' && a.detail.what === 'timeline');
    expect(reads).toEqual([expect.objectContaining({ actor: 'camden.social_worker', at: '2026-12-22T09:00:00.000Z' })]);
  });

  it('Given a case of another authority or no case, Then the timeline is 404 and nothing is audited', async () => {
    const { caseId } = await referredCase(api);
    const outsider = await api.signIn('social_worker@graft.example');
    expect(await json(outsider.get(`/api/cases/${caseId}/timeline`))).toMatchObject({ status: 404, code: 'not_found' });
    expect((await outsider.get('/api/cases/nope/timeline')).status).toBe(404);
    expect((await api.store.listAudit(caseId)).filter((a) => a.actor === 'graft.social_worker')).toEqual([]);
  });
});
