/**
 * What the step down refuses (the booking, the Case Discussion, the assessment and the transfer
 * form) and how its deadlines escalate when they pass.
 */
import { describe, expect, it } from 'vitest';
import { assessment, booking, discussed, discussion, escalations, family, newCase, transfer, transferred } from './clinic-case.ts';

describe('Given a Social Worker books a case discussion slot', () => {
  it('When the case is a referral to MASH which resulted in allocation to Early Help, Then the booking is refused: it is NOT a Step Down', () => {
    const d = newCase();
    const refusal = d.refused((x) => x.start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking({ mashReferralAllocatedToEarlyHelp: true })));
    expect(refusal.code).toBe('form_invalid');
    expect(refusal.details.fieldErrors).toEqual([
      { pointer: '/data/mashReferralAllocatedToEarlyHelp', keyword: 'enum', message: 'Referrals to MASH which result in allocation to Early Help are NOT Step Downs: do not book a Step Down Clinic slot' },
    ]);
    expect(d.state).toBeNull();
  });

  it('When questions are left unanswered, Then each gets a GOV.UK-style message in page order', () => {
    const refusal = newCase().refused((x) =>
      x.start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking({ stepDownPoint: undefined, familyAgreed: undefined, socialWorkTeam: undefined })),
    );
    expect(refusal.details.fieldErrors?.map((e) => e.message)).toEqual([
      'Enter the Social Work team',
      'Select when the case is stepping down',
      'Select yes if the family has agreed to the step down to Early Help',
    ]);
  });

  it('When someone who is not a Social Worker tries to book, Then it is refused', () => {
    expect(newCase().refused((x) => x.start('2026-12-14T10:00:00Z', 'step_down', 'sian', family, booking())).code).toBe('not_allowed');
  });
});

describe('Given the Case Discussion at the clinic on Thursday 17 December', () => {
  const atClinic = () => newCase().start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking()).runUntil('2026-12-17T09:30:00Z');

  it('When no case note has been added to EHM, Then the outcome cannot be recorded', () => {
    const refusal = atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion({ ehmCaseNoteAdded: false }), 'record_outcome'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'A case note should be added to EHM detailing the outcome of the discussion and the rationale for decision making.' });
  });

  it('When the step down is agreed without a date to complete assessment, Then the form asks for the date', () => {
    const refusal = atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion({ assessmentCompletionDate: undefined }), 'record_outcome'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/assessmentCompletionDate', keyword: 'required', message: 'Enter the date to complete assessment' }]);
  });

  it('When the date to complete assessment is before the Case Discussion, Then it is refused', () => {
    const refusal = atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion({ assessmentCompletionDate: '2026-12-16' }), 'record_outcome'));
    expect(refusal.message).toBe('The date to complete assessment cannot be before the Case Discussion.');
  });

  it('When the Social Worker (not a clinic Team Manager) records the outcome, Then it is refused', () => {
    expect(atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'sam', discussion(), 'record_outcome')).code).toBe('not_allowed');
  });
});

describe('Given the Social Worker completes the assessment and the transfer form', () => {
  it('When the assessment completed is "Other" without saying which, Then the form asks for it', () => {
    const refusal = discussed(newCase()).refused((x) =>
      x.complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', { assessmentType: 'other', dateAssessmentCompleted: '2026-12-23' }, 'assessment_completed'),
    );
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/assessmentTypeOther', keyword: 'required', message: 'Enter the assessment completed' }]);
  });

  it('When the transfer form does not include a copy of the most recent assessment, Then it cannot be sent', () => {
    const d = discussed(newCase()).complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', assessment(), 'assessment_completed');
    const refusal = d.refused((x) => x.complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer({ assessmentCopyIncluded: false }), 'send_transfer'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'The transfer form must include a copy of the most recent assessment.' });
  });
});

describe('Given deadlines that pass', () => {
  it('When the Case Discussion outcome from the clinic before Easter is still not recorded, Then the clinic is told at the end of Tuesday 30 March (BST) and the Operational Manager for Early Help two working days later', () => {
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

  it('When the joint visit has not happened by 18 January, Then the Senior Practitioner who allocated and the Social Worker are told, then both Team Managers a week later', () => {
    const d = transferred(newCase())
      .complete('2027-01-04T09:00:00Z', 'allocate_family_worker', 'sian', { identifiedFamilyWorker: 'Fern Ahmed', dateAllocated: '2027-01-04' }, { action: 'allocate', passTo: { worker: 'fern' } })
      .runUntil('2027-01-25T23:59:59.999Z');
    expect(escalations(d, 'sd_joint_visit').map((n) => [n.at, n.to])).toEqual([
      ['2027-01-18T23:59:59.999Z', [{ worker: 'sian' }, { worker: 'sam' }]],
      ['2027-01-25T23:59:59.999Z', [{ role: 'eh_team_manager' }, { role: 'sw_team_manager' }]],
    ]);
    expect(d.task('sd_joint_visit')).toMatchObject({ overdue: true, escalationLevel: 2, priority: 'urgent', assignee: { worker: 'fern' } });
  });
});
