/**
 * CAF / EHM, through the HTTP API only: the Social Worker decides in supervision to step the
 * Mensah family down to a CAF, shares the proposal and finds a Lead Professional before the
 * final CIN meeting of Monday 4 January 2027, completes the closure summary; the Team Manager
 * and then a CAF Link Worker quality assure it, and on Monday 11 January the CSC case closes
 * stepped down to CAF with RC7 while the CAF starts on EHM in the CAF Link Workers' tray.
 * Each step is done by the demo person the protocol names, after it has shown up in their inbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../support/api.ts';
import { complete, inInbox, type Json, submit, walkHarness } from '../support/api-walk.ts';
import { cafMeeting, closure, decision, family, lpAgreed, proposal, tmAgrees, tmQa } from '../caf-ehm/given.ts';

let api: Api;
beforeEach(async () => {
  api = await walkHarness('2026-12-01T10:00:00Z');
});
afterEach(async () => api.close());

describe('Given the CAF / EHM authority’s demo people and a final CIN meeting booked for Monday 4 January 2027', () => {
  it('When views, the Lead Professional, the meeting, the closure and both quality checks are done, Then the CSC case closes stepped down to CAF with RC7 and the CAF starts on EHM', async () => {
    const sam = await api.signIn('social_worker@caf-ehm.example');
    const tara = await api.signIn('sw_team_manager@caf-ehm.example');
    const cleo = await api.signIn('caf_link_worker@caf-ehm.example');

    const started = await sam.post('/api/cases', { definition: 'caf-ehm', entry: 'decision_to_step_down', subject: family, data: decision('2027-01-04') });
    expect(started.status).toBe(201);
    const caseId = ((await started.json()) as Json).id as string;

    // The Team Manager agrees the supervision decision; the Social Worker cannot agree it for them.
    const agreement = await inInbox(tara, caseId, 'tm_agree_decision');
    expect(agreement).toMatchObject({ via: 'role', due: '2026-12-03T23:59:59.999Z' });
    expect((await submit(sam, caseId, agreement.taskId, tmAgrees, { action: 'agreed' })).status).toBe(403);
    await complete(tara, caseId, agreement.taskId, tmAgrees, { action: 'agreed' });

    // Views and consent, and the Lead Professional, are due by the last working day before the meeting.
    await api.runClockTo('2026-12-10T14:00:00Z');
    const views = await inInbox(sam, caseId, 'share_proposal');
    expect(views).toMatchObject({ via: 'me', due: '2026-12-31T23:59:59.999Z', dueLabel: 'prior to the final CIN meeting' });
    await complete(sam, caseId, views.taskId, proposal(), { action: 'views_recorded' });
    await api.runClockTo('2026-12-15T11:00:00Z');
    await complete(sam, caseId, (await inInbox(sam, caseId, 'identify_lp')).taskId, lpAgreed, { action: 'lp_agreed' });

    await api.runClockTo('2027-01-04T15:00:00Z');
    const meeting = await inInbox(sam, caseId, 'final_cin_meeting');
    expect(meeting.due).toBe('2027-01-04T23:59:59.999Z');
    const { familyPlan: _plan, childrenVoice: _voice, ...partial } = cafMeeting('2027-01-04', '2027-05-24');
    const refused = await submit(sam, caseId, meeting.taskId, partial, { action: 'step_down_caf' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: Json[] }).errors).toEqual([
      expect.objectContaining({ pointer: '/childrenVoice', message: "Enter each child's voice and experience" }),
      expect.objectContaining({ pointer: '/familyPlan', message: 'Add at least one action to the family plan' }),
      expect.objectContaining({ pointer: '/initialFpMeetingDate', message: 'The initial Family Planning meeting must take place within 4 weeks of the final CIN meeting' }),
    ]);
    await complete(sam, caseId, meeting.taskId, cafMeeting('2027-01-04', '2027-01-28'), { action: 'step_down_caf' });

    await api.runClockTo('2027-01-07T10:00:00Z');
    const summary = await inInbox(sam, caseId, 'case_closure');
    expect(summary.due).toBe('2027-01-11T23:59:59.999Z');
    await complete(sam, caseId, summary.taskId, closure('caf'), { action: 'send_to_tm' });

    await api.runClockTo('2027-01-08T10:00:00Z');
    const qa = await inInbox(tara, caseId, 'tm_quality_assurance');
    expect(qa).toMatchObject({ via: 'role', due: '2027-01-14T23:59:59.999Z' });
    await complete(tara, caseId, qa.taskId, tmQa(), { action: 'authorise_caf' });

    await api.runClockTo('2027-01-11T10:00:00Z');
    const clw = await inInbox(cleo, caseId, 'clw_quality_assurance');
    expect(clw).toMatchObject({ via: 'team', assignee: { kind: 'team', id: 'caf_link_workers' } });
    const closed = await complete(cleo, caseId, clw.taskId, { cafQualityAssured: true }, { action: 'authorise' });
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: { id: 'stepped_down_to_caf', node: 'stepped_down_to_caf', closureReason: 'RC7', at: '2027-01-11T10:00:00.000Z' },
      closures: [{ closureReason: 'RC7' }],
    });

    // The file transfers to EHM: a linked case with the CAF Link Workers, the same family.
    await api.outbox.drain();
    const [link] = closed.links.children as Json[];
    const ehm = (await (await cleo.get(`/api/cases/${link!.caseId}`)).json()) as Json;
    expect(ehm).toMatchObject({ status: 'open', entry: { id: 'caf_in_ehm' }, family: { familyName: 'Mensah' }, links: { parent: { caseId } } });
    expect(await inInbox(cleo, link!.caseId, 'clw_contact_lp')).toMatchObject({ via: 'team', familyName: 'Mensah' });
  });
});
