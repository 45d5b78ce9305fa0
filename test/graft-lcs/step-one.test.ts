/**
 * Graft/LCS Step One: SC supervision identifies a potential step down; the Social Worker
 * discusses the Lead Professional with the family, books the next CIN meeting, and cannot move
 * on without consent and a clear plan from a completed assessment.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../support/case-driver.ts';
import { family, graft, identification, started, stepOne, users } from './given.ts';

describe('Given SC supervision on Monday 30 November 2026 identified a potential Step Down to EH', () => {
  it('When the allocated Social Worker records it, Then Step One is theirs, due 5 working days after the supervision (local choice)', () => {
    const driver = started();
    const task = driver.task('step_one_family_discussion');
    expect(task.assignee).toEqual({ worker: 'sam' });
    expect(task.due).toBe('2026-12-07T23:59:59.999Z');
    expect(task.dueLabel).toContain('local choice');
    expect(driver.state?.subject.children).toHaveLength(2);
  });

  it('When an SC TM / ATM tries to record it, Then only a Social Worker may start the step down', () => {
    const driver = new CaseDriver(graft, users, '2026-11-30T10:00:00Z');
    const refusal = driver.refused((d) => d.start('2026-11-30T10:00:00Z', 'identified', 'tara', family, identification));
    expect(refusal.code).toBe('not_allowed');
  });

  it('When the intake leaves out the reasons, Then it is refused with a GOV.UK-style message', () => {
    const driver = new CaseDriver(graft, users, '2026-11-30T10:00:00Z');
    const refusal = driver.refused((d) => d.start('2026-11-30T10:00:00Z', 'identified', 'sam', family, { identifiedIn: 'supervision', dateIdentified: '2026-11-30' }));
    expect(refusal.code).toBe('form_invalid');
    expect(refusal.details.fieldErrors).toContainEqual(expect.objectContaining({ pointer: '/data/reasons', message: 'Enter why Step Down to Early Help is being considered' }));
  });
});

describe('Given supervision on Monday 21 December 2026, just before Christmas', () => {
  it('Then Step One is due on Wednesday 30 December, skipping Christmas Day, the substitute Boxing Day and the weekend', () => {
    const driver = started('2026-12-21T10:00:00Z', { ...identification, dateIdentified: '2026-12-21' });
    expect(driver.task('step_one_family_discussion').due).toBe('2026-12-30T23:59:59.999Z');
  });
});

describe('Given Step One is open', () => {
  it('When it is still open at the deadline, Then it is overdue and the SC TM / ATM is told; 2 working days later the SC Service Manager, at Urgent', () => {
    const driver = started().runUntil('2026-12-07T23:59:59.999Z');
    expect(driver.task('step_one_family_discussion')).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'normal' });
    expect(driver.notifications().at(-1)).toMatchObject({ at: '2026-12-07T23:59:59.999Z', to: [{ role: 'sc_team_manager' }] });
    driver.runUntil('2026-12-09T23:59:59.998Z');
    expect(driver.task('step_one_family_discussion').escalationLevel).toBe(1);
    driver.runUntil('2026-12-09T23:59:59.999Z');
    expect(driver.task('step_one_family_discussion')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'sc_service_manager' }] });
  });

  it('When the family has not given consent, Then the discussion cannot be requested', () => {
    const driver = started();
    const refusal = driver.refused((d) => d.complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', stepOne({ familyConsent: false }), 'request_duty_eh_discussion'));
    expect(refusal.code).toBe('guard_failed');
    expect(refusal.message).toBe('If no consent is gained from the family for Early Help, the step down cannot progress.');
  });

  it('When there is no completed assessment, or no step-down plan, Then the discussion cannot be requested', () => {
    const driver = started();
    const plan = 'A family cannot be stepped down without a clear plan from a completed assessment by the social worker.';
    const noAssessment = stepOne({ assessmentCompleted: false, assessmentCompletedDate: undefined });
    expect(driver.refused((d) => d.complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', noAssessment, 'request_graft_discussion')).message).toBe(plan);
    const noPlan = stepOne({ stepDownPlan: undefined });
    expect(driver.refused((d) => d.complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', noPlan, 'request_duty_eh_discussion')).message).toBe(plan);
  });

  it('When the next CIN meeting is not booked, or is in the past, Then Step One is refused', () => {
    const driver = started();
    const { nextCinMeetingDate: _omit, ...unbooked } = stepOne();
    const missing = driver.refused((d) => d.complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', unbooked, 'request_duty_eh_discussion'));
    expect(missing.code).toBe('form_invalid');
    expect(missing.details.fieldErrors).toEqual([expect.objectContaining({ pointer: '/nextCinMeetingDate', message: 'Enter the date of the next CIN meeting' })]);
    const past = driver.refused((d) => d.complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', stepOne({ nextCinMeetingDate: '2026-11-27' }), 'request_duty_eh_discussion'));
    expect(past.message).toBe('The next CIN meeting must be booked: enter a date from today onwards.');
  });

  it('When a completed assessment has no date, or an FFP/FSW is involved without a name, Then the revealed questions are required', () => {
    const driver = started();
    const data = stepOne({ assessmentCompletedDate: undefined, ffpFswInvolved: true });
    const refusal = driver.refused((d) => d.complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', data, 'request_duty_eh_discussion'));
    expect(refusal.code).toBe('form_invalid');
    expect(refusal.details.fieldErrors?.map((e) => [e.pointer, e.message])).toEqual([
      ['/assessmentCompletedDate', 'Enter the date the assessment was completed'],
      ['/currentFfpFsw', 'Enter the name of the FFP/FSW already involved'],
    ]);
  });
});

describe('Given the family would like a Lead Professional from another agency', () => {
  const otherAgency = stepOne({ leadProfessional: 'other_agency', leadProfessionalAgency: 'Greenfield Primary School' });

  it('When the SW asks for the internal Early Help discussion, Then it is refused: this process is for internal Early Help', () => {
    const driver = started();
    const refusal = driver.refused((d) => d.complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', otherAgency, 'request_duty_eh_discussion'));
    expect(refusal.message).toBe('The family would like a Lead Professional from another agency: this process is for internal Early Help.');
  });

  it('When the agency is not named, Then the revealed question must be answered', () => {
    const driver = started();
    const refusal = driver.refused((d) => d.complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', stepOne({ leadProfessional: 'other_agency' }), 'other_agency_lead_professional'));
    expect(refusal.details.fieldErrors).toEqual([expect.objectContaining({ pointer: '/leadProfessionalAgency', message: 'Enter which agency the Lead Professional would come from' })]);
  });

  it('When the SW chooses "Lead Professional from another agency", Then the case leaves this process with no census closure', () => {
    const driver = started().complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', otherAgency, 'other_agency_lead_professional');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'lead_professional_other_agency', node: 'end_other_agency_lead_professional', at: '2026-12-01T14:00:00.000Z' }, timers: {} });
    expect(driver.state?.outcome?.closureReason).toBeUndefined();
  });

  it('When the family wants internal Early Help, Then "Lead Professional from another agency" is refused', () => {
    const driver = started();
    const refusal = driver.refused((d) => d.complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', stepOne(), 'other_agency_lead_professional'));
    expect(refusal.message).toBe('The family would like their Lead Professional from internal Early Help: request the Step Down Discussion.');
  });
});

describe('Given the family does not consent to Early Help', () => {
  it('When the SW chooses "Step down cannot progress", Then the case closes with that outcome and no census closure', () => {
    const driver = started().complete('2026-12-02T09:30:00Z', 'step_one_family_discussion', 'sam', stepOne({ familyConsent: false }), 'cannot_progress');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'step_down_cannot_progress', node: 'end_cannot_progress' } });
    expect(driver.state?.outcome?.closureReason).toBeUndefined();
    expect(driver.openTasks()).toEqual([]);
  });
});

describe('Given a step down is under way', () => {
  it('When the SW withdraws it, Then every task and timer is cancelled and nothing more can happen', () => {
    const driver = started().withdraw('2026-12-02T09:00:00Z', 'sam', 'Family moved out of the area');
    expect(driver.state).toMatchObject({ status: 'withdrawn', outcome: { id: 'withdrawn' }, timers: {} });
    expect(driver.openTasks()).toEqual([]);
    expect(driver.refused((d) => d.withdraw('2026-12-03T09:00:00Z', 'sam', 'again')).code).toBe('case_closed');
  });
});
