/**
 * Camden §4: step down at the final CIN review. Planning starts at least 20 working days before
 * the review (Monday 18 January 2027); the front door replies within 1 working day, the team
 * manager contacts the social worker within 2 and the consultation follows within 3; the final
 * review is the initial TAF; the chair's report is distributed within 10 working days of it and
 * the family closed to CSSW (RC7) within 10 working days of the distribution.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../support/case-driver.ts';
import { accept, camden, cinReferral, ehRecord, family, offer, screening, section4, signOff, toKte, users, visit } from './given.ts';

const plan = { ehWorkerName: 'Fay Green', supportNeeded: 'Parenting programme.', outstandingWork: 'School attendance plan.', tafProfessionals: 'School, health visitor, Fay Green.' };
const childsPlan = { ...section4, planCompletedBy: 'Sam Patel', sectionCompleted: true };
const closing = (overrides: Record<string, unknown> = {}) => ({ dateOfClosure: '2027-01-27', reasonForClosure: 'RC7', serviceTakingLead: 'ieys_kte_duty_manager', closingSummary: 'Stepped down to IEYS KTE.', ...overrides });

const started = (at = '2026-12-14T09:00:00Z', review = '2027-01-18') => new CaseDriver(camden, users, at).start(at, 'cin_review', 'sam', family, { finalReviewDate: review });
const sent = () => started().complete('2026-12-15T10:00:00Z', 'referral', 'sam', cinReferral(), 'send_referral');
const accepted = () =>
  sent()
    .complete('2026-12-16T10:00:00Z', 'cin_screen', 'dora', screening('team'), { action: 'contact_team', passTo: toKte })
    .complete('2026-12-17T10:00:00Z', 'cin_offer_consultation', 'kate', offer('2026-12-17'), 'offer')
    .complete('2026-12-21T10:00:00Z', 'cin_consultation', 'kate', accept('2026-12-21'), 'accept');
const reviewed = () => accepted().complete('2027-01-18T14:00:00Z', 'cin_final_review', 'sam', { reviewDate: '2027-01-18', familyWorkerAttended: true, ...plan }, 'held');
const distributed = () =>
  reviewed()
    .complete('2027-01-20T10:00:00Z', 'cin_chairs_report', 'chloe', { outlineStepDownPlan: '1. Parenting programme.', ...plan }, 'recorded')
    .complete('2027-01-22T10:00:00Z', 'cin_distribute_report', 'sam', { dateDistributed: '2027-01-22', distributedTo: ['family', 'network'] }, 'distributed');
const signedOff = () =>
  distributed()
    .complete('2027-01-25T10:00:00Z', 'cin_childs_plan', 'sam', childsPlan, 'submit')
    .complete('2027-01-26T10:00:00Z', 'cin_plan_signoff', 'tina', signOff('2027-01-26'), { action: 'step_down_to_eh', passTo: toKte }, { action: 'progress_to_closure' });

describe('Given Sam starts planning on Monday 14 December 2026 for a final CIN review on Monday 18 January 2027', () => {
  it('Then the referral is due at least 20 working days before the review: Wednesday 16 December, with the review date copied over', () => {
    expect(started().task('referral')).toMatchObject({ due: '2026-12-16T23:59:59.999Z', dueLabel: 'at least 20 working days before the final CIN review', prefill: { finalReviewDate: '2027-01-18' } });
  });

  it('When the referral is not sent by then, Then Sam’s team managers are told', () => {
    const d = started().runUntil('2026-12-17T09:00:00Z');
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'sw_team_manager' }], body: 'Planning for step down should begin at least 20 working days before the final CIN review.' });
  });

  it('When it is sent on Tuesday 15 December with the review date and no joint visit dates, Then the front door must reply within 1 working day', () => {
    expect(sent().task('cin_screen')).toMatchObject({ due: '2026-12-16T23:59:59.999Z', dueLabel: 'within 1 working day' });
  });

  it('When the front door replies on 16 December, Then the team manager must contact Sam within 2 working days, and consult within 3 working days after that', () => {
    const d = sent().complete('2026-12-16T10:00:00Z', 'cin_screen', 'dora', screening('team'), { action: 'contact_team', passTo: toKte });
    expect(d.task('cin_offer_consultation')).toMatchObject({ assignee: toKte, due: '2026-12-18T23:59:59.999Z' });
    d.complete('2026-12-17T10:00:00Z', 'cin_offer_consultation', 'kate', offer('2026-12-17'), 'offer');
    expect(d.task('cin_consultation')).toMatchObject({ assignee: { worker: 'kate' }, due: '2026-12-22T23:59:59.999Z', dueLabel: 'within 3 working days' });
  });

  it('When Kate accepts, Then Sam is reminded to invite Fay to the final review, which is due on 18 January', () => {
    const d = accepted();
    expect(d.notifications().at(-1)?.body).toBe('The family have been accepted. Allocated Early Help Family Worker: Fay Green. The final CIN review on 2027-01-18 will also be the initial Team Around the Family (TAF) meeting: it is essential that the Early Help Family Worker is invited to and attends it.');
    expect(d.task('cin_final_review')).toMatchObject({ due: '2027-01-18T23:59:59.999Z', prefill: { reviewDate: '2027-01-18', ehWorkerName: 'Fay Green' } });
  });
});

describe('Given the final CIN review was held with Fay on 18 January 2027', () => {
  it('Then the chair records the outline plan (copied over) and Sam distributes it, both within 10 working days: 1 February', () => {
    const d = reviewed();
    expect(d.task('cin_chairs_report')).toMatchObject({ assignee: { role: 'cin_chair' }, due: '2027-02-01T23:59:59.999Z', prefill: plan });
    d.complete('2027-01-20T10:00:00Z', 'cin_chairs_report', 'chloe', { outlineStepDownPlan: '1. Parenting programme.', ...plan }, 'recorded');
    expect(d.task('cin_distribute_report')).toMatchObject({ assignee: { worker: 'sam' }, due: '2027-02-01T23:59:59.999Z' });
    const refusal = d.refused((x) => x.complete('2027-01-22T10:00:00Z', 'cin_distribute_report', 'sam', { dateDistributed: '2027-01-22', distributedTo: ['family'] }, 'distributed'));
    expect(refusal.details).toMatchObject({ fieldErrors: [{ pointer: '/distributedTo', message: 'Select both the family and the professional network' }] });
  });

  it('When the report is distributed on 22 January, Then the Child’s plan and the closure are due within 10 working days: 5 February', () => {
    const d = distributed();
    expect(d.task('cin_childs_plan')).toMatchObject({ due: '2027-02-05T23:59:59.999Z', prefill: { outlineStepDownPlan: '1. Parenting programme.' } });
    const refusal = d.refused((x) => x.complete('2027-01-25T10:00:00Z', 'cin_childs_plan', 'sam', { ...childsPlan, sectionCompleted: false }, 'submit'));
    expect(refusal.message).toBe("Fill in 'Plan completed by' and tick 'Section completed' in section 3. The plan before tasking the episode to Early Help.");
  });

  it('When Tina signs off both next actions, Then the duty tray gets the record prefilled from the Child’s plan, and Sam the closing summary', () => {
    const d = signedOff();
    expect(d.task('eh_record')).toMatchObject({ assignee: toKte, prefill: { caseSteppedDownFrom: 'cin_review', ...section4 } });
    expect(d.task('eh_record').prefill).not.toHaveProperty('analysis');
    expect(d.task('cin_close')).toMatchObject({ assignee: { worker: 'sam' }, due: '2027-02-05T23:59:59.999Z', prefill: { serviceTakingLead: 'ieys_kte_duty_manager' } });
  });

  it('When Sam closes without a closing summary, or with RC9, Then it is refused; with RC7 the family is stepped down', () => {
    const d = signedOff();
    expect(d.refused((x) => x.complete('2027-01-27T10:00:00Z', 'cin_close', 'sam', closing({ closingSummary: undefined }), 'close')).message).toBe('Complete the closing summary before the family can be closed to CSSW.');
    expect(d.refused((x) => x.complete('2027-01-27T10:00:00Z', 'cin_close', 'sam', closing({ reasonForClosure: 'RC9' }), 'close')).message)
      .toBe('A family stepped down to Early Help at the final CIN review is closed with RC7 Services ceased for any other reason, including child no longer in need.');
    d.complete('2027-01-27T09:00:00Z', 'eh_record', 'dev', { ...ehRecord, dateOfStepDown: '2027-01-27', caseSteppedDownFrom: 'cin_review' }, { action: 'eh_taf_review_required', passTo: { worker: 'fay' }, scheduledFor: '2027-03-08' })
      .complete('2027-01-27T11:00:00Z', 'eh_work', 'fay', { workType: 'eh_taf_review_required', familyEngaged: true, safeguardingConcerns: false }, 'engaged')
      .complete('2027-01-27T12:00:00Z', 'cin_close', 'sam', closing(), 'close');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'stepped_down', node: 'cin_closed', closureReason: 'RC7' }, closures: [{ node: 'cin_closed', closureReason: 'RC7', at: '2027-01-27T12:00:00.000Z' }] });
  });
});

describe('Given Fay could not attend the final CIN review on 18 January 2027', () => {
  const missed = () => accepted().complete('2027-01-18T14:00:00Z', 'cin_final_review', 'sam', { reviewDate: '2027-01-18', familyWorkerAttended: false }, 'family_worker_missed');

  it('When Sam records that Fay did not attend but chooses the review held with her, Then it is refused naming the action for a missed review', () => {
    const refusal = accepted().refused((x) => x.complete('2027-01-18T14:00:00Z', 'cin_final_review', 'sam', { reviewDate: '2027-01-18', familyWorkerAttended: false }, 'held'));
    expect(refusal).toMatchObject({
      code: 'action_not_chosen',
      message: 'Your answer to "Did the allocated Early Help Family Worker attend?" is "No", so what happens next is "Final CIN review missed by the Early Help Family Worker: initial TAF and joint visit".',
    });
  });

  it('Then Early Help holds the initial TAF within 10 working days (1 February) and Sam a joint visit within 5 (25 January)', () => {
    const d = missed();
    expect(d.task('cin_initial_taf')).toMatchObject({ assignee: { worker: 'kate' }, due: '2027-02-01T23:59:59.999Z' });
    expect(d.task('cin_joint_visit')).toMatchObject({ assignee: { worker: 'sam' }, due: '2027-01-25T23:59:59.999Z' });
  });

  it('When the joint visit or the initial TAF is dated Thursday 14 January, before the missed review, Then it is refused', () => {
    const d = missed();
    expect(d.refused((x) => x.complete('2027-01-21T15:00:00Z', 'cin_joint_visit', 'sam', visit('2027-01-14'), 'visited')).message).toBe('The joint visit follows the missed final CIN review: it cannot be before the review.');
    const taf = { tafDate: '2027-01-14', attendees: 'Fay Green, the family, school', supportNeeded: 'Parenting programme.', outstandingWork: 'School attendance plan.', tafProfessionals: 'School, health visitor.' };
    expect(d.refused((x) => x.complete('2027-01-21T15:00:00Z', 'cin_initial_taf', 'kate', taf, 'held')).message).toBe('The initial TAF meeting follows the missed final CIN review: it cannot be before the review.');
  });

  it('When the family would be closed before the joint visit, Then the closure is refused', () => {
    const d = missed()
      .complete('2027-01-21T15:00:00Z', 'cin_joint_visit', 'sam', visit('2027-01-21'), 'visited')
      .complete('2027-01-22T10:00:00Z', 'cin_chairs_report', 'chloe', { outlineStepDownPlan: '1. Parenting programme.', ...plan }, 'recorded')
      .complete('2027-01-22T11:00:00Z', 'cin_distribute_report', 'sam', { dateDistributed: '2027-01-22', distributedTo: ['family', 'network'] }, 'distributed')
      .complete('2027-01-25T10:00:00Z', 'cin_childs_plan', 'sam', childsPlan, 'submit')
      .complete('2027-01-26T10:00:00Z', 'cin_plan_signoff', 'tina', signOff('2027-01-26'), { action: 'step_down_to_eh', passTo: toKte }, { action: 'progress_to_closure' });
    const refusal = d.refused((x) => x.complete('2027-01-27T10:00:00Z', 'cin_close', 'sam', closing({ dateOfClosure: '2027-01-20' }), 'close'));
    expect(refusal.message).toBe('The family should not be closed to CSSW before the joint visit with the Early Help Family Worker has taken place.');
  });
});

describe('Given the order of the final CIN review route, tried out of order (§4)', () => {
  const review = (reviewDate: string, extra: Record<string, unknown> = {}) => ({ reviewDate, familyWorkerAttended: true, ...plan, ...extra });

  it('When the final review is recorded as held on Friday 18 December, before Kate accepted the family, Then it is refused', () => {
    const refusal = accepted().refused((x) => x.complete('2027-01-18T14:00:00Z', 'cin_final_review', 'sam', review('2026-12-18'), 'held'));
    expect(refusal.message).toBe('The final CIN review with the allocated Early Help Family Worker cannot be before the family was accepted at the formal consultation.');
  });

  it('When the outline plan’s outstanding work is only spaces, Then it is refused as unanswered', () => {
    const refusal = accepted().refused((x) => x.complete('2027-01-18T14:00:00Z', 'cin_final_review', 'sam', review('2027-01-18', { outstandingWork: '  ' }), 'held'));
    expect(refusal.details).toMatchObject({ fieldErrors: [{ pointer: '/outstandingWork' }] });
  });

  it('When Sam, not the chair, tries to record the chair’s report, Then it is refused', () => {
    const refusal = reviewed().refused((x) => x.complete('2027-01-20T10:00:00Z', 'cin_chairs_report', 'sam', { outlineStepDownPlan: '1. Parenting programme.', ...plan }, 'recorded'));
    expect(refusal).toMatchObject({ code: 'not_allowed', message: expect.stringContaining('Record the agreed outline plan on the CIN chair’s report') });
  });

  it('When the chair’s report is dated as distributed on Friday 15 January, before the review, Then it is refused', () => {
    const d = reviewed().complete('2027-01-20T10:00:00Z', 'cin_chairs_report', 'chloe', { outlineStepDownPlan: '1. Parenting programme.', ...plan }, 'recorded');
    const refusal = d.refused((x) => x.complete('2027-01-22T10:00:00Z', 'cin_distribute_report', 'sam', { dateDistributed: '2027-01-15', distributedTo: ['family', 'network'] }, 'distributed'));
    expect(refusal.message).toBe('The chair’s report is distributed after the review meeting and after the chair has recorded the outline plan: the date distributed cannot be earlier.');
  });

  it('When "the circumstances under which the family should be referred back to CSSW" in section 3 is only spaces, Then the Child’s plan cannot go for sign-off', () => {
    const refusal = distributed().refused((x) => x.complete('2027-01-25T10:00:00Z', 'cin_childs_plan', 'sam', { ...childsPlan, circumstancesReferBack: '   ' }, 'submit'));
    expect(refusal.message).toBe("Complete 'the circumstances under which the family should be referred back to CSSW' in section 3. The plan of the Child’s plan before tasking the episode to Early Help.");
  });

  it('When Tina signs off only the closure, Then it is refused: the family must also be stepped down to Early Help', () => {
    const d = distributed().complete('2027-01-25T10:00:00Z', 'cin_childs_plan', 'sam', childsPlan, 'submit');
    const refusal = d.refused((x) => x.complete('2027-01-26T10:00:00Z', 'cin_plan_signoff', 'tina', signOff('2027-01-26'), 'progress_to_closure'));
    expect(refusal).toMatchObject({ code: 'actions_incomplete', message: '"Progress to early help - Children’s social care case closure" must be chosen together with "Step down to Early Help (EH)".' });
  });

  it('When Tina passes the step down to Kentish Town West although the front door confirmed Kentish Town East, Then it is refused', () => {
    const d = distributed().complete('2027-01-25T10:00:00Z', 'cin_childs_plan', 'sam', childsPlan, 'submit');
    const refusal = d.refused((x) => x.complete('2027-01-26T10:00:00Z', 'cin_plan_signoff', 'tina', signOff('2027-01-26'), { action: 'step_down_to_eh', passTo: { team: 'ieys_ktw_duty_manager' } }, 'progress_to_closure'));
    expect(refusal.message).toBe('Pass "Step down to Early Help (EH)" to the Early Help team the family is stepped down to: the team the front door confirmed (after the Early Help Panel, the team it decided), or the team the managers agreed.');
  });

  it('When Sam dates the closure Friday 15 January, before the final review, Then it is refused: CIN families are closed only following it', () => {
    const refusal = signedOff().refused((x) => x.complete('2027-01-27T10:00:00Z', 'cin_close', 'sam', closing({ dateOfClosure: '2027-01-15' }), 'close'));
    expect(refusal.message).toBe('CIN families can only be closed following the final CIN review: the date of closure cannot be before the review.');
  });
});

describe('Given a final CIN review on Thursday 1 April 2027, after Easter', () => {
  it('Then the referral is due on Tuesday 2 March (20 working days back over Good Friday and Easter Monday) and the review at the end of 1 April, BST', () => {
    const d = started('2027-03-01T09:00:00Z', '2027-04-01');
    expect(d.task('referral').due).toBe('2027-03-02T23:59:59.999Z');
    d.complete('2027-03-02T10:00:00Z', 'referral', 'sam', cinReferral({ finalReviewDate: '2027-04-01' }), 'send_referral')
      .complete('2027-03-03T10:00:00Z', 'cin_screen', 'dora', screening('team'), { action: 'contact_team', passTo: toKte })
      .complete('2027-03-04T10:00:00Z', 'cin_offer_consultation', 'kate', offer('2027-03-04'), 'offer')
      .complete('2027-03-05T10:00:00Z', 'cin_consultation', 'kate', accept('2027-03-05'), 'accept');
    expect(d.task('cin_final_review').due).toBe('2027-04-01T22:59:59.999Z');
  });
});
