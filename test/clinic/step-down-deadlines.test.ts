/**
 * Step down deadlines that pass, and how they escalate: the Case Discussion outcome over Easter,
 * the assessment and the transfer form over Christmas, allocation over New Year, the joint visit.
 * A deadline that passes is only made visible; the refusals are in the *-checks tests.
 */
import { describe, expect, it } from 'vitest';
import { allocated, assessment, booking, discussed, escalations, family, newCase, transferred } from './clinic-case.ts';

describe('Given deadlines that pass', () => {
  it('When the Case Discussion outcome from the clinic before Easter is still not signed, Then the clinic is told at the end of Tuesday 30 March (BST) and the Operational Manager for Early Help two working days later', () => {
    const d = newCase('2027-03-22T09:00:00Z').start('2027-03-22T10:00:00Z', 'step_down', 'sam', family, booking()).runUntil('2027-03-25T09:30:00Z');
    // Thursday 25 March is day 0; Good Friday and Easter Monday are skipped; the clocks go forward on 28 March.
    expect(d.task('case_discussion').due).toBe('2027-03-30T22:59:59.999Z');
    d.runUntil('2027-03-30T22:59:59.999Z');
    expect(d.task('case_discussion')).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'normal' });
    expect(escalations(d, 'case_discussion')).toMatchObject([{ at: '2027-03-30T22:59:59.999Z', to: [{ team: 'step_down_clinic' }] }]);
    d.runUntil('2027-04-01T22:59:59.999Z');
    expect(d.task('case_discussion')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
    expect(escalations(d, 'case_discussion')[1]).toMatchObject({ at: '2027-04-01T22:59:59.999Z', to: [{ role: 'eh_operational_manager' }], body: 'The Case Discussion outcome is 2 working days overdue.' });
  });

  it('When the assessment is not completed by 23 December, Then the Social Work Team Manager is told, and after Christmas the clinic too', () => {
    const d = discussed(newCase()).runUntil('2026-12-23T23:59:59.999Z');
    expect(d.task('complete_assessment')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(escalations(d, 'complete_assessment')).toMatchObject([{ to: [{ role: 'sw_team_manager' }] }]);
    d.runUntil('2026-12-29T23:59:59.999Z');
    expect(escalations(d, 'complete_assessment')[1]).toMatchObject({ at: '2026-12-29T23:59:59.999Z', to: [{ role: 'sw_team_manager' }, { team: 'step_down_clinic' }] });
    expect(d.task('complete_assessment').priority).toBe('urgent');
  });

  it('When the transfer form is late, Then the Social Work Team Manager is told on 29 December and again with the Family Worker Team on New Year’s Eve', () => {
    const d = discussed(newCase()).complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', assessment(), 'assessment_completed').runUntil('2026-12-31T23:59:59.999Z');
    expect(escalations(d, 'transfer_form').map((n) => [n.at, n.to])).toEqual([
      ['2026-12-29T23:59:59.999Z', [{ role: 'sw_team_manager' }]],
      ['2026-12-31T23:59:59.999Z', [{ role: 'sw_team_manager' }, { team: 'eh_family_worker_team' }]],
    ]);
    expect(d.task('transfer_form')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
  });

  it('When allocation is late, Then the Early Help Team Manager is told on 4 January and the Operational Manager on 6 January', () => {
    const d = transferred(newCase()).runUntil('2027-01-06T23:59:59.999Z');
    expect(escalations(d, 'allocate_family_worker').map((n) => [n.at, n.to])).toEqual([
      ['2027-01-04T23:59:59.999Z', [{ role: 'eh_team_manager' }]],
      ['2027-01-06T23:59:59.999Z', [{ role: 'eh_operational_manager' }]],
    ]);
  });

  it('When the joint visit has not happened by 18 January, Then the Senior Practitioner who allocated and the Social Worker are told, then both Team Managers a week later; Children’s Social Care has not closed', () => {
    const d = allocated(newCase()).runUntil('2027-01-25T23:59:59.999Z');
    expect(escalations(d, 'sd_joint_visit').map((n) => [n.at, n.to])).toEqual([
      ['2027-01-18T23:59:59.999Z', [{ worker: 'sian' }, { worker: 'sam' }]],
      ['2027-01-25T23:59:59.999Z', [{ role: 'eh_team_manager' }, { role: 'sw_team_manager' }]],
    ]);
    expect(d.task('sd_joint_visit')).toMatchObject({ overdue: true, escalationLevel: 2, priority: 'urgent', assignee: { worker: 'fern' } });
    expect(d.state!.closures).toEqual([]);
  });
});
