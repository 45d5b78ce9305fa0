/**
 * caf-ehm on EHM: the CAF Link Worker contacts the Lead Professional, the initial Family planning
 * meeting within 4 weeks of the step down, then meetings every 6-8 weeks until every action on
 * the family plan is met and the CAF closes.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../support/case-driver.ts';
import { cafAllocated, definition, escalationsOf, family, fieldErrors, fpMeeting, siblings, timersAt, transfer, users } from './given.ts';

const closing = {
  finalMeetingDate: '2027-05-19',
  closureReason: 'plan_met',
  progressAndImpact: 'Every action met.',
  childrenVoice: [{ name: 'Kofi Mensah', voice: 'Kofi is proud.' }],
  recordedOnEhm: true,
  copiesShared: true,
};
const contact = (initialFpMeetingDate: string, o: { contactDate?: string; delayReason?: string } = {}) => ({
  contactDate: o.contactDate ?? '2027-01-15',
  supportOffered: 'Offered to co-chair the first meeting.',
  initialFpMeetingDate,
  ...(o.delayReason ? { delayReason: o.delayReason } : {}),
});

/** Given the CAF (step down 4 January 2027) was allocated to Lena on Friday 15 January. */
const allocated = () => cafAllocated('2027-01-15T10:00:00Z', '2027-01-04', '2027-01-28');

/** ...and Lena recorded the initial meeting of 28 January the next day, with the plan continuing. */
const afterInitialMeeting = () => allocated().complete('2027-01-29T10:00:00Z', 'initial_fp_meeting', 'lena', fpMeeting('2027-01-28'), 'continue_plan');

describe('Given the CAF Link Worker starts the step down CAF on EHM on Friday 15 January 2027', () => {
  const started = () => new CaseDriver(definition, users, '2027-01-15T10:00:00Z').start('2027-01-15T10:00:00Z', 'caf_in_ehm', 'cleo', family, transfer('2027-01-04', '2027-01-28'));

  it('Then the CAF Link Workers contact the Lead Professional within 5 working days, and the 12-month review waits for 4 January 2028', () => {
    const driver = started();
    expect(driver.task('clw_contact_lp')).toMatchObject({ assignee: { team: 'caf_link_workers' }, due: '2027-01-22T23:59:59.999Z', prefill: { initialFpMeetingDate: '2027-01-28' } });
    expect(timersAt(driver, 'wait_twelve_months').map((t) => t.fireAt)).toEqual(['2028-01-04T23:59:59.999Z']);
  });

  it('When someone who is not a CAF Link Worker starts it, Then it is refused', () => {
    const driver = new CaseDriver(definition, users, '2027-01-15T10:00:00Z');
    const refusal = driver.refused((d) => d.start('2027-01-15T10:00:00Z', 'caf_in_ehm', 'sam', family, transfer('2027-01-04', '2027-01-28')));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toBe('Only a CAF Link Worker can start a case at "Step down CAF transferred to EHM".');
  });

  it('When the CAF is allocated without naming the Lead Professional, or to a Social Worker, Then it is refused', () => {
    const driver = started();
    expect(driver.refused((d) => d.complete('2027-01-15T10:00:00Z', 'clw_contact_lp', 'cleo', contact('2027-01-28'), 'allocate_lp')).code).toBe('pass_to_required');
    const toSw = driver.refused((d) => d.complete('2027-01-15T10:00:00Z', 'clw_contact_lp', 'cleo', contact('2027-01-28'), { action: 'allocate_lp', passTo: { worker: 'sam' } }));
    expect(toSw.code).toBe('pass_to_not_allowed');
    expect(toSw.message).toContain('can only be passed to a Lead Professional;');
  });

  it('When the contact is dated before the file transferred, Then it is refused', () => {
    const refusal = started().refused((d) => d.complete('2027-01-15T10:00:00Z', 'clw_contact_lp', 'cleo', contact('2027-01-28', { contactDate: '2027-01-14' }), { action: 'allocate_lp', passTo: { worker: 'lena' } }));
    expect(fieldErrors(refusal)).toEqual(["/contactDate: The Lead Professional cannot be contacted before the child's file transferred to EHM"]);
  });

  it('When the first meeting is re-arranged for Monday 8 February, beyond 4 weeks, Then the reason is required, and the Lead Professional sees the new date', () => {
    const driver = started();
    const refusal = driver.refused((d) => d.complete('2027-01-15T10:00:00Z', 'clw_contact_lp', 'cleo', contact('2027-02-08'), { action: 'allocate_lp', passTo: { worker: 'lena' } }));
    expect(fieldErrors(refusal)).toEqual(['/delayReason: Enter why the initial Family Planning meeting cannot take place within 4 weeks of the step down']);
    driver.complete('2027-01-15T10:00:00Z', 'clw_contact_lp', 'cleo', contact('2027-02-08', { delayReason: 'Mum is in hospital until February.' }), { action: 'allocate_lp', passTo: { worker: 'lena' } });
    expect(driver.task('initial_fp_meeting').prefill).toMatchObject({ meetingDate: '2027-02-08' });
  });

  it('When the Lead Professional has not been contacted in time, Then the Early Help & Specialist Support Manager is told', () => {
    const driver = started().runUntil('2027-01-25T09:00:00Z');
    expect(escalationsOf(driver, 'clw_contact_lp').map((e) => [e.at, e.to])).toEqual([['2027-01-22T23:59:59.999Z', [{ role: 'eh_ss_manager' }]]]);
  });
});

describe('Given the CAF is allocated to Lena as Lead Professional', () => {
  it('Then the initial Family planning meeting is hers, due within 4 weeks of the step down (1 February), with the arranged date and plan copied in', () => {
    const task = allocated().task('initial_fp_meeting');
    expect(task).toMatchObject({ assignee: { worker: 'lena' }, due: '2027-02-01T23:59:59.999Z', dueLabel: 'within 4 weeks of the step down' });
    expect(task.prefill).toMatchObject({ meetingDate: '2027-01-28', familyPlan: [{ action: 'Kofi attends school every day' }, { action: 'Mum attends a parenting course' }] });
  });

  it('When the initial meeting is not recorded in 4 weeks, Then the CAF Link Workers are told, and 5 working days later the EH & SS Manager, urgently', () => {
    const driver = allocated().runUntil('2027-02-09T09:00:00Z');
    expect(driver.task('initial_fp_meeting')).toMatchObject({ overdue: true, escalationLevel: 2, priority: 'urgent' });
    expect(escalationsOf(driver, 'initial_fp_meeting').map((e) => [e.at, e.to])).toEqual([
      ['2027-02-01T23:59:59.999Z', [{ team: 'caf_link_workers' }]],
      ['2027-02-08T23:59:59.999Z', [{ role: 'eh_ss_manager' }]],
    ]);
  });

  it('When it is submitted but not recorded on EHM nor shared with the family and partners, Then it is refused', () => {
    const driver = allocated().runUntil('2027-01-29T10:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-01-29T10:00:00Z', 'initial_fp_meeting', 'lena', fpMeeting('2027-01-28', { recordedOnEhm: false, copiesShared: false }), 'continue_plan'));
    expect(refusal.details['messages']).toEqual([
      'Record the Family planning meeting on EHM before submitting it.',
      'Share copies of the Family planning meeting with the child, parents and partners before submitting it.',
    ]);
  });

  it('When the meeting date is 20 weeks out, or before the step down, Then it is refused', () => {
    const driver = allocated().runUntil('2027-01-29T10:00:00Z');
    const future = driver.refused((d) => d.complete('2027-01-29T10:00:00Z', 'initial_fp_meeting', 'lena', fpMeeting('2027-05-24'), 'continue_plan'));
    expect(fieldErrors(future)).toEqual(['/meetingDate: The date of the Family planning meeting must be today or in the past']);
    const before = driver.refused((d) => d.complete('2027-01-29T10:00:00Z', 'initial_fp_meeting', 'lena', fpMeeting('2027-01-04'), 'continue_plan'));
    expect(fieldErrors(before)).toEqual(['/meetingDate: The Family planning meeting must be after the step down']);
  });

  it('When the meeting was held on Friday 5 February, after the 4 weeks, Then the reason for the delay is required', () => {
    const driver = allocated().runUntil('2027-02-05T15:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-02-05T15:00:00Z', 'initial_fp_meeting', 'lena', fpMeeting('2027-02-05'), 'continue_plan'));
    expect(fieldErrors(refusal)).toEqual(['/delayReason: Enter why the initial Family planning meeting was not held within 4 weeks of the step down']);
    driver.complete('2027-02-05T15:00:00Z', 'initial_fp_meeting', 'lena', fpMeeting('2027-02-05', { delayReason: 'The school was closed by snow on 28 January.' }), 'continue_plan');
    expect(timersAt(driver, 'wait_first_review')).toHaveLength(1);
  });

  it('When a CAF Link Worker is given the Lead Professional’s meeting to record, Then it is refused', () => {
    const refusal = allocated().refused((d) => d.reassign('2027-01-20T10:00:00Z', 'initial_fp_meeting', 'cleo', { worker: 'cleo' }));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toContain('can only be passed to a Lead Professional;');
  });

  it('When the plan is not yet met and Lena asks to close the CAF, Then it is refused', () => {
    const driver = allocated().runUntil('2027-01-29T10:00:00Z');
    expect(driver.refused((d) => d.complete('2027-01-29T10:00:00Z', 'initial_fp_meeting', 'lena', fpMeeting('2027-01-28'), 'all_met')).message).toBe('Not every action on the family plan has been met yet.');
  });

  it('When every action is met and Lena asks to continue, Then it is refused', () => {
    const driver = allocated().runUntil('2027-01-29T10:00:00Z');
    expect(driver.refused((d) => d.complete('2027-01-29T10:00:00Z', 'initial_fp_meeting', 'lena', fpMeeting('2027-01-28', { met: true }), 'continue_plan')).message).toBe(
      'All actions on the family plan have been met: submit the final Family planning meeting and CAF closure.',
    );
  });
});

describe('Given a step down on Monday 1 March 2027', () => {
  it('Then the initial meeting is due by the end of Easter Monday 29 March in summer time, and escalates on 5 April after Easter', () => {
    const driver = cafAllocated('2027-03-05T10:00:00Z', '2027-03-01', '2027-03-25');
    expect(driver.task('initial_fp_meeting').due).toBe('2027-03-29T22:59:59.999Z');
    driver.runUntil('2027-04-06T09:00:00Z');
    expect(escalationsOf(driver, 'initial_fp_meeting').map((e) => e.at)).toEqual(['2027-03-29T22:59:59.999Z', '2027-04-05T22:59:59.999Z']);
  });
});

describe('Given the initial Family planning meeting was held on Thursday 28 January 2027', () => {
  it('Then nothing is asked of Lena until the 6-to-8-week window opens on 11 March', () => {
    const driver = afterInitialMeeting();
    expect(driver.openTasks()).toEqual([]);
    expect(timersAt(driver, 'wait_first_review').map((t) => t.fireAt)).toEqual(['2027-03-11T00:00:00.000Z']);
  });

  it('When the window opens, Then the next meeting is hers, due by the end of 25 March (8 weeks), with the plan as last recorded', () => {
    const driver = afterInitialMeeting().runUntil('2027-03-11T00:00:00Z');
    const task = driver.task('fp_meeting');
    expect(task).toMatchObject({ assignee: { worker: 'lena' }, createdAt: '2027-03-11T00:00:00.000Z', due: '2027-03-25T23:59:59.999Z' });
    expect(task.prefill).toEqual({ familyPlan: fpMeeting('2027-01-28').familyPlan, childrenVoice: [{ name: 'Kofi Mensah' }] });
  });

  it('When the next meeting is dated Thursday 4 March, 5 weeks after the last, Then it is refused: every 6 to 8 weeks', () => {
    const driver = afterInitialMeeting().runUntil('2027-03-11T10:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-03-11T10:00:00Z', 'fp_meeting', 'lena', fpMeeting('2027-03-04'), 'continue_plan'));
    expect(fieldErrors(refusal)).toEqual(['/meetingDate: Family planning meetings are held every 6 to 8 weeks: this date is less than 6 weeks after the last meeting']);
  });

  it('When the next meeting is held on Thursday 8 April, 10 weeks after the last, Then the reason for the delay is required', () => {
    const driver = afterInitialMeeting().runUntil('2027-04-08T15:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-04-08T15:00:00Z', 'fp_meeting', 'lena', fpMeeting('2027-04-08'), 'continue_plan'));
    expect(fieldErrors(refusal)).toEqual(['/delayReason: Enter why the Family planning meeting was not held within 8 weeks of the last one']);
    driver.complete('2027-04-08T15:00:00Z', 'fp_meeting', 'lena', fpMeeting('2027-04-08', { delayReason: 'Easter holidays.' }), 'continue_plan');
    expect(timersAt(driver, 'wait_next_review').map((t) => t.fireAt)).toEqual(['2027-05-19T23:00:00.000Z']);
  });

  it('When that meeting is late, Then the CAF Link Workers are told', () => {
    const driver = afterInitialMeeting().runUntil('2027-03-26T09:00:00Z');
    expect(escalationsOf(driver, 'fp_meeting').map((e) => [e.at, e.to])).toEqual([['2027-03-25T23:59:59.999Z', [{ team: 'caf_link_workers' }]]]);
  });

  it('When the meeting of 24 March continues the plan, Then the next window opens on 5 May and closes on 19 May, in summer time', () => {
    const driver = afterInitialMeeting().complete('2027-03-24T15:00:00Z', 'fp_meeting', 'lena', fpMeeting('2027-03-24'), 'continue_plan');
    expect(timersAt(driver, 'wait_next_review').map((t) => t.fireAt)).toEqual(['2027-05-04T23:00:00.000Z']);
    driver.runUntil('2027-05-05T09:00:00Z');
    expect(driver.task('fp_meeting')).toMatchObject({ due: '2027-05-19T22:59:59.999Z', escalationLevel: 0 });
  });
});

describe('Given the CAF has been running with meetings every 6-8 weeks', () => {
  const atMayMeeting = () =>
    afterInitialMeeting().complete('2027-03-24T15:00:00Z', 'fp_meeting', 'lena', fpMeeting('2027-03-24'), 'continue_plan').runUntil('2027-05-19T15:00:00Z');

  it('When every action is met on 19 May, Then the final meeting and CAF closure is due in 10 working days, after the spring bank holiday', () => {
    const driver = atMayMeeting().complete('2027-05-20T10:00:00Z', 'fp_meeting', 'lena', fpMeeting('2027-05-19', { met: true }), 'all_met');
    expect(driver.task('final_fp_meeting')).toMatchObject({ assignee: { worker: 'lena' }, due: '2027-06-04T22:59:59.999Z' });
  });

  it('When Lena closes the CAF, Then the case closes, the 12-month review is cancelled, and no census reason is given', () => {
    const driver = atMayMeeting()
      .complete('2027-05-20T10:00:00Z', 'fp_meeting', 'lena', fpMeeting('2027-05-19', { met: true }), 'all_met')
      .complete('2027-05-21T10:00:00Z', 'final_fp_meeting', 'lena', closing, 'close_caf');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'caf_closed', at: '2027-05-21T10:00:00.000Z' }, timers: {} });
    expect(driver.state?.outcome?.closureReason).toBeUndefined();
  });

  it('When Lena gives "no longer required" as the reason though every action was met, or dates it before the last meeting, Then it is refused', () => {
    const driver = atMayMeeting().complete('2027-05-20T10:00:00Z', 'fp_meeting', 'lena', fpMeeting('2027-05-19', { met: true }), 'all_met');
    const reason = driver.refused((d) => d.complete('2027-05-20T10:00:00Z', 'final_fp_meeting', 'lena', { ...closing, closureReason: 'no_longer_required' }, 'close_caf'));
    expect(fieldErrors(reason)).toEqual([
      '/closureReason: Only the 12-month reassessment can find the CAF no longer required: the reason is that all actions on the family plan have been met',
    ]);
    const early = driver.refused((d) => d.complete('2027-05-20T10:00:00Z', 'final_fp_meeting', 'lena', { ...closing, finalMeetingDate: '2027-05-18' }, 'close_caf'));
    expect(fieldErrors(early)).toEqual(['/finalMeetingDate: The final Family planning meeting cannot be before the last Family planning meeting']);
  });

  it('When the CAF closure is not recorded on EHM, Then it is refused', () => {
    const driver = atMayMeeting().complete('2027-05-20T10:00:00Z', 'fp_meeting', 'lena', fpMeeting('2027-05-19', { met: true }), 'all_met');
    const refusal = driver.refused((d) => d.complete('2027-05-20T10:00:00Z', 'final_fp_meeting', 'lena', { ...closing, recordedOnEhm: false }, 'close_caf'));
    expect(refusal.message).toBe('Record the final Family planning meeting and CAF closure on EHM before submitting it.');
  });

  it('When a meeting decides a referral back into social care is necessary, Then the CAF ends as referred back', () => {
    const driver = atMayMeeting().complete('2027-05-20T10:00:00Z', 'fp_meeting', 'lena', fpMeeting('2027-05-19'), 'refer_back');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'referred_back_to_csc' }, timers: {} });
  });
});

describe('Given a CAF on EHM for two children, Kofi and Ama', () => {
  it('When the initial meeting captures only Kofi’s voice, Then it is refused, naming Ama', () => {
    const driver = cafAllocated('2027-01-15T10:00:00Z', '2027-01-04', '2027-01-28', siblings).runUntil('2027-01-29T10:00:00Z');
    expect(driver.task('initial_fp_meeting').prefill).toMatchObject({ childrenVoice: [{ name: 'Kofi Mensah' }, { name: 'Ama Mensah' }] });
    const refusal = driver.refused((d) => d.complete('2027-01-29T10:00:00Z', 'initial_fp_meeting', 'lena', fpMeeting('2027-01-28'), 'continue_plan'));
    expect(fieldErrors(refusal)).toEqual(['/childrenVoice: Add the details for Ama Mensah']);
    const both = { ...fpMeeting('2027-01-28'), childrenVoice: [{ name: 'Kofi Mensah', voice: 'Likes his mentor.' }, { name: 'Ama Mensah', voice: 'Sleeps better.' }] };
    driver.complete('2027-01-29T10:00:00Z', 'initial_fp_meeting', 'lena', both, 'continue_plan');
    expect(timersAt(driver, 'wait_first_review')).toHaveLength(1);
  });
});
