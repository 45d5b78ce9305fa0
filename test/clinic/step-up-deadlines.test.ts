/**
 * Step up deadlines that pass, and how they escalate: raising worries, the MARF Form, the MASH
 * decision over the Early May bank holiday, and the joint visit over the Spring bank holiday.
 */
import { describe, expect, it } from 'vitest';
import { escalations, family, newCase } from './clinic-case.ts';

const worries = { worries: 'Neglect is getting worse.', childProtectionConcerns: false };
const marf = (date: string) => ({ dateOfDiscussion: date, thresholdsDocumentConsulted: true, worries: worries.worries, latestCaseSummary: 'Summary.', rationale: 'Threshold met.' });
const intake = { latestCaseSummary: 'Summary.' };
const mash = { dateOfDecision: '2027-05-28', decisionMakingAndRationale: 'Step up.', recordedOnLcs: true };

describe('Given worries are not raised in time', () => {
  it('When the end of the next working day passes, Then the Early Help Family Worker Team’s Senior Practitioners are told', () => {
    const d = newCase('2027-04-29T08:00:00Z').start('2027-04-29T09:00:00Z', 'step_up', 'fern', family, intake);
    expect(d.task('raise_worries').due).toBe('2027-04-30T22:59:59.999Z');
    d.runUntil('2027-04-30T22:59:59.999Z');
    expect(d.task('raise_worries')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(escalations(d, 'raise_worries')).toMatchObject([{ to: [{ team: 'eh_family_worker_team' }], subject: 'Overdue: Raise worries with Senior Practitioner' }]);
  });
});

describe('Given worries raised on Friday 30 April 2027, before the Early May bank holiday', () => {
  const atMarf = () =>
    newCase('2027-04-30T08:00:00Z')
      .start('2027-04-30T09:00:00Z', 'step_up', 'fern', family, intake)
      .complete('2027-04-30T10:00:00Z', 'raise_worries', 'fern', worries, { action: 'raise', passTo: { worker: 'sian' } });

  it('When the MARF Form is not completed, Then the Early Help Team Manager is told at the end of Tuesday 4 May and the Operational Manager a working day later, urgently', () => {
    const d = atMarf();
    expect(d.task('su_marf')).toMatchObject({ due: '2027-05-04T22:59:59.999Z', priority: 'normal' });
    d.runUntil('2027-05-05T22:59:59.999Z');
    expect(escalations(d, 'su_marf').map((n) => [n.at, n.to])).toEqual([
      ['2027-05-04T22:59:59.999Z', [{ role: 'eh_team_manager' }]],
      ['2027-05-05T22:59:59.999Z', [{ role: 'eh_operational_manager' }]],
    ]);
    expect(d.task('su_marf')).toMatchObject({ overdue: true, escalationLevel: 2, priority: 'urgent' });
  });

  it('When MASH receives the MARF Form that Friday and has not decided by the end of Tuesday 4 May, Then the Operational Manager for MASH is told and the decision becomes urgent', () => {
    const d = atMarf().complete('2027-04-30T15:00:00Z', 'su_marf', 'sian', marf('2027-04-30'), 'send_marf');
    expect(d.task('su_mash_decision').due).toBe('2027-05-04T22:59:59.999Z');
    d.runUntil('2027-05-04T22:59:59.999Z');
    expect(d.task('su_mash_decision')).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'urgent' });
    expect(escalations(d, 'su_mash_decision')).toMatchObject([{ to: [{ role: 'mash_operational_manager' }], body: 'The MASH decision on a step up MARF Form is overdue.' }]);
  });
});

describe('Given MASH steps a family up on Friday 28 May 2027, before the Spring bank holiday', () => {
  const steppedUp = () =>
    newCase('2027-05-27T08:00:00Z')
      .start('2027-05-27T09:00:00Z', 'step_up', 'fern', family, intake)
      .complete('2027-05-27T10:00:00Z', 'raise_worries', 'fern', worries, { action: 'raise', passTo: { worker: 'sian' } })
      .complete('2027-05-27T15:00:00Z', 'su_marf', 'sian', marf('2027-05-27'), 'send_marf')
      .complete('2027-05-28T11:00:00Z', 'su_mash_decision', 'mo', mash, { action: 'step_up', passTo: { worker: 'sol' } });

  it('When the joint visit is arranged, Then it is due within 5 working days, by the end of Monday 7 June, skipping Monday 31 May', () => {
    expect(steppedUp().task('su_joint_visit')).toMatchObject({ assignee: { worker: 'sol' }, due: '2027-06-07T22:59:59.999Z' });
  });

  it('When the joint visit has not happened by then, Then the Social Work Team Manager and the Family Worker who raised the worries are told', () => {
    const d = steppedUp().runUntil('2027-06-07T22:59:59.999Z');
    expect(d.task('su_joint_visit')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(escalations(d, 'su_joint_visit')).toMatchObject([{ at: '2027-06-07T22:59:59.999Z', to: [{ role: 'sw_team_manager' }, { worker: 'fern' }] }]);
  });

  it('When the Family Worker withdraws the step up, Then the joint visit and its deadline are cancelled', () => {
    const d = steppedUp().withdraw('2027-06-01T09:00:00Z', 'fern', 'Family moved out of the area');
    expect(d.state).toMatchObject({ status: 'withdrawn', timers: {} });
    expect(d.openTasks()).toEqual([]);
  });
});
