/**
 * caf-ehm: the final CIN / step down to CAF meeting, the case closure summary and referral to
 * EHM, and the quality assurance chain — Team Manager, then CAF Link Worker, with its
 * "further information needed" loop — until the file transfers to EHM.
 */
import { describe, expect, it } from 'vitest';
import { atCaseClosure, cafMeeting, closure, escalationsOf, lpAgreed, plan, proposal, startedCase, tmQa } from './given.ts';

/** Given the final CIN meeting on Monday 4 January 2027 is the Social Worker's next step. */
const atFinalMeeting = () =>
  startedCase('2026-12-01T10:00:00Z', '2027-01-04')
    .complete('2026-12-10T14:00:00Z', 'share_proposal', 'sam', proposal(), 'views_recorded')
    .complete('2026-12-15T11:00:00Z', 'identify_lp', 'sam', lpAgreed, 'lp_agreed')
    .runUntil('2027-01-04T15:00:00Z');

const clwQa = (ok: boolean) => (ok ? { cafQualityAssured: true } : { cafQualityAssured: false, furtherInformation: 'Add the school’s view on attendance.' });

/** Given the Team Manager authorised the closure on Tuesday 12 January after one return for amendments. */
const atClwQa = () =>
  atCaseClosure()
    .complete('2027-01-07T10:00:00Z', 'case_closure', 'sam', closure('caf'), 'send_to_tm')
    .complete('2027-01-08T10:00:00Z', 'tm_quality_assurance', 'tara', tmQa(), 'return_to_sw')
    .complete('2027-01-11T10:00:00Z', 'case_closure', 'sam', closure('caf'), 'send_to_tm')
    .complete('2027-01-12T10:00:00Z', 'tm_quality_assurance', 'tara', tmQa(), 'authorise_caf');

describe('Given the final CIN meeting is held on Monday 4 January 2027', () => {
  it('When the SMART family plan is not agreed by everyone, Then the step down to CAF is refused', () => {
    const refusal = atFinalMeeting().refused((d) => d.complete('2027-01-04T15:00:00Z', 'final_cin_meeting', 'sam', cafMeeting('2027-01-04', '2027-01-28', { planAgreed: false }), 'step_down_caf'));
    expect(refusal.code).toBe('guard_failed');
    expect(refusal.message).toBe('The SMART family plan must be agreed by the family and all partners before the step down to CAF.');
  });

  it('When the initial Family Planning meeting is arranged before the final CIN meeting, Then it is refused', () => {
    const refusal = atFinalMeeting().refused((d) => d.complete('2027-01-04T15:00:00Z', 'final_cin_meeting', 'sam', cafMeeting('2027-01-04', '2026-12-28'), 'step_down_caf'));
    expect(refusal.message).toBe('The initial Family Planning meeting must be arranged for a date after the final CIN meeting.');
  });

  it('When a step down to CAF leaves out the CAF assessment, plan and initial meeting, Then each missing answer is named', () => {
    const { familyPlan: _plan, initialFpMeetingDate: _date, childVoice: _voice, ...partial } = cafMeeting('2027-01-04', '2027-01-28');
    const refusal = atFinalMeeting().refused((d) => d.complete('2027-01-04T15:00:00Z', 'final_cin_meeting', 'sam', partial, 'step_down_caf'));
    expect(refusal.details.fieldErrors?.map((e) => e.message)).toEqual([
      "Enter the child's voice and experience",
      'Add at least one action to the family plan',
      'Enter the date of the initial Family Planning meeting',
    ]);
  });

  it('When the plan recorded is CAF but universal services is chosen, Then it is refused', () => {
    const refusal = atFinalMeeting().refused((d) => d.complete('2027-01-04T15:00:00Z', 'final_cin_meeting', 'sam', cafMeeting('2027-01-04', '2027-01-28'), 'step_down_universal'));
    expect(refusal.message).toBe('The plan recorded is a step down to CAF: choose that next action instead.');
  });

  it('When the meeting is not recorded that day, Then the Team Manager is told', () => {
    const driver = atFinalMeeting().runUntil('2027-01-05T09:00:00Z');
    expect(driver.task('final_cin_meeting')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(escalationsOf(driver, 'final_cin_meeting').map((e) => [e.at, e.to])).toEqual([['2027-01-04T23:59:59.999Z', [{ role: 'sw_team_manager' }]]]);
  });

  it('When it steps down to CAF, Then the closure summary is due in 5 working days (Monday 11 January) with the reasons copied over', () => {
    const task = atCaseClosure().task('case_closure');
    expect(task).toMatchObject({ assignee: { worker: 'sam' }, due: '2027-01-11T23:59:59.999Z' });
    expect(task.prefill).toEqual({ thresholdNoLongerMet: 'Home conditions and school attendance have been good for six months.', stepDownTo: 'caf' });
  });
});

describe('Given the Social Worker is completing the case closure summary and referral to EHM', () => {
  const refusedWith = (data: Record<string, unknown>) =>
    atCaseClosure().runUntil('2027-01-07T10:00:00Z').refused((d) => d.complete('2027-01-07T10:00:00Z', 'case_closure', 'sam', data, 'send_to_tm'));

  it('When the CIN minutes and CAF assessment have not been sent to the family and partners, Then it is refused', () => {
    expect(refusedWith(closure('caf', { copiesSent: false })).message).toBe(
      'Send a copy of the CIN minutes and the step down CAF assessment, including the family plan, to all relevant family and partners first.',
    );
  });

  it('When the referral to EHM is not complete, Then it is refused', () => {
    expect(refusedWith(closure('caf', { ehmReferralCompleted: false })).message).toBe(
      'Complete the referral to EHM with the multi-agency step down CAF assessment before sending the closure for authorisation.',
    );
  });

  it('When the plan differs from the one agreed at the meeting, Then it is refused', () => {
    expect(refusedWith(closure('universal')).message).toBe('The plan on closing must be the one agreed at the final CIN meeting.');
  });

  it('When it is sent on Thursday 7 January, Then the Team Manager quality assures it within 5 working days and the Service Manager hears if not', () => {
    const driver = atCaseClosure().complete('2027-01-07T10:00:00Z', 'case_closure', 'sam', closure('caf'), 'send_to_tm');
    expect(driver.task('tm_quality_assurance')).toMatchObject({ assignee: { role: 'sw_team_manager' }, due: '2027-01-14T23:59:59.999Z' });
    driver.runUntil('2027-01-15T09:00:00Z');
    expect(escalationsOf(driver, 'tm_quality_assurance').map((e) => [e.at, e.to])).toEqual([['2027-01-14T23:59:59.999Z', [{ role: 'csc_service_manager' }]]]);
  });
});

describe('Given the Team Manager is quality assuring the closure', () => {
  const atTm = () => atCaseClosure().complete('2027-01-07T10:00:00Z', 'case_closure', 'sam', closure('caf'), 'send_to_tm').runUntil('2027-01-08T10:00:00Z');

  it('When the child’s file is missing the chronology, Then authorising is refused', () => {
    const checklist = ['supervisions', 'childs_plans', 'childs_reviews', 'assessments_uploaded', 'views_evidenced'];
    const refusal = atTm().refused((d) => d.complete('2027-01-08T10:00:00Z', 'tm_quality_assurance', 'tara', tmQa({ checklist }), 'authorise_caf'));
    expect(refusal.message).toBe(
      'The child’s file must record supervisions, chronology, child’s plans, child’s reviews, all assessments and the views of the child and parents before case closure is agreed.',
    );
  });

  it('When the CAF step down assessment is not quality assured, Then submitting to EHM is refused', () => {
    const refusal = atTm().refused((d) => d.complete('2027-01-08T10:00:00Z', 'tm_quality_assurance', 'tara', tmQa({ caf: false }), 'authorise_caf'));
    expect(refusal.message).toBe('Quality assure the CAF step down assessment before it is submitted to EHM.');
  });

  it('When the Team Manager returns it, Then the Social Worker amends their own answers, with the original deadline', () => {
    const driver = atTm().complete('2027-01-08T10:00:00Z', 'tm_quality_assurance', 'tara', tmQa(), 'return_to_sw');
    expect(driver.task('case_closure')).toMatchObject({ assignee: { worker: 'sam' }, due: '2027-01-11T23:59:59.999Z' });
    expect(driver.task('case_closure').prefill).toMatchObject({ whatWasDone: 'CIN plan with school and health.', copiesSent: true, ehmReferralDate: '2027-01-06' });
  });
});

describe('Given the Team Manager authorised the closure and submitted it to EHM on Tuesday 12 January 2027', () => {
  it('Then the CAF Link Workers quality assure the CAF assessment within 5 working days', () => {
    expect(atClwQa().task('clw_quality_assurance')).toMatchObject({ assignee: { team: 'caf_link_workers' }, due: '2027-01-19T23:59:59.999Z' });
  });

  it('When it is overdue, Then the Early Help & Specialist Support Manager is told', () => {
    const driver = atClwQa().runUntil('2027-01-20T09:00:00Z');
    expect(escalationsOf(driver, 'clw_quality_assurance').map((e) => [e.at, e.to])).toEqual([['2027-01-19T23:59:59.999Z', [{ role: 'eh_ss_manager' }]]]);
  });

  it('When the CAF Link Worker authorises while asking for more information, Then it is refused', () => {
    const driver = atClwQa().runUntil('2027-01-13T10:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-01-13T10:00:00Z', 'clw_quality_assurance', 'cleo', clwQa(false), 'authorise'));
    expect(refusal.message).toBe('Further information is needed: contact the Social Worker instead.');
  });

  it('When further information is needed, Then the Social Worker answers within 3 working days and it goes back to the CAF Link Worker', () => {
    const driver = atClwQa().complete('2027-01-13T10:00:00Z', 'clw_quality_assurance', 'cleo', clwQa(false), 'more_information');
    expect(driver.task('sw_further_information')).toMatchObject({
      assignee: { worker: 'sam' },
      due: '2027-01-18T23:59:59.999Z',
      prefill: { informationRequested: 'Add the school’s view on attendance.' },
    });
    driver.complete('2027-01-14T10:00:00Z', 'sw_further_information', 'sam', { informationRequested: 'Add the school’s view.', informationProvided: 'School: 92% attendance.' }, {
      action: 'send_to_clw',
      passTo: { worker: 'cleo' },
    });
    expect(driver.task('clw_quality_assurance')).toMatchObject({ assignee: { worker: 'cleo' }, due: '2027-01-21T23:59:59.999Z' });
  });

  it('When the CAF Link Worker authorises the CAF assessment, Then the CAF starts on EHM and the CSC case closes with RC7', () => {
    const driver = atClwQa().complete('2027-01-15T10:00:00Z', 'clw_quality_assurance', 'cleo', clwQa(true), 'authorise');
    const start = driver.effects.find((e) => e.type === 'start_subflow');
    expect(start).toMatchObject({
      definition: 'caf-ehm',
      entry: 'caf_in_ehm',
      input: {
        stepDownDate: '2027-01-04',
        initialFpMeetingDate: '2027-01-28',
        lpName: 'Lena Lewis',
        lpAgency: 'Hillside Primary School',
        familyPlan: plan,
        areasRequiringSupport: 'Routines at bedtime.',
      },
    });
    expect(driver.state).toMatchObject({
      status: 'closed',
      outcome: { id: 'stepped_down_to_caf', closureReason: 'RC7', at: '2027-01-15T10:00:00.000Z' },
      waitingFor: {},
    });
  });
});

describe('Given a step down waiting for quality assurance', () => {
  it('When the Social Worker withdraws it, Then every open task and timer is cancelled', () => {
    const driver = atClwQa().withdraw('2027-01-13T09:00:00Z', 'sam', 'New safeguarding concerns');
    expect(driver.state).toMatchObject({ status: 'withdrawn', outcome: { id: 'withdrawn' }, timers: {} });
    expect(driver.openTasks()).toEqual([]);
  });
});
