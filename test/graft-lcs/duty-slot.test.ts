/**
 * Graft/LCS Step Two: the SC TM / ATM discusses the step down with the Duty EH TM "in the AM of
 * Tuesday, Wednesday, and Thursday" (09:00–12:00 London; the 09:00 start is a local choice).
 */
import { describe, expect, it } from 'vitest';
import { atDutyDiscussion, identification, started, stepOne, stepTwo } from './given.ts';

/** Given supervision on `day` and the SW's request for the duty discussion at `at`. */
function requestedAt(day: string, at: string, cin: string) {
  return started(`${day}T10:00:00Z`, { ...identification, dateIdentified: day }).complete(at, 'step_one_family_discussion', 'sam', stepOne({ nextCinMeetingDate: cin }), 'request_duty_eh_discussion');
}

describe('Given the SW requested the discussion on Tuesday 1 December 2026 at 14:00, passing it to their TM', () => {
  it('Then the SC TM / ATM holds it in the next duty slot: Wednesday 09:00–12:00, with consent and plan copied over', () => {
    const task = atDutyDiscussion().task('step_two_duty_eh_discussion');
    expect(task).toMatchObject({
      assignee: { worker: 'tara' },
      passedBy: 'sam',
      availableFrom: '2026-12-02T09:00:00.000Z',
      due: '2026-12-02T12:00:00.000Z',
      dueLabel: 'in the AM of Tuesday, Wednesday, and Thursday (Duty Rota provided to SC TMs)',
      prefill: { familyConsent: true, stepDownPlan: 'School attendance and routines support; parenting programme.' },
    });
  });

  it('When Tara tries to record it before the slot opens, Then it is refused and the case is unchanged', () => {
    const refusal = atDutyDiscussion().refused((d) => d.complete('2026-12-02T08:59:00Z', 'step_two_duty_eh_discussion', 'tara', stepTwo, 'step_down_agreed'));
    expect(refusal.code).toBe('not_yet_available');
  });

  it('When another TM tries to record Tara\u2019s discussion, Then it is refused', () => {
    const refusal = atDutyDiscussion().refused((d) => d.complete('2026-12-02T10:00:00Z', 'step_two_duty_eh_discussion', 'tom', stepTwo, 'step_down_agreed'));
    expect(refusal.code).toBe('not_allowed');
  });
});

describe('Given the SW requests the discussion without naming a TM', () => {
  it('Then any SC TM / ATM can pick it up', () => {
    const driver = requestedAt('2026-11-30', '2026-12-01T14:00:00Z', '2027-01-04');
    expect(driver.task('step_two_duty_eh_discussion').assignee).toEqual({ role: 'sc_team_manager' });
  });
});

describe('Duty slots across the calendar', () => {
  it('Given a request at 10:00 on Wednesday 2 December, during a slot, Then the discussion goes to Thursday morning (the next slot to start)', () => {
    const task = requestedAt('2026-11-30', '2026-12-02T10:00:00Z', '2027-01-04').task('step_two_duty_eh_discussion');
    expect([task.availableFrom, task.due]).toEqual(['2026-12-03T09:00:00.000Z', '2026-12-03T12:00:00.000Z']);
  });

  it('Given a request on Christmas Eve 2026 (Thursday), Then the next slot is Tuesday 29 December, after Christmas and the substitute Boxing Day', () => {
    const task = requestedAt('2026-12-21', '2026-12-24T13:00:00Z', '2027-01-11').task('step_two_duty_eh_discussion');
    expect([task.availableFrom, task.due]).toEqual(['2026-12-29T09:00:00.000Z', '2026-12-29T12:00:00.000Z']);
  });

  it('Given a request on Thursday 25 March 2027 afternoon, Then the next slot is Tuesday 30 March in BST, after Good Friday and Easter Monday', () => {
    const task = requestedAt('2027-03-22', '2027-03-25T13:00:00Z', '2027-04-20').task('step_two_duty_eh_discussion');
    expect([task.availableFrom, task.due]).toEqual(['2027-03-30T08:00:00.000Z', '2027-03-30T11:00:00.000Z']);
  });

  it('Given a request on Thursday 23 December 2027, Then Tuesday 28 December (a substitute bank holiday) is skipped for Wednesday 29 December', () => {
    const task = requestedAt('2027-12-20', '2027-12-23T13:00:00Z', '2028-01-10').task('step_two_duty_eh_discussion');
    expect([task.availableFrom, task.due]).toEqual(['2027-12-29T09:00:00.000Z', '2027-12-29T12:00:00.000Z']);
  });
});

describe('Given the discussion did not happen in Wednesday\u2019s slot', () => {
  it('When noon passes, Then it is overdue and the SC Service Manager and EH Duty are told; a working day later the EH Service Manager, at Urgent', () => {
    const driver = atDutyDiscussion().runUntil('2026-12-02T12:00:00Z');
    expect(driver.task('step_two_duty_eh_discussion')).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'normal' });
    expect(driver.notifications().at(-1)).toMatchObject({
      at: '2026-12-02T12:00:00.000Z',
      to: [{ role: 'sc_service_manager' }, { team: 'eh_duty' }],
      body: 'The Step Down Discussion did not take place in the Tuesday, Wednesday or Thursday morning duty slot. Book the next slot with the Duty EH TM.',
    });
    driver.runUntil('2026-12-03T23:59:59.999Z');
    expect(driver.task('step_two_duty_eh_discussion')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_service_manager' }] });
  });

  it('When Tara records it late on Thursday morning, Then it is still accepted, marked as done overdue', () => {
    const driver = atDutyDiscussion().complete('2026-12-03T10:00:00Z', 'step_two_duty_eh_discussion', 'tara', { ...stepTwo, discussionDate: '2026-12-03' }, 'step_down_agreed');
    expect(driver.history('task_completed', 'step_two_duty_eh_discussion')[0]).toMatchObject({ overdue: true });
    expect(driver.task('step_three_taf_decision').assignee).toEqual({ team: 'taf_team' });
  });
});

describe('Given the step down discussion in Wednesday\u2019s slot', () => {
  it('When consent was not gained, Then "Step Down to EH agreed" is refused', () => {
    const refusal = atDutyDiscussion().refused((d) => d.complete('2026-12-02T10:00:00Z', 'step_two_duty_eh_discussion', 'tara', { ...stepTwo, familyConsent: false }, 'step_down_agreed'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'If no consent is gained from the family for Early Help, the step down cannot progress.' });
  });

  it('When there is no clear step-down plan, Then "Step Down to EH agreed" is refused', () => {
    const refusal = atDutyDiscussion().refused((d) => d.complete('2026-12-02T10:00:00Z', 'step_two_duty_eh_discussion', 'tara', { ...stepTwo, clearStepDownPlan: false }, 'step_down_agreed'));
    expect(refusal.message).toBe('A clear step-down plan is needed in order for a step down to continue.');
  });

  it('When the discussion date is missing, Then the form is refused with its message', () => {
    const { discussionDate: _omit, ...rest } = stepTwo;
    const refusal = atDutyDiscussion().refused((d) => d.complete('2026-12-02T10:00:00Z', 'step_two_duty_eh_discussion', 'tara', rest, 'step_down_agreed'));
    expect(refusal.details.fieldErrors).toEqual([expect.objectContaining({ pointer: '/discussionDate', message: 'Enter the date of the discussion' })]);
  });

  it('When "Step Down to EH not agreed" has no reason, Then it is refused', () => {
    const refusal = atDutyDiscussion().refused((d) => d.complete('2026-12-02T10:00:00Z', 'step_two_duty_eh_discussion', 'tara', stepTwo, 'step_down_not_agreed'));
    expect(refusal.message).toBe('Enter why Step Down to EH was not agreed.');
  });

  it('When Step Down to EH is not agreed, Then the SW is told why and the family remains with Social Care (no census closure)', () => {
    const data = { ...stepTwo, reasonNotAgreed: 'Risks around domestic abuse still need a social work response.' };
    const driver = atDutyDiscussion().complete('2026-12-02T10:30:00Z', 'step_two_duty_eh_discussion', 'tara', data, 'step_down_not_agreed');
    expect(driver.notifications().at(-1)).toMatchObject({
      to: [{ worker: 'sam' }],
      subject: 'Step Down to EH not agreed: Achterberg',
      body: 'Step Down to EH was not agreed at the discussion with Dina (Duty EH TM) on 2026-12-02. Reason: Risks around domestic abuse still need a social work response.',
    });
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'step_down_not_agreed', node: 'end_not_agreed' } });
    expect(driver.state?.outcome?.closureReason).toBeUndefined();
  });
});
