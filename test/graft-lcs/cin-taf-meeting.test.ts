/**
 * Graft/LCS Step Five: the SW's next CIN review becomes the 1st TAF meeting. The Social Worker and
 * the Early Help worker who attended sign the record jointly, and that closes the CIN case (census
 * RC9) at that moment while Early Help carries on; the FFP/FSW ensures the next TAF meeting is
 * booked; once work is completed and there is no role for Early Help the closure trajectory is
 * discussed in Supervision. Also the capacity route ("EH Supervisor or Duty will attend initially").
 */
import { describe, expect, it } from 'vitest';
import { atTrayAllocation, cinReviewSigned, closeCinAndContinue, handover, jointVisit, meeting } from './given.ts';

const errors = (refusal: { details: { fieldErrors?: Array<{ pointer: string; message: string }> } }) => refusal.details.fieldErrors?.map((e) => [e.pointer, e.message]);
const five = 'step_five_cin_taf_meeting';

/** Given the tray's choice on Tuesday 8 December 2026, the SW handover and the joint visit done. */
function readyForMeeting(allocation: { action: string; passTo: { worker: string } | { team: string } }, visitor: string) {
  return atTrayAllocation()
    .complete('2026-12-08T10:00:00Z', 'step_four_tray_allocation', 'ellie', {}, allocation)
    .complete('2026-12-15T10:00:00Z', 'sw_handover', 'sam', handover, 'handover_done')
    .complete('2026-12-17T16:00:00Z', 'joint_visit', visitor, jointVisit, 'joint_visit_done');
}
const toFay = () => readyForMeeting({ action: 'allocate_ffp_fsw', passTo: { worker: 'fay' } }, 'fay');
const toSue = () => readyForMeeting({ action: 'not_allocated_capacity', passTo: { worker: 'sue' } }, 'sue');

/** Given Fay (FFP) and Sam (SW) signed the CIN review of Monday 4 January 2027 as the 1st TAF meeting, at 15:00 and 15:30. */
const afterFirstTaf = () => cinReviewSigned(toFay(), '2027-01-04T15:00:00Z', 'fay', meeting, closeCinAndContinue());

describe('Given the CIN review on Monday 4 January 2027 becomes the 1st TAF meeting', () => {
  it('When Fay signs the record, Then nothing closes yet: it waits for the Social Worker to co-sign', () => {
    const driver = toFay().complete('2027-01-04T15:00:00Z', five, 'fay', meeting, ...closeCinAndContinue());
    expect(driver.task(five).signatures?.map((s) => [s.by, s.role])).toEqual([['fay', 'ffp']]);
    expect(driver.task(five).assignee).toEqual({ role: 'social_worker' });
    expect(driver.state?.closures).toEqual([]);
  });

  it('When Sam (SW) signs first, Then the record stays with Fay to co-sign', () => {
    const driver = toFay().complete('2027-01-04T15:00:00Z', five, 'sam', meeting, ...closeCinAndContinue());
    expect(driver.task(five)).toMatchObject({ assignee: { worker: 'fay' }, signatures: [{ by: 'sam', role: 'social_worker' }] });
  });

  it('When Sam (SW) co-signs, Then the CIN case closes with census RC9 at that moment and the TAF plan carries on with Fay', () => {
    const driver = afterFirstTaf();
    expect(driver.state?.closures).toEqual([{ node: 'end_cin_closed_stepped_down', outcome: 'cin_closed_stepped_down', closureReason: 'RC9', at: '2027-01-04T15:30:00.000Z' }]);
    expect(driver.state?.status).toBe('open');
    expect(driver.task('book_next_taf_meeting')).toMatchObject({ assignee: { worker: 'fay' }, due: '2027-01-11T23:59:59.999Z' });
  });

  it('When an SC TM / ATM or an EH TM tries to sign it, Then it is refused: the Social Worker and the Early Help worker at the meeting sign', () => {
    const driver = toFay();
    for (const who of ['tara', 'ellie']) {
      const refusal = driver.refused((d) => d.complete('2027-01-04T15:00:00Z', five, who, meeting, ...closeCinAndContinue()));
      expect(refusal.code).toBe('not_allowed');
      expect(refusal.message).toMatch(/^Only a Social Worker \(SW\), an FFP, an FSW \(Family Support Worker\), an EH Supervisor or a Duty EH TM can do "CIN review becomes the 1st TAF meeting"\.$/);
    }
  });

  it('When Fay has signed and Fred (FSW) tries to sign too, Then it is refused: it needs the Social Worker', () => {
    const driver = toFay().complete('2027-01-04T15:00:00Z', five, 'fay', meeting, ...closeCinAndContinue());
    const refusal = driver.refused((d) => d.complete('2027-01-04T15:10:00Z', five, 'fred', meeting, ...closeCinAndContinue()));
    expect(refusal).toMatchObject({ code: 'already_signed', message: '"CIN review becomes the 1st TAF meeting" has been signed for your role already; it needs the Social Worker to sign.' });
  });

  it('When the TAF plan continues without closing the CIN case, Then it is refused: the two go together', () => {
    const refusal = toFay().refused((d) => d.complete('2027-01-04T15:00:00Z', five, 'fay', meeting, closeCinAndContinue()[1]!));
    expect(refusal).toMatchObject({ code: 'actions_incomplete', message: '"TAF plan continues: book next TAF meeting" must be chosen together with "CIN case closed: stepped down to Early Help".' });
  });

  it('When the CIN case is closed without the TAF plan continuing, Then it is refused: social care does not close without the step down', () => {
    const refusal = toFay().refused((d) => d.complete('2027-01-04T15:00:00Z', five, 'sam', meeting, 'cin_closed_stepped_down'));
    expect(refusal.code).toBe('guard_failed');
    expect(refusal.message).toContain('The CIN case closes only because the family is stepped down to Early Help');
  });

  it('When the TAF plan is passed to the Social Worker or to no one, Then it is refused: it goes to the allocated FFP/FSW', () => {
    const driver = toFay();
    expect(driver.refused((d) => d.complete('2027-01-04T15:00:00Z', five, 'fay', meeting, ...closeCinAndContinue('sam'))).code).toBe('pass_to_not_allowed');
    expect(driver.refused((d) => d.complete('2027-01-04T15:00:00Z', five, 'fay', meeting, 'cin_closed_stepped_down', 'taf_plan_continues')).code).toBe('pass_to_required');
  });

  it('When Fay tries to record it on the Sunday before, Then it is refused: the meeting has not happened', () => {
    expect(toFay().refused((d) => d.complete('2027-01-03T12:00:00Z', five, 'fay', meeting, ...closeCinAndContinue())).code).toBe('not_yet_available');
  });

  it('When the record is late, Then the EH Supervisor is told', () => {
    const driver = toFay().runUntil('2027-01-06T23:59:59.999Z');
    expect(driver.task(five)).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_supervisor' }] });
  });

  it('When the actions that will continue are blank, or the meeting is dated tomorrow, Then the record is refused', () => {
    const refusal = toFay().refused((d) => d.complete('2027-01-04T15:00:00Z', five, 'fay', { ...meeting, meetingDate: '2027-01-05', actionsContinuing: '   ' }, ...closeCinAndContinue()));
    expect(errors(refusal)).toEqual([
      ['/meetingDate', 'Record the CIN review once it has happened: the date must be today or in the past'],
      ['/actionsContinuing', 'Enter the actions on the plan that will continue'],
    ]);
  });

  it('When an FFP/FSW is allocated but the record says the EH Supervisor attended, Then it is refused', () => {
    const refusal = toFay().refused((d) => d.complete('2027-01-04T15:00:00Z', five, 'fay', { ...meeting, ehAttendee: 'eh_supervisor' }, ...closeCinAndContinue()));
    expect(errors(refusal)).toEqual([['/ehAttendee', 'An FFP/FSW has been allocated: the allocated FFP/FSW attends the CIN review']]);
  });

  it('When an FFP/FSW is allocated, Then "FFP/FSW to be allocated" is refused', () => {
    const refusal = toFay().refused((d) => d.complete('2027-01-04T15:00:00Z', five, 'fay', meeting, 'cin_closed_stepped_down', 'taf_plan_continues_allocate'));
    expect(refusal.message).toBe('An FFP/FSW is already allocated: choose "TAF plan continues: book next TAF meeting".');
  });
});

describe('Given Fay is booking the next TAF meeting', () => {
  it('When the date is in the past, Then the booking is refused', () => {
    const refusal = afterFirstTaf().refused((d) => d.complete('2027-01-05T10:00:00Z', 'book_next_taf_meeting', 'fay', { nextTafMeetingDate: '2027-01-01' }, 'next_taf_meeting_booked'));
    expect(errors(refusal)).toEqual([['/nextTafMeetingDate', 'The next TAF meeting must be booked: enter a date from today onwards']]);
  });

  it('When she books Thursday 25 March 2027, Then the meeting record opens that day and is due Wednesday 31 March (BST), after Good Friday and Easter Monday', () => {
    const driver = afterFirstTaf().complete('2027-01-05T10:00:00Z', 'book_next_taf_meeting', 'fay', { nextTafMeetingDate: '2027-03-25' }, 'next_taf_meeting_booked');
    expect(driver.task('taf_meeting')).toMatchObject({ assignee: { worker: 'fay' }, availableFrom: '2027-03-25T00:00:00.000Z', due: '2027-03-31T22:59:59.999Z', prefill: { meetingDate: '2027-03-25' } });
  });

  it('When the booking is passed to the EH Supervisor, Then it is refused: the FFP/FSW ensures the next TAF meeting is booked', () => {
    const refusal = afterFirstTaf().refused((d) => d.reassign('2027-01-05T09:00:00Z', 'book_next_taf_meeting', 'ellie', { worker: 'sue' }));
    expect(refusal).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringMatching(/can only be passed to an FFP or an FSW/) });
  });
});

describe('Given TAF meetings continue until the work is completed', () => {
  const atMarchMeeting = () => afterFirstTaf().complete('2027-01-05T10:00:00Z', 'book_next_taf_meeting', 'fay', { nextTafMeetingDate: '2027-03-25' }, 'next_taf_meeting_booked');
  const march = { meetingDate: '2027-03-25', actionsAgreed: 'All actions met.', workCompleted: true };

  it('When another meeting is booked for Thursday 29 April, Then its record is due Tuesday 4 May, after the May Day bank holiday', () => {
    const driver = atMarchMeeting()
      .complete('2027-03-25T15:00:00Z', 'taf_meeting', 'fay', { ...march, actionsAgreed: 'Keep going with routines.', workCompleted: false }, 'book_next')
      .complete('2027-03-26T10:00:00Z', 'book_next_taf_meeting', 'fay', { nextTafMeetingDate: '2027-04-29' }, 'next_taf_meeting_booked');
    expect(driver.task('taf_meeting')).toMatchObject({ availableFrom: '2027-04-28T23:00:00.000Z', due: '2027-05-04T22:59:59.999Z' });
  });

  it('When the work is not completed, Then "discuss closure in Supervision" is refused; when it is, booking another meeting is refused', () => {
    const driver = atMarchMeeting();
    const notDone = driver.refused((d) => d.complete('2027-03-25T15:00:00Z', 'taf_meeting', 'fay', { ...march, workCompleted: false }, 'work_completed'));
    expect(notDone.message).toBe('The closure trajectory is discussed in Supervision only once the work is completed and there is no role for Early Help.');
    const done = driver.refused((d) => d.complete('2027-03-25T15:00:00Z', 'taf_meeting', 'fay', march, 'book_next'));
    expect(done.message).toMatch(/^The work is recorded as completed with no role for Early Help/);
  });

  it('When Fay passes the closure supervision to herself, Then it is refused: an EH Supervisor or EH TM holds it', () => {
    const refusal = atMarchMeeting().refused((d) => d.complete('2027-03-25T15:00:00Z', 'taf_meeting', 'fay', march, { action: 'work_completed', passTo: { worker: 'fay' } }));
    expect(refusal).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringMatching(/can only be passed to an EH Supervisor or an EH TM/) });
  });

  it('When the work is completed and passed to Sue (EH Supervisor), Then closure is discussed in Supervision within 10 working days (local choice) and the case closes stepped down, with no second census code', () => {
    const driver = atMarchMeeting().complete('2027-03-25T15:00:00Z', 'taf_meeting', 'fay', march, { action: 'work_completed', passTo: { worker: 'sue' } });
    expect(driver.task('closure_supervision')).toMatchObject({ assignee: { worker: 'sue' }, due: '2027-04-12T22:59:59.999Z' });
    driver.complete('2027-04-06T10:00:00Z', 'closure_supervision', 'sue', { supervisionDate: '2027-04-06', closureTrajectory: 'Close: no role for Early Help.' }, 'close');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'stepped_down', node: 'end_stepped_down', at: '2027-04-06T10:00:00.000Z' }, timers: {} });
    expect(driver.state?.closures.map((c) => [c.closureReason, c.at])).toEqual([['RC9', '2027-01-04T15:30:00.000Z']]);
  });

  it('When the supervision is dated before the TAF meeting, or its trajectory is blank, Then it is refused', () => {
    const driver = atMarchMeeting().complete('2027-03-25T15:00:00Z', 'taf_meeting', 'fay', march, { action: 'work_completed', passTo: { worker: 'sue' } });
    const refusal = driver.refused((d) => d.complete('2027-04-06T10:00:00Z', 'closure_supervision', 'sue', { supervisionDate: '2027-03-24', closureTrajectory: ' ' }, 'close'));
    expect(errors(refusal)).toEqual([
      ['/supervisionDate', 'The closure supervision cannot be before the TAF meeting at which the work was completed'],
      ['/closureTrajectory', 'Enter the closure trajectory'],
    ]);
  });

  it('When supervision finds more TAF work is needed, Then it goes back to an FFP/FSW to book the next TAF meeting, never to a Social Worker', () => {
    const driver = atMarchMeeting().complete('2027-03-25T15:00:00Z', 'taf_meeting', 'fay', march, 'work_completed').runUntil('2027-04-13T10:00:00Z');
    expect(driver.task('closure_supervision')).toMatchObject({ assignee: { role: 'eh_supervisor' }, overdue: true, escalationLevel: 1 });
    const supervision = { supervisionDate: '2027-04-13', closureTrajectory: 'One more review.' };
    expect(driver.refused((d) => d.complete('2027-04-13T10:00:00Z', 'closure_supervision', 'sue', supervision, { action: 'further_taf_work', passTo: { worker: 'sam' } })).code).toBe('pass_to_not_allowed');
    driver.complete('2027-04-13T10:00:00Z', 'closure_supervision', 'sue', supervision, { action: 'further_taf_work', passTo: { worker: 'fay' } });
    expect(driver.task('book_next_taf_meeting')).toMatchObject({ assignee: { worker: 'fay' }, due: '2027-04-20T22:59:59.999Z' });
  });
});

describe('Given no FFP/FSW could be allocated yet due to capacity', () => {
  it('When the tray passes the step down to EH Duty, Then the Duty EH TM can do the joint visit', () => {
    const driver = atTrayAllocation().complete('2026-12-08T10:00:00Z', 'step_four_tray_allocation', 'ellie', {}, { action: 'not_allocated_capacity', passTo: { team: 'eh_duty' } });
    expect(driver.task('joint_visit').assignee).toEqual({ team: 'eh_duty' });
    driver.complete('2026-12-17T16:00:00Z', 'joint_visit', 'dina', jointVisit, 'joint_visit_done');
    expect(driver.history('task_completed', 'joint_visit')[0]).toMatchObject({ by: 'dina' });
  });

  it('When Sue (EH Supervisor) attended but the record says the allocated FFP/FSW did, Then it is refused', () => {
    const refusal = toSue().refused((d) => d.complete('2027-01-04T15:00:00Z', five, 'sue', meeting, 'cin_closed_stepped_down', 'taf_plan_continues_allocate'));
    expect(errors(refusal)).toEqual([['/ehAttendee', 'No FFP/FSW has been allocated yet due to capacity, so the EH Supervisor or Duty attends initially: select EH Supervisor or Duty']]);
  });

  it('When the CIN review is held, Then the CIN case closes (RC9) and the tray manager allocates an FFP/FSW as a priority, who then books the next TAF meeting', () => {
    const driver = toSue();
    const sueMeeting = { ...meeting, ehAttendee: 'eh_supervisor' };
    const refusal = driver.refused((d) => d.complete('2027-01-04T15:00:00Z', five, 'sue', sueMeeting, ...closeCinAndContinue()));
    expect(refusal.message).toBe('No FFP/FSW has been allocated yet due to capacity: choose "TAF plan continues: FFP/FSW to be allocated".');
    cinReviewSigned(driver, '2027-01-04T15:00:00Z', 'sue', sueMeeting, [{ action: 'cin_closed_stepped_down' }, { action: 'taf_plan_continues_allocate' }]);
    expect(driver.state?.closures.map((c) => c.closureReason)).toEqual(['RC9']);
    expect(driver.task('allocate_after_capacity')).toMatchObject({ assignee: { worker: 'ellie' }, priority: 'urgent', passedBy: 'sam', due: '2027-01-06T23:59:59.999Z' });
    expect(driver.runUntil('2027-01-07T09:00:00Z').refused((d) => d.complete('2027-01-07T09:00:00Z', 'allocate_after_capacity', 'ellie', {}, { action: 'allocate_ffp_fsw', passTo: { worker: 'sue' } })).code).toBe('pass_to_not_allowed');
    driver.complete('2027-01-07T09:00:00Z', 'allocate_after_capacity', 'ellie', {}, { action: 'allocate_ffp_fsw', passTo: { worker: 'fred' } });
    expect(driver.task('book_next_taf_meeting')).toMatchObject({ assignee: { worker: 'fred' }, passedBy: 'ellie', due: '2027-01-14T23:59:59.999Z' });
  });

  it.each(['low', 'normal'] as const)('When Sue signs "FFP/FSW to be allocated" at %s priority, Then it is refused: Step Downs are allocated as a priority, and the case is unchanged', (priority) => {
    const sueMeeting = { ...meeting, ehAttendee: 'eh_supervisor' };
    const refusal = toSue().refused((d) => d.complete('2027-01-04T15:00:00Z', five, 'sue', sueMeeting, 'cin_closed_stepped_down', { action: 'taf_plan_continues_allocate', priority }));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'Step Downs are allocated as a priority: choose Urgent for "TAF plan continues: FFP/FSW to be allocated".' });
  });

  it('When Sue and Sam sign "FFP/FSW to be allocated" at Urgent, Then the tray manager allocates at Urgent', () => {
    const sueMeeting = { ...meeting, ehAttendee: 'eh_supervisor' };
    const driver = cinReviewSigned(toSue(), '2027-01-04T15:00:00Z', 'sue', sueMeeting, [{ action: 'cin_closed_stepped_down' }, { action: 'taf_plan_continues_allocate', priority: 'urgent' }]);
    expect(driver.task('allocate_after_capacity')).toMatchObject({ assignee: { worker: 'ellie' }, priority: 'urgent' });
  });
});
