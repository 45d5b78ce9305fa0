/**
 * Step up to Children's Services, started directly by an Early Help Family Worker: worries to the
 * Senior Practitioner, the MARF Form, the MASH decision on LCS and its three ways out (step up
 * and joint visit; allocation to Early Help, which is NOT a Step Down; a dispute the Operational
 * Managers sign jointly), across Easter and the change to British Summer Time.
 */
import { describe, expect, it } from 'vitest';
import type { CaseDriver } from '../support/case-driver.ts';
import { jointReview } from './clinic-case.ts';
import { atMarf, atMash, disputedAtMash, marf, mashDecision, started, stepUpVisit, summary, worries } from './step-up-case.ts';

describe('Given an Early Help Family Worker has worries which require a social work response', () => {
  it('When she starts a step up on Thursday 25 March, Then she must raise them by the end of Tuesday 30 March, after Good Friday, Easter Monday and the clocks going forward', () => {
    expect(started().task('raise_worries')).toMatchObject({ assignee: { worker: 'fern' }, due: '2027-03-30T22:59:59.999Z', dueLabel: 'by the end of the next working day (local choice)' });
  });

  it('When she passes them to Sian as Urgent, Then Sian has the MARF Form, urgent, with the worries and the latest case summary copied in', () => {
    expect(atMarf().task('su_marf')).toMatchObject({
      assignee: { worker: 'sian' },
      priority: 'urgent',
      passedBy: 'fern',
      due: '2027-03-30T22:59:59.999Z',
      prefill: { worries: worries.worries, latestCaseSummary: summary },
    });
  });

  it('When there are no Child Protection concerns, Then she may pass them on at Normal priority', () => {
    const d = started().complete('2027-03-25T15:00:00Z', 'raise_worries', 'fern', { ...worries, childProtectionConcerns: false }, { action: 'raise', passTo: { worker: 'sian' } });
    expect(d.task('su_marf').priority).toBe('normal');
  });

  it('When she passes them to the Early Help Family Worker Team, Then a Senior Practitioner completes the MARF Form from the team’s work', () => {
    const d = started().complete('2027-03-25T15:00:00Z', 'raise_worries', 'fern', worries, { action: 'raise', passTo: { team: 'eh_family_worker_team' }, priority: 'urgent' });
    expect(d.task('su_marf').assignee).toEqual({ team: 'eh_family_worker_team' });
    d.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf(), 'send_marf');
    expect(d.task('su_mash_decision').assignee).toEqual({ team: 'mash' });
  });
});

describe('Given the Senior Practitioner completes the MARF Form', () => {
  it('When the discussion finds no social work response is needed, Then Early Help continues and the case ends without a step up', () => {
    const d = atMarf();
    expect(d.refused((x) => x.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf(), 'continue_eh')).message).toBe('Enter why a social work response is not needed.');
    d.complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf({ rationale: undefined, reasonNotSteppingUp: 'Worries are met by the Early Help plan.' }), 'continue_eh');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'eh_continues', node: 'su_eh_continues' }, closures: [] });
  });

  it('When it is sent to MASH on Tuesday 30 March, Then MASH decides within 1 working day, by the end of Wednesday 31 March (BST), with the MARF copied in', () => {
    expect(atMash().task('su_mash_decision')).toMatchObject({
      assignee: { team: 'mash' },
      due: '2027-03-31T22:59:59.999Z',
      dueLabel: 'within 1 working day of receiving the MARF Form',
      prefill: { latestCaseSummary: summary, marfRationale: marf().rationale },
    });
  });
});

describe('Given the MASH Manager decides', () => {
  it('When MASH steps the family up to Sol on 31 March, Then Sol has the joint visit, due by the end of Wednesday 7 April, and the case closes as stepped up, closing nothing', () => {
    const d = atMash().complete('2027-03-31T10:00:00Z', 'su_mash_decision', 'mo', mashDecision(), { action: 'step_up', passTo: { worker: 'sol' } });
    expect(d.task('su_joint_visit')).toMatchObject({ assignee: { worker: 'sol' }, due: '2027-04-07T22:59:59.999Z' });
    d.complete('2027-04-06T13:00:00Z', 'su_joint_visit', 'sol', stepUpVisit('2027-04-06'), 'visit_done');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'stepped_up', node: 'su_stepped_up' }, closures: [] });
    expect(d.state!.outcome?.closureReason).toBeUndefined();
  });

  it('When MASH allocates to Early Help, Then the Family Worker and Senior Practitioner are told it is NOT a Step Down and the case ends with that outcome and no census closure', () => {
    const d = atMash().complete('2027-03-31T10:00:00Z', 'su_mash_decision', 'mo', mashDecision(), 'allocate_eh');
    expect(d.notifications().at(-1)).toMatchObject({
      to: [{ worker: 'fern' }, { worker: 'sian' }],
      subject: 'MARF Form for Okafor: allocated to Early Help',
      body: 'The MARF Form for the Okafor family has resulted in allocation to Early Help. This is NOT a Step Down: Early Help continues to work with the family.',
    });
    expect(d.state!.outcome).toMatchObject({ id: 'mash_allocated_eh', node: 'su_mash_allocated_eh' });
    expect(d.state!.outcome?.id).not.toBe('stepped_down');
    expect(d.state!.closures).toEqual([]);
  });

  it('When MASH and Early Help dispute which service is right, Then the Operational Managers review jointly within 5 working days', () => {
    expect(disputedAtMash().task('su_dispute_review')).toMatchObject({ assignee: { team: 'operational_managers' }, due: '2027-04-07T22:59:59.999Z' });
  });
});

const review = jointReview({ dateOfJointReview: '2027-04-02' });
const bothSign = (d: CaseDriver, action: string | { action: string; passTo: { team: string } }) =>
  d.complete('2027-04-02T10:00:00Z', 'su_dispute_review', 'otto', review, action).complete('2027-04-02T10:30:00Z', 'su_dispute_review', 'olga', review, action);

describe('Given the Operational Managers review a disputed step up jointly', () => {
  it('When both agree on a step up and pass it to the Social Work Team, Then a Social Worker in that team does the joint visit and the case is stepped up', () => {
    const d = bothSign(disputedAtMash(), { action: 'step_up', passTo: { team: 'social_work_team' } });
    expect(d.task('su_joint_visit')).toMatchObject({ assignee: { team: 'social_work_team' }, due: '2027-04-09T22:59:59.999Z' });
    d.complete('2027-04-08T10:00:00Z', 'su_joint_visit', 'sol', stepUpVisit('2027-04-08', { visitOutcome: 'Agreed.' }), 'visit_done');
    expect(d.state!.outcome?.id).toBe('stepped_up');
    expect(d.history('task_signed', 'su_dispute_review').map((h) => h.by)).toEqual(['otto', 'olga']);
  });

  it('When both agree Early Help is right, Then the case ends as allocated to Early Help (NOT a Step Down)', () => {
    expect(bothSign(disputedAtMash(), 'early_help').state!.outcome?.id).toBe('mash_allocated_eh');
  });
});
