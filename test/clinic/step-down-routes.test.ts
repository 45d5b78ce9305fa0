/**
 * The other ways a step down can go: universal services, remaining with Social Work, no longer
 * required, the family not agreeing, a dispute reviewed jointly by the Operational Managers
 * (both must sign the same decision), and withdrawal.
 */
import { describe, expect, it } from 'vitest';
import type { CaseDriver } from '../support/case-driver.ts';
import { assessment, booking, discussed, discussion, disputed, family, jointReview, newCase, transfer } from './clinic-case.ts';

describe('Given the Case Discussion decides to close to universal services', () => {
  it('When the Social Worker completes the assessment after a Child and Family Assessment, Then Children’s Social Care closes then with census reason RC8', () => {
    const d = discussed(newCase(), {}, { outcome: 'universal_services', identifiedFamilyWorker: undefined });
    expect(d.task('complete_assessment').due).toBe('2026-12-23T23:59:59.999Z');
    d.complete('2026-12-22T11:00:00Z', 'complete_assessment', 'sam', assessment('2026-12-22'), 'assessment_completed');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'universal_services', node: 'sd_universal_after_assessment', closureReason: 'RC8' } });
    expect(d.state!.closures).toEqual([{ node: 'sd_universal_after_assessment', outcome: 'universal_services', closureReason: 'RC8', at: '2026-12-22T11:00:00.000Z' }]);
  });

  it('When the case was stepping down at the end of a Child in Need plan, Then it closes to universal services with census reason RC7', () => {
    const d = discussed(newCase(), { stepDownPoint: 'cin_plan_ended' }, { outcome: 'universal_services' });
    d.complete('2026-12-22T11:00:00Z', 'complete_assessment', 'sam', { assessmentType: 'cin_review', dateAssessmentCompleted: '2026-12-22' }, 'assessment_completed');
    expect(d.state!.outcome).toMatchObject({ id: 'universal_services', node: 'sd_universal_after_cin_plan', closureReason: 'RC7' });
  });
});

describe('Given the Case Discussion decides it is not a step down', () => {
  it('When the outcome is signed, Then the case ends as remaining with Social Work, with no census closure', () => {
    const d = discussed(newCase(), {}, { outcome: 'remain_social_work', assessmentCompletionDate: undefined, identifiedFamilyWorker: undefined });
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'not_stepped_down', node: 'sd_remains_with_social_work' }, closures: [] });
    expect(d.state!.outcome?.closureReason).toBeUndefined();
  });
});

describe('Given the step down is no longer required', () => {
  it('When the clinic signs that outcome, Then the whole case ends at once as no longer required, closing nothing', () => {
    const d = discussed(newCase(), {}, { outcome: 'no_longer_required', assessmentCompletionDate: undefined });
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'no_longer_required', node: 'sd_no_longer_required' }, timers: {}, closures: [] });
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
  const atTransfer = () => discussed(newCase()).complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', assessment(), 'assessment_completed');
  const declined = () => transfer({ familyAgreed: false, assessments: undefined });

  it('When the Social Worker tries to send the transfer form, Then it is refused because Early Help is voluntary: the family’s answer decides', () => {
    const refusal = atTransfer().refused((x) => x.complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', declined(), 'send_transfer'));
    expect(refusal).toMatchObject({
      code: 'action_not_chosen',
      message: 'Your answer to "Has the family agreed to the step down to Early Help?" is "No", so what happens next is "Family does not agree to Early Help: close to universal services".',
    });
  });

  it('When the Social Worker closes to universal services on 29 December, Then Children’s Social Care closes then with census reason RC8', () => {
    // The answer chooses the next action: none need be sent.
    const d = atTransfer().complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', declined());
    expect(d.state!.outcome).toMatchObject({ id: 'universal_services', closureReason: 'RC8' });
    expect(d.state!.closures).toMatchObject([{ closureReason: 'RC8', at: '2026-12-29T10:00:00.000Z' }]);
  });

  it('When the family has agreed but the Social Worker chooses to close, Then it is refused', () => {
    const refusal = atTransfer().refused((x) => x.complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer(), 'family_declined'));
    expect(refusal.message).toBe('Your answer to "Has the family agreed to the step down to Early Help?" is "Yes", so what happens next is "Send transfer form to the Early Help Family Worker Team".');
  });
});

/** Both Operational Managers sign the same decision: Olga (Early Help), then Otto (MASH). */
const bothSign = (d: CaseDriver, at: string, action: string, answers = jointReview()) =>
  d.complete(at, 'sd_dispute_review', 'olga', answers, action).complete(at, 'sd_dispute_review', 'otto', answers, action);

describe('Given the Case Discussion cannot agree which service is right', () => {
  it('When the outcome is signed on Thursday 17 December, Then the Operational Managers must review jointly within 5 working days, by the end of Christmas Eve', () => {
    expect(disputed().task('sd_dispute_review')).toMatchObject({ assignee: { team: 'operational_managers' }, due: '2026-12-24T23:59:59.999Z' });
  });

  it('When only the Operational Manager for Early Help signs, Then the review stays open and nothing moves on', () => {
    const d = disputed().complete('2026-12-21T10:00:00Z', 'sd_dispute_review', 'olga', jointReview(), 'early_help');
    expect(d.task('sd_dispute_review').signatures).toMatchObject([{ by: 'olga', role: 'eh_operational_manager' }]);
    expect(d.openTasks().map((t) => t.node)).toEqual(['sd_dispute_review']);
    expect(d.notifications().filter((n) => n.reason === 'notification:tell_clinic')).toHaveLength(1);
  });

  it('When she signs a second time, Then it is refused, naming the Operational Manager for MASH who must sign', () => {
    const d = disputed().complete('2026-12-21T10:00:00Z', 'sd_dispute_review', 'olga', jointReview(), 'early_help');
    const refusal = d.refused((x) => x.complete('2026-12-21T10:30:00Z', 'sd_dispute_review', 'olga', jointReview(), 'early_help'));
    expect(refusal.code).toBe('already_signed');
    expect(refusal.message).toContain('Operational Manager for MASH');
  });

  it('When a Team Manager signs in their place, Then it is refused, naming the Operational Managers', () => {
    const refusal = disputed().refused((x) => x.complete('2026-12-21T10:00:00Z', 'sd_dispute_review', 'ellen', jointReview(), 'early_help'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toMatch(/Operational Manager for Early Help.*Operational Manager for MASH/);
  });

  it('When the Operational Manager for MASH signs a different decision, Then the first signature is cleared and the case still waits', () => {
    const d = disputed().complete('2026-12-21T10:00:00Z', 'sd_dispute_review', 'olga', jointReview(), 'early_help').complete('2026-12-21T11:00:00Z', 'sd_dispute_review', 'otto', jointReview(), 'social_care');
    expect(d.task('sd_dispute_review').signatures).toMatchObject([{ by: 'otto' }]);
    expect(d.state!.status).toBe('open');
  });

  it('When the joint review is dated before the dispute, or is still to come, Then it is refused', () => {
    const d = disputed();
    expect(d.refused((x) => x.complete('2026-12-21T10:00:00Z', 'sd_dispute_review', 'olga', jointReview({ dateOfJointReview: '2026-12-16' }), 'early_help')).details.fieldErrors).toEqual([
      { pointer: '/dateOfJointReview', keyword: 'check', message: 'The joint review cannot be before the dispute was raised' },
    ]);
    expect(d.refused((x) => x.complete('2026-12-21T10:00:00Z', 'sd_dispute_review', 'olga', jointReview({ dateOfJointReview: '2026-12-22' }), 'early_help')).details.fieldErrors).toEqual([
      { pointer: '/dateOfJointReview', keyword: 'check', message: 'The date of the joint review cannot be in the future' },
    ]);
  });

  it('When the joint review is not done by Christmas Eve, Then both Operational Managers are told and the review becomes urgent', () => {
    const d = disputed().runUntil('2026-12-24T23:59:59.999Z');
    expect(d.task('sd_dispute_review')).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'urgent' });
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_operational_manager' }, { role: 'mash_operational_manager' }], subject: 'Overdue: Joint review by Operational Managers for Early Help and MASH' });
  });

  it('When both agree Early Help is right on Monday 21 December, Then the case goes back on the agenda for the clinic on Christmas Eve', () => {
    const d = bothSign(disputed(), '2026-12-21T10:00:00Z', 'early_help', jointReview({ dateOfJointReview: '2026-12-21' }));
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ team: 'step_down_clinic' }], subject: 'Early Help Step Down Clinic agenda: Okafor' });
    expect(Object.values(d.state!.timers)).toMatchObject([{ node: 'agenda_closes', fireAt: '2026-12-23T12:00:00.000Z' }]);
    d.runUntil('2026-12-24T09:30:00Z');
    expect(d.task('case_discussion').createdAt).toBe('2026-12-24T09:30:00.000Z');
    const again = discussion({ dateOfDiscussion: '2026-12-24', assessmentCompletionDate: '2027-01-06' });
    d.complete('2026-12-24T11:00:00Z', 'case_discussion', 'ellen', again, 'record_outcome').complete('2026-12-24T11:05:00Z', 'case_discussion', 'tina', again, 'record_outcome');
    expect(d.task('complete_assessment').due).toBe('2027-01-06T23:59:59.999Z');
  });

  it('When both agree Children’s Social Care is right, Then the case ends as remaining with Social Work, closing nothing', () => {
    const d = bothSign(disputed(), '2026-12-21T10:00:00Z', 'social_care');
    expect(d.state!.outcome).toMatchObject({ id: 'not_stepped_down', node: 'sd_remains_with_social_work' });
    expect(d.state!.closures).toEqual([]);
    expect(d.history('task_signed', 'sd_dispute_review').map((h) => h.by)).toEqual(['olga', 'otto']);
  });
});
