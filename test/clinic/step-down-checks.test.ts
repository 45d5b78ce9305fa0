/**
 * What the booking and the Case Discussion refuse: a MASH referral allocated to Early Help, the
 * wrong person, blank answers, a discussion dated other than the clinic day, a date to complete
 * assessment before the discussion or on a bank holiday, and an outcome one Team Manager signs alone.
 */
import { describe, expect, it } from 'vitest';
import { atClinic, booking, discussion, family, newCase } from './clinic-case.ts';

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

  it('When the Social Worker’s details on the agenda are only spaces, Then the booking is refused as if they were not given', () => {
    const refusal = newCase().refused((x) => x.start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking({ socialWorkerName: '   ', reasonForStepDown: ' \n ' })));
    expect(refusal.details.fieldErrors?.map((e) => e.message)).toEqual([
      'Enter the name of the allocated Social Worker',
      'Enter why the family no longer requires social work involvement',
    ]);
  });

  it('When someone who is not a Social Worker tries to book, Then it is refused', () => {
    const refusal = newCase().refused((x) => x.start('2026-12-14T10:00:00Z', 'step_down', 'sian', family, booking()));
    expect(refusal.code).toBe('not_allowed');
    // The engine's start refusal names the step, not yet the role (clinic-engine-requests.md R3).
    expect(refusal.message).toContain('"Book a case discussion slot at the Early Help Step Down Clinic"');
  });
});

describe('Given the Case Discussion at the clinic on Thursday 17 December 2026', () => {
  it('When no case note has been added to EHM, Then the outcome cannot be signed', () => {
    const refusal = atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion({ ehmCaseNoteAdded: false }), 'record_outcome'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'A case note should be added to EHM detailing the outcome of the discussion and the rationale for decision making.' });
  });

  it('When the rationale for decision making is only spaces, Then the form asks for it', () => {
    const refusal = atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion({ rationale: '    ' }), 'record_outcome'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/rationale', keyword: 'required', message: 'Enter the rationale for decision making' }]);
  });

  it('When the discussion is dated Friday 18 December, the day after the clinic, Then it is refused: it is held at the clinic', () => {
    const refusal = atClinic().refused((x) => x.complete('2026-12-18T10:00:00Z', 'case_discussion', 'tina', discussion({ dateOfDiscussion: '2026-12-18' }), 'record_outcome'));
    expect(refusal.details.fieldErrors).toEqual([
      { pointer: '/dateOfDiscussion', keyword: 'check', message: 'The Case Discussion is held at the Early Help Step Down Clinic: enter the date the clinic met' },
    ]);
  });

  it('When the step down is agreed without a date to complete assessment, Then the form asks for the date', () => {
    const refusal = atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion({ assessmentCompletionDate: undefined }), 'record_outcome'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/assessmentCompletionDate', keyword: 'required', message: 'Enter the date to complete assessment' }]);
  });

  it('When the date to complete assessment is before the Case Discussion, Then it is refused', () => {
    const refusal = atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion({ assessmentCompletionDate: '2026-12-16' }), 'record_outcome'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/assessmentCompletionDate', keyword: 'check', message: 'The date to complete assessment cannot be before the Case Discussion' }]);
  });

  it.each([
    ['Christmas Day, Friday 25 December 2026', '2026-12-25'],
    ['the substitute Boxing Day, Monday 28 December 2026', '2026-12-28'],
    ['New Year’s Day, Friday 1 January 2027', '2027-01-01'],
    ['Saturday 2 January 2027', '2027-01-02'],
  ])('When the date to complete assessment is %s, Then it is refused: it must be a working day', (_, date) => {
    const refusal = atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion({ assessmentCompletionDate: date }), 'record_outcome'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/assessmentCompletionDate', keyword: 'check', message: 'The date to complete assessment must be a working day, not a weekend or bank holiday' }]);
  });

  it('When the Social Worker (not a Team Manager) records the outcome, Then it is refused, naming the two Team Managers who sign it', () => {
    const refusal = atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'sam', discussion(), 'record_outcome'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toMatch(/Team Manager \(Social Work\).*Team Manager \(Early Help\).*"Case Discussion"/i);
  });

  it('When an Early Help Family Worker records the outcome, Then it is refused', () => {
    expect(atClinic().refused((x) => x.complete('2026-12-17T12:00:00Z', 'case_discussion', 'fern', discussion(), 'record_outcome')).code).toBe('not_allowed');
  });
});

describe('Given the outcome must be signed by a Team Manager from Social Work and one from Early Help', () => {
  const signedByTina = () => atClinic().complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion(), 'record_outcome');

  it('When only Tina has signed, Then nothing moves on: there is no assessment to complete and no date set', () => {
    const d = signedByTina();
    expect(d.openTasks().map((t) => t.node)).toEqual(['case_discussion']);
    expect(d.state!.done.case_discussion).toBeUndefined();
  });

  it('When Tina signs again, Then it is refused, naming the Team Manager from Early Help who must sign', () => {
    const refusal = signedByTina().refused((x) => x.complete('2026-12-17T12:10:00Z', 'case_discussion', 'tina', discussion(), 'record_outcome'));
    expect(refusal.code).toBe('already_signed');
    expect(refusal.message).toMatch(/Team Manager \(Early Help\)/i);
  });

  it('When Tom, a second Team Manager from Social Work, signs instead of Early Help, Then it is refused: Social Work has signed', () => {
    const refusal = signedByTina().refused((x) => x.complete('2026-12-17T12:10:00Z', 'case_discussion', 'tom', discussion(), 'record_outcome'));
    expect(refusal.code).toBe('already_signed');
    expect(refusal.message).toMatch(/Team Manager \(Early Help\)/i);
  });

  it('When Ellen signs a different outcome, Then Tina’s signature is cleared and the case waits for Tina to sign Ellen’s outcome', () => {
    const d = signedByTina().complete('2026-12-17T12:10:00Z', 'case_discussion', 'ellen', discussion({ outcome: 'universal_services', identifiedFamilyWorker: undefined }), 'record_outcome');
    expect(d.task('case_discussion')).toMatchObject({ signatures: [{ by: 'ellen', role: 'eh_team_manager' }], prefill: { outcome: 'universal_services' } });
    expect(d.history('signatures_cleared', 'case_discussion')).toMatchObject([{ by: 'ellen', previous: ['tina'] }]);
    d.complete('2026-12-17T12:20:00Z', 'case_discussion', 'tina', discussion({ outcome: 'universal_services', identifiedFamilyWorker: undefined }), 'record_outcome');
    expect(d.state!.form.case_discussion).toMatchObject({ outcome: 'universal_services' });
    expect(d.task('complete_assessment').assignee).toEqual({ worker: 'sam' });
  });
});
