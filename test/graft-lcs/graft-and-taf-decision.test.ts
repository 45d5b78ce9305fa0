/**
 * Graft/LCS: the Step Two discussion with the Graft TM when Graft is the currently involved team,
 * and Step Three, the decision with the TAF Team: "TAF Plan Not Agreed" ends in a case note
 * recommending universal services; "TAF Plan Agreed" leads the Graft TM to the Referral to EHM.
 */
import { describe, expect, it } from 'vitest';
import { identification, started, stepOne, stepTwo } from './given.ts';

const graftTwo = { ...stepTwo, discussedWith: 'Gary (Graft TM)', discussionDate: '2027-03-24' };

/** Given supervision on Monday 22 March 2027 and the SW's request, on `at`, to discuss with the Graft TM. */
function graftRequested(at = '2027-03-22T15:00:00Z', answers = stepOne({ nextCinMeetingDate: '2027-04-26' })) {
  return started('2027-03-22T10:00:00Z', { ...identification, dateIdentified: '2027-03-22' }).complete(at, 'step_one_family_discussion', 'sam', answers, { action: 'request_graft_discussion', passTo: { worker: 'tara' } });
}

/** Given Step Down to EH agreed with the Graft TM on Thursday 25 March 2027, before Easter. */
function graftAgreed(answers?: Record<string, unknown>) {
  return graftRequested(undefined, answers).complete('2027-03-25T11:00:00Z', 'step_two_graft_discussion', 'tara', { ...graftTwo, discussionDate: '2027-03-25' }, 'step_down_agreed');
}

describe('Given Graft is the currently involved team', () => {
  it('When the SW asks on Wednesday 23 December 2026 for the Graft TM discussion, Then it is due in 3 working days (local choice), after Christmas', () => {
    const driver = started('2026-12-21T10:00:00Z', { ...identification, dateIdentified: '2026-12-21' }).complete('2026-12-23T15:00:00Z', 'step_one_family_discussion', 'sam', stepOne({ nextCinMeetingDate: '2027-01-18' }), 'request_graft_discussion');
    const task = driver.task('step_two_graft_discussion');
    expect(task).toMatchObject({ assignee: { role: 'sc_team_manager' }, due: '2026-12-30T23:59:59.999Z' });
    expect(task.availableFrom).toBeUndefined();
  });

  it('When the Graft TM discussion is overdue, Then the SC Service Manager and the Graft team are told', () => {
    const driver = graftRequested().runUntil('2027-03-25T23:59:59.999Z');
    expect(driver.task('step_two_graft_discussion')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'sc_service_manager' }, { team: 'graft' }] });
  });

  it('When Step Down to EH is not agreed with the Graft TM, Then the SW is told and the family remains with Social Care', () => {
    const data = { ...graftTwo, reasonNotAgreed: 'Graft work is not finished.' };
    const driver = graftRequested().complete('2027-03-24T10:00:00Z', 'step_two_graft_discussion', 'tara', data, 'step_down_not_agreed');
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ worker: 'sam' }], body: expect.stringContaining('with Gary (Graft TM) on 2027-03-24. Reason: Graft work is not finished.') });
    expect(driver.state?.outcome).toMatchObject({ id: 'step_down_not_agreed' });
  });

  it('When consent is withdrawn by the time of the discussion, Then "Step Down to EH agreed" is refused', () => {
    const refusal = graftRequested().refused((d) => d.complete('2027-03-24T10:00:00Z', 'step_two_graft_discussion', 'tara', { ...graftTwo, familyConsent: false }, 'step_down_agreed'));
    expect(refusal.message).toBe('If no consent is gained from the family for Early Help, the step down cannot progress.');
  });
});

describe('Given Step Down to EH was agreed on Thursday 25 March 2027', () => {
  it('Then the TAF Team decides on a TAF plan within 5 working days (local choice): Monday 5 April in BST, after Good Friday and Easter Monday', () => {
    const task = graftAgreed().task('step_three_taf_decision');
    expect(task).toMatchObject({ assignee: { team: 'taf_team' }, due: '2027-04-05T22:59:59.999Z' });
    expect(task.prefill).toEqual({ stepDownPlan: 'School attendance and routines support; parenting programme.' });
  });

  it('When the TAF decision is overdue, Then the EH Service Manager is told', () => {
    const driver = graftAgreed().runUntil('2027-04-05T22:59:59.999Z');
    expect(driver.task('step_three_taf_decision')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_service_manager' }], body: 'The TAF plan decision is overdue.' });
  });

  it('When a Social Worker (not in the TAF Team) tries to record the TAF decision, Then it is refused', () => {
    const refusal = graftAgreed().refused((d) => d.complete('2027-03-30T10:00:00Z', 'step_three_taf_decision', 'sam', { tafDiscussionDate: '2027-03-30', decisionReasons: 'x' }, 'taf_plan_agreed'));
    expect(refusal.code).toBe('not_allowed');
  });
});

describe('Given the TAF Team did not agree a TAF plan on Tuesday 30 March 2027', () => {
  const notAgreed = () => graftAgreed().complete('2027-03-30T10:00:00Z', 'step_three_taf_decision', 'gary', { tafDiscussionDate: '2027-03-30', decisionReasons: 'Needs can be met by universal services.' }, 'taf_plan_not_agreed');

  it('Then the same TM documents the decision and recommended universal services, due in 2 working days (local choice)', () => {
    const task = notAgreed().task('step_three_universal_services_note');
    expect(task).toMatchObject({ assignee: { worker: 'gary' }, due: '2027-04-01T22:59:59.999Z', prefill: { decision: 'Needs can be met by universal services.' } });
  });

  it('When the recommended universal services are left out, Then the case note is refused', () => {
    const refusal = notAgreed().refused((d) => d.complete('2027-03-31T10:00:00Z', 'step_three_universal_services_note', 'gary', { caseNoteDate: '2027-03-31', decision: 'Not agreed' }, 'case_note_added'));
    expect(refusal.details.fieldErrors).toEqual([expect.objectContaining({ pointer: '/recommendedUniversalServices', message: 'Enter the recommended universal services' })]);
  });

  it('When the case note is added to LCS, Then the SW is told the recommended services and the case closes with "universal services" (no census closure)', () => {
    const note = { caseNoteDate: '2027-03-31', decision: 'TAF plan not agreed.', recommendedUniversalServices: 'Family hub stay-and-play; school nurse.' };
    const driver = notAgreed().complete('2027-03-31T10:00:00Z', 'step_three_universal_services_note', 'gary', note, 'case_note_added');
    expect(driver.notifications().at(-1)).toMatchObject({
      to: [{ worker: 'sam' }],
      subject: 'TAF Plan Not Agreed: Achterberg',
      body: 'The EH TM has documented the decision in a case note on LCS on 2027-03-31. Recommended universal services: Family hub stay-and-play; school nurse.',
    });
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'universal_services', node: 'end_universal_services', at: '2027-03-31T10:00:00.000Z' } });
    expect(driver.state?.outcome?.closureReason).toBeUndefined();
  });
});

describe('Given the TAF Team agreed a TAF plan and an FFP/FSW (Fred) is already involved through Graft', () => {
  const withFred = () =>
    graftAgreed(stepOne({ nextCinMeetingDate: '2027-04-26', ffpFswInvolved: true, currentFfpFsw: 'Fred' }))
      .complete('2027-03-30T10:00:00Z', 'step_three_taf_decision', 'gary', { tafDiscussionDate: '2027-03-30', decisionReasons: 'TAF plan agreed.' }, 'taf_plan_agreed');

  it('Then the Graft TM\u2019s case note has the FFP/FSW copied over, and the Graft team makes the Referral to EHM', () => {
    const driver = withFred();
    expect(driver.task('step_three_case_note_allocation')).toMatchObject({ assignee: { worker: 'gary' }, prefill: { ffpFswAlreadyInvolved: true, currentFfpFsw: 'Fred' } });
    driver.complete('2027-03-31T10:00:00Z', 'step_three_case_note_allocation', 'gary', { caseNoteDate: '2027-03-31', workAgreed: 'Continue routines work.', ffpFswAlreadyInvolved: true, currentFfpFsw: 'Fred' }, 'case_note_added');
    expect(driver.task('step_four_graft_referral')).toMatchObject({ assignee: { team: 'graft' }, due: '2027-04-02T22:59:59.999Z' });
  });

  it('When the Referral to EHM goes to a tray, Then it is refused: the step down goes to the worker already involved', () => {
    const driver = withFred().complete('2027-03-31T10:00:00Z', 'step_three_case_note_allocation', 'gary', { caseNoteDate: '2027-03-31', workAgreed: 'Continue.', ffpFswAlreadyInvolved: true, currentFfpFsw: 'Fred' }, 'case_note_added');
    expect(driver.refused((d) => d.complete('2027-04-01T10:00:00Z', 'step_four_graft_referral', 'ellie', { referralDate: '2027-04-01' }, { action: 'step_down_to_current_worker', passTo: { worker: 'fred' } })).code).toBe('not_allowed');
    const tray = driver.refused((d) => d.complete('2027-04-01T10:00:00Z', 'step_four_graft_referral', 'gary', { referralDate: '2027-04-01' }, { action: 'referral_to_ehm', passTo: { team: 'vulnerabilities' } }));
    expect(tray.message).toBe('There is an FFP/FSW already involved: Step Down to this worker.');
    driver.complete('2027-04-01T10:00:00Z', 'step_four_graft_referral', 'gary', { referralDate: '2027-04-01' }, { action: 'step_down_to_current_worker', passTo: { worker: 'fred' } });
    expect(driver.openTasks().map((t) => [t.node, t.assignee, t.priority])).toEqual([
      ['sw_handover', { worker: 'sam' }, 'normal'],
      ['joint_visit', { worker: 'fred' }, 'normal'],
    ]);
  });
});
