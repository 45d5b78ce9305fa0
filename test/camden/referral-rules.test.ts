/**
 * Camden §2–§4, the referral e-mail, tried the way a sceptical practitioner would try to break it:
 * the wrong person, an agreement dated tomorrow, one child of two, blank answers, provisional joint
 * visit dates in the past, twice, on Christmas Day or months away, no date for the assessment, a
 * Repeat Assessment, and a final CIN review too close to plan for. Each is refused, and the
 * refusal says what is missing; the case is left unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { Refusal } from '../../engine/index.ts';
import { CaseDriver } from '../support/case-driver.ts';
import { camden, cinReferral, family, referral, users } from './given.ts';

const started = (at = '2026-12-16T09:00:00Z') => new CaseDriver(camden, users, at).start(at, 'sw_assessment', 'sam', family);
const send = (d: CaseDriver, answers: Record<string, unknown>, at = '2026-12-17T10:00:00Z') => d.complete(at, 'referral', 'sam', answers, 'send_referral');
/** The field errors of a refusal, as pointer → message. */
const errors = (refusal: Refusal) => Object.fromEntries(((refusal.details as { fieldErrors?: Array<{ pointer: string; message: string }> }).fieldErrors ?? []).map((e) => [e.pointer, e.message]));

describe('Given the two ways in', () => {
  it('When Sam, a social worker, starts after an assessment or at a final CIN review, Then the referral is his', () => {
    expect(started().task('referral').assignee).toEqual({ worker: 'sam' });
    const cin = new CaseDriver(camden, users, '2026-12-14T09:00:00Z').start('2026-12-14T09:00:00Z', 'cin_review', 'sam', family, { finalReviewDate: '2027-01-18' });
    expect(cin.task('referral').assignee).toEqual({ worker: 'sam' });
  });

  it('When Tina, a team manager, tries to start a step down herself, Then it is refused: the social worker e-mails the inbox', () => {
    const d = new CaseDriver(camden, users, '2026-12-16T09:00:00Z');
    const refusal = d.refused((x) => x.start('2026-12-16T09:00:00Z', 'sw_assessment', 'tina', family));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toMatch(/^Only a social worker \(CIN social worker\) can start a case at "Step down following a Child and Family assessment"\.$/i);
    expect(d.state).toBeNull();
  });
});

describe('Given Sam sends the referral on Thursday 17 December 2026', () => {
  it('When the family’s agreement is dated tomorrow, Then it is refused: agreement comes before the referral', () => {
    const refusal = started().refused((d) => send(d, referral({ agreementDate: '2026-12-18' })));
    expect(errors(refusal)).toEqual({ '/agreementDate': 'The date the family agreed cannot be in the future' });
  });

  it('When details are given for Ada but not for her brother Ben, Then it is refused naming Ben', () => {
    const refusal = started().refused((d) => send(d, referral({ children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02', personId: '2075012', schoolsAttended: 'Argyle Primary School' }] })));
    expect(errors(refusal)).toEqual({ '/children': 'Add the details for Ben Okafor' });
  });

  it('When a child who is not on the case is added, Then it is refused naming that child', () => {
    const extra = [...referral().children, { name: 'Cal Smith', dateOfBirth: '2019-01-01', personId: '2075099', schoolsAttended: 'Argyle Primary School' }];
    const refusal = started().refused((d) => send(d, referral({ children: extra })));
    expect(errors(refusal)['/children']).toBe('Cal Smith is not a child on this case: give the details for Ada Okafor and Ben Okafor only');
  });

  it('When the support needed and the reasons for intervention are only spaces, Then both are refused as unanswered', () => {
    const refusal = started().refused((d) => send(d, referral({ supportNeeded: '   ', reasonsForIntervention: ' \n ' })));
    expect(errors(refusal)).toEqual({
      '/supportNeeded': 'Enter a brief outline of what support is needed from Early Help Services',
      '/reasonsForIntervention': 'Enter the reasons / concerns that led to CSSW intervention',
    });
  });

  it('When a child’s school is only spaces, Then that child’s school is refused', () => {
    const children = referral().children.map((c, i) => (i === 1 ? { ...c, schoolsAttended: '  ' } : c));
    const refusal = started().refused((d) => send(d, referral({ children })));
    expect(errors(refusal)).toEqual({ '/children/1/schoolsAttended': 'Enter the schools the child attends for Ben Okafor' });
  });

  it('When the date the assessment was completed is missing, or tomorrow, Then it is refused', () => {
    const d = started();
    expect(errors(d.refused((x) => send(x, referral({ assessmentCompletedOn: undefined }))))).toEqual({ '/assessmentCompletedOn': 'Enter the date the Child and Family assessment was completed' });
    expect(errors(d.refused((x) => send(x, referral({ assessmentCompletedOn: '2026-12-18' }))))).toEqual({ '/assessmentCompletedOn': 'The date the Child and Family assessment was completed cannot be in the future' });
  });

  it('When it was a Repeat Assessment, Then it is refused: a family open to CSSW steps down at its final CIN review', () => {
    const refusal = started().refused((d) => send(d, referral({ repeatAssessment: true })));
    expect(errors(refusal)).toEqual({ '/repeatAssessment': 'Case to be closed after assessment is not to be used for Repeat Assessments: a family open to CSSW is stepped down at its final CIN review' });
  });
});

describe('Given the provisional joint visit dates must fall within the 10 working day timescale (assessment completed Thursday 17 December: by Tuesday 5 January 2027)', () => {
  it('When the dates are 22, 23 and 30 December, Then the referral is sent', () => {
    expect(send(started(), referral()).task('asm_screen')).toBeDefined();
  });

  it('When one date is in the past, one repeats another and one is Christmas Day, Then each is refused', () => {
    const d = started();
    const past = d.refused((x) => send(x, referral({ provisionalVisitDates: ['2026-12-15', '2026-12-22', '2026-12-23'] })));
    expect(errors(past)).toEqual({ '/provisionalVisitDates/0': 'Each provisional date must be after today' });
    expect(errors(d.refused((x) => send(x, referral({ provisionalVisitDates: ['2026-12-22', '2026-12-22', '2026-12-23'] }))))).toEqual({ '/provisionalVisitDates': 'Give each provisional date only once' });
    const christmas = d.refused((x) => send(x, referral({ provisionalVisitDates: ['2026-12-22', '2026-12-25', '2026-12-28'] })));
    expect(errors(christmas)).toEqual({
      '/provisionalVisitDates/1': 'Each provisional date must be a working day (Monday to Friday, not a bank holiday)',
      '/provisionalVisitDates/2': 'Each provisional date must be a working day (Monday to Friday, not a bank holiday)',
    });
  });

  it('When a date is Wednesday 6 January or months away, Then it is refused: outside the timescale', () => {
    const d = started();
    const refusal = d.refused((x) => send(x, referral({ provisionalVisitDates: ['2026-12-22', '2027-01-06', '2027-03-01'] })));
    const message = 'Each provisional date must be within the 10 working day timescale for step down completions, counted from the date the assessment was completed';
    expect(errors(refusal)).toEqual({ '/provisionalVisitDates/1': message, '/provisionalVisitDates/2': message });
  });

  it('When the assessment was completed on Friday 4 December, 9 working days earlier, Then only the next 3 working days (18, 21 and 22 December) are accepted', () => {
    const d = started();
    expect(d.refused((x) => send(x, referral({ assessmentCompletedOn: '2026-12-04', provisionalVisitDates: ['2026-12-18', '2026-12-21', '2026-12-23'] }))).code).toBe('form_invalid');
    send(d, referral({ assessmentCompletedOn: '2026-12-04', provisionalVisitDates: ['2026-12-18', '2026-12-21', '2026-12-22'] }));
    expect(d.task('asm_screen')).toBeDefined();
  });
});

describe('Given a step down at a final CIN review on Monday 18 January 2027', () => {
  const cinStarted = () => new CaseDriver(camden, users, '2026-12-14T09:00:00Z').start('2026-12-14T09:00:00Z', 'cin_review', 'sam', family, { finalReviewDate: '2027-01-18' });
  const cinSend = (d: CaseDriver, answers: Record<string, unknown>, at = '2026-12-15T10:00:00Z') => d.complete(at, 'referral', 'sam', answers, 'send_referral');

  it('When the review date is taken out of the referral, Then it is refused', () => {
    expect(errors(cinStarted().refused((d) => cinSend(d, cinReferral({ finalReviewDate: undefined }))))).toEqual({ '/finalReviewDate': 'Enter the date of the next / final CIN review' });
  });

  it('When joint visit dates are given, Then there must be 3, and none later than 5 working days after the review (Monday 25 January)', () => {
    const d = cinStarted();
    expect(d.refused((x) => cinSend(x, cinReferral({ provisionalVisitDates: ['2027-01-19', '2027-01-20'] }))).message).toBe('Give at least 3 provisional dates that you and the family are available for a joint visit.');
    const late = d.refused((x) => cinSend(x, cinReferral({ provisionalVisitDates: ['2027-01-19', '2027-01-25', '2027-01-26'] })));
    expect(errors(late)).toEqual({ '/provisionalVisitDates/2': 'Each provisional date must be no later than 5 working days after the final CIN review' });
    cinSend(d, cinReferral({ provisionalVisitDates: ['2027-01-19', '2027-01-20', '2027-01-25'] }));
    expect(d.task('cin_screen')).toBeDefined();
  });

  it('When Sam only e-mails on Monday 21 December, 17 working days before the review, Then it is refused until the review is moved to Monday 1 February', () => {
    const d = cinStarted().runUntil('2026-12-21T10:00:00Z');
    const refusal = d.refused((x) => cinSend(x, cinReferral(), '2026-12-21T10:00:00Z'));
    expect(errors(refusal)).toEqual({ '/finalReviewDate': 'Planning for step down should begin at least 20 working days before the final CIN review: move the final CIN review to at least 20 working days from today' });
    cinSend(d, cinReferral({ finalReviewDate: '2027-02-01' }), '2026-12-21T10:00:00Z');
    expect(d.task('cin_screen')).toBeDefined();
  });

  it('When a step down is started on Monday 14 December for a review on Friday 8 January (16 working days away), Then it cannot start', () => {
    const d = new CaseDriver(camden, users, '2026-12-14T09:00:00Z');
    const refusal = d.refused((x) => x.start('2026-12-14T09:00:00Z', 'cin_review', 'sam', family, { finalReviewDate: '2027-01-08' }));
    expect(refusal).toMatchObject({ code: 'form_invalid', details: { fieldErrors: [{ pointer: '/data/finalReviewDate', message: 'Planning for step down should begin at least 20 working days before the final CIN review: the review must be at least 20 working days from today' }] } });
  });
});
