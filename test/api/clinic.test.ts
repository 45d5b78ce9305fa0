/**
 * Clinic, through the HTTP API only: a Social Worker books the Early Help Step Down Clinic on
 * Monday 14 December 2026, the clinic meets on Thursday 17 December and both Team Managers sign
 * its outcome, the transfer form crosses Christmas, the Senior Practitioner allocates after New
 * Year, Children's Social Care closes with census reason RC9 at the joint visit on 14 January
 * 2027, and the 6-week review on Monday 22 February completes the step down. Each step is done
 * by the demo person the protocol names, after it has shown up in their inbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../support/api.ts';
import { complete, inInbox, type Json, walkHarness } from '../support/api-walk.ts';
import { allocation, assessment, booking, discussion, family, jointVisit, transfer } from '../clinic/clinic-case.ts';

let api: Api;
beforeEach(async () => {
  api = await walkHarness('2026-12-14T09:00:00Z');
});
afterEach(async () => api.close());

describe('Given the clinic authority’s demo people', () => {
  it('When a family is stepped down through the clinic, the transfer form and the joint visit, Then social care closes with RC9 at the joint visit and the case closes as stepped down', async () => {
    const sam = await api.signIn('social_worker@clinic.example');
    const tina = await api.signIn('sw_team_manager@clinic.example');
    const ellen = await api.signIn('eh_team_manager@clinic.example');
    const sian = await api.signIn('eh_senior_practitioner@clinic.example');
    const fern = await api.signIn('eh_family_worker@clinic.example');

    // Monday 14 December 10:00: a booking for a MASH referral allocated to Early Help is refused.
    await api.runClockTo('2026-12-14T10:00:00Z');
    const start = { definition: 'clinic', entry: 'step_down', subject: family };
    const mash = await sam.post('/api/cases', { ...start, data: booking({ mashReferralAllocatedToEarlyHelp: true }) });
    expect(mash.status).toBe(422);
    expect(await mash.json()).toMatchObject({ code: 'form_invalid', errors: [{ pointer: '/data/mashReferralAllocatedToEarlyHelp' }] });
    const started = await sam.post('/api/cases', { ...start, data: booking() });
    expect(started.status).toBe(201);
    const caseId = ((await started.json()) as Json).id as string;

    // The agenda closes on Wednesday at noon; the clinic meets on Thursday at 09:30.
    await api.runClockTo('2026-12-17T12:00:00Z');
    const discussionTask = await inInbox(tina, caseId, 'case_discussion');
    expect(discussionTask).toMatchObject({ assignee: { kind: 'team', id: 'step_down_clinic' }, via: 'team', due: '2026-12-18T23:59:59.999Z', familyName: 'Okafor' });
    await inInbox(tina, caseId, 'case_discussion', '/api/trays/step_down_clinic');
    const noDate = await tina.post(`/api/cases/${caseId}/tasks/${discussionTask.taskId}/complete`, {
      data: discussion({ assessmentCompletionDate: undefined }),
      actions: [{ action: 'record_outcome' }],
    });
    expect(noDate.status).toBe(422);
    expect(await noDate.json()).toMatchObject({ code: 'form_invalid', errors: [{ pointer: '/assessmentCompletionDate', message: 'Enter the date to complete assessment' }] });
    // The outcome is signed by a Team Manager from each service: Tina's signature alone moves nothing on.
    const signed = await complete(tina, caseId, discussionTask.taskId, discussion(), { action: 'record_outcome' });
    expect(signed.openTasks).toMatchObject([{ node: 'case_discussion' }]);
    const twice = await tina.post(`/api/cases/${caseId}/tasks/${discussionTask.taskId}/complete`, { data: discussion(), actions: [{ action: 'record_outcome' }] });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ code: 'already_signed' });
    const cosign = await inInbox(ellen, caseId, 'case_discussion');
    await complete(ellen, caseId, cosign.taskId, discussion(), { action: 'record_outcome' });

    await api.runClockTo('2026-12-23T15:00:00Z');
    const assess = await inInbox(sam, caseId, 'complete_assessment');
    expect(assess).toMatchObject({ via: 'me', due: '2026-12-23T23:59:59.999Z' });
    await complete(sam, caseId, assess.taskId, assessment(), { action: 'assessment_completed' });

    // The transfer form is due within 2 working days: Tuesday 29 December, after the bank holidays.
    await api.runClockTo('2026-12-29T10:00:00Z');
    const transferTask = await inInbox(sam, caseId, 'transfer_form');
    expect(transferTask.due).toBe('2026-12-29T23:59:59.999Z');
    await complete(sam, caseId, transferTask.taskId, transfer(), { action: 'send_transfer' });

    await api.runClockTo('2027-01-04T09:00:00Z');
    const allocate = await inInbox(sian, caseId, 'allocate_family_worker');
    expect(allocate).toMatchObject({ assignee: { kind: 'team', id: 'eh_family_worker_team' }, due: '2027-01-04T23:59:59.999Z' });
    // Only an Early Help Family Worker can be allocated: passing it to the Social Worker is refused.
    const toSam = await sian.post(`/api/cases/${caseId}/tasks/${allocate.taskId}/complete`, { data: allocation(), actions: [{ action: 'allocate', passTo: { worker: sam.user.id } }] });
    expect(toSam.status).toBe(422);
    expect(await toSam.json()).toMatchObject({ code: 'pass_to_not_allowed' });
    await complete(sian, caseId, allocate.taskId, allocation(), { action: 'allocate', passTo: { worker: fern.user.id } });

    await api.runClockTo('2027-01-14T14:00:00Z');
    const visit = await inInbox(fern, caseId, 'sd_joint_visit');
    expect(visit).toMatchObject({ via: 'me', due: '2027-01-18T23:59:59.999Z' });
    const visited = await complete(fern, caseId, visit.taskId, jointVisit('2027-01-14'), { action: 'visit_done' });
    expect(visited).toMatchObject({ status: 'open', closures: [{ closureReason: 'RC9', at: '2027-01-14T14:00:00.000Z' }] });

    await api.runClockTo('2027-02-22T10:00:00Z');
    const review = await inInbox(fern, caseId, 'eh_review');
    expect(review.due).toBe('2027-02-25T23:59:59.999Z');
    const closed = await complete(fern, caseId, review.taskId, { latestCaseSummary: 'Routines are settled.' }, { action: 'close_step_down' });
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: { id: 'stepped_down', node: 'sd_step_down_complete', at: '2027-02-22T10:00:00.000Z' },
      closures: [{ node: 'sd_stepped_down_after_assessment', closureReason: 'RC9', at: '2027-01-14T14:00:00.000Z' }],
      openTasks: [],
    });
    expect((await (await fern.get('/api/work')).json()) as Json).toMatchObject({ tasks: [] });
    const timeline = (await (await sam.get(`/api/cases/${caseId}/timeline`)).json()) as { history: Json[]; upcoming: Json[] };
    expect(timeline.history.filter((h) => h.type === 'task_completed').map((h) => h.who.id)).toEqual([
      ellen.user.id, sam.user.id, sam.user.id, sian.user.id, fern.user.id, fern.user.id,
    ]);
    expect(timeline.upcoming).toEqual([]);
  });
});
