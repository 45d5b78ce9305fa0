/**
 * Step up to Children's Services, started directly by an Early Help Family Worker: worries to the
 * Senior Practitioner, the MARF Form, the MASH decision on LCS and its three ways out (step up
 * and joint visit; allocation to Early Help, which is NOT a Step Down; a dispute), across Easter
 * and the change to British Summer Time.
 */
import { describe, expect, it } from 'vitest';
import { family, jointReview, newCase } from './clinic-case.ts';

const worries = { worries: 'Ada has disclosed being hit at home.', childProtectionConcerns: true };
const marf = (overrides: Record<string, unknown> = {}) => ({
  dateOfDiscussion: '2027-03-29',
  thresholdsDocumentConsulted: true,
  worries: worries.worries,
  latestCaseSummary: 'Fern has worked with the family since January.',
  rationale: 'Child Protection concerns meet the threshold for a social work response.',
  ...overrides,
});
const mashDecision = (overrides: Record<string, unknown> = {}) => ({
  dateOfDecision: '2027-03-31',
  decisionMakingAndRationale: 'Threshold met: strategy discussion and Child and Family Assessment.',
  recordedOnLcs: true,
  ...overrides,
});

/** Given Fern raises worries on Thursday 25 March 2027, the day before Good Friday. */
const started = () => newCase('2027-03-25T09:00:00Z').start('2027-03-25T14:00:00Z', 'step_up', 'fern', family, { latestCaseSummary: 'Fern has worked with the family since January.' });
const atMarf = () => started().complete('2027-03-25T15:00:00Z', 'raise_worries', 'fern', worries, { action: 'raise', passTo: { worker: 'sian' }, priority: 'urgent' });
const atMash = () => atMarf().complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf(), 'send_marf');

describe('Given an Early Help Family Worker has worries which require a social work response', () => {
  it('When she starts a step up on Thursday 25 March, Then she must raise them by the end of Tuesday 30 March, after Good Friday, Easter Monday and the clocks going forward', () => {
    expect(started().task('raise_worries')).toMatchObject({ assignee: { worker: 'fern' }, due: '2027-03-30T22:59:59.999Z', dueLabel: 'by the end of the next working day (local choice)' });
  });

  it('When a Social Worker tries to start a step up, Then it is refused', () => {
    expect(newCase().refused((x) => x.start('2027-03-25T14:00:00Z', 'step_up', 'sam', family, {})).code).toBe('not_allowed');
  });

  it('When she raises them without choosing her Senior Practitioner, Then it is refused', () => {
    expect(started().refused((x) => x.complete('2027-03-25T15:00:00Z', 'raise_worries', 'fern', worries, 'raise')).code).toBe('pass_to_required');
  });

  it('When she passes them to Sian as Urgent, Then Sian has the MARF Form, urgent, with the worries and the latest case summary copied in', () => {
    expect(atMarf().task('su_marf')).toMatchObject({
      assignee: { worker: 'sian' },
      priority: 'urgent',
      passedBy: 'fern',
      due: '2027-03-30T22:59:59.999Z',
      prefill: { worries: worries.worries, latestCaseSummary: 'Fern has worked with the family since January.' },
    });
  });

  it('When she passes them to the Early Help Family Worker Team, Then any Senior Practitioner may complete the MARF Form but not another Family Worker', () => {
    const d = started().complete('2027-03-25T15:00:00Z', 'raise_worries', 'fern', worries, { action: 'raise', passTo: { team: 'eh_family_worker_team' } });
    expect(d.task('su_marf').assignee).toEqual({ team: 'eh_family_worker_team' });
    expect(d.refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'fern', marf(), 'send_marf')).code).toBe('not_allowed');
    d.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf(), 'send_marf');
    expect(d.task('su_mash_decision').assignee).toEqual({ team: 'mash' });
  });
});

describe('Given the Senior Practitioner completes the MARF Form', () => {
  it('When the Thresholds Document has not been consulted, Then the MARF Form cannot be completed', () => {
    const refusal = atMarf().refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf({ thresholdsDocumentConsulted: false }), 'send_marf'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'Consult the Thresholds Document before completing the MARF Form.' });
  });

  it('When there is no rationale for the plan to step up, Then it cannot go to MASH', () => {
    const refusal = atMarf().refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf({ rationale: undefined }), 'send_marf'));
    expect(refusal.message).toBe("Enter the rationale for the plan to step up to Children's Services.");
  });

  it('When the discussion finds no social work response is needed, Then Early Help continues and the case ends without a step up', () => {
    const d = atMarf();
    expect(d.refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf(), 'continue_eh')).message).toBe('Enter why a social work response is not needed.');
    d.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf({ rationale: undefined, reasonNotSteppingUp: 'Worries are met by the Early Help plan.' }), 'continue_eh');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'eh_continues', node: 'su_eh_continues' } });
  });

  it('When it is sent to MASH on Tuesday 30 March, Then MASH decides within 1 working day, by the end of Wednesday 31 March (BST), with the MARF copied in', () => {
    expect(atMash().task('su_mash_decision')).toMatchObject({
      assignee: { team: 'mash' },
      due: '2027-03-31T22:59:59.999Z',
      dueLabel: 'within 1 working day of receiving the MARF Form',
      prefill: { latestCaseSummary: 'Fern has worked with the family since January.', marfRationale: marf().rationale },
    });
  });
});

describe('Given the MASH Manager decides', () => {
  it('When the decision making and rationale are not recorded on LCS, Then the decision is refused', () => {
    const refusal = atMash().refused((x) => x.complete('2027-03-31T10:00:00Z', 'su_mash_decision', 'mo', mashDecision({ recordedOnLcs: false }), { action: 'step_up', passTo: { worker: 'sol' } }));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'Record the decision making and rationale on LCS before completing the MASH decision.' });
  });

  it('When MASH steps the family up to Sol on 31 March, Then Sol has the joint visit, due by the end of Wednesday 7 April, and the case closes as stepped up', () => {
    const d = atMash().complete('2027-03-31T10:00:00Z', 'su_mash_decision', 'mo', mashDecision(), { action: 'step_up', passTo: { worker: 'sol' } });
    expect(d.task('su_joint_visit')).toMatchObject({ assignee: { worker: 'sol' }, due: '2027-04-07T22:59:59.999Z' });
    d.complete('2027-04-06T13:00:00Z', 'su_joint_visit', 'sol', { dateOfJointVisit: '2027-04-06', socialWorker: 'Sol Jones', earlyHelpFamilyWorker: 'Fern Ahmed', visitOutcome: 'Assessment started.' }, 'visit_done');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'stepped_up', node: 'su_stepped_up' } });
    expect(d.state!.outcome?.closureReason).toBeUndefined();
  });

  it('When MASH allocates to Early Help, Then the Family Worker and Senior Practitioner are told it is NOT a Step Down and the case ends with that outcome', () => {
    const d = atMash().complete('2027-03-31T10:00:00Z', 'su_mash_decision', 'mo', mashDecision(), 'allocate_eh');
    expect(d.notifications().at(-1)).toMatchObject({
      to: [{ worker: 'fern' }, { worker: 'sian' }],
      subject: 'MARF Form for Okafor: allocated to Early Help',
      body: 'The MARF Form for the Okafor family has resulted in allocation to Early Help. This is NOT a Step Down: Early Help continues to work with the family.',
    });
    expect(d.state!.outcome).toMatchObject({ id: 'mash_allocated_eh', node: 'su_mash_allocated_eh' });
    expect(d.state!.outcome?.id).not.toBe('stepped_down');
  });

  it('When MASH and Early Help dispute which service is right, Then the Operational Managers review jointly within 5 working days', () => {
    const d = atMash().complete('2027-03-31T10:00:00Z', 'su_mash_decision', 'mo', mashDecision(), 'dispute');
    expect(d.task('su_dispute_review')).toMatchObject({ assignee: { team: 'operational_managers' }, due: '2027-04-07T22:59:59.999Z' });
  });
});

describe('Given the Operational Managers review a disputed step up jointly', () => {
  const disputed = () => atMash().complete('2027-03-31T10:00:00Z', 'su_mash_decision', 'mo', mashDecision(), 'dispute');

  it('When they have not agreed, Then the review cannot be recorded', () => {
    expect(disputed().refused((x) => x.complete('2027-04-02T10:00:00Z', 'su_dispute_review', 'otto', jointReview({ jointlyAgreed: false }), 'early_help')).code).toBe('guard_failed');
  });

  it('When they agree on a step up and pass it to the Social Work Team, Then a Social Worker in that team does the joint visit and the case is stepped up', () => {
    const d = disputed().complete('2027-04-02T10:00:00Z', 'su_dispute_review', 'otto', jointReview({ dateOfJointReview: '2027-04-02' }), { action: 'step_up', passTo: { team: 'social_work_team' } });
    expect(d.task('su_joint_visit')).toMatchObject({ assignee: { team: 'social_work_team' }, due: '2027-04-09T22:59:59.999Z' });
    d.complete('2027-04-08T10:00:00Z', 'su_joint_visit', 'sol', { dateOfJointVisit: '2027-04-08', socialWorker: 'Sol Jones', earlyHelpFamilyWorker: 'Fern Ahmed', visitOutcome: 'Agreed.' }, 'visit_done');
    expect(d.state!.outcome?.id).toBe('stepped_up');
  });

  it('When they agree Early Help is right, Then the case ends as allocated to Early Help (NOT a Step Down)', () => {
    const d = disputed().complete('2027-04-02T10:00:00Z', 'su_dispute_review', 'olga', jointReview(), 'early_help');
    expect(d.state!.outcome?.id).toBe('mash_allocated_eh');
  });
});
