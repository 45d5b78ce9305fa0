/**
 * Graft/LCS Step One: SC supervision identifies a potential step down; the Social Worker
 * discusses the Lead Professional with the family, books the next CIN meeting, and cannot move
 * on without consent and a clear plan from a completed assessment of every child. Each rule has
 * its "try to break it" scenario beside the one that follows it.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../support/case-driver.ts';
import { assessed, family, graft, identification, started, stepOne, users } from './given.ts';

const at = '2026-12-01T14:00:00Z';
const fieldErrors = (refusal: { details: { fieldErrors?: Array<{ pointer: string; message: string }> } }) => refusal.details.fieldErrors?.map((e) => [e.pointer, e.message]);

describe('Given SC supervision on Monday 30 November 2026 identified a potential Step Down to EH', () => {
  it('When the allocated Social Worker records it, Then Step One is theirs, due 5 working days after the supervision (local choice)', () => {
    const driver = started();
    const task = driver.task('step_one_family_discussion');
    expect(task.assignee).toEqual({ worker: 'sam' });
    expect(task.due).toBe('2026-12-07T23:59:59.999Z');
    expect(task.dueLabel).toContain('local choice');
    expect(task.prefill).toEqual({ assessments: [{ name: 'Noor Achterberg' }, { name: 'Sem Achterberg' }] });
  });

  it('When an SC TM / ATM tries to record it, Then only a Social Worker may start the step down, and no case exists', () => {
    const driver = new CaseDriver(graft, users, '2026-11-30T10:00:00Z');
    const refusal = driver.refused((d) => d.start('2026-11-30T10:00:00Z', 'identified', 'tara', family, identification));
    expect(refusal).toMatchObject({ code: 'not_allowed', message: 'Only a Social Worker (SW) can start a case at "Potential Step Down to EH identified".' });
    expect(driver.state).toBeNull();
  });

  it('When the reasons are blank spaces, or the supervision is dated tomorrow, Then the intake is refused with what to correct', () => {
    const driver = new CaseDriver(graft, users, '2026-11-30T10:00:00Z');
    const refusal = driver.refused((d) => d.start('2026-11-30T10:00:00Z', 'identified', 'sam', family, { ...identification, reasons: '   ', dateIdentified: '2026-12-01' }));
    expect(refusal.code).toBe('form_invalid');
    expect(fieldErrors(refusal)).toEqual([
      ['/data/dateIdentified', 'The date of the supervision or case discussion must be today or in the past'],
      ['/data/reasons', 'Enter why Step Down to Early Help is being considered'],
    ]);
  });
});

describe('Given supervision on Monday 21 December 2026, just before Christmas', () => {
  it('Then Step One is due on Wednesday 30 December, skipping Christmas Day, the substitute Boxing Day (Monday 28th) and the weekend', () => {
    const driver = started('2026-12-21T10:00:00Z', { ...identification, dateIdentified: '2026-12-21' });
    expect(driver.task('step_one_family_discussion').due).toBe('2026-12-30T23:59:59.999Z');
  });
});

describe('Given Step One is open', () => {
  it('When it is still open at the deadline, Then it is overdue and the SC TM / ATM is told; 2 working days later the SC Service Manager, at Urgent', () => {
    const driver = started().runUntil('2026-12-07T23:59:59.999Z');
    expect(driver.task('step_one_family_discussion')).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'normal' });
    expect(driver.notifications().at(-1)).toMatchObject({ at: '2026-12-07T23:59:59.999Z', to: [{ role: 'sc_team_manager' }] });
    driver.runUntil('2026-12-09T23:59:59.999Z');
    expect(driver.task('step_one_family_discussion')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'sc_service_manager' }] });
  });

  it('When Sam records the family discussion and asks for the duty discussion, Then it goes to the SC TM / ATM he names', () => {
    const driver = started().complete(at, 'step_one_family_discussion', 'sam', stepOne(), { action: 'request_duty_eh_discussion', passTo: { worker: 'tara' } });
    expect(driver.task('step_two_duty_eh_discussion').assignee).toEqual({ worker: 'tara' });
    expect(driver.state?.form['step_one_family_discussion']).toMatchObject({ familyDiscussionDate: '2026-12-01', assessments: assessed() });
  });

  it('When a Duty EH TM tries to record Step One, Then it is with Sam; reassigned to EH Duty, only a Social Worker can', () => {
    expect(started().refused((d) => d.complete(at, 'step_one_family_discussion', 'dina', stepOne(), 'request_duty_eh_discussion'))).toMatchObject({
      code: 'not_allowed',
      message: '"Discuss Step Down and Lead Professional with family" is with sam, not with you or your team.',
    });
    const driver = started().reassign('2026-12-01T09:00:00Z', 'step_one_family_discussion', 'tara', { team: 'eh_duty' });
    const refusal = driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'dina', stepOne(), 'request_duty_eh_discussion'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toBe('Only a Social Worker (SW) can do "Discuss Step Down and Lead Professional with family".');
  });

  it('When Step One is reassigned to a worker who is not a Social Worker, Then the reassignment is refused', () => {
    const refusal = started().refused((d) => d.reassign('2026-12-01T09:00:00Z', 'step_one_family_discussion', 'tara', { worker: 'tara' }));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toMatch(/can only be passed to a Social Worker \(SW\); "tara" is not one\.$/);
  });

  it('When the family discussion is dated before the supervision or in the future, Then Step One is refused', () => {
    const driver = started();
    const before = driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ familyDiscussionDate: '2026-11-27' }), 'request_duty_eh_discussion'));
    expect(fieldErrors(before)).toEqual([['/familyDiscussionDate', 'The discussion with the family cannot be before the supervision or case discussion that identified the step down']]);
    const future = driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ familyDiscussionDate: '2026-12-02' }), 'request_duty_eh_discussion'));
    expect(fieldErrors(future)).toEqual([['/familyDiscussionDate', 'The date you discussed the step down with the family must be today or in the past']]);
  });

  it('When the family has not given consent, Then the discussion cannot be requested', () => {
    const refusal = started().refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ familyConsent: false }), 'request_duty_eh_discussion'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'If no consent is gained from the family for Early Help, the step down cannot progress.' });
  });

  it('When there is no completed assessment, or the plan is blank spaces, Then the discussion cannot be requested', () => {
    const driver = started();
    const plan = 'A family cannot be stepped down without a clear plan from a completed assessment by the social worker.';
    const noAssessment = stepOne({ assessmentCompleted: false, assessments: family.children.map((c) => ({ name: c.name })) });
    expect(driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', noAssessment, 'request_duty_eh_discussion')).message).toBe(plan);
    const blankPlan = driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ stepDownPlan: '  \n  ' }), 'request_duty_eh_discussion'));
    expect(blankPlan).toMatchObject({ code: 'guard_failed', message: plan });
  });

  it('When the assessment is recorded for Noor only, Then Step One is refused, naming Sem', () => {
    const refusal = started().refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ assessments: assessed().slice(0, 1) }), 'request_duty_eh_discussion'));
    expect(refusal.code).toBe('form_invalid');
    expect(fieldErrors(refusal)).toEqual([['/assessments', 'Add the details for Sem Achterberg']]);
  });

  it('When a child on the list has no assessment date, or one dated next week, or a child not on the case is added, Then each is refused where it is', () => {
    const driver = started();
    const [noor, sem] = assessed();
    const undated = driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ assessments: [noor, { name: 'Sem Achterberg' }] }), 'request_duty_eh_discussion'));
    expect(fieldErrors(undated)).toEqual([['/assessments/1/assessmentCompletedDate', "Enter the date Sem Achterberg's assessment was completed"]]);
    const future = driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ assessments: [noor, { ...sem, assessmentCompletedDate: '2026-12-08' }] }), 'request_duty_eh_discussion'));
    expect(fieldErrors(future)).toEqual([['/assessments/1/assessmentCompletedDate', 'The date the assessment was completed must be today or in the past (Sem Achterberg)']]);
    const stranger = driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ assessments: [noor, sem, { name: 'Ben Smith', assessmentCompletedDate: '2026-11-20' }] }), 'request_duty_eh_discussion'));
    expect(fieldErrors(stranger)?.[0]?.[1]).toMatch(/^Ben Smith is not a child on this case/);
  });

  it('When the next CIN meeting is not booked, or is in the past, Then Step One is refused', () => {
    const driver = started();
    const { nextCinMeetingDate: _omit, ...unbooked } = stepOne();
    const missing = driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', unbooked, 'request_duty_eh_discussion'));
    expect(fieldErrors(missing)).toEqual([['/nextCinMeetingDate', 'Enter the date of the next CIN meeting']]);
    const past = driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ nextCinMeetingDate: '2026-11-27' }), 'cannot_progress'));
    expect(fieldErrors(past)).toEqual([['/nextCinMeetingDate', 'The next CIN meeting must be booked: enter a date from today onwards']]);
  });

  it('When an FFP/FSW is involved but the name is blank, Then the revealed question is required', () => {
    const refusal = started().refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ ffpFswInvolved: true, currentFfpFsw: ' ' }), 'request_duty_eh_discussion'));
    expect(fieldErrors(refusal)).toEqual([['/currentFfpFsw', 'Enter the name of the FFP/FSW already involved']]);
  });

  it('When Sam passes the discussion to himself or to another Social Worker, Then it is refused: it goes to an SC TM / ATM', () => {
    const driver = started();
    for (const worker of ['sam', 'sian']) {
      const refusal = driver.refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne(), { action: 'request_duty_eh_discussion', passTo: { worker } }));
      expect(refusal.code).toBe('pass_to_not_allowed');
      expect(refusal.message).toMatch(/can only be passed to an SC TM \/ ATM/);
    }
  });
});

describe('Given the currently involved team', () => {
  it('When Graft is not involved and Sam asks for the Graft TM discussion, Then it is refused: the Duty EH TM holds it', () => {
    const refusal = started().refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne(), 'request_graft_discussion'));
    expect(refusal.message).toBe('Graft is not the currently involved team: request the Step Down Discussion with the Duty EH TM.');
  });

  it('When Graft is involved and Sam asks for the Duty EH TM discussion, Then it is refused: the Graft TM holds it', () => {
    const refusal = started().refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ graftInvolved: true }), 'request_duty_eh_discussion'));
    expect(refusal.message).toBe('Graft is the currently involved team: request the Step Down Discussion with the Graft TM.');
  });

  it('When the question is left unanswered, Then Step One is refused', () => {
    const { graftInvolved: _omit, ...rest } = stepOne();
    const refusal = started().refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', rest, 'request_duty_eh_discussion'));
    expect(fieldErrors(refusal)).toEqual([['/graftInvolved', 'Select yes if Graft is the team currently involved with the family']]);
  });
});

describe('Given the family would like a Lead Professional from another agency', () => {
  const otherAgency = stepOne({ leadProfessional: 'other_agency', leadProfessionalAgency: 'Greenfield Primary School' });

  it('When the SW asks for the internal Early Help discussion, Then it is refused: this process is for internal Early Help', () => {
    const refusal = started().refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', otherAgency, 'request_duty_eh_discussion'));
    expect(refusal.message).toBe('The family would like a Lead Professional from another agency: this process is for internal Early Help.');
  });

  it('When the agency is blank spaces, Then the revealed question must be answered', () => {
    const refusal = started().refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne({ leadProfessional: 'other_agency', leadProfessionalAgency: '   ' }), 'other_agency_lead_professional'));
    expect(fieldErrors(refusal)).toEqual([['/leadProfessionalAgency', 'Enter which agency the Lead Professional would come from']]);
  });

  it('When the SW chooses "Lead Professional from another agency", Then the case leaves this process with no census closure (the CIN case stays open)', () => {
    const driver = started().complete(at, 'step_one_family_discussion', 'sam', otherAgency, 'other_agency_lead_professional');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'lead_professional_other_agency', node: 'end_other_agency_lead_professional' }, closures: [] });
  });

  it('When the family wants internal Early Help, Then "Lead Professional from another agency" is refused', () => {
    const refusal = started().refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne(), 'other_agency_lead_professional'));
    expect(refusal.message).toBe('The family would like their Lead Professional from internal Early Help: request the Step Down Discussion.');
  });
});

describe('Given the family does not consent to Early Help', () => {
  it('When the SW chooses "Step down cannot progress", Then the case closes with that outcome and no census closure', () => {
    const driver = started().complete('2026-12-02T09:30:00Z', 'step_one_family_discussion', 'sam', stepOne({ familyConsent: false }), 'cannot_progress');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'step_down_cannot_progress', node: 'end_cannot_progress' }, closures: [] });
    expect(driver.openTasks()).toEqual([]);
  });

  it('When the family has consented and there is a clear plan, Then "Step down cannot progress" is refused', () => {
    const refusal = started().refused((d) => d.complete(at, 'step_one_family_discussion', 'sam', stepOne(), 'cannot_progress'));
    expect(refusal.code).toBe('guard_failed');
    expect(refusal.message).toContain('is for a family that has not given consent or has no clear plan from a completed assessment');
  });
});

describe('Given a step down is under way', () => {
  it('When the SW withdraws it, Then every task and timer is cancelled and nothing more can happen', () => {
    const driver = started().withdraw('2026-12-02T09:00:00Z', 'sam', 'Family moved out of the area');
    expect(driver.state).toMatchObject({ status: 'withdrawn', outcome: { id: 'withdrawn' }, timers: {} });
    expect(driver.refused((d) => d.withdraw('2026-12-03T09:00:00Z', 'sam', 'again')).code).toBe('case_closed');
  });
});
