/**
 * The other ways a step down can go: universal services, remaining with Social Work, no longer
 * required, the family not agreeing, a dispute reviewed jointly by the Operational Managers,
 * and withdrawal.
 */
import { describe, expect, it } from 'vitest';
import { assessment, booking, discussed, discussion, family, jointReview, newCase, transfer } from './clinic-case.ts';

describe('Given the Case Discussion decides to close to universal services', () => {
  it('When the Social Worker completes the assessment after a Child and Family Assessment, Then the case closes to universal services with census reason RC8', () => {
    const d = discussed(newCase(), {}, { outcome: 'universal_services', identifiedFamilyWorker: undefined });
    expect(d.task('complete_assessment').due).toBe('2026-12-23T23:59:59.999Z');
    d.complete('2026-12-22T11:00:00Z', 'complete_assessment', 'sam', assessment('2026-12-22'), 'assessment_completed');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'universal_services', node: 'sd_universal_after_assessment', closureReason: 'RC8' } });
  });

  it('When the case was stepping down at the end of a Child in Need plan, Then it closes to universal services with census reason RC7', () => {
    const d = discussed(newCase(), { stepDownPoint: 'cin_plan_ended' }, { outcome: 'universal_services' });
    d.complete('2026-12-22T11:00:00Z', 'complete_assessment', 'sam', { assessmentType: 'cin_review', dateAssessmentCompleted: '2026-12-22' }, 'assessment_completed');
    expect(d.state!.outcome).toMatchObject({ id: 'universal_services', node: 'sd_universal_after_cin_plan', closureReason: 'RC7' });
  });
});

describe('Given the Case Discussion decides it is not a step down', () => {
  it('When the outcome is recorded, Then the case ends as remaining with Social Work, with no census closure', () => {
    const d = discussed(newCase(), {}, { outcome: 'remain_social_work', assessmentCompletionDate: undefined, identifiedFamilyWorker: undefined });
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'not_stepped_down', node: 'sd_remains_with_social_work' } });
    expect(d.state!.outcome?.closureReason).toBeUndefined();
  });
});

describe('Given the step down is no longer required', () => {
  it('When the clinic records that outcome, Then the whole case ends at once as no longer required', () => {
    const d = discussed(newCase(), {}, { outcome: 'no_longer_required', assessmentCompletionDate: undefined });
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'no_longer_required', node: 'sd_no_longer_required' }, timers: {} });
  });

  it('When the Social Worker withdraws the booking before the clinic, Then the agenda and clinic timers are cancelled and nothing more can happen', () => {
    const d = newCase().start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking()).runUntil('2026-12-16T12:00:00Z');
    d.withdraw('2026-12-16T15:00:00Z', 'sam', 'Family moved to another local authority');
    expect(d.state).toMatchObject({ status: 'withdrawn', outcome: { id: 'withdrawn', at: '2026-12-16T15:00:00.000Z' }, timers: {} });
    expect(d.history('case_withdrawn')).toMatchObject([{ by: 'sam', reason: 'Family moved to another local authority' }]);
    expect(d.refused((x) => x.withdraw('2026-12-17T10:00:00Z', 'sam', 'again')).code).toBe('case_closed');
  });
});

describe('Given the family does not agree to Early Help when the transfer form is completed', () => {
  function atTransfer() {
    return discussed(newCase()).complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', assessment(), 'assessment_completed');
  }

  it('When the Social Worker tries to send the transfer form, Then it is refused because Early Help is voluntary', () => {
    const d = atTransfer();
    const refusal = d.refused((x) => x.complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer({ familyAgreed: false }), 'send_transfer'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'Early Help is voluntary: the family must agree before the case is transferred to the Early Help Family Worker Team.' });
  });

  it('When the Social Worker closes to universal services, Then the case closes with census reason RC8', () => {
    const d = atTransfer().complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer({ familyAgreed: false }), 'family_declined');
    expect(d.state!.outcome).toMatchObject({ id: 'universal_services', closureReason: 'RC8' });
  });

  it('When the family has agreed but the Social Worker chooses to close, Then it is refused', () => {
    const d = atTransfer();
    const refusal = d.refused((x) => x.complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer(), 'family_declined'));
    expect(refusal.message).toBe('The family has agreed to the step down: send the transfer form to the Early Help Family Worker Team.');
  });
});

describe('Given the Case Discussion cannot agree which service is right', () => {
  const disputed = () => discussed(newCase(), {}, { outcome: 'dispute', assessmentCompletionDate: undefined, identifiedFamilyWorker: undefined });

  it('When the outcome is recorded on Thursday 17 December, Then the Operational Managers must review jointly within 5 working days, by the end of Christmas Eve', () => {
    expect(disputed().task('sd_dispute_review')).toMatchObject({ assignee: { team: 'operational_managers' }, due: '2026-12-24T23:59:59.999Z' });
  });

  it('When one Operational Manager records it without a joint agreement, Then it is refused and the case is unchanged', () => {
    const d = disputed();
    const refusal = d.refused((x) => x.complete('2026-12-21T10:00:00Z', 'sd_dispute_review', 'olga', jointReview({ jointlyAgreed: false }), 'early_help'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'Operational Managers for Early Help and MASH must review the case jointly and agree which service is right.' });
  });

  it('When the joint review is not done by Christmas Eve, Then both Operational Managers are told and the review becomes urgent', () => {
    const d = disputed().runUntil('2026-12-24T23:59:59.999Z');
    expect(d.task('sd_dispute_review')).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'urgent' });
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_operational_manager' }, { role: 'mash_operational_manager' }], subject: 'Overdue: Joint review by Operational Managers for Early Help and MASH' });
  });

  it('When they agree Early Help is right on Monday 21 December, Then the case goes back on the agenda for the clinic on Christmas Eve', () => {
    const d = disputed().complete('2026-12-21T10:00:00Z', 'sd_dispute_review', 'otto', jointReview({ dateOfJointReview: '2026-12-21' }), 'early_help');
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ team: 'step_down_clinic' }], subject: 'Early Help Step Down Clinic agenda: Okafor' });
    expect(Object.values(d.state!.timers)).toMatchObject([{ node: 'agenda_closes', fireAt: '2026-12-23T12:00:00.000Z' }]);
    d.runUntil('2026-12-24T09:30:00Z');
    expect(d.task('case_discussion').createdAt).toBe('2026-12-24T09:30:00.000Z');
    d.complete('2026-12-24T11:00:00Z', 'case_discussion', 'ellen', discussion({ dateOfDiscussion: '2026-12-24', assessmentCompletionDate: '2027-01-06' }), 'record_outcome');
    expect(d.task('complete_assessment').due).toBe('2027-01-06T23:59:59.999Z');
  });

  it('When they agree Children’s Social Care is right, Then the case ends as remaining with Social Work', () => {
    const d = disputed().complete('2026-12-21T10:00:00Z', 'sd_dispute_review', 'olga', jointReview(), 'social_care');
    expect(d.state!.outcome).toMatchObject({ id: 'not_stepped_down', node: 'sd_remains_with_social_work' });
  });
});
