/**
 * What the step up refuses: anyone but a Family Worker raising worries, worries passed to anyone
 * but a Senior Practitioner, Child Protection concerns passed on at Normal priority, a MARF Form
 * completed by a Family Worker or by whoever raised the worries, a MASH decision by anyone but a
 * MASH Manager, dates out of order, blank answers, and a dispute review signed by one manager.
 */
import { describe, expect, it } from 'vitest';
import { family, jointReview, newCase } from './clinic-case.ts';
import { atMarf, atMash, disputedAtMash, marf, mashDecision, started, stepUpVisit, summary, worries } from './step-up-case.ts';

const raise = (passTo: { worker: string } | { team: string }, priority?: 'urgent' | 'normal', data: Record<string, unknown> = worries) => (x: ReturnType<typeof started>) =>
  x.complete('2027-03-25T15:00:00Z', 'raise_worries', 'fern', data, { action: 'raise', passTo, ...(priority ? { priority } : {}) });

describe('Given an Early Help Family Worker steps up on Thursday 25 March 2027', () => {
  it('When a Social Worker tries to start a step up, Then it is refused', () => {
    expect(newCase().refused((x) => x.start('2027-03-25T14:00:00Z', 'step_up', 'sam', family, { latestCaseSummary: summary })).code).toBe('not_allowed');
  });

  it('When there is no latest case summary, Then the step up cannot start: Early Help must be working with the family', () => {
    const refusal = newCase().refused((x) => x.start('2027-03-25T14:00:00Z', 'step_up', 'fern', family, { latestCaseSummary: '  ' }));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/data/latestCaseSummary', keyword: 'required', message: 'Enter the latest case summary: Early Help must be working with the family to step up' }]);
  });

  it('When she raises them without choosing her Senior Practitioner, Then it is refused', () => {
    expect(started().refused((x) => x.complete('2027-03-25T15:00:00Z', 'raise_worries', 'fern', worries, { action: 'raise', priority: 'urgent' })).code).toBe('pass_to_required');
  });

  it.each([
    ['herself', 'fern'],
    ['another Family Worker', 'faye'],
    ['a Social Worker', 'sam'],
  ])('When she passes them to %s, Then it is refused: worries go to a Senior Practitioner', (_, worker) => {
    const refusal = started().refused(raise({ worker }, 'urgent'));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toContain('can only be passed to an Early Help Senior Practitioner');
  });

  it('When there are Child Protection concerns and she passes them on at Normal priority, Then it is refused: they go as Urgent', () => {
    const d = started();
    for (const priority of ['normal', undefined] as const) {
      expect(d.refused(raise({ worker: 'sian' }, priority))).toMatchObject({ code: 'guard_failed', message: 'There are Child Protection concerns: pass the worries to the Senior Practitioner as Urgent.' });
    }
  });

  it('When the worries are only spaces, Then the form asks for them', () => {
    const refusal = started().refused(raise({ worker: 'sian' }, 'urgent', { worries: '   ', childProtectionConcerns: true }));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/worries', keyword: 'required', message: 'Enter the worries which require a social work response' }]);
  });

  it('When raising them is passed to the Family Worker Team and a Senior Practitioner raises them, Then it is refused: the Family Worker raises them', () => {
    const d = started().reassign('2027-03-25T14:30:00Z', 'raise_worries', 'fern', { team: 'eh_family_worker_team' });
    expect(d.refused((x) => x.complete('2027-03-25T15:00:00Z', 'raise_worries', 'sian', worries, { action: 'raise', passTo: { worker: 'sian' }, priority: 'urgent' }))).toMatchObject({
      code: 'not_allowed',
      message: 'Only an Early Help Family Worker can do "Raise worries with Senior Practitioner".',
    });
  });
});

describe('Given the worries are with the Senior Practitioner for the MARF Form', () => {
  it('When they went to the Family Worker Team and Faye, a Family Worker in it, completes the MARF Form, Then it is refused', () => {
    const d = started().complete('2027-03-25T15:00:00Z', 'raise_worries', 'fern', worries, { action: 'raise', passTo: { team: 'eh_family_worker_team' }, priority: 'urgent' });
    expect(d.refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'faye', marf(), 'send_marf'))).toMatchObject({
      code: 'not_allowed',
      message: 'Only an Early Help Senior Practitioner can do "Complete MARF Form".',
    });
  });

  it('When the MARF Form is reassigned to Fern, Then it is refused: a Family Worker cannot complete it', () => {
    expect(atMarf().refused((x) => x.reassign('2027-03-26T09:00:00Z', 'su_marf', 'sian', { worker: 'fern' })).code).toBe('pass_to_not_allowed');
  });

  it('When Sue, who holds both roles, raised the worries and then completes the MARF Form, Then it is refused: someone else must', () => {
    const d = newCase('2027-03-25T09:00:00Z')
      .start('2027-03-25T14:00:00Z', 'step_up', 'sue', family, { latestCaseSummary: summary })
      .complete('2027-03-25T15:00:00Z', 'raise_worries', 'sue', worries, { action: 'raise', passTo: { worker: 'sue' }, priority: 'urgent' });
    expect(d.refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'sue', marf(), 'send_marf'))).toMatchObject({
      code: 'same_person',
      message: 'You did "Raise worries with Senior Practitioner" on this case, so someone else must do "Complete MARF Form".',
    });
    d.reassign('2027-03-30T09:30:00Z', 'su_marf', 'sue', { worker: 'sian' }).complete('2027-03-30T10:00:00Z', 'su_marf', 'sian', marf(), 'send_marf');
    expect(d.task('su_mash_decision')).toBeDefined();
  });

  it('When the discussion is dated before the worries were raised, or is still to come, Then it is refused', () => {
    const d = atMarf();
    expect(d.refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf({ dateOfDiscussion: '2027-03-24' }), 'send_marf')).details.fieldErrors?.[0]).toMatchObject({
      pointer: '/dateOfDiscussion',
      message: expect.stringContaining('cannot be before the Early Help Family Worker raised them'),
    });
    expect(d.refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf({ dateOfDiscussion: '2027-03-31' }), 'send_marf')).details.fieldErrors).toEqual([
      { pointer: '/dateOfDiscussion', keyword: 'check', message: 'The date of the discussion cannot be in the future' },
    ]);
  });

  it('When the Thresholds Document has not been consulted, Then the MARF Form cannot be completed', () => {
    const refusal = atMarf().refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf({ thresholdsDocumentConsulted: false }), 'send_marf'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'Consult the Thresholds Document before completing the MARF Form.' });
  });

  it('When the rationale for the plan to step up is missing or only spaces, Then it cannot go to MASH', () => {
    for (const rationale of [undefined, '   ']) {
      const refusal = atMarf().refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf({ rationale }), 'send_marf'));
      expect(refusal.message).toBe("Enter the rationale for the plan to step up to Children's Services.");
    }
  });

  it('When the latest case summary is only spaces, Then the form asks for it', () => {
    const refusal = atMarf().refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf({ latestCaseSummary: '\t ' }), 'send_marf'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/latestCaseSummary', keyword: 'required', message: 'Enter the latest case summary' }]);
  });
});

describe('Given the MARF Form reached MASH on Tuesday 30 March 2027', () => {
  const decide = (by: string, data = mashDecision(), passTo = { worker: 'sol' }) => (x: ReturnType<typeof atMash>) =>
    x.complete('2027-03-31T10:00:00Z', 'su_mash_decision', by, data, { action: 'step_up', passTo });

  it('When Max, a Social Worker who sits in the MASH tray, decides, Then it is refused: only a MASH Manager', () => {
    expect(atMash().refused(decide('max'))).toMatchObject({ code: 'not_allowed', message: 'Only a MASH Manager can do "MASH decision".' });
  });

  it('When the Operational Manager for MASH decides, Then it is refused', () => {
    expect(atMash().refused(decide('otto')).code).toBe('not_allowed');
  });

  it('When the decision making and rationale are not recorded on LCS, Then the decision is refused', () => {
    expect(atMash().refused(decide('mo', mashDecision({ recordedOnLcs: false })))).toMatchObject({
      code: 'guard_failed',
      message: 'Record the decision making and rationale on LCS before completing the MASH decision.',
    });
  });

  it('When the decision making and rationale are only spaces, Then the form asks for them', () => {
    expect(atMash().refused(decide('mo', mashDecision({ decisionMakingAndRationale: '  ' }))).details.fieldErrors).toEqual([
      { pointer: '/decisionMakingAndRationale', keyword: 'required', message: 'Enter the decision making and rationale' },
    ]);
  });

  it('When the decision is dated Easter Monday, before MASH received the MARF Form, Then it is refused', () => {
    expect(atMash().refused(decide('mo', mashDecision({ dateOfDecision: '2027-03-29' }))).details.fieldErrors).toEqual([
      { pointer: '/dateOfDecision', keyword: 'check', message: 'The date of the decision cannot be before MASH received the MARF Form' },
    ]);
  });

  it('When MASH steps the family up to a Family Worker, Then it is refused: the step up goes to a Social Worker', () => {
    const refusal = atMash().refused(decide('mo', mashDecision(), { worker: 'fern' }));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toContain('can only be passed to a Social Worker');
  });
});

describe('Given MASH stepped the family up to the Social Work Team on Wednesday 31 March 2027', () => {
  const steppedUp = () => atMash().complete('2027-03-31T10:00:00Z', 'su_mash_decision', 'mo', mashDecision(), { action: 'step_up', passTo: { team: 'social_work_team' } });

  it('When Tom, a Team Manager in that team, records the joint visit, Then it is refused: the Social Worker records it', () => {
    expect(steppedUp().refused((x) => x.complete('2027-04-06T13:00:00Z', 'su_joint_visit', 'tom', stepUpVisit('2027-04-06'), 'visit_done'))).toMatchObject({
      code: 'not_allowed',
      message: 'Only a Social Worker can do "Joint visit (Social Worker and Early Help Family Worker)".',
    });
  });

  it('When the joint visit is dated Easter Monday 29 March, before the decision, Then it is refused', () => {
    expect(steppedUp().refused((x) => x.complete('2027-04-06T13:00:00Z', 'su_joint_visit', 'sol', stepUpVisit('2027-03-29'), 'visit_done')).details.fieldErrors).toEqual([
      { pointer: '/dateOfJointVisit', keyword: 'check', message: "The joint visit cannot be before the decision to step up to Children's Services" },
    ]);
  });

  it('When the Early Help Family Worker is not named, Then the form asks for them: the visit is joint', () => {
    expect(steppedUp().refused((x) => x.complete('2027-04-06T13:00:00Z', 'su_joint_visit', 'sol', stepUpVisit('2027-04-06', { earlyHelpFamilyWorker: '' }), 'visit_done')).details.fieldErrors).toEqual([
      { pointer: '/earlyHelpFamilyWorker', keyword: 'required', message: 'Enter the name of the Early Help Family Worker' },
    ]);
  });
});

describe('Given MASH disputed the step up on Wednesday 31 March 2027', () => {
  const review = jointReview({ dateOfJointReview: '2027-04-02' });

  it('When only the Operational Manager for MASH signs, Then the review stays open; signing again is refused, naming the Operational Manager for Early Help', () => {
    const d = disputedAtMash().complete('2027-04-02T10:00:00Z', 'su_dispute_review', 'otto', review, 'early_help');
    expect(d.openTasks().map((t) => t.node)).toEqual(['su_dispute_review']);
    const refusal = d.refused((x) => x.complete('2027-04-02T10:30:00Z', 'su_dispute_review', 'otto', review, 'early_help'));
    expect(refusal.code).toBe('already_signed');
    expect(refusal.message).toContain('Operational Manager for Early Help');
  });

  it('When the joint review is dated before the dispute, Then it is refused', () => {
    expect(disputedAtMash().refused((x) => x.complete('2027-04-02T10:00:00Z', 'su_dispute_review', 'otto', jointReview({ dateOfJointReview: '2027-03-30' }), 'early_help')).details.fieldErrors).toEqual([
      { pointer: '/dateOfJointReview', keyword: 'check', message: 'The joint review cannot be before the dispute was raised' },
    ]);
  });

  it('When the step up they agree is passed to a Family Worker, Then it is refused', () => {
    expect(disputedAtMash().refused((x) => x.complete('2027-04-02T10:00:00Z', 'su_dispute_review', 'otto', review, { action: 'step_up', passTo: { worker: 'fern' } })).code).toBe('pass_to_not_allowed');
  });

  it('When the joint visit after their step up is dated 1 April, before the joint review, Then it is refused', () => {
    const d = disputedAtMash()
      .complete('2027-04-02T10:00:00Z', 'su_dispute_review', 'otto', review, { action: 'step_up', passTo: { worker: 'sol' } })
      .complete('2027-04-02T10:30:00Z', 'su_dispute_review', 'olga', review, { action: 'step_up', passTo: { worker: 'sol' } });
    expect(d.refused((x) => x.complete('2027-04-06T10:00:00Z', 'su_joint_visit', 'sol', stepUpVisit('2027-04-01'), 'visit_done')).details.fieldErrors?.[0]?.pointer).toBe('/dateOfJointVisit');
  });
});
