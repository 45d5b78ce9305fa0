/**
 * caf-ehm on EHM: if the family plan is not met within 12 months of the step down and the CAF
 * is still required, the Lead Professional reassesses with the Team around the Family; the
 * meetings carry on beside it.
 */
import { describe, expect, it } from 'vitest';
import { cafAllocated, escalationsOf, fieldErrors, fpMeeting, plan, timersAt } from './given.ts';

const revisedPlan = plan.map((p) => ({ ...p, byWhen: '2028-06-30', status: 'in_progress' }));
const reassessment = {
  cafStillRequired: true,
  reassessmentDate: '2027-12-10',
  tafContributions: [
    { name: 'Lena Lewis', member: 'professional', agency: 'Hillside Primary School', contribution: 'Attendance has dipped again.' },
    { name: 'Efua Mensah', member: 'family', agency: 'Mum', contribution: 'Bedtimes are still hard.' },
  ],
  reassessment: 'Bedtime routines are still a worry.',
  familyPlan: revisedPlan,
};
const closing = {
  finalMeetingDate: '2027-12-15',
  closureReason: 'no_longer_required',
  progressAndImpact: 'Family now supported by school alone.',
  childrenVoice: [{ name: 'Kofi Mensah', voice: 'Kofi is settled.' }],
  recordedOnEhm: true,
  copiesShared: true,
};

/**
 * Given a CAF stepped down on Monday 30 November 2026, with the initial meeting held on
 * 17 December and the plan still not met 12 months on.
 */
const atTwelveMonths = () =>
  cafAllocated('2026-12-03T10:00:00Z', '2026-11-30', '2026-12-17')
    .complete('2026-12-18T10:00:00Z', 'initial_fp_meeting', 'lena', fpMeeting('2026-12-17'), 'continue_plan')
    .runUntil('2027-11-30T23:59:59.999Z');

describe('Given the family plan is still not met 12 months after the step down of 30 November 2026', () => {
  it('Then the Lead Professional is asked for a reassessment at the end of 30 November 2027, due within 4 weeks, beside the open meeting', () => {
    const driver = atTwelveMonths();
    expect(driver.task('caf_reassessment')).toMatchObject({
      assignee: { worker: 'lena' },
      createdAt: '2027-11-30T23:59:59.999Z',
      due: '2027-12-28T23:59:59.999Z',
      prefill: { familyPlan: plan },
    });
    expect(driver.openTasks().map((t) => t.node).sort()).toEqual(['caf_reassessment', 'fp_meeting']);
  });

  it('When the reassessment is late, Then the CAF Link Workers are told, then the EH & SS Manager after the Christmas and New Year substitute days', () => {
    const driver = atTwelveMonths().runUntil('2028-01-06T09:00:00Z');
    expect(driver.task('caf_reassessment')).toMatchObject({ overdue: true, escalationLevel: 2, priority: 'urgent' });
    expect(escalationsOf(driver, 'caf_reassessment').map((e) => [e.at, e.to])).toEqual([
      ['2027-12-28T23:59:59.999Z', [{ team: 'caf_link_workers' }]],
      ['2028-01-05T23:59:59.999Z', [{ role: 'eh_ss_manager' }]],
    ]);
  });

  it('When the CAF is still required but no Team around the Family contribution is recorded, Then the missing answers are named', () => {
    const driver = atTwelveMonths().runUntil('2027-12-10T15:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-12-10T15:00:00Z', 'caf_reassessment', 'lena', { cafStillRequired: true, reassessmentDate: '2027-12-10' }, 'reassessed'));
    expect(refusal.details.fieldErrors?.map((e) => e.message)).toEqual([
      'Add at least one Team around the Family member',
      "Enter the reassessment of the child's and family's needs",
      'Add at least one action to the revised family plan',
    ]);
  });

  it('When only the Lead Professional contributes, Then it is refused: every member of the Team around the Family, family and professionals', () => {
    const driver = atTwelveMonths().runUntil('2027-12-10T15:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-12-10T15:00:00Z', 'caf_reassessment', 'lena', { ...reassessment, tafContributions: [reassessment.tafContributions[0]] }, 'reassessed'));
    expect(fieldErrors(refusal)).toEqual(['/tafContributions: Add the contributions of all the Team around the Family: the family and the professionals']);
  });

  it('When the reassessment is dated before the 12 months were up, or a revised action is due before it, Then each is refused', () => {
    const driver = atTwelveMonths().runUntil('2027-12-10T15:00:00Z');
    const early = driver.refused((d) => d.complete('2027-12-10T15:00:00Z', 'caf_reassessment', 'lena', { ...reassessment, reassessmentDate: '2027-11-15', familyPlan: plan.map((p) => ({ ...p, byWhen: '2028-06-30', status: 'in_progress' })) }, 'reassessed'));
    expect(fieldErrors(early)).toEqual(['/reassessmentDate: The reassessment is due once the family plan has not been met within 12 months: its date cannot be before then']);
    const stale = driver.refused((d) => d.complete('2027-12-10T15:00:00Z', 'caf_reassessment', 'lena', { ...reassessment, familyPlan: [{ ...revisedPlan[0]!, byWhen: '2027-12-01' }] }, 'reassessed'));
    expect(fieldErrors(stale)).toEqual(['/familyPlan/0/byWhen: The date for this action must be after the reassessment']);
  });

  it('When a CAF Link Worker is given the reassessment, Then it is refused: it is the Lead Professional’s', () => {
    const refusal = atTwelveMonths().refused((d) => d.reassign('2027-12-01T10:00:00Z', 'caf_reassessment', 'cleo', { worker: 'cleo' }));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toContain('can only be passed to a Lead Professional;');
  });

  it('When the CAF is no longer required but Lena records a reassessment, Then it is refused', () => {
    const driver = atTwelveMonths().runUntil('2027-12-10T15:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-12-10T15:00:00Z', 'caf_reassessment', 'lena', { cafStillRequired: false }, 'reassessed'));
    expect(refusal.message).toBe('Your answer to "Is the CAF still required to provide support to the family?" is "No", so what happens next is "CAF no longer required – final Family planning meeting and CAF closure".');
  });

  it('When the reassessment of 10 December is completed, Then the next 12-month review counts from it and the meetings carry on', () => {
    const driver = atTwelveMonths().complete('2027-12-10T15:00:00Z', 'caf_reassessment', 'lena', reassessment, 'reassessed');
    expect(timersAt(driver, 'wait_next_twelve_months').map((t) => t.fireAt)).toEqual(['2028-12-10T23:59:59.999Z']);
    expect(driver.openTasks().map((t) => t.node)).toEqual(['fp_meeting']);
  });

  it('When the CAF is no longer required but Lena closes it as "all actions met", Then it is refused', () => {
    const driver = atTwelveMonths().complete('2027-12-10T15:00:00Z', 'caf_reassessment', 'lena', { cafStillRequired: false }, 'no_longer_required').runUntil('2027-12-16T10:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-12-16T10:00:00Z', 'final_fp_meeting', 'lena', { ...closing, closureReason: 'plan_met' }, 'close_caf'));
    expect(fieldErrors(refusal)).toEqual([
      '/closureReason: No Family planning meeting has recorded every action on the family plan as met: the reason is that the CAF is no longer required',
    ]);
  });

  it('When the CAF is no longer required, Then the final meeting closes the CAF and cancels the open meeting', () => {
    const driver = atTwelveMonths()
      .complete('2027-12-10T15:00:00Z', 'caf_reassessment', 'lena', { cafStillRequired: false }, 'no_longer_required')
      .complete('2027-12-16T10:00:00Z', 'final_fp_meeting', 'lena', closing, 'close_caf');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'caf_closed', at: '2027-12-16T10:00:00.000Z' }, timers: {} });
    expect(driver.history('task_cancelled').map((h) => h.node)).toEqual(['fp_meeting']);
  });
});

describe('Given the CAF is open on EHM', () => {
  it('When the family move away and the CAF Link Worker withdraws it, Then every task and timer is cancelled', () => {
    const driver = atTwelveMonths().withdraw('2027-12-01T10:00:00Z', 'cleo', 'Family moved to another authority');
    expect(driver.state).toMatchObject({ status: 'withdrawn', outcome: { id: 'withdrawn' }, timers: {} });
    expect(driver.openTasks()).toEqual([]);
  });
});
