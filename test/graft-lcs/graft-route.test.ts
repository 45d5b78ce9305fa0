/**
 * Graft/LCS when Graft is the currently involved team: "SC TM / ATM discusses with Graft TM if
 * currently involved team" (instead of the Duty EH TM, and on any day), signed by both; then,
 * after the TAF plan, "Graft TM selects Referral to EHM", and "If current FFP/FSW already
 * involved, to Step Down to this worker".
 */
import { describe, expect, it } from 'vitest';
import { identification, started, stepOne, stepTwo } from './given.ts';

const sign = 'step_two_graft_discussion';
const graftOne = (overrides: Record<string, unknown> = {}) => stepOne({ graftInvolved: true, familyDiscussionDate: '2027-03-22', nextCinMeetingDate: '2027-04-26', ...overrides });
const graftTwo = { ...stepTwo, discussionDate: '2027-03-24', discussionTime: '15:00' };

/** Given supervision on Monday 22 March 2027 and the SW's request, on `at`, to discuss with the Graft TM. */
function graftRequested(answers = graftOne()) {
  return started('2027-03-22T10:00:00Z', { ...identification, dateIdentified: '2027-03-22' }).complete('2027-03-22T15:00:00Z', 'step_one_family_discussion', 'sam', answers, { action: 'request_graft_discussion', passTo: { worker: 'tara' } });
}

/** Given Tara and Gary (Graft TM) agreed the Step Down on Thursday 25 March 2027, before Easter. */
function graftAgreed(answers?: Record<string, unknown>) {
  const data = { ...graftTwo, discussionDate: '2027-03-25', discussionTime: '10:00' };
  return graftRequested(answers).complete('2027-03-25T11:00:00Z', sign, 'tara', data, 'step_down_agreed').complete('2027-03-25T12:00:00Z', sign, 'gary', data, 'step_down_agreed');
}

describe('Given Graft is the currently involved team', () => {
  it('When the SW asks on Wednesday 23 December 2026 for the Graft TM discussion, Then it is due in 3 working days (local choice), after Christmas', () => {
    const answers = stepOne({ graftInvolved: true, familyDiscussionDate: '2026-12-21', nextCinMeetingDate: '2027-01-18' });
    const driver = started('2026-12-21T10:00:00Z', { ...identification, dateIdentified: '2026-12-21' }).complete('2026-12-23T15:00:00Z', 'step_one_family_discussion', 'sam', answers, 'request_graft_discussion');
    const task = driver.task(sign);
    expect(task).toMatchObject({ assignee: { role: 'sc_team_manager' }, due: '2026-12-30T23:59:59.999Z' });
    expect(task.availableFrom).toBeUndefined();
  });

  it('When the SW passes the request to the Graft TM, Then it is his to sign first, and then it waits with the SC TMs / ATMs to co-sign; passing it to the Duty EH TM is refused', () => {
    const driver = started('2027-03-22T10:00:00Z', { ...identification, dateIdentified: '2027-03-22' });
    const duty = driver.refused((d) => d.complete('2027-03-22T15:00:00Z', 'step_one_family_discussion', 'sam', graftOne(), { action: 'request_graft_discussion', passTo: { worker: 'dina' } }));
    expect(duty).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringMatching(/^"Request Step Down Discussion with Graft TM \(currently involved team\)" can only be passed to an SC TM \/ ATM or a Graft TM; "dina" is not one\.$/) });
    driver.complete('2027-03-22T15:00:00Z', 'step_one_family_discussion', 'sam', graftOne(), { action: 'request_graft_discussion', passTo: { worker: 'gary' } });
    expect(driver.task(sign).assignee).toEqual({ worker: 'gary' });
    driver.complete('2027-03-24T16:00:00Z', sign, 'gary', graftTwo, 'step_down_agreed');
    expect(driver.task(sign)).toMatchObject({ assignee: { role: 'sc_team_manager' }, signatures: [{ by: 'gary', role: 'graft_team_manager' }] });
    driver.complete('2027-03-24T16:30:00Z', sign, 'tom', graftTwo, 'step_down_agreed');
    expect(driver.task('step_three_taf_decision').assignee).toEqual({ team: 'taf_team' });
  });

  it('When Gary (Graft TM) signs the discussion passed to Tara, Then it stays with Tara to co-sign', () => {
    const driver = graftRequested().complete('2027-03-24T16:00:00Z', sign, 'gary', graftTwo, 'step_down_agreed');
    expect(driver.task(sign)).toMatchObject({ assignee: { worker: 'tara' }, signatures: [{ by: 'gary' }] });
    expect(driver.history('task_reassigned', sign)).toEqual([]);
  });

  it('When the Graft TM discussion is overdue, Then the SC Service Manager and the Graft team are told', () => {
    const driver = graftRequested().runUntil('2027-03-25T23:59:59.999Z');
    expect(driver.task(sign)).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'sc_service_manager' }, { team: 'graft' }] });
  });

  it('When Tara and Gary discuss it on a Wednesday afternoon, Then it is accepted: the duty morning slot is for the Duty EH TM only', () => {
    const driver = graftRequested().complete('2027-03-24T16:00:00Z', sign, 'tara', graftTwo, 'step_down_agreed').complete('2027-03-24T16:30:00Z', sign, 'gary', graftTwo, 'step_down_agreed');
    expect(driver.task('step_three_taf_decision').assignee).toEqual({ team: 'taf_team' });
  });

  it('When the Duty EH TM or an EH TM tries to sign the Graft TM discussion, Then it is refused: only an SC TM / ATM or the Graft TM', () => {
    const driver = graftRequested();
    for (const who of ['dina', 'ellie']) {
      const refusal = driver.refused((d) => d.complete('2027-03-24T16:00:00Z', sign, who, graftTwo, 'step_down_agreed'));
      expect(refusal.code).toBe('not_allowed');
      // "a graft TM" while the engine lowercases a role name whose later words are all capitals (reported).
      expect(refusal.message).toMatch(/^Only an SC TM \/ ATM or a Graft TM can do "Step Down Discussion with Graft TM"\.$/);
    }
  });

  it('When Step Down to EH is not agreed with the Graft TM, Then the SW is told and the family remains with Social Care', () => {
    const data = { ...graftTwo, reasonNotAgreed: 'Graft work is not finished.' };
    const driver = graftRequested().complete('2027-03-24T16:00:00Z', sign, 'gary', data, 'step_down_not_agreed').complete('2027-03-24T16:05:00Z', sign, 'tara', data, 'step_down_not_agreed');
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ worker: 'sam' }], body: expect.stringContaining('with the Graft TM on 2027-03-24 at 15:00. Reason: Graft work is not finished.') });
    expect(driver.state).toMatchObject({ outcome: { id: 'step_down_not_agreed' }, closures: [] });
  });

  it('When consent is withdrawn by the time of the discussion, Then "Step Down to EH agreed" is refused', () => {
    const refusal = graftRequested().refused((d) => d.complete('2027-03-24T16:00:00Z', sign, 'tara', { ...graftTwo, familyConsent: false }, 'step_down_agreed'));
    expect(refusal.message).toBe('If no consent is gained from the family for Early Help, the step down cannot progress.');
  });
});

describe('Given the TAF Team agreed a TAF plan and an FFP/FSW (Fred) is already involved through Graft', () => {
  const caseNote = { caseNoteDate: '2027-03-31', workAgreed: 'Continue routines work.', ffpFswAlreadyInvolved: true, currentFfpFsw: 'Fred' };
  const withFred = () =>
    graftAgreed(graftOne({ ffpFswInvolved: true, currentFfpFsw: 'Fred' })).complete('2027-03-30T10:00:00Z', 'step_three_taf_decision', 'gary', { tafDiscussionDate: '2027-03-30', decisionReasons: 'TAF plan agreed.' }, 'taf_plan_agreed');
  const atGraftReferral = () => withFred().complete('2027-03-31T10:00:00Z', 'step_three_case_note_allocation', 'gary', caseNote, 'case_note_added');

  it('Then the Graft TM\u2019s case note has the FFP/FSW copied over, and the Graft team makes the Referral to EHM', () => {
    expect(withFred().task('step_three_case_note_allocation')).toMatchObject({ assignee: { worker: 'gary' }, prefill: { ffpFswAlreadyInvolved: true, currentFfpFsw: 'Fred' } });
    expect(atGraftReferral().task('step_four_graft_referral')).toMatchObject({ assignee: { team: 'graft' }, due: '2027-04-02T22:59:59.999Z' });
  });

  it('When the involved FFP/FSW\u2019s name is blank spaces, Then the case note is refused', () => {
    const refusal = withFred().refused((d) => d.complete('2027-03-31T10:00:00Z', 'step_three_case_note_allocation', 'gary', { ...caseNote, currentFfpFsw: '  ' }, 'case_note_added'));
    expect(refusal.details.fieldErrors?.map((e) => e.message)).toEqual(['Enter the name of the FFP/FSW already involved']);
  });

  it('When the referral goes to a tray, Then it is refused: the step down goes to the worker already involved', () => {
    const tray = atGraftReferral().refused((d) => d.complete('2027-04-01T10:00:00Z', 'step_four_graft_referral', 'gary', { referralDate: '2027-04-01' }, { action: 'referral_to_ehm', passTo: { team: 'vulnerabilities' } }));
    expect(tray.message).toBe('There is an FFP/FSW already involved: Step Down to this worker.');
  });

  it('When an EH TM or an SC TM / ATM tries to make the Graft referral, Then it is refused: only the Graft TM', () => {
    const driver = atGraftReferral();
    const refer = (who: string) => (d: typeof driver) => d.complete('2027-04-01T10:00:00Z', 'step_four_graft_referral', who, { referralDate: '2027-04-01' }, { action: 'step_down_to_current_worker', passTo: { worker: 'fred' } });
    for (const who of ['ellie', 'tara']) {
      expect(driver.refused(refer(who))).toMatchObject({ code: 'not_allowed', message: '"Graft TM selects Referral to EHM on LCS" is with Graft, not with you or your team.' });
    }
    driver.reassign('2027-04-01T09:00:00Z', 'step_four_graft_referral', 'gary', { team: 'taf_team' });
    expect(driver.refused(refer('ellie')).message).toMatch(/^Only a Graft TM can do "Graft TM selects Referral to EHM on LCS"\.$/);
  });

  it('When "Step Down to current FFP/FSW" is passed to an EH Supervisor or a Social Worker, Then it is refused: it goes to an FFP or FSW', () => {
    const driver = atGraftReferral();
    for (const worker of ['sue', 'sam']) {
      const refusal = driver.refused((d) => d.complete('2027-04-01T10:00:00Z', 'step_four_graft_referral', 'gary', { referralDate: '2027-04-01' }, { action: 'step_down_to_current_worker', passTo: { worker } }));
      expect(refusal.code).toBe('pass_to_not_allowed');
      expect(refusal.message).toMatch(/can only be passed to an FFP or an FSW \(Family Support Worker\)/);
    }
  });

  it('When the referral is dated before the case note, Then it is refused', () => {
    const refusal = atGraftReferral().refused((d) => d.complete('2027-04-01T10:00:00Z', 'step_four_graft_referral', 'gary', { referralDate: '2027-03-30' }, { action: 'step_down_to_current_worker', passTo: { worker: 'fred' } }));
    expect(refusal.details.fieldErrors?.map((e) => e.message)).toEqual(['The Referral to EHM cannot be dated before the EH TM / Graft TM case note that agreed the work']);
  });

  it('When the Graft TM steps down to Fred, Then the SW and Fred prepare for the CIN review, at Normal priority', () => {
    const driver = atGraftReferral().complete('2027-04-01T10:00:00Z', 'step_four_graft_referral', 'gary', { referralDate: '2027-04-01' }, { action: 'step_down_to_current_worker', passTo: { worker: 'fred' } });
    expect(driver.openTasks().map((t) => [t.node, t.assignee, t.priority])).toEqual([
      ['sw_handover', { worker: 'sam' }, 'normal'],
      ['joint_visit', { worker: 'fred' }, 'normal'],
    ]);
  });

  it('When the Graft TM steps down to Fred at Low priority, Then it is accepted: Fred is already allocated, so nothing waits to be allocated "as a priority"', () => {
    const driver = atGraftReferral().complete('2027-04-01T10:00:00Z', 'step_four_graft_referral', 'gary', { referralDate: '2027-04-01' }, { action: 'step_down_to_current_worker', passTo: { worker: 'fred' }, priority: 'low' });
    expect(driver.task('joint_visit')).toMatchObject({ assignee: { worker: 'fred' }, priority: 'low' });
  });
});

describe('Given the TAF Team agreed a TAF plan on the Graft route and no FFP/FSW is involved', () => {
  const atGraftTrayReferral = () =>
    graftAgreed()
      .complete('2027-03-30T10:00:00Z', 'step_three_taf_decision', 'gary', { tafDiscussionDate: '2027-03-30', decisionReasons: 'TAF plan agreed.' }, 'taf_plan_agreed')
      .complete('2027-03-31T10:00:00Z', 'step_three_case_note_allocation', 'gary', { caseNoteDate: '2027-03-31', workAgreed: 'Routines work.', ffpFswAlreadyInvolved: false, workerToAllocate: 'fsw' }, 'case_note_added');
  const refer = (priority?: 'urgent' | 'normal' | 'low') => (d: ReturnType<typeof atGraftTrayReferral>) =>
    d.complete('2027-04-01T10:00:00Z', 'step_four_graft_referral', 'gary', { referralDate: '2027-04-01' }, { action: 'referral_to_ehm', passTo: { team: 'early_years' }, ...(priority ? { priority } : {}) });

  it('When the Graft TM refers to the Early Years tray at Low priority, Then it is refused: Step Downs are allocated as a priority, and the case is unchanged', () => {
    const refusal = atGraftTrayReferral().refused(refer('low'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'Step Downs are allocated as a priority: choose Urgent for "Referral to EHM".' });
  });

  it('When he refers at Urgent, or chooses no priority, Then the Early Years tray holds it at Urgent', () => {
    for (const priority of ['urgent', undefined] as const) {
      const driver = refer(priority)(atGraftTrayReferral());
      expect(driver.task('step_four_tray_allocation')).toMatchObject({ assignee: { team: 'early_years' }, priority: 'urgent', passedBy: 'gary' });
    }
  });
});
