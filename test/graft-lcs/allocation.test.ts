/**
 * Graft/LCS Step Three case note and Step Four allocation: "SW TM / ATM or Graft TM selects
 * Referral to EHM on LCS and allocates to one of the four trays", "Step Downs allocated as a
 * priority", then the SW makes the family and professionals aware and arranges the joint visit,
 * which the allocated FFP/FSW records.
 */
import { describe, expect, it } from 'vitest';
import { atCaseNote, atReferral, atTrayAllocation, caseNote, handover, jointVisit } from './given.ts';

const errors = (refusal: { details: { fieldErrors?: Array<{ pointer: string; message: string }> } }) => refusal.details.fieldErrors?.map((e) => [e.pointer, e.message]);

/** Given Ellie allocated the step down from the tray to Fay (FFP) on Tuesday 8 December 2026. */
const allocated = () => atTrayAllocation().complete('2026-12-08T10:00:00Z', 'step_four_tray_allocation', 'ellie', {}, { action: 'allocate_ffp_fsw', passTo: { worker: 'fay' } });

describe('Given the TAF Team (Ellie, EH TM) agreed a TAF plan on Thursday 3 December 2026', () => {
  it('Then Ellie adds the case note within 2 working days (local choice), with "no FFP/FSW involved" copied from Step One', () => {
    expect(atCaseNote().task('step_three_case_note_allocation')).toMatchObject({ assignee: { worker: 'ellie' }, due: '2026-12-07T23:59:59.999Z', prefill: { ffpFswAlreadyInvolved: false } });
  });

  it('When the case note is still missing at the deadline, Then the EH Service Manager is told', () => {
    const driver = atCaseNote().runUntil('2026-12-07T23:59:59.999Z');
    expect(driver.task('step_three_case_note_allocation')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_service_manager' }], body: 'The case note recording the agreed work and allocation is overdue.' });
  });

  it('When the work agreed is blank, no worker is chosen and the note is dated before the TAF discussion, Then the case note is refused', () => {
    const { workerToAllocate: _omit, ...rest } = caseNote;
    const refusal = atCaseNote().refused((d) => d.complete('2026-12-04T10:00:00Z', 'step_three_case_note_allocation', 'ellie', { ...rest, caseNoteDate: '2026-12-02', workAgreed: '  ' }, 'case_note_added'));
    expect(errors(refusal)).toEqual([
      ['/caseNoteDate', 'The case note cannot be dated before the discussion with the TAF Team'],
      ['/workAgreed', 'Enter the work that has been agreed'],
      ['/workerToAllocate', 'Select the worker to allocate'],
    ]);
  });

  it('When the case note is passed to the Social Worker, Then it is refused: an EH TM or the Graft TM adds it', () => {
    const refusal = atCaseNote().refused((d) => d.reassign('2026-12-04T09:00:00Z', 'step_three_case_note_allocation', 'ellie', { worker: 'sam' }));
    expect(refusal).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringMatching(/can only be passed to an EH TM or a Graft TM/) });
  });

  it('When the case note is added, Then the SC TM / ATM the SW asked for the discussion makes the Referral to EHM within 2 working days (local choice)', () => {
    expect(atReferral().task('step_four_sw_tm_referral')).toMatchObject({ assignee: { worker: 'tara' }, due: '2026-12-08T23:59:59.999Z' });
  });

  it('When the Referral to EHM is overdue, Then the SC Service Manager is told', () => {
    const driver = atReferral().runUntil('2026-12-08T23:59:59.999Z');
    expect(driver.task('step_four_sw_tm_referral')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'sc_service_manager' }], body: 'The Referral to EHM is overdue.' });
  });
});

describe('Given Tara (SC TM / ATM) makes the Referral to EHM on Monday 7 December 2026', () => {
  const refer = (who: string, data: Record<string, unknown>, passTo: { team: string } | { worker: string } = { team: 'early_years' }) => (d: ReturnType<typeof atReferral>) =>
    d.complete('2026-12-07T10:00:00Z', 'step_four_sw_tm_referral', who, data, { action: 'referral_to_ehm', passTo });

  it('When no tray is chosen, or a team that is not one of the four trays, Then it is refused, naming the trays', () => {
    const driver = atReferral();
    expect(driver.refused((d) => d.complete('2026-12-07T10:00:00Z', 'step_four_sw_tm_referral', 'tara', { referralDate: '2026-12-07' }, 'referral_to_ehm')).code).toBe('pass_to_required');
    const wrong = driver.refused(refer('tara', { referralDate: '2026-12-07' }, { team: 'eh_duty' }));
    expect(wrong).toMatchObject({ code: 'pass_to_not_allowed', message: '"Referral to EHM" cannot be passed to EH Duty. Choose one of: Early Years, Strengthening Families, Vulnerabilities, Harmful Sexual Behaviour.' });
  });

  it('When the Duty EH TM tries to make the referral, Then it is refused: only an SC TM / ATM', () => {
    const driver = atReferral();
    expect(driver.refused(refer('dina', { referralDate: '2026-12-07' }))).toMatchObject({ code: 'not_allowed', message: '"SW TM / ATM selects Referral to EHM on LCS" is with tara, not with you or your team.' });
    driver.reassign('2026-12-07T09:00:00Z', 'step_four_sw_tm_referral', 'tara', { team: 'eh_duty' });
    expect(driver.refused(refer('dina', { referralDate: '2026-12-07' }))).toMatchObject({ code: 'not_allowed', message: 'Only an SC TM / ATM can do "SW TM / ATM selects Referral to EHM on LCS".' });
  });

  it.each(['low', 'normal'] as const)('When Tara chooses %s priority with the Referral to EHM, Then it is refused: Step Downs are allocated as a priority, and the case is unchanged', (priority) => {
    const refusal = atReferral().refused((d) => d.complete('2026-12-07T10:00:00Z', 'step_four_sw_tm_referral', 'tara', { referralDate: '2026-12-07' }, { action: 'referral_to_ehm', passTo: { team: 'early_years' }, priority }));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'Step Downs are allocated as a priority: choose Urgent for "Referral to EHM".' });
  });

  it('When Tara chooses Urgent with the Referral to EHM, Then the tray holds it at Urgent', () => {
    const driver = atReferral().complete('2026-12-07T10:00:00Z', 'step_four_sw_tm_referral', 'tara', { referralDate: '2026-12-07' }, { action: 'referral_to_ehm', passTo: { team: 'vulnerabilities' }, priority: 'urgent' });
    expect(driver.task('step_four_tray_allocation')).toMatchObject({ assignee: { team: 'vulnerabilities' }, priority: 'urgent' });
  });

  it('When the referral is dated before the case note or tomorrow, Then it is refused', () => {
    const driver = atReferral();
    expect(errors(driver.refused(refer('tara', { referralDate: '2026-12-03' })))).toEqual([['/referralDate', 'The Referral to EHM cannot be dated before the EH TM / Graft TM case note that agreed the work']]);
    expect(errors(driver.refused(refer('tara', { referralDate: '2026-12-08' })))).toEqual([['/referralDate', 'The date of the Referral to EHM must be today or in the past']]);
  });

  it('When no FFP/FSW is already involved, Then "Step Down to current FFP/FSW" is refused', () => {
    const refusal = atReferral().refused((d) => d.complete('2026-12-07T10:00:00Z', 'step_four_sw_tm_referral', 'tara', { referralDate: '2026-12-07' }, { action: 'step_down_to_current_worker', passTo: { worker: 'fay' } }));
    expect(refusal.message).toBe('There is no FFP/FSW already involved: allocate to one of the four trays.');
  });

  it.each(['early_years', 'strengthening_families', 'vulnerabilities', 'harmful_sexual_behaviour'])(
    'When she allocates to the %s tray, choosing no priority, Then the tray holds it at Urgent ("allocated as a priority"), to allocate within 2 working days (local choice)',
    (tray) => {
      const driver = atReferral().complete('2026-12-07T10:00:00Z', 'step_four_sw_tm_referral', 'tara', { referralDate: '2026-12-07' }, { action: 'referral_to_ehm', passTo: { team: tray } });
      expect(driver.task('step_four_tray_allocation')).toMatchObject({ assignee: { team: tray }, priority: 'urgent', passedBy: 'tara', due: '2026-12-09T23:59:59.999Z' });
    },
  );

  it('When the tray has not allocated by the deadline, Then the EH TM is told; a working day later the EH Service Manager', () => {
    const driver = atTrayAllocation().runUntil('2026-12-09T23:59:59.999Z');
    expect(driver.task('step_four_tray_allocation')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_team_manager' }] });
    driver.runUntil('2026-12-10T23:59:59.999Z');
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_service_manager' }] });
  });

  it('When an FFP tries to allocate from the tray, Then it is refused: trays are worked by EH TMs and EH Supervisors', () => {
    const driver = atTrayAllocation();
    const allocate = (d: typeof driver) => d.complete('2026-12-08T10:00:00Z', 'step_four_tray_allocation', 'fay', {}, { action: 'allocate_ffp_fsw', passTo: { worker: 'fay' } });
    expect(driver.refused(allocate)).toMatchObject({ code: 'not_allowed', message: '"Allocate Step Down from the EHM tray" is with Strengthening Families, not with you or your team.' });
    expect(driver.refused((d) => d.reassign('2026-12-08T09:00:00Z', 'step_four_tray_allocation', 'ellie', { worker: 'fay' }))).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringMatching(/can only be passed to an EH TM or an EH Supervisor/) });
  });

  it('When "Allocate to FFP/FSW" names a Social Worker or an EH Supervisor, or "capacity" names an FFP, Then it is refused, naming who can take it', () => {
    const driver = atTrayAllocation();
    for (const worker of ['sam', 'sue']) {
      const refusal = driver.refused((d) => d.complete('2026-12-08T10:00:00Z', 'step_four_tray_allocation', 'ellie', {}, { action: 'allocate_ffp_fsw', passTo: { worker } }));
      expect(refusal).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringMatching(/^"Allocate to FFP\/FSW" can only be passed to an FFP or an FSW \(Family Support Worker\)/) });
    }
    const capacity = driver.refused((d) => d.complete('2026-12-08T10:00:00Z', 'step_four_tray_allocation', 'ellie', {}, { action: 'not_allocated_capacity', passTo: { worker: 'fay' } }));
    expect(capacity.message).toMatch(/can only be passed to an EH Supervisor or a Duty EH TM/);
  });
});

describe('Given Ellie allocated the step down to Fay (FFP) on Tuesday 8 December 2026; the CIN review is on Monday 4 January 2027', () => {
  it('Then the SW and Fay both prepare, due by the working day before the review: Thursday 31 December, as 1 January is a bank holiday', () => {
    const driver = allocated();
    expect(driver.openTasks().map((t) => [t.node, t.assignee, t.due])).toEqual([
      ['sw_handover', { worker: 'sam' }, '2026-12-31T23:59:59.999Z'],
      ['joint_visit', { worker: 'fay' }, '2026-12-31T23:59:59.999Z'],
    ]);
    expect(driver.task('sw_handover').prefill).toEqual({ cinReviewDate: '2027-01-04' });
  });

  it('When the SW has not made the family aware, or not invited the FFP/FSW, Then the handover is refused', () => {
    const driver = allocated();
    const unaware = driver.refused((d) => d.complete('2026-12-15T10:00:00Z', 'sw_handover', 'sam', { ...handover, familyAware: false }, 'handover_done'));
    expect(unaware.message).toBe('Make sure the family is aware of the plan to Step Down to Early Help.');
    const uninvited = driver.refused((d) => d.complete('2026-12-15T10:00:00Z', 'sw_handover', 'sam', { ...handover, ffpFswInvited: false, professionalsAware: false }, 'handover_done'));
    expect(uninvited.details.messages).toEqual([
      'Make sure the professionals involved are aware of the plan to Step Down to Early Help.',
      'Invite the allocated FFP/FSW (or, if not allocated yet due to capacity, the EH Supervisor or Duty) to the next CIN review.',
    ]);
  });

  it('When the joint visit is arranged after the CIN review, or the review is in the past, Then the handover is refused', () => {
    const driver = allocated();
    const late = driver.refused((d) => d.complete('2026-12-15T10:00:00Z', 'sw_handover', 'sam', { ...handover, jointVisitDate: '2027-01-05' }, 'handover_done'));
    expect(errors(late)).toEqual([['/jointVisitDate', 'The joint visit must be on or before the date of the next CIN review, to introduce Early Help to the family before the 1st TAF meeting']]);
    const early = driver.refused((d) => d.complete('2026-12-15T10:00:00Z', 'sw_handover', 'sam', { ...handover, jointVisitDate: '2026-12-04' }, 'handover_done'));
    expect(errors(early)).toEqual([['/jointVisitDate', 'The joint visit cannot be before the Referral to EHM: Early Help must be allocated first']]);
    const past = driver.refused((d) => d.complete('2026-12-15T10:00:00Z', 'sw_handover', 'sam', { ...handover, jointVisitDate: '2026-12-10', cinReviewDate: '2026-12-14' }, 'handover_done'));
    expect(errors(past)).toEqual([['/cinReviewDate', 'The next CIN review must be booked: enter a date from today onwards']]);
  });

  it('When the handover is passed to Fay, Then it is refused: it is the allocated Social Worker\u2019s', () => {
    const refusal = allocated().refused((d) => d.reassign('2026-12-15T10:00:00Z', 'sw_handover', 'tara', { worker: 'fay' }));
    expect(refusal).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringMatching(/can only be passed to a social worker \(SW\)/i) });
  });

  it('When Fay records a visit the SW did not attend, or one dated next week, Then it is refused: a joint visit is made together and recorded once made', () => {
    const driver = allocated();
    const alone = driver.refused((d) => d.complete('2026-12-17T16:00:00Z', 'joint_visit', 'fay', { ...jointVisit, swAttended: false }, 'joint_visit_done'));
    expect(alone.message).toBe('A joint visit is made with the allocated Social Worker: record it once you and the Social Worker have visited the family together.');
    const future = driver.refused((d) => d.complete('2026-12-17T16:00:00Z', 'joint_visit', 'fay', { ...jointVisit, jointVisitDate: '2026-12-22' }, 'joint_visit_done'));
    expect(errors(future)).toEqual([['/jointVisitDate', 'Record the joint visit once it has happened: the date must be today or in the past']]);
  });

  it('When the joint visit is still not done at the deadline, Then the EH Supervisor is told; 2 working days later the EH TM, at Urgent', () => {
    const driver = allocated().runUntil('2026-12-31T23:59:59.999Z');
    expect(driver.task('joint_visit')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().slice(-2).map((n) => n.to)).toEqual([[{ role: 'sc_team_manager' }], [{ role: 'eh_supervisor' }]]);
    driver.runUntil('2027-01-05T23:59:59.999Z');
    expect(driver.task('joint_visit')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
  });

  it('When only the SW has finished, Then the CIN/TAF meeting waits for the joint visit; once both are done it is Fay\u2019s, open on the review day', () => {
    const driver = allocated().complete('2026-12-15T10:00:00Z', 'sw_handover', 'sam', handover, 'handover_done');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['joint_visit']);
    driver.complete('2026-12-17T16:00:00Z', 'joint_visit', 'fay', jointVisit, 'joint_visit_done');
    expect(driver.task('step_five_cin_taf_meeting')).toMatchObject({ assignee: { worker: 'fay' }, availableFrom: '2027-01-04T00:00:00.000Z', due: '2027-01-06T23:59:59.999Z', prefill: { meetingDate: '2027-01-04' } });
  });
});
