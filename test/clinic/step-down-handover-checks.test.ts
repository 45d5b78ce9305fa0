/**
 * What the step down refuses after the clinic: an assessment dated in the future or before the
 * discussion, a transfer form without each child's most recent assessment, allocation by anyone
 * but a Senior Practitioner or to anyone but a Family Worker, and a joint visit before allocation.
 */
import { describe, expect, it } from 'vitest';
import { allocated, allocation, assessment, assessments, discussed, jointVisit, newCase, transfer, transferred } from './clinic-case.ts';

const atTransfer = () => discussed(newCase()).complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', assessment(), 'assessment_completed');

describe('Given the Social Worker completes the assessment the Case Discussion gave a date for', () => {
  it('When the assessment completed is "Other" without saying which, Then the form asks for it', () => {
    const refusal = discussed(newCase()).refused((x) =>
      x.complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', { assessmentType: 'other', dateAssessmentCompleted: '2026-12-23' }, 'assessment_completed'),
    );
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/assessmentTypeOther', keyword: 'required', message: 'Enter the assessment completed' }]);
  });

  it('When on Wednesday 23 December it is recorded as completed on Christmas Eve, Then it is refused: it cannot be in the future', () => {
    const refusal = discussed(newCase()).refused((x) => x.complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', assessment('2026-12-24'), 'assessment_completed'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/dateAssessmentCompleted', keyword: 'check', message: 'The date the assessment was completed cannot be in the future' }]);
  });

  it('When it is recorded as completed on 16 December, before the Case Discussion, Then it is refused', () => {
    const refusal = discussed(newCase()).refused((x) => x.complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', assessment('2026-12-16'), 'assessment_completed'));
    expect(refusal.details.fieldErrors?.[0]).toMatchObject({ pointer: '/dateAssessmentCompleted', message: expect.stringContaining('cannot have been completed before the Case Discussion') });
  });

  it('When the task is passed to the Social Work Team and a Team Manager there completes it, Then it is refused: only a Social Worker can', () => {
    const d = discussed(newCase()).reassign('2026-12-21T09:00:00Z', 'complete_assessment', 'tina', { team: 'social_work_team' });
    const refusal = d.refused((x) => x.complete('2026-12-23T15:00:00Z', 'complete_assessment', 'tom', assessment(), 'assessment_completed'));
    expect(refusal).toMatchObject({ code: 'not_allowed', message: 'Only a Social Worker can do "Complete assessment".' });
    d.complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sol', assessment(), 'assessment_completed');
    expect(d.task('transfer_form')).toBeDefined();
  });
});

describe('Given the Social Worker completes the transfer form for Ada and Ben Okafor', () => {
  it('When the most recent assessment of Ben is left out, Then it is refused, naming Ben', () => {
    const refusal = atTransfer().refused((x) => x.complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer({ assessments: assessments().slice(0, 1) }), 'send_transfer'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/assessments', keyword: 'eachChild', message: 'Add the details for Ben Okafor' }]);
  });

  it('When a child who is not on the case is listed, Then it is refused', () => {
    const stranger = [...assessments(), { name: 'Cal Smith', dateOfAssessment: '2026-12-23', copyIncluded: true }];
    const refusal = atTransfer().refused((x) => x.complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer({ assessments: stranger }), 'send_transfer'));
    expect(refusal.details.fieldErrors?.[0]?.message).toMatch(/^Cal Smith is not a child on this case/);
  });

  it('When the copy of Ben’s most recent assessment is not included, Then the transfer form cannot be sent', () => {
    const withoutCopy = assessments().map((a) => (a.name === 'Ben Okafor' ? { ...a, copyIncluded: false } : a));
    const refusal = atTransfer().refused((x) => x.complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer({ assessments: withoutCopy }), 'send_transfer'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/assessments/1/copyIncluded', keyword: 'check', message: 'The transfer form must include a copy of the most recent assessment of each child (Ben Okafor)' }]);
  });

  it('When Ben’s assessment given is older than the one completed on 23 December, Then it is refused: it is not the most recent', () => {
    const older = assessments().map((a) => (a.name === 'Ben Okafor' ? { ...a, dateOfAssessment: '2026-06-02' } : a));
    const refusal = atTransfer().refused((x) => x.complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer({ assessments: older }), 'send_transfer'));
    expect(refusal.details.fieldErrors).toEqual([
      { pointer: '/assessments/1/dateOfAssessment', keyword: 'check', message: 'This is not the most recent assessment: the assessment completed for this step down is more recent (Ben Okafor)' },
    ]);
  });

  it('When the family has agreed but no assessments are listed, Then the form asks for them', () => {
    const refusal = atTransfer().refused((x) => x.complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer({ assessments: undefined }), 'send_transfer'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/assessments', keyword: 'required', message: 'Add the most recent assessment of each child' }]);
  });
});

describe('Given the transfer form reached the Early Help Family Worker Team on Tuesday 29 December 2026', () => {
  const allocate = (by: string, data = allocation(), worker = 'fern') => (x: ReturnType<typeof transferred>) =>
    x.complete('2027-01-04T09:00:00Z', 'allocate_family_worker', by, data, { action: 'allocate', passTo: { worker } });

  it('When Faye, a Family Worker in that team, allocates, Then it is refused: only a Senior Practitioner allocates', () => {
    const refusal = transferred(newCase()).refused(allocate('faye'));
    expect(refusal).toMatchObject({ code: 'not_allowed', message: 'Only an Early Help Senior Practitioner can do "Allocate to the identified Early Help Family Worker".' });
  });

  it('When a Family Worker outside the team allocates, Then it is refused', () => {
    expect(transferred(newCase()).refused(allocate('fern')).code).toBe('not_allowed');
  });

  it('When the Senior Practitioner allocates without naming the Family Worker, Then it is refused', () => {
    const refusal = transferred(newCase()).refused((x) => x.complete('2027-01-04T09:00:00Z', 'allocate_family_worker', 'sian', allocation(), 'allocate'));
    expect(refusal).toMatchObject({ code: 'pass_to_required', message: 'Choose who to pass "Allocate to Early Help Family Worker" to.' });
  });

  it.each([
    ['the Social Worker', 'sam'],
    ['herself, a Senior Practitioner', 'sian'],
  ])('When the Senior Practitioner allocates to %s, Then it is refused: only an Early Help Family Worker can be allocated', (_, worker) => {
    const refusal = transferred(newCase()).refused(allocate('sian', allocation(), worker));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toContain('can only be passed to an Early Help Family Worker');
  });

  it('When she allocates to someone the authority does not know, Then it is refused', () => {
    expect(transferred(newCase()).refused(allocate('sian', allocation(), 'nobody')).code).toBe('unknown_worker');
  });

  it('When the date allocated is before the transfer form was sent, or still to come, Then it is refused', () => {
    const d = transferred(newCase());
    expect(d.refused(allocate('sian', allocation('2026-12-24'))).details.fieldErrors).toEqual([
      { pointer: '/dateAllocated', keyword: 'check', message: 'The date allocated cannot be before the transfer form was sent to the Early Help Family Worker Team' },
    ]);
    expect(d.refused(allocate('sian', allocation('2027-01-05'))).details.fieldErrors).toEqual([{ pointer: '/dateAllocated', keyword: 'check', message: 'The date allocated cannot be in the future' }]);
  });

  it('When the Family Worker’s name is only spaces, Then the form asks for it', () => {
    const refusal = transferred(newCase()).refused(allocate('sian', { identifiedFamilyWorker: '  ', dateAllocated: '2027-01-04' }));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/identifiedFamilyWorker', keyword: 'required', message: 'Enter the name of the identified Early Help Family Worker' }]);
  });
});

describe('Given Fern was allocated on Monday 4 January 2027 and has the joint visit', () => {
  it('When the joint visit is dated New Year’s Day, before the allocation, Then it is refused', () => {
    const refusal = allocated(newCase()).refused((x) => x.complete('2027-01-14T14:00:00Z', 'sd_joint_visit', 'fern', jointVisit('2027-01-01'), 'visit_done'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/dateOfJointVisit', keyword: 'check', message: 'The joint visit cannot be before the Early Help Family Worker was allocated' }]);
  });

  it('When on 14 January it is recorded for the next day, Then it is refused: record it once it has happened', () => {
    const refusal = allocated(newCase()).refused((x) => x.complete('2027-01-14T14:00:00Z', 'sd_joint_visit', 'fern', jointVisit('2027-01-15'), 'visit_done'));
    expect(refusal.details.fieldErrors?.[0]).toMatchObject({ pointer: '/dateOfJointVisit', message: expect.stringContaining('cannot be in the future') });
  });

  it('When the Social Worker is not named, Then the form asks for them: the visit is joint', () => {
    const refusal = allocated(newCase()).refused((x) => x.complete('2027-01-14T14:00:00Z', 'sd_joint_visit', 'fern', { ...jointVisit('2027-01-14'), socialWorker: ' ' }, 'visit_done'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/socialWorker', keyword: 'required', message: 'Enter the name of the Social Worker' }]);
  });

  it('When it is passed to the Family Worker Team and the Senior Practitioner records it, Then it is refused; a Family Worker of the team may', () => {
    const d = allocated(newCase()).reassign('2027-01-11T09:00:00Z', 'sd_joint_visit', 'sian', { team: 'eh_family_worker_team' });
    const refusal = d.refused((x) => x.complete('2027-01-14T14:00:00Z', 'sd_joint_visit', 'sian', jointVisit('2027-01-14'), 'visit_done'));
    expect(refusal).toMatchObject({ code: 'not_allowed', message: 'Only an Early Help Family Worker can do "Joint visit (Social Worker and Early Help Family Worker)".' });
    d.complete('2027-01-14T14:00:00Z', 'sd_joint_visit', 'faye', jointVisit('2027-01-14'), 'visit_done');
    expect(d.task('eh_review').assignee).toEqual({ worker: 'faye' });
  });

  it('When it is reassigned to the Social Worker by name, Then it is refused: the Family Worker records it', () => {
    const refusal = allocated(newCase()).refused((x) => x.reassign('2027-01-11T09:00:00Z', 'sd_joint_visit', 'sian', { worker: 'sam' }));
    expect(refusal.code).toBe('pass_to_not_allowed');
  });
});
