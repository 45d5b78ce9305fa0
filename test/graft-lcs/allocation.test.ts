/**
 * Graft/LCS Step Three case note and Step Four allocation: the SW TM / ATM selects Referral to
 * EHM and allocates to one of four trays, Step Downs are allocated as a priority, then the SW
 * and the allocated FFP/FSW prepare for the next CIN review (the 1st TAF meeting).
 */
import { describe, expect, it } from 'vitest';
import { atCaseNote, atTrayAllocation, handover } from './given.ts';

const caseNote = { caseNoteDate: '2026-12-04', workAgreed: 'Routines and school attendance.', ffpFswAlreadyInvolved: false, workerToAllocate: 'ffp' };

/** Given the case note was added on Friday 4 December 2026. */
const atReferral = () => atCaseNote().complete('2026-12-04T10:00:00Z', 'step_three_case_note_allocation', 'ellie', caseNote, 'case_note_added');

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

  it('When no FFP/FSW is involved and no worker is chosen, Then the case note is refused', () => {
    const { workerToAllocate: _omit, ...rest } = caseNote;
    const refusal = atCaseNote().refused((d) => d.complete('2026-12-04T10:00:00Z', 'step_three_case_note_allocation', 'ellie', rest, 'case_note_added'));
    expect(refusal.details.fieldErrors).toEqual([expect.objectContaining({ pointer: '/workerToAllocate', message: 'Select the worker to allocate' })]);
  });

  it('When the case note is added, Then the SC TM / ATM who held the discussion makes the Referral to EHM within 2 working days (local choice)', () => {
    expect(atReferral().task('step_four_sw_tm_referral')).toMatchObject({ assignee: { worker: 'tara' }, due: '2026-12-08T23:59:59.999Z' });
  });

  it('When the Referral to EHM is overdue, Then the SC Service Manager is told', () => {
    const driver = atReferral().runUntil('2026-12-08T23:59:59.999Z');
    expect(driver.task('step_four_sw_tm_referral')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'sc_service_manager' }], body: 'The Referral to EHM is overdue.' });
  });
});

describe('Given Tara (SC TM / ATM) makes the Referral to EHM on Monday 7 December 2026', () => {
  it('When no tray is chosen, or a team that is not one of the four trays, Then it is refused', () => {
    const driver = atReferral();
    expect(driver.refused((d) => d.complete('2026-12-07T10:00:00Z', 'step_four_sw_tm_referral', 'tara', { referralDate: '2026-12-07' }, 'referral_to_ehm')).code).toBe('pass_to_required');
    const wrong = driver.refused((d) => d.complete('2026-12-07T10:00:00Z', 'step_four_sw_tm_referral', 'tara', { referralDate: '2026-12-07' }, { action: 'referral_to_ehm', passTo: { team: 'eh_duty' } }));
    expect(wrong.code).toBe('pass_to_not_allowed');
  });

  it('When no FFP/FSW is already involved, Then "Step Down to current FFP/FSW" is refused', () => {
    const refusal = atReferral().refused((d) => d.complete('2026-12-07T10:00:00Z', 'step_four_sw_tm_referral', 'tara', { referralDate: '2026-12-07' }, { action: 'step_down_to_current_worker', passTo: { worker: 'fay' } }));
    expect(refusal.message).toBe('There is no FFP/FSW already involved: allocate to one of the four trays.');
  });

  it.each(['early_years', 'strengthening_families', 'vulnerabilities', 'harmful_sexual_behaviour'])(
    'When she allocates to the %s tray, Then the tray holds it at Urgent, to allocate within 2 working days (local choice)',
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
    expect(driver.task('step_four_tray_allocation').escalationLevel).toBe(2);
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_service_manager' }] });
  });

  it('When an FFP tries to allocate from the tray, Then it is refused: trays are worked by EH TMs and EH Supervisors', () => {
    const refusal = atTrayAllocation().refused((d) => d.complete('2026-12-08T10:00:00Z', 'step_four_tray_allocation', 'fay', {}, { action: 'allocate_ffp_fsw', passTo: { worker: 'fay' } }));
    expect(refusal.code).toBe('not_allowed');
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

  it('When the joint visit is still not done at the deadline, Then the EH Supervisor is told; 2 working days later the EH TM, at Urgent', () => {
    const driver = allocated().runUntil('2026-12-31T23:59:59.999Z');
    expect(driver.task('joint_visit')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.task('sw_handover')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().slice(-2).map((n) => n.to)).toEqual([[{ role: 'sc_team_manager' }], [{ role: 'eh_supervisor' }]]);
    driver.runUntil('2027-01-05T23:59:59.999Z');
    expect(driver.task('joint_visit')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
    expect(driver.notifications().at(-1)).toMatchObject({ at: '2027-01-05T23:59:59.999Z', to: [{ role: 'eh_team_manager' }] });
  });

  it('When only the SW has finished, Then the CIN/TAF meeting waits for the joint visit; once both are done it is Fay\u2019s, open on the review day', () => {
    const driver = allocated().complete('2026-12-15T10:00:00Z', 'sw_handover', 'sam', handover, 'handover_done');
    expect(driver.state?.joins).toEqual({ ready_for_cin_taf_meeting: ['sw_handover'] });
    expect(driver.openTasks().map((t) => t.node)).toEqual(['joint_visit']);
    driver.complete('2026-12-17T16:00:00Z', 'joint_visit', 'fay', { jointVisitDate: '2026-12-17' }, 'joint_visit_done');
    expect(driver.task('step_five_cin_taf_meeting')).toMatchObject({
      assignee: { worker: 'fay' },
      availableFrom: '2027-01-04T00:00:00.000Z',
      due: '2027-01-06T23:59:59.999Z',
      prefill: { meetingDate: '2027-01-04' },
    });
  });
});
