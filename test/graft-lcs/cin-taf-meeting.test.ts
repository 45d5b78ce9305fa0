/**
 * Graft/LCS Step Five: the next CIN review becomes the 1st TAF meeting; the FFP/FSW ensures the
 * next TAF meeting is booked; once work is completed and there is no role for Early Help the
 * closure trajectory is discussed in Supervision. Also the capacity route ("EH Supervisor or Duty
 * will attend initially").
 */
import { describe, expect, it } from 'vitest';
import { atTrayAllocation, handover } from './given.ts';

const meeting = { meetingDate: '2027-01-04', ehAttendee: 'ffp_fsw', actionsContinuing: 'Morning routine plan; school attendance support.' };

/** Given the tray's choice on Tuesday 8 December 2026, the SW handover and the joint visit done. */
function readyForMeeting(allocation: { action: string; passTo: { worker: string } | { team: string } }, visitor: string) {
  return atTrayAllocation()
    .complete('2026-12-08T10:00:00Z', 'step_four_tray_allocation', 'ellie', {}, allocation)
    .complete('2026-12-15T10:00:00Z', 'sw_handover', 'sam', handover, 'handover_done')
    .complete('2026-12-17T16:00:00Z', 'joint_visit', visitor, { jointVisitDate: '2026-12-17' }, 'joint_visit_done');
}

/** Given Fay (FFP) recorded the CIN review of Monday 4 January 2027 as the 1st TAF meeting. */
const afterFirstTaf = () =>
  readyForMeeting({ action: 'allocate_ffp_fsw', passTo: { worker: 'fay' } }, 'fay').complete('2027-01-04T15:00:00Z', 'step_five_cin_taf_meeting', 'fay', meeting, 'taf_plan_continues');

describe('Given the CIN review on Monday 4 January 2027 becomes the 1st TAF meeting', () => {
  it('When Fay tries to record it on the Sunday before, Then it is refused: the meeting has not happened', () => {
    const driver = readyForMeeting({ action: 'allocate_ffp_fsw', passTo: { worker: 'fay' } }, 'fay');
    expect(driver.refused((d) => d.complete('2027-01-03T12:00:00Z', 'step_five_cin_taf_meeting', 'fay', meeting, 'taf_plan_continues')).code).toBe('not_yet_available');
  });

  it('When the record is late, Then the EH Supervisor is told', () => {
    const driver = readyForMeeting({ action: 'allocate_ffp_fsw', passTo: { worker: 'fay' } }, 'fay').runUntil('2027-01-06T23:59:59.999Z');
    expect(driver.task('step_five_cin_taf_meeting')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_supervisor' }] });
  });

  it('When the actions that will continue are left out, Then the record is refused', () => {
    const driver = readyForMeeting({ action: 'allocate_ffp_fsw', passTo: { worker: 'fay' } }, 'fay');
    const refusal = driver.refused((d) => d.complete('2027-01-04T15:00:00Z', 'step_five_cin_taf_meeting', 'fay', { ...meeting, actionsContinuing: '' }, 'taf_plan_continues'));
    expect(refusal.details.fieldErrors).toEqual([expect.objectContaining({ pointer: '/actionsContinuing', message: 'Enter the actions on the plan that will continue' })]);
  });

  it('When an FFP/FSW is allocated, Then "FFP/FSW to be allocated" is refused', () => {
    const driver = readyForMeeting({ action: 'allocate_ffp_fsw', passTo: { worker: 'fay' } }, 'fay');
    const refusal = driver.refused((d) => d.complete('2027-01-04T15:00:00Z', 'step_five_cin_taf_meeting', 'fay', meeting, 'taf_plan_continues_allocate'));
    expect(refusal.message).toBe('An FFP/FSW is already allocated: choose "TAF plan continues: book next TAF meeting".');
  });

  it('When the TAF plan continues, Then Fay books the next TAF meeting within 5 working days (local choice)', () => {
    expect(afterFirstTaf().task('book_next_taf_meeting')).toMatchObject({ assignee: { worker: 'fay' }, due: '2027-01-11T23:59:59.999Z' });
  });
});

describe('Given Fay is booking the next TAF meeting', () => {
  it('When the date is in the past, Then the booking is refused', () => {
    const refusal = afterFirstTaf().refused((d) => d.complete('2027-01-05T10:00:00Z', 'book_next_taf_meeting', 'fay', { nextTafMeetingDate: '2027-01-01' }, 'next_taf_meeting_booked'));
    expect(refusal.message).toBe('The next TAF meeting must be booked: enter a date from today onwards.');
  });

  it('When she books Thursday 25 March 2027, Then the meeting record opens that day and is due Wednesday 31 March (BST), after Good Friday and Easter Monday', () => {
    const driver = afterFirstTaf().complete('2027-01-05T10:00:00Z', 'book_next_taf_meeting', 'fay', { nextTafMeetingDate: '2027-03-25' }, 'next_taf_meeting_booked');
    expect(driver.task('taf_meeting')).toMatchObject({ assignee: { worker: 'fay' }, availableFrom: '2027-03-25T00:00:00.000Z', due: '2027-03-31T22:59:59.999Z', prefill: { meetingDate: '2027-03-25' } });
  });
});

describe('Given TAF meetings continue until the work is completed', () => {
  const atMarchMeeting = () => afterFirstTaf().complete('2027-01-05T10:00:00Z', 'book_next_taf_meeting', 'fay', { nextTafMeetingDate: '2027-03-25' }, 'next_taf_meeting_booked');

  it('When another meeting is booked for Thursday 29 April, Then its record is due Tuesday 4 May, after the May Day bank holiday', () => {
    const driver = atMarchMeeting()
      .complete('2027-03-25T15:00:00Z', 'taf_meeting', 'fay', { meetingDate: '2027-03-25', actionsAgreed: 'Keep going with routines.' }, 'book_next')
      .complete('2027-03-26T10:00:00Z', 'book_next_taf_meeting', 'fay', { nextTafMeetingDate: '2027-04-29' }, 'next_taf_meeting_booked');
    expect(driver.task('taf_meeting')).toMatchObject({ availableFrom: '2027-04-28T23:00:00.000Z', due: '2027-05-04T22:59:59.999Z' });
  });

  it('When the work is completed and passed to Sue (EH Supervisor), Then closure is discussed in Supervision within 10 working days (local choice), and a closure closes the case with RC9', () => {
    const driver = atMarchMeeting().complete('2027-03-25T15:00:00Z', 'taf_meeting', 'fay', { meetingDate: '2027-03-25', actionsAgreed: 'All actions met.' }, { action: 'work_completed', passTo: { worker: 'sue' } });
    expect(driver.task('closure_supervision')).toMatchObject({ assignee: { worker: 'sue' }, due: '2027-04-12T22:59:59.999Z' });
    driver.complete('2027-04-06T10:00:00Z', 'closure_supervision', 'sue', { supervisionDate: '2027-04-06', closureTrajectory: 'Close: no role for Early Help.' }, 'close');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'stepped_down', node: 'end_stepped_down', closureReason: 'RC9', at: '2027-04-06T10:00:00.000Z' }, timers: {} });
  });

  it('When supervision finds more TAF work is needed, Then it goes back to the FFP to book the next TAF meeting', () => {
    const driver = atMarchMeeting()
      .complete('2027-03-25T15:00:00Z', 'taf_meeting', 'fay', { meetingDate: '2027-03-25', actionsAgreed: 'Nearly there.' }, 'work_completed')
      .runUntil('2027-04-12T22:59:59.999Z');
    expect(driver.task('closure_supervision')).toMatchObject({ assignee: { role: 'eh_supervisor' }, overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_team_manager' }], body: 'The closure supervision is overdue.' });
    driver.complete('2027-04-13T10:00:00Z', 'closure_supervision', 'sue', { supervisionDate: '2027-04-13', closureTrajectory: 'One more review.' }, { action: 'further_taf_work', passTo: { worker: 'fay' } });
    expect(driver.task('book_next_taf_meeting')).toMatchObject({ assignee: { worker: 'fay' }, due: '2027-04-20T22:59:59.999Z' });
  });
});

describe('Given no FFP/FSW could be allocated yet due to capacity', () => {
  it('When the tray passes the step down to Sue (EH Supervisor), Then she does the joint visit and attends the CIN review', () => {
    const driver = atTrayAllocation().complete('2026-12-08T10:00:00Z', 'step_four_tray_allocation', 'ellie', {}, { action: 'not_allocated_capacity', passTo: { worker: 'sue' } });
    expect(driver.task('joint_visit').assignee).toEqual({ worker: 'sue' });
  });

  it('When it is passed to EH Duty instead, Then the Duty EH TM can do the joint visit', () => {
    const driver = atTrayAllocation().complete('2026-12-08T10:00:00Z', 'step_four_tray_allocation', 'ellie', {}, { action: 'not_allocated_capacity', passTo: { team: 'eh_duty' } });
    expect(driver.task('joint_visit').assignee).toEqual({ team: 'eh_duty' });
    driver.complete('2026-12-17T16:00:00Z', 'joint_visit', 'dina', { jointVisitDate: '2026-12-17' }, 'joint_visit_done');
    expect(driver.history('task_completed', 'joint_visit')[0]).toMatchObject({ by: 'dina' });
  });

  it('When the CIN review is held, Then the TAF plan waits for the tray manager to allocate an FFP/FSW as a priority, who then books the next TAF meeting', () => {
    const driver = readyForMeeting({ action: 'not_allocated_capacity', passTo: { worker: 'sue' } }, 'sue');
    const sueMeeting = { ...meeting, ehAttendee: 'eh_supervisor' };
    const refusal = driver.refused((d) => d.complete('2027-01-04T15:00:00Z', 'step_five_cin_taf_meeting', 'sue', sueMeeting, 'taf_plan_continues'));
    expect(refusal.message).toBe('No FFP/FSW has been allocated yet due to capacity: choose "TAF plan continues: FFP/FSW to be allocated".');
    driver.complete('2027-01-04T15:00:00Z', 'step_five_cin_taf_meeting', 'sue', sueMeeting, 'taf_plan_continues_allocate');
    expect(driver.task('allocate_after_capacity')).toMatchObject({ assignee: { worker: 'ellie' }, priority: 'urgent', due: '2027-01-06T23:59:59.999Z' });
    driver.runUntil('2027-01-06T23:59:59.999Z');
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_service_manager' }], body: 'Allocating an FFP/FSW to a Step Down is overdue.' });
    driver.complete('2027-01-07T09:00:00Z', 'allocate_after_capacity', 'ellie', {}, { action: 'allocate_ffp_fsw', passTo: { worker: 'fred' } });
    expect(driver.task('book_next_taf_meeting')).toMatchObject({ assignee: { worker: 'fred' }, passedBy: 'ellie', due: '2027-01-14T23:59:59.999Z' });
  });
});
