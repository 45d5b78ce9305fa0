/**
 * Step down through the Early Help Step Down Clinic, happy path: booking, the weekly clinic,
 * the Case Discussion signed by a Team Manager from each service, the assessment date, the
 * transfer form across Christmas, allocation by the Senior Practitioner across New Year, the joint
 * visit (when Children's Social Care closes, with its census reason) and the step down review.
 */
import { describe, expect, it } from 'vitest';
import { allocated, allocation, assessment, atReview, booking, discussed, discussion, family, jointVisit, newCase, transfer, transferred } from './clinic-case.ts';

describe('Given a Social Worker books a slot at the Early Help Step Down Clinic on Monday 14 December 2026', () => {
  it('When the booking is saved, Then the clinic is told and the agenda closes at 12:00 on Wednesday 16 December', () => {
    const d = newCase().start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking());
    expect(d.notifications()).toEqual([
      expect.objectContaining({
        to: [{ team: 'step_down_clinic' }],
        subject: 'Early Help Step Down Clinic agenda: Okafor',
        body: 'Sam Patel (Assessment Team 2) has booked a case discussion slot for the Okafor family at the next Early Help Step Down Clinic.',
      }),
    ]);
    expect(Object.values(d.state!.timers)).toMatchObject([{ node: 'agenda_closes', fireAt: '2026-12-16T12:00:00.000Z' }]);
    expect(d.openTasks()).toEqual([]);
  });

  it('When the agenda closes, Then the case waits for the clinic at 09:30 on Thursday 17 December', () => {
    const d = newCase().start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking()).runUntil('2026-12-16T12:00:00Z');
    expect(Object.values(d.state!.timers)).toMatchObject([{ node: 'clinic_meets', fireAt: '2026-12-17T09:30:00.000Z' }]);
    expect(d.state!.done.agenda_closes).toBe('2026-12-16T12:00:00.000Z');
  });

  it('When the clinic meets, Then the Case Discussion is with the clinic, due by the end of Friday 18 December, with the Social Worker copied over', () => {
    const d = newCase().start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking()).runUntil('2026-12-17T09:30:00Z');
    expect(d.task('case_discussion')).toMatchObject({
      assignee: { team: 'step_down_clinic' },
      createdAt: '2026-12-17T09:30:00.000Z',
      due: '2026-12-18T23:59:59.999Z',
      dueLabel: 'case note on EHM by the end of the working day after the clinic (local choice)',
      prefill: { allocatedSocialWorker: 'Sam Patel' },
    });
  });
});

describe('Given a Social Worker books after the agenda has closed', () => {
  it('When they book at 13:00 on Wednesday 16 December, Then the case goes to the clinic on Christmas Eve and its outcome is due after the Christmas bank holidays', () => {
    const d = newCase().start('2026-12-16T13:00:00Z', 'step_down', 'sam', family, booking());
    expect(Object.values(d.state!.timers)).toMatchObject([{ node: 'agenda_closes', fireAt: '2026-12-23T12:00:00.000Z' }]);
    d.runUntil('2026-12-24T09:30:00Z');
    // Thursday 24th is day 0; Friday 25th, Monday 28th (substitute Boxing Day) and the weekend are skipped.
    expect(d.task('case_discussion').due).toBe('2026-12-29T23:59:59.999Z');
  });

  it('When they book in British Summer Time, Then the agenda, the clinic and the deadline are in London time', () => {
    const d = newCase('2027-03-30T08:00:00Z').start('2027-03-30T09:00:00Z', 'step_down', 'sam', family, booking());
    expect(Object.values(d.state!.timers)).toMatchObject([{ node: 'agenda_closes', fireAt: '2027-03-31T11:00:00.000Z' }]);
    d.runUntil('2027-03-31T11:00:00Z');
    expect(Object.values(d.state!.timers)).toMatchObject([{ node: 'clinic_meets', fireAt: '2027-04-01T08:30:00.000Z' }]);
    d.runUntil('2027-04-01T08:30:00Z');
    expect(d.task('case_discussion').due).toBe('2027-04-02T22:59:59.999Z');
  });
});

describe('Given the Case Discussion on Thursday 17 December agrees allocation to the Early Help Family Worker Team', () => {
  it('When Tina (Team Manager, Social Work) signs the outcome, Then it waits for a Team Manager from Early Help, with her answers ready for them', () => {
    const d = newCase().start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking());
    d.complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion(), 'record_outcome');
    expect(d.task('case_discussion')).toMatchObject({ status: 'open', signatures: [{ by: 'tina', role: 'sw_team_manager', at: '2026-12-17T12:00:00.000Z' }], prefill: discussion() });
    expect(d.state!.form.case_discussion).toBeUndefined();
    expect(d.history('task_signed', 'case_discussion')).toMatchObject([{ by: 'tina', role: 'sw_team_manager' }]);
  });

  it('When Ellen (Team Manager, Early Help) signs the same outcome, Then the Social Worker must complete the assessment by the end of 23 December', () => {
    const d = discussed(newCase());
    expect(d.state!.form.case_discussion).toMatchObject({ outcome: 'eh_family_worker_team', ehmCaseNoteAdded: true });
    expect(d.history('task_signed', 'case_discussion').map((h) => h.by)).toEqual(['tina', 'ellen']);
    expect(d.task('complete_assessment')).toMatchObject({
      assignee: { worker: 'sam' },
      due: '2026-12-23T23:59:59.999Z',
      dueLabel: 'by the date given at the Case Discussion',
    });
  });

  it('When the assessment is completed on 23 December, Then the transfer form is due by the end of Tuesday 29 December, skipping Christmas Day and the substitute Boxing Day, with earlier answers and one entry for each child copied over', () => {
    const d = discussed(newCase()).complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', assessment(), 'assessment_completed');
    expect(d.task('transfer_form')).toMatchObject({
      assignee: { worker: 'sam' },
      due: '2026-12-29T23:59:59.999Z',
      prefill: {
        identifiedFamilyWorker: 'Fern Ahmed',
        reasonForStepDown: 'Home conditions have improved and school attendance is good.',
        ongoingSupportNeeded: 'Parenting support and help with routines.',
        familyAgreed: true,
        assessments: [{ name: 'Ada Okafor' }, { name: 'Ben Okafor' }],
      },
    });
  });

  it('When the transfer form is sent on 29 December, Then the Early Help Family Worker Team allocates by the end of Monday 4 January, skipping New Year’s Day', () => {
    const d = transferred(newCase());
    expect(d.task('allocate_family_worker')).toMatchObject({
      assignee: { team: 'eh_family_worker_team' },
      due: '2027-01-04T23:59:59.999Z',
      prefill: { identifiedFamilyWorker: 'Fern Ahmed' },
    });
  });

  it('When the Senior Practitioner allocates to Fern on 4 January, Then the Social Worker is told and Fern has the joint visit, due within 10 working days', () => {
    const d = allocated(newCase());
    expect(d.notifications().at(-1)).toMatchObject({
      to: [{ worker: 'sam' }],
      subject: 'Step down: Okafor allocated to an Early Help Family Worker',
      body: 'The Early Help Senior Practitioner has allocated the Okafor family to Fern Ahmed on 2027-01-04. Please arrange a joint visit with them.',
    });
    expect(d.task('sd_joint_visit')).toMatchObject({
      assignee: { worker: 'fern' },
      passedBy: 'sian',
      due: '2027-01-18T23:59:59.999Z',
      prefill: { socialWorker: 'Sam Patel', earlyHelpFamilyWorker: 'Fern Ahmed' },
    });
    expect(d.state!.joins).toEqual({ handover_done: ['tell_sw_allocated'] });
    expect(d.state!.closures).toEqual([]);
  });

  it('When the joint visit is done on 14 January, Then Children’s Social Care closes at that moment with census reason RC9, and Fern has the step down review, due 6 weeks later', () => {
    const d = atReview(newCase());
    expect(d.state!.closures).toEqual([{ node: 'sd_stepped_down_after_assessment', outcome: 'stepped_down', closureReason: 'RC9', at: '2027-01-14T14:00:00.000Z' }]);
    expect(d.state!.status).toBe('open');
    expect(d.state!.joins).toEqual({});
    expect(d.task('eh_review')).toMatchObject({ assignee: { worker: 'fern' }, due: '2027-02-25T23:59:59.999Z', dueLabel: '6 weeks after the joint visit (local choice)' });
  });

  it('When Fern confirms the step down at the review, Then the case closes as stepped down, with the one census closure recorded at the joint visit', () => {
    const d = atReview(newCase()).complete('2027-02-22T10:00:00Z', 'eh_review', 'fern', { latestCaseSummary: 'Routines are settled.' }, 'close_step_down');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'stepped_down', node: 'sd_step_down_complete', at: '2027-02-22T10:00:00.000Z' } });
    expect(d.state!.outcome?.closureReason).toBeUndefined();
    expect(d.state!.closures).toMatchObject([{ closureReason: 'RC9', at: '2027-01-14T14:00:00.000Z' }]);
    expect(d.openTasks()).toEqual([]);
    expect(d.state!.timers).toEqual({});
  });
});

describe('Given a step down at the end of a Child in Need plan', () => {
  it('When the joint visit is done, Then Children’s Social Care closes with census reason RC7', () => {
    const d = atReview(newCase(), { stepDownPoint: 'cin_plan_ended' });
    expect(d.state!.closures).toEqual([{ node: 'sd_stepped_down_after_cin_plan', outcome: 'stepped_down', closureReason: 'RC7', at: '2027-01-14T14:00:00.000Z' }]);
  });
});

describe('Given the clinic agrees a later date to complete assessment', () => {
  it('When the date is Friday 8 January 2027, Then the assessment is due at the end of that Friday', () => {
    const d = discussed(newCase(), {}, { assessmentCompletionDate: '2027-01-08' });
    expect(d.task('complete_assessment').due).toBe('2027-01-08T23:59:59.999Z');
  });
});

describe('Given the family is with Early Help after the joint visit', () => {
  it('When the step down review is late, Then the Senior Practitioner who allocated is told', () => {
    const d = atReview(newCase()).runUntil('2027-02-25T23:59:59.999Z');
    expect(d.task('eh_review')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ worker: 'sian' }], body: 'The step down review is overdue.' });
  });

  it('When the joint visit record is filled, Then its answers are kept on the case for later steps', () => {
    const d = atReview(newCase());
    expect(d.state!.form.sd_joint_visit).toEqual(jointVisit('2027-01-14'));
    expect(d.state!.form.transfer_form).toEqual(transfer());
    expect(d.state!.form.allocate_family_worker).toEqual(allocation());
  });
});
