/**
 * caf-ehm, Final CIN / Step down to CAF meeting: held "with SW, family and all partners" after the
 * proposal was shared and the Lead Professional agreed; the views of each child, the parents and
 * partners; the step down CAF assessment with each child's voice; a SMART family plan agreed by
 * all; and the initial Family Planning meeting arranged "to take place within 4 weeks".
 */
import { describe, expect, it } from 'vitest';
import { atCaseClosure, cafMeeting, escalationsOf, fieldErrors, lpAgreed, proposal, siblings, startedCase } from './given.ts';

/**
 * Given the final CIN meeting on Monday 4 January 2027 is the Social Worker's next step: views
 * recorded on 10 December (or the day given), the Lead Professional agreed on 14 December (or the
 * day given).
 */
const atFinalMeeting = (o: { dateShared?: string; lpAgreedDate?: string; subject?: typeof siblings } = {}) =>
  startedCase('2026-12-01T10:00:00Z', '2027-01-04', { subject: o.subject })
    .complete(o.dateShared ? `${o.dateShared}T09:00:00Z` : '2026-12-10T14:00:00Z', 'share_proposal', 'sam', { ...proposal({ dateShared: o.dateShared }), ...(o.subject ? { childrenViews: bothChildren } : {}) }, 'views_recorded')
    .complete(o.lpAgreedDate ? `${o.lpAgreedDate}T10:00:00Z` : '2026-12-15T11:00:00Z', 'identify_lp', 'sam', { ...lpAgreed, lpAgreedDate: o.lpAgreedDate ?? '2026-12-14' }, 'lp_agreed')
    .runUntil('2027-01-04T15:00:00Z');
const bothChildren = [
  { name: 'Kofi Mensah', views: 'Kofi is happy.', agrees: 'yes' },
  { name: 'Ama Mensah', views: 'Ama is happy.', agrees: 'yes' },
];
const refusedAt = (at: string, data: Record<string, unknown>, driver = atFinalMeeting(), action = 'step_down_caf') =>
  driver.runUntil(at).refused((d) => d.complete(at, 'final_cin_meeting', 'sam', data, action));
const on4Jan = '2027-01-04T15:00:00Z';

describe('Given the final CIN meeting is held on Monday 4 January 2027', () => {
  it('When the SMART family plan is not agreed by everyone, Then the step down to CAF is refused', () => {
    const refusal = refusedAt(on4Jan, cafMeeting('2027-01-04', '2027-01-28', { planAgreed: false }));
    expect(refusal.code).toBe('guard_failed');
    expect(refusal.message).toBe('The SMART family plan must be agreed by the family and all partners before the step down to CAF.');
  });

  it('When an action of the plan is due before the meeting, Then that action’s date is refused', () => {
    const meeting = cafMeeting('2027-01-04', '2027-01-28');
    const refusal = refusedAt(on4Jan, { ...meeting, familyPlan: [meeting.familyPlan[0], { ...meeting.familyPlan[1], byWhen: '2026-12-31' }] });
    expect(fieldErrors(refusal)).toEqual(['/familyPlan/1/byWhen: The date for this action must be after the final CIN meeting']);
  });

  it('When the initial Family Planning meeting is arranged 20 weeks out, or before the meeting, Then it is refused: within 4 weeks', () => {
    expect(fieldErrors(refusedAt(on4Jan, cafMeeting('2027-01-04', '2027-05-24')))).toEqual([
      '/initialFpMeetingDate: The initial Family Planning meeting must take place within 4 weeks of the final CIN meeting',
    ]);
    expect(fieldErrors(refusedAt(on4Jan, cafMeeting('2027-01-04', '2027-02-02')))).toEqual([
      '/initialFpMeetingDate: The initial Family Planning meeting must take place within 4 weeks of the final CIN meeting',
    ]);
    expect(fieldErrors(refusedAt(on4Jan, cafMeeting('2027-01-04', '2026-12-29')))).toEqual([
      '/initialFpMeetingDate: The initial Family Planning meeting must be after the final CIN meeting',
    ]);
  });

  it('When it is arranged for Monday 1 February, exactly 4 weeks on, Then the step down goes ahead', () => {
    const driver = atFinalMeeting().complete(on4Jan, 'final_cin_meeting', 'sam', cafMeeting('2027-01-04', '2027-02-01'), 'step_down_caf');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['case_closure']);
  });

  it('When a step down to CAF leaves out the CAF assessment, plan and initial meeting, Then each missing answer is named', () => {
    const { familyPlan: _plan, initialFpMeetingDate: _date, childrenVoice: _voice, ...partial } = cafMeeting('2027-01-04', '2027-01-28');
    expect(fieldErrors(refusedAt(on4Jan, partial))).toEqual([
      "/childrenVoice: Enter each child's voice and experience",
      '/familyPlan: Add at least one action to the family plan',
      '/initialFpMeetingDate: Enter the date of the initial Family Planning meeting',
    ]);
  });

  it('When the family did not take part, or the referral-back triggers are blank, Then each is refused', () => {
    const refusal = refusedAt(on4Jan, { ...cafMeeting('2027-01-04', '2027-01-28'), whoTookPart: ['social_worker', 'partners'], referralBackTriggers: '  ' });
    expect(fieldErrors(refusal)).toEqual([
      '/whoTookPart: The final CIN meeting takes place with the family: select the parents or carers',
      '/referralBackTriggers: Enter when a referral back into social care may be necessary',
    ]);
  });

  it('When the Lead Professional, involved with the family, attended but did not contribute, or did not attend and no one says why, Then each is refused', () => {
    const meeting = cafMeeting('2027-01-04', '2027-01-28');
    const { lpContribution: _c, ...noContribution } = meeting;
    expect(fieldErrors(refusedAt(on4Jan, noContribution))).toEqual([
      "/lpContribution: Enter the Lead Professional's contribution to the CAF assessment: they are currently involved with the family",
    ]);
    expect(fieldErrors(refusedAt(on4Jan, { ...noContribution, lpAttended: false }))).toEqual(['/lpNotAttendedReason: Enter why the Lead Professional did not attend']);
  });

  it('When the meeting is dated tomorrow, Then it is refused: it is recorded once held', () => {
    expect(fieldErrors(refusedAt(on4Jan, cafMeeting('2027-01-05', '2027-01-28')))).toEqual(['/meetingDate: The date of the final CIN meeting must be today or in the past']);
  });

  it('When the plan recorded is CAF but universal services is chosen, Then it is refused', () => {
    const refusal = refusedAt(on4Jan, cafMeeting('2027-01-04', '2027-01-28'), atFinalMeeting(), 'step_down_universal');
    expect(refusal.message).toBe('The plan recorded is a step down to CAF: choose that next action instead.');
  });

  it('When the meeting is not recorded that day, Then the Team Manager is told', () => {
    const driver = atFinalMeeting().runUntil('2027-01-05T09:00:00Z');
    expect(driver.task('final_cin_meeting')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(escalationsOf(driver, 'final_cin_meeting').map((e) => [e.at, e.to])).toEqual([['2027-01-04T23:59:59.999Z', [{ role: 'sw_team_manager' }]]]);
  });

  it('When it steps down to CAF, Then the closure summary is due in 5 working days (Monday 11 January) with the reasons copied over', () => {
    const task = atCaseClosure().task('case_closure');
    expect(task).toMatchObject({ assignee: { worker: 'sam' }, due: '2027-01-11T23:59:59.999Z' });
    expect(task.prefill).toEqual({ thresholdNoLongerMet: 'Home conditions and school attendance have been good for six months.', stepDownTo: 'caf' });
  });
});

describe('Given the proposal and the Lead Professional must come "prior to the final CIN meeting"', () => {
  it('When the proposal was shared on 5 January and the meeting is recorded as held on 4 January, Then it is refused, naming the proposal', () => {
    const driver = atFinalMeeting({ dateShared: '2027-01-05' });
    const refusal = refusedAt('2027-01-06T10:00:00Z', cafMeeting('2027-01-04', '2027-01-28'), driver);
    expect(fieldErrors(refusal)).toEqual([
      '/meetingDate: The proposal must be shared before the final CIN meeting: the meeting date must be after the date the proposal was shared',
    ]);
  });

  it('When the Lead Professional agreed on the day of the meeting, Then it is refused, naming the Lead Professional', () => {
    const refusal = refusedAt(on4Jan, cafMeeting('2027-01-04', '2027-01-28'), atFinalMeeting({ lpAgreedDate: '2027-01-04' }));
    expect(fieldErrors(refusal)).toEqual(['/meetingDate: The Lead Professional must agree before the final CIN meeting: the meeting date must be after the date they agreed']);
  });

  it('When the meeting was moved to Thursday 7 January, after a late proposal, Then the step down goes ahead on the day it was held', () => {
    const driver = atFinalMeeting({ dateShared: '2027-01-05' }).complete('2027-01-07T15:00:00Z', 'final_cin_meeting', 'sam', cafMeeting('2027-01-07', '2027-01-28'), 'step_down_caf');
    expect(driver.task('case_closure').due).toBe('2027-01-14T23:59:59.999Z');
  });
});

describe('Given a final CIN meeting on Monday 1 March 2027', () => {
  const march = () =>
    startedCase('2027-02-01T10:00:00Z', '2027-03-01')
      .complete('2027-02-05T10:00:00Z', 'share_proposal', 'sam', proposal({ dateShared: '2027-02-05' }), 'views_recorded')
      .complete('2027-02-10T10:00:00Z', 'identify_lp', 'sam', { ...lpAgreed, lpAgreedDate: '2027-02-10' }, 'lp_agreed')
      .runUntil('2027-03-01T15:00:00Z');

  it.each([
    ['Good Friday, 26 March 2027', '2027-03-26'],
    ['Easter Monday, 29 March 2027', '2027-03-29'],
  ])('When the initial Family Planning meeting is arranged for %s, Then it is refused: a working day', (_, date) => {
    const refusal = refusedAt('2027-03-01T15:00:00Z', cafMeeting('2027-03-01', date), march());
    expect(fieldErrors(refusal)).toEqual(['/initialFpMeetingDate: The initial Family Planning meeting must be on a working day, not a weekend or bank holiday']);
  });

  it('When it is arranged for Thursday 25 March, before Easter, Then it is accepted', () => {
    const driver = march().complete('2027-03-01T15:00:00Z', 'final_cin_meeting', 'sam', cafMeeting('2027-03-01', '2027-03-25'), 'step_down_caf');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['case_closure']);
  });
});

describe('Given a family of two children, Kofi and Ama, at the final CIN meeting', () => {
  it('When only Kofi’s views and voice are recorded, Then it is refused, naming Ama', () => {
    const refusal = refusedAt(on4Jan, cafMeeting('2027-01-04', '2027-01-28'), atFinalMeeting({ subject: siblings }));
    expect(fieldErrors(refusal)).toEqual(['/childrenViews: Add the details for Ama Mensah', '/childrenVoice: Add the details for Ama Mensah']);
  });

  it('When both children’s views and voices are recorded, Then the step down goes ahead', () => {
    const voices = [
      { name: 'Kofi Mensah', voice: 'Kofi wants to keep his mentor.' },
      { name: 'Ama Mensah', voice: 'Ama likes her new class.' },
    ];
    const driver = atFinalMeeting({ subject: siblings });
    expect(driver.task('final_cin_meeting').prefill).toMatchObject({ childrenViews: bothChildren, childrenVoice: [{ name: 'Kofi Mensah' }, { name: 'Ama Mensah' }] });
    driver.complete(on4Jan, 'final_cin_meeting', 'sam', { ...cafMeeting('2027-01-04', '2027-01-28'), childrenViews: bothChildren, childrenVoice: voices }, 'step_down_caf');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['case_closure']);
  });
});
