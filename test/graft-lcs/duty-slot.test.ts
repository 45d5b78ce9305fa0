/**
 * Graft/LCS Step Two: the SC TM / ATM discusses the step down with the Duty EH TM "in the AM of
 * Tuesday, Wednesday, and Thursday". The task waits for the next slot (09:00–12:00 London; the
 * 09:00 start is a local choice), both managers sign the record, and the discussion's own date and
 * time must fall in a morning slot: a Friday-afternoon discussion is refused, not just late.
 */
import { describe, expect, it } from 'vitest';
import { atDutyDiscussion, identification, started, stepOne, stepTwo } from './given.ts';

/** Given supervision on `day` and the SW's request for the duty discussion at `at`, not passed to anyone. */
function requestedAt(day: string, at: string, cin: string) {
  return started(`${day}T10:00:00Z`, { ...identification, dateIdentified: day }).complete(at, 'step_one_family_discussion', 'sam', stepOne({ familyDiscussionDate: day, nextCinMeetingDate: cin }), 'request_duty_eh_discussion');
}

const sign = 'step_two_duty_eh_discussion';
const fieldErrors = (refusal: { details: { fieldErrors?: Array<{ pointer: string; message: string }> } }) => refusal.details.fieldErrors?.map((e) => [e.pointer, e.message]);

describe('Given the SW requested the discussion on Tuesday 1 December 2026 at 14:00, passing it to their TM', () => {
  it('Then the SC TM / ATM holds it in the next duty slot: Wednesday 09:00–12:00, with consent and plan copied over', () => {
    expect(atDutyDiscussion().task(sign)).toMatchObject({
      assignee: { worker: 'tara' },
      passedBy: 'sam',
      availableFrom: '2026-12-02T09:00:00.000Z',
      due: '2026-12-02T12:00:00.000Z',
      dueLabel: 'in the AM of Tuesday, Wednesday, and Thursday (Duty Rota provided to SC TMs)',
      prefill: { familyConsent: true, stepDownPlan: 'School attendance and routines support; parenting programme.' },
    });
  });

  it('When Tara tries to record it before the slot opens, Then it is refused and the case is unchanged', () => {
    const refusal = atDutyDiscussion().refused((d) => d.complete('2026-12-02T08:59:00Z', sign, 'tara', stepTwo, 'step_down_agreed'));
    expect(refusal.code).toBe('not_yet_available');
  });
});

describe('Given the discussion was held at 10:30 in Wednesday 2 December 2026\u2019s slot', () => {
  it('When Tara (SC TM / ATM) signs, Then her signature is recorded and the step waits with the Duty EH TMs, with her answers to co-sign', () => {
    const driver = atDutyDiscussion().complete('2026-12-02T11:00:00Z', sign, 'tara', stepTwo, 'step_down_agreed');
    expect(driver.task(sign)).toMatchObject({ assignee: { role: 'duty_eh_team_manager' }, signatures: [{ by: 'tara', role: 'sc_team_manager', at: '2026-12-02T11:00:00.000Z' }], prefill: stepTwo });
    expect(driver.history('task_signed', sign)).toEqual([expect.objectContaining({ by: 'tara', role: 'sc_team_manager' })]);
    expect(driver.history('task_reassigned', sign)).toEqual([expect.objectContaining({ by: 'tara', from: { worker: 'tara' }, to: { role: 'duty_eh_team_manager' }, why: 'awaiting signature' })]);
  });

  it('When Dina (Duty EH TM) signs first, Then the step stays with Tara, the SC TM / ATM it was passed to, to co-sign', () => {
    const driver = atDutyDiscussion().complete('2026-12-02T11:00:00Z', sign, 'dina', stepTwo, 'step_down_agreed');
    expect(driver.task(sign)).toMatchObject({ assignee: { worker: 'tara' }, signatures: [{ by: 'dina', role: 'duty_eh_team_manager' }] });
    driver.complete('2026-12-02T11:10:00Z', sign, 'tara', stepTwo, 'step_down_agreed');
    expect(driver.task('step_three_taf_decision').assignee).toEqual({ team: 'taf_team' });
  });

  it('When Dina (Duty EH TM) signs the same decision, Then Step Down to EH is agreed and goes to the TAF Team, both signatures kept', () => {
    const driver = atDutyDiscussion()
      .complete('2026-12-02T11:00:00Z', sign, 'tara', stepTwo, 'step_down_agreed')
      .complete('2026-12-02T11:10:00Z', sign, 'dina', stepTwo, 'step_down_agreed');
    expect(driver.state?.tasks[driver.history('task_completed', sign)[0]!.task as string]?.signatures?.map((s) => [s.by, s.role])).toEqual([
      ['tara', 'sc_team_manager'],
      ['dina', 'duty_eh_team_manager'],
    ]);
    expect(driver.task('step_three_taf_decision').assignee).toEqual({ team: 'taf_team' });
  });

  it('When the Social Worker, an FFP or the Graft TM tries to sign, Then it is refused: only an SC TM / ATM or a Duty EH TM can', () => {
    const driver = atDutyDiscussion();
    for (const who of ['sam', 'fay', 'gary']) {
      const refusal = driver.refused((d) => d.complete('2026-12-02T11:00:00Z', sign, who, stepTwo, 'step_down_agreed'));
      expect(refusal.code).toBe('not_allowed');
      // "a duty EH TM" while the engine lowercases a role name whose later words are all capitals (reported).
      expect(refusal.message).toMatch(/^Only an SC TM \/ ATM or a Duty EH TM can do "Step Down Discussion with Duty EH TM"\.$/);
    }
  });

  it('When Tara signs twice, or another SC TM signs after her, Then it is refused: it needs a Duty EH TM', () => {
    const driver = atDutyDiscussion().complete('2026-12-02T11:00:00Z', sign, 'tara', stepTwo, 'step_down_agreed');
    const twice = driver.refused((d) => d.complete('2026-12-02T11:05:00Z', sign, 'tara', stepTwo, 'step_down_agreed'));
    expect(twice.code).toBe('already_signed');
    expect(twice.message).toMatch(/^You have already signed "Step Down Discussion with Duty EH TM"; it needs a Duty EH TM to sign too\.$/);
    const tom = driver.refused((d) => d.complete('2026-12-02T11:05:00Z', sign, 'tom', stepTwo, 'step_down_agreed'));
    expect(tom.code).toBe('already_signed');
    expect(tom.message).toMatch(/^"Step Down Discussion with Duty EH TM" has been signed for your role already; it needs a Duty EH TM to sign\.$/);
  });

  it('When Dina signs a different decision, Then Tara\u2019s signature is cleared and it waits with the SC TMs / ATMs: Tara must sign again before anything happens', () => {
    const notAgreed = { ...stepTwo, reasonNotAgreed: 'Risks around domestic abuse still need a social work response.' };
    const driver = atDutyDiscussion()
      .complete('2026-12-02T11:00:00Z', sign, 'tara', stepTwo, 'step_down_agreed')
      .complete('2026-12-02T11:10:00Z', sign, 'dina', notAgreed, 'step_down_not_agreed');
    expect(driver.task(sign).signatures?.map((s) => s.by)).toEqual(['dina']);
    expect(driver.task(sign).assignee).toEqual({ role: 'sc_team_manager' });
    expect(driver.history('signatures_cleared', sign)).toEqual([expect.objectContaining({ by: 'dina', previous: ['tara'] })]);
    driver.complete('2026-12-02T11:20:00Z', sign, 'tara', notAgreed, 'step_down_not_agreed');
    expect(driver.state?.outcome).toMatchObject({ id: 'step_down_not_agreed' });
  });
});

describe('Given the SW requests the discussion without naming a TM', () => {
  it('Then any SC TM / ATM can pick it up', () => {
    expect(requestedAt('2026-11-30', '2026-12-01T14:00:00Z', '2027-01-04').task(sign).assignee).toEqual({ role: 'sc_team_manager' });
  });
});

describe('Duty slots across the calendar', () => {
  it('Given a request at 10:00 on Wednesday 2 December, during a slot, Then the discussion goes to Thursday morning (the next slot to start)', () => {
    const task = requestedAt('2026-11-30', '2026-12-02T10:00:00Z', '2027-01-04').task(sign);
    expect([task.availableFrom, task.due]).toEqual(['2026-12-03T09:00:00.000Z', '2026-12-03T12:00:00.000Z']);
  });

  it('Given a request on Christmas Eve 2026 (Thursday), Then the next slot is Tuesday 29 December, after Christmas and the substitute Boxing Day', () => {
    const task = requestedAt('2026-12-21', '2026-12-24T13:00:00Z', '2027-01-11').task(sign);
    expect([task.availableFrom, task.due]).toEqual(['2026-12-29T09:00:00.000Z', '2026-12-29T12:00:00.000Z']);
  });

  it('Given a request on Thursday 25 March 2027 afternoon, Then the next slot is Tuesday 30 March in BST, after Good Friday and Easter Monday', () => {
    const task = requestedAt('2027-03-22', '2027-03-25T13:00:00Z', '2027-04-20').task(sign);
    expect([task.availableFrom, task.due]).toEqual(['2027-03-30T08:00:00.000Z', '2027-03-30T11:00:00.000Z']);
  });

  it('Given a request on Thursday 23 December 2027, Then Tuesday 28 December (a substitute bank holiday) is skipped for Wednesday 29 December', () => {
    const task = requestedAt('2027-12-20', '2027-12-23T13:00:00Z', '2028-01-10').task(sign);
    expect([task.availableFrom, task.due]).toEqual(['2027-12-29T09:00:00.000Z', '2027-12-29T12:00:00.000Z']);
  });
});

describe('Given the SW asked on Christmas Eve 2026 and Tara records the discussion on Tuesday 29 December at 11:30', () => {
  const christmas = () => requestedAt('2026-12-21', '2026-12-24T13:00:00Z', '2027-01-11');
  const day = 'The discussion with the Duty EH TM can only take place on a Tuesday, Wednesday or Thursday morning';
  const morning = 'The discussion with the Duty EH TM can only take place in the morning, between 9am and 12 noon';

  it.each([
    ['Christmas Day, Friday 25 December 2026', '2026-12-25', '10:00', [['/discussionDate', day]]],
    ['the substitute Boxing Day, Monday 28 December 2026', '2026-12-28', '10:00', [['/discussionDate', day]]],
    ['that Tuesday at 08:30, before the rota starts', '2026-12-29', '08:30', [['/discussionTime', morning]]],
    ['Christmas Eve at 14:00, a Thursday afternoon', '2026-12-24', '14:00', [['/discussionTime', morning]]],
    ['Wednesday 30 December, tomorrow', '2026-12-30', '10:00', [['/discussionDate', 'The date of the discussion must be today or in the past']]],
    ['that Tuesday at 11:45, still to come', '2026-12-29', '11:45', [['/discussionTime', 'The time of the discussion must be in the past']]],
    ['Monday 21 December, before the SW asked for it', '2026-12-22', '10:00', [['/discussionDate', 'The discussion cannot be before the Social Worker asked for it at Step One']]],
  ])('When the discussion is dated %s, Then it is refused and the case is unchanged', (_when, discussionDate, discussionTime, errors) => {
    const refusal = christmas().refused((d) => d.complete('2026-12-29T11:30:00Z', sign, 'tara', { ...stepTwo, discussionDate, discussionTime }, 'step_down_agreed'));
    expect(refusal.code).toBe('form_invalid');
    expect(fieldErrors(refusal)).toEqual(errors);
  });

  it('When the discussion was at 10:15 that Tuesday, Then it is accepted', () => {
    const driver = christmas().complete('2026-12-29T11:30:00Z', sign, 'tara', { ...stepTwo, discussionDate: '2026-12-29', discussionTime: '10:15' }, 'step_down_agreed');
    expect(driver.task(sign).signatures).toHaveLength(1);
  });
});

describe('Given the SW asked on Thursday 23 December 2027', () => {
  it('When the discussion is dated Tuesday 28 December 2027, a bank holiday, Then it is refused: there is no duty rota that day', () => {
    const driver = requestedAt('2027-12-20', '2027-12-23T13:00:00Z', '2028-01-10');
    const refusal = driver.refused((d) => d.complete('2027-12-29T11:00:00Z', sign, 'tara', { ...stepTwo, discussionDate: '2027-12-28', discussionTime: '10:00' }, 'step_down_agreed'));
    expect(fieldErrors(refusal)).toEqual([['/discussionDate', 'There is no Duty EH TM rota on a bank holiday: the discussion can only take place on a working Tuesday, Wednesday or Thursday morning']]);
  });
});

describe('Given the discussion did not happen in Wednesday\u2019s slot', () => {
  it('When noon passes, Then it is overdue and the SC Service Manager and EH Duty are told; a working day later the EH Service Manager, at Urgent', () => {
    const driver = atDutyDiscussion().runUntil('2026-12-02T12:00:00Z');
    expect(driver.task(sign)).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'normal' });
    expect(driver.notifications().at(-1)).toMatchObject({
      at: '2026-12-02T12:00:00.000Z',
      to: [{ role: 'sc_service_manager' }, { team: 'eh_duty' }],
      body: 'The Step Down Discussion did not take place in the Tuesday, Wednesday or Thursday morning duty slot. Book the next slot with the Duty EH TM.',
    });
    driver.runUntil('2026-12-03T23:59:59.999Z');
    expect(driver.task(sign)).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
  });

  it('When it was held on Thursday at 09:30 and signed that afternoon, Then it is accepted, marked as done overdue', () => {
    const thursday = { ...stepTwo, discussionDate: '2026-12-03', discussionTime: '09:30' };
    const driver = atDutyDiscussion()
      .complete('2026-12-03T14:00:00Z', sign, 'tara', thursday, 'step_down_agreed')
      .complete('2026-12-03T15:00:00Z', sign, 'dina', thursday, 'step_down_agreed');
    expect(driver.history('task_completed', sign)[0]).toMatchObject({ overdue: true });
    expect(driver.task('step_three_taf_decision').assignee).toEqual({ team: 'taf_team' });
  });

  it('When it is claimed for Friday 4 December at 14:00, Then it is refused: not a Tuesday, Wednesday or Thursday morning', () => {
    const refusal = atDutyDiscussion().runUntil('2026-12-04T15:00:00Z').refused((d) => d.complete('2026-12-04T15:00:00Z', sign, 'tara', { ...stepTwo, discussionDate: '2026-12-04', discussionTime: '14:00' }, 'step_down_agreed'));
    expect(fieldErrors(refusal)).toEqual([
      ['/discussionDate', 'The discussion with the Duty EH TM can only take place on a Tuesday, Wednesday or Thursday morning'],
      ['/discussionTime', 'The discussion with the Duty EH TM can only take place in the morning, between 9am and 12 noon'],
    ]);
  });
});
