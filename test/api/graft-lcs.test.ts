/**
 * Graft/LCS, through the HTTP API only: supervision identifies a step down on Monday 30 November
 * 2026; the SC TM and the Duty EH TM hold and sign the discussion in Wednesday's morning slot
 * (a Tuesday-afternoon time is refused first); the TAF Team agrees a TAF plan; the Referral to EHM
 * goes to the Strengthening Families tray at Urgent; the FFP does the joint visit and records the
 * CIN review of Monday 4 January 2027 as the 1st TAF meeting, co-signed by the SW, which closes the
 * CIN case with RC9 that day; after the March TAF meeting the closure is agreed in supervision on Tuesday 6 April
 * 2027 and the case closes stepped down. Each step is done by the demo person the protocol names,
 * after it has shown up in their inbox or their team's tray; a jointly signed step waits in the
 * co-signer's inbox (by role) after the first signature. A Referral to EHM at Low is refused first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../support/api.ts';
import { complete, inInbox, type Json, submit, walkHarness } from '../support/api-walk.ts';
import { family, handover, identification, jointVisit, meeting, stepOne, stepTwo } from '../graft-lcs/given.ts';

let api: Api;
beforeEach(async () => {
  api = await walkHarness('2026-11-30T10:00:00Z');
});
afterEach(async () => api.close());

describe('Given Graft’s demo people and the Achterberg family, identified for step down in supervision', () => {
  it('When the five steps run from the duty slot to the closure supervision, Then the CIN case closes with RC9 at the 1st TAF meeting and the case closes stepped down', async () => {
    const sam = await api.signIn('social_worker@graft.example');
    const tara = await api.signIn('sc_team_manager@graft.example');
    const dina = await api.signIn('duty_eh_team_manager@graft.example');
    const ellie = await api.signIn('eh_team_manager@graft.example');
    const fay = await api.signIn('ffp@graft.example');
    const sue = await api.signIn('eh_supervisor@graft.example');

    const started = await sam.post('/api/cases', { definition: 'graft-lcs', entry: 'identified', subject: family, data: identification });
    expect(started.status).toBe(201);
    const caseId = ((await started.json()) as Json).id as string;

    await api.runClockTo('2026-12-01T14:00:00Z');
    const stepOneTask = await inInbox(sam, caseId, 'step_one_family_discussion');
    expect(stepOneTask.due).toBe('2026-12-07T23:59:59.999Z');
    await complete(sam, caseId, stepOneTask.taskId, stepOne(), { action: 'request_duty_eh_discussion', passTo: { worker: tara.user.id } });

    // Tuesday afternoon's request goes to Wednesday morning's duty slot (09:00–12:00).
    await api.runClockTo('2026-12-02T11:00:00Z');
    const duty = await inInbox(tara, caseId, 'step_two_duty_eh_discussion');
    expect(duty).toMatchObject({ via: 'me', due: '2026-12-02T12:00:00.000Z' });
    const afternoon = await submit(tara, caseId, duty.taskId, { ...stepTwo, discussionDate: '2026-12-01', discussionTime: '15:00' }, { action: 'step_down_agreed' });
    expect(afternoon.status).toBe(422);
    expect((await afternoon.json()) as Json).toMatchObject({ code: 'form_invalid', errors: [{ pointer: '/discussionTime', message: 'The discussion with the Duty EH TM can only take place in the morning, between 9am and 12 noon' }] });
    const signed = await complete(tara, caseId, duty.taskId, stepTwo, { action: 'step_down_agreed' });
    expect(signed.openTasks).toEqual([expect.objectContaining({ node: 'step_two_duty_eh_discussion', assignee: expect.objectContaining({ kind: 'role' }) })]);
    // Signed by Tara, it waits in the Duty EH TMs' inboxes for the co-signature.
    const cosign = await inInbox(dina, caseId, 'step_two_duty_eh_discussion');
    expect(cosign).toMatchObject({ via: 'role', taskId: duty.taskId });
    await complete(dina, caseId, cosign.taskId, stepTwo, { action: 'step_down_agreed' });

    await api.runClockTo('2026-12-03T10:00:00Z');
    const taf = await inInbox(ellie, caseId, 'step_three_taf_decision', '/api/trays/taf_team');
    await complete(ellie, caseId, taf.taskId, { tafDiscussionDate: '2026-12-03', decisionReasons: 'TAF plan agreed.' }, { action: 'taf_plan_agreed' });

    await api.runClockTo('2026-12-04T10:00:00Z');
    const note = await inInbox(ellie, caseId, 'step_three_case_note_allocation');
    const caseNote = { caseNoteDate: '2026-12-04', workAgreed: 'Routines and school attendance.', ffpFswAlreadyInvolved: false };
    const refused = await submit(ellie, caseId, note.taskId, caseNote, { action: 'case_note_added' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'form_invalid', errors: [{ pointer: '/workerToAllocate', message: 'Select the worker to allocate' }] });
    await complete(ellie, caseId, note.taskId, { ...caseNote, workerToAllocate: 'ffp' }, { action: 'case_note_added' });

    await api.runClockTo('2026-12-07T10:00:00Z');
    const referral = await inInbox(tara, caseId, 'step_four_sw_tm_referral');
    const low = await submit(tara, caseId, referral.taskId, { referralDate: '2026-12-07' }, { action: 'referral_to_ehm', passTo: { team: 'strengthening_families' }, priority: 'low' });
    expect(low.status).toBe(422);
    expect((await low.json()) as Json).toMatchObject({ code: 'guard_failed', detail: 'Step Downs are allocated as a priority: choose Urgent for "Referral to EHM".' });
    await complete(tara, caseId, referral.taskId, { referralDate: '2026-12-07' }, { action: 'referral_to_ehm', passTo: { team: 'strengthening_families' } });

    // Step Downs are allocated as a priority: Urgent in the tray, within 2 working days.
    await api.runClockTo('2026-12-08T10:00:00Z');
    const tray = await inInbox(ellie, caseId, 'step_four_tray_allocation', '/api/trays/strengthening_families?sort=priority');
    expect(tray).toMatchObject({ priority: 'urgent', due: '2026-12-09T23:59:59.999Z', assignee: { kind: 'team', name: 'Strengthening Families' } });
    await complete(ellie, caseId, tray.taskId, {}, { action: 'allocate_ffp_fsw', passTo: { worker: fay.user.id } });

    await api.runClockTo('2026-12-15T10:00:00Z');
    const prepared = await inInbox(sam, caseId, 'sw_handover');
    expect(prepared.due).toBe('2026-12-31T23:59:59.999Z');
    await complete(sam, caseId, prepared.taskId, handover, { action: 'handover_done' });
    await api.runClockTo('2026-12-17T16:00:00Z');
    const visit = await inInbox(fay, caseId, 'joint_visit');
    await complete(fay, caseId, visit.taskId, jointVisit, { action: 'joint_visit_done' });

    // The CIN review of Monday 4 January becomes the 1st TAF meeting; it cannot be recorded before,
    // and recording it closes the CIN case (census RC9) that day while Early Help carries on.
    const closeAndContinue = [{ action: 'cin_closed_stepped_down' }, { action: 'taf_plan_continues', passTo: { worker: fay.user.id } }];
    await api.runClockTo('2027-01-03T12:00:00Z');
    const first = await inInbox(fay, caseId, 'step_five_cin_taf_meeting');
    expect((await (await submit(fay, caseId, first.taskId, meeting, ...closeAndContinue)).json()) as Json).toMatchObject({ status: 409, code: 'not_yet_available' });
    await api.runClockTo('2027-01-04T15:00:00Z');
    const alone = await submit(fay, caseId, first.taskId, meeting, closeAndContinue[1]!);
    expect((await alone.json()) as Json).toMatchObject({ code: 'actions_incomplete' });
    // Signed by the FFP who attended, then by the Social Worker, whose co-signature closes the CIN case.
    expect(await complete(fay, caseId, first.taskId, meeting, ...closeAndContinue)).toMatchObject({ closures: [] });
    await api.runClockTo('2027-01-04T15:30:00Z');
    const cosignFive = await inInbox(sam, caseId, 'step_five_cin_taf_meeting');
    expect(cosignFive).toMatchObject({ via: 'role', taskId: first.taskId });
    const cinClosed = await complete(sam, caseId, cosignFive.taskId, meeting, ...closeAndContinue);
    expect(cinClosed).toMatchObject({ status: 'open', closures: [{ closureReason: 'RC9', at: '2027-01-04T15:30:00.000Z', node: 'end_cin_closed_stepped_down' }] });

    await api.runClockTo('2027-01-05T10:00:00Z');
    const booking = await inInbox(fay, caseId, 'book_next_taf_meeting');
    await complete(fay, caseId, booking.taskId, { nextTafMeetingDate: '2027-03-25' }, { action: 'next_taf_meeting_booked' });

    await api.runClockTo('2027-03-25T15:00:00Z');
    const march = await inInbox(fay, caseId, 'taf_meeting');
    expect(march.due).toBe('2027-03-31T22:59:59.999Z');
    await complete(fay, caseId, march.taskId, { meetingDate: '2027-03-25', actionsAgreed: 'All actions met.', workCompleted: true }, { action: 'work_completed', passTo: { worker: sue.user.id } });

    await api.runClockTo('2027-04-06T10:00:00Z');
    const supervision = await inInbox(sue, caseId, 'closure_supervision');
    expect(supervision).toMatchObject({ via: 'me', due: '2027-04-12T22:59:59.999Z' });
    const closed = await complete(sue, caseId, supervision.taskId, { supervisionDate: '2027-04-06', closureTrajectory: 'Close: no role for Early Help.' }, { action: 'close' });
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: { id: 'stepped_down', node: 'end_stepped_down', at: '2027-04-06T10:00:00.000Z' },
      openTasks: [],
    });
    expect(closed.closures.map((c: Json) => [c.closureReason, c.at])).toEqual([['RC9', '2027-01-04T15:30:00.000Z']]);
    expect(closed.map.active).toEqual([]);
    expect(closed.map.done).toEqual(expect.arrayContaining(['identified', 'step_two_duty_eh_discussion', 'handover', 'end_stepped_down']));
    expect(closed.map.done).not.toContain('step_two_graft_discussion');
  });
});
