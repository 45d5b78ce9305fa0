/**
 * caf-ehm, Case closure and referral to EHM: the Social Worker's closure summary and referral; the
 * Team Manager's quality assurance, then the CAF Link Worker's, each by someone other than the
 * person whose work they check; the CSC case closes (census RC7) when the file transfers to EHM.
 */
import { describe, expect, it } from 'vitest';
import { atCaseClosure, cafMeeting, closure, escalationsOf, fieldErrors, lpAgreed, plan, proposal, startedCase, tmQa } from './given.ts';

const clwQa = (ok: boolean) => (ok ? { cafQualityAssured: true } : { cafQualityAssured: false, furtherInformation: 'Add the school’s view on attendance.' });

/** Given the Team Manager authorised the closure on Tuesday 12 January after one return for amendments. */
const atClwQa = (tm = 'tara') =>
  atCaseClosure()
    .complete('2027-01-07T10:00:00Z', 'case_closure', 'sam', closure('caf'), 'send_to_tm')
    .complete('2027-01-08T10:00:00Z', 'tm_quality_assurance', tm, tmQa(), 'return_to_sw')
    .complete('2027-01-11T10:00:00Z', 'case_closure', 'sam', closure('caf'), 'send_to_tm')
    .complete('2027-01-12T10:00:00Z', 'tm_quality_assurance', tm, tmQa(), 'authorise_caf');

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

  it('When the copies and the referral are dated before the final CIN meeting, or the impact is blank, Then each is named', () => {
    const refusal = refusedWith({ ...closure('caf', { on: '2027-01-03' }), impact: '   ' });
    expect(refusal.code).toBe('form_invalid');
    expect(fieldErrors(refusal)).toEqual([
      '/impact: Enter the impact of social care involvement on the outcomes for the child',
      '/copiesSentDate: The CIN minutes cannot be sent before the final CIN meeting',
      '/ehmReferralDate: The referral to EHM with the step down CAF assessment cannot be before the final CIN meeting',
    ]);
  });

  it('When the plan differs from the one agreed at the meeting, Then it is refused', () => {
    expect(refusedWith(closure('universal')).message).toBe('The plan on closing must be the one agreed at the final CIN meeting.');
  });

  it('When the closure is passed to the Team Manager to write, Then it is refused: it is the Social Worker’s', () => {
    const refusal = atCaseClosure().refused((d) => d.reassign('2027-01-05T10:00:00Z', 'case_closure', 'tara', { worker: 'tara' }));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toContain('can only be passed to a Social Worker;');
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

  it('When the Social Worker tries to authorise their own closure, Then it is refused, naming the Team Manager who has it', () => {
    const refusal = atTm().refused((d) => d.complete('2027-01-08T10:00:00Z', 'tm_quality_assurance', 'sam', tmQa(), 'authorise_caf'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toBe('"Quality assure the case closure and step down assessment" is with a Social Work Team Manager, not with you or your team.');
  });

  it('When the Team Manager returns it, Then the Social Worker amends their own answers, with the original deadline', () => {
    const driver = atTm().complete('2027-01-08T10:00:00Z', 'tm_quality_assurance', 'tara', tmQa(), 'return_to_sw');
    expect(driver.task('case_closure')).toMatchObject({ assignee: { worker: 'sam' }, due: '2027-01-11T23:59:59.999Z' });
    expect(driver.task('case_closure').prefill).toMatchObject({ whatWasDone: 'CIN plan with school and health.', copiesSent: true, ehmReferralDate: '2027-01-06' });
  });
});

describe('Given Asha, a Team Manager who also holds the Social Worker role, ran the step down as its Social Worker', () => {
  const asSocialWorker = () =>
    startedCase('2026-12-01T10:00:00Z', '2027-01-04', { by: 'asha' })
      .complete('2026-12-10T14:00:00Z', 'share_proposal', 'asha', proposal(), 'views_recorded')
      .complete('2026-12-15T11:00:00Z', 'identify_lp', 'asha', lpAgreed, 'lp_agreed')
      .complete('2027-01-04T15:00:00Z', 'final_cin_meeting', 'asha', cafMeeting('2027-01-04', '2027-01-28'), 'step_down_caf')
      .complete('2027-01-07T10:00:00Z', 'case_closure', 'asha', closure('caf'), 'send_to_tm')
      .runUntil('2027-01-08T10:00:00Z');

  it('When Asha tries to quality assure it as Team Manager, Then it is refused: maker and checker are different people', () => {
    const refusal = asSocialWorker().refused((d) => d.complete('2027-01-08T10:00:00Z', 'tm_quality_assurance', 'asha', tmQa(), 'authorise_caf'));
    expect(refusal.code).toBe('same_person');
    expect(refusal.message).toBe('You did "Final CIN / Step down to CAF meeting" on this case, so someone else must do "Quality assure the case closure and step down assessment".');
  });

  it('When another Team Manager quality assures it, Then it goes to the CAF Link Workers', () => {
    const driver = asSocialWorker().complete('2027-01-08T10:00:00Z', 'tm_quality_assurance', 'tara', tmQa(), 'authorise_caf');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['clw_quality_assurance']);
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

  it('When the Team Manager who authorised it is also a CAF Link Worker, Then they cannot authorise the CAF assessment too', () => {
    const refusal = atClwQa('tom').runUntil('2027-01-13T10:00:00Z').refused((d) => d.complete('2027-01-13T10:00:00Z', 'clw_quality_assurance', 'tom', clwQa(true), 'authorise'));
    expect(refusal.code).toBe('same_person');
    expect(refusal.message).toBe('You did "Quality assure the case closure and step down assessment" on this case, so someone else must do "Quality assure and authorise the CAF assessment".');
  });

  it('When the CAF Link Worker authorises while asking for more information, Then it is refused', () => {
    const driver = atClwQa().runUntil('2027-01-13T10:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-01-13T10:00:00Z', 'clw_quality_assurance', 'cleo', clwQa(false), 'authorise'));
    expect(refusal).toMatchObject({
      code: 'action_not_chosen',
      message: 'Your answer to "Can the CAF assessment be authorised?" is "No", so what happens next is "Further information required – contact the Social Worker".',
    });
  });

  it('When further information is needed, Then the CSC case stays open with no census closure, and the Social Worker’s answer goes back to a CAF Link Worker within 3 working days', () => {
    const driver = atClwQa().complete('2027-01-13T10:00:00Z', 'clw_quality_assurance', 'cleo', clwQa(false), 'more_information');
    expect(driver.state).toMatchObject({ status: 'open' });
    expect(driver.state?.outcome).toBeUndefined();
    expect(driver.task('sw_further_information')).toMatchObject({
      assignee: { worker: 'sam' },
      due: '2027-01-18T23:59:59.999Z',
      prefill: { informationRequested: 'Add the school’s view on attendance.' },
    });
    const answer = { informationRequested: 'Add the school’s view.', informationProvided: 'School: 92% attendance.' };
    const toLp = driver.refused((d) => d.complete('2027-01-14T10:00:00Z', 'sw_further_information', 'sam', answer, { action: 'send_to_clw', passTo: { worker: 'lena' } }));
    expect(toLp.code).toBe('pass_to_not_allowed');
    expect(toLp.message).toContain('can only be passed to a CAF Link Worker;');
    driver.complete('2027-01-14T10:00:00Z', 'sw_further_information', 'sam', answer, { action: 'send_to_clw', passTo: { worker: 'cleo' } });
    expect(driver.task('clw_quality_assurance')).toMatchObject({ assignee: { worker: 'cleo' }, due: '2027-01-21T23:59:59.999Z' });
  });

  it('When the CAF Link Worker authorises the CAF assessment, Then in the same step the CAF starts on EHM and the CSC case closes with RC7', () => {
    const driver = atClwQa().complete('2027-01-15T10:00:00Z', 'clw_quality_assurance', 'cleo', clwQa(true), 'authorise');
    const start = driver.effects.find((e) => e.type === 'start_subflow');
    expect(start).toMatchObject({
      at: '2027-01-15T10:00:00.000Z',
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
  it('When the Social Worker withdraws it, Then every open task and timer is cancelled, with no census closure', () => {
    const driver = atClwQa().withdraw('2027-01-13T09:00:00Z', 'sam', 'New safeguarding concerns');
    expect(driver.state).toMatchObject({ status: 'withdrawn', outcome: { id: 'withdrawn' }, timers: {} });
    expect(driver.state?.outcome?.closureReason).toBeUndefined();
    expect(driver.openTasks()).toEqual([]);
  });
});
