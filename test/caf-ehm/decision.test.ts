/**
 * caf-ehm, Role of the Social Worker: the SW "will initially discuss and agree with Team Manager
 * within supervision" why the threshold is no longer met. The SW records the decision and books
 * the final CIN meeting; a Social Work Team Manager agrees it before anything is shared.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../support/case-driver.ts';
import { decision, definition, family, fieldErrors, tmAgrees, users } from './given.ts';

const at = '2026-12-01T10:00:00Z'; // Tuesday 1 December 2026
const recorded = () => new CaseDriver(definition, users, at).start(at, 'decision_to_step_down', 'sam', family, decision('2027-01-04'));

describe('Given a Social Worker records the decision to step down on Tuesday 1 December 2026', () => {
  it('Then a Social Work Team Manager is asked to agree it within 2 working days (Thursday 3 December), and nothing is shared yet', () => {
    const driver = recorded();
    expect(driver.openTasks().map((t) => t.node)).toEqual(['tm_agree_decision']);
    expect(driver.task('tm_agree_decision')).toMatchObject({
      assignee: { role: 'sw_team_manager' },
      due: '2026-12-03T23:59:59.999Z',
      prefill: { supervisionDate: '2026-11-26', thresholdNoLongerMet: 'Home conditions and school attendance have been good for six months.' },
    });
  });

  it('When the Team Manager agrees, Then the Social Worker shares the proposal', () => {
    const driver = recorded().complete(at, 'tm_agree_decision', 'tara', tmAgrees, 'agreed');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['share_proposal']);
    expect(driver.task('share_proposal').assignee).toEqual({ worker: 'sam' });
  });

  it('When the Social Worker tries to agree their own decision, Then it is refused, naming the Team Manager who has it, and the case is unchanged', () => {
    const refusal = recorded().refused((d) => d.complete(at, 'tm_agree_decision', 'sam', tmAgrees, 'agreed'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toBe('"Agree the decision to step down (supervision)" is with a Social Work Team Manager, not with you or your team.');
  });

  it('When a Social Worker who is also a Team Manager records the decision and tries to agree it, Then it is refused: another Team Manager must agree it', () => {
    const driver = new CaseDriver(definition, users, at).start(at, 'decision_to_step_down', 'asha', family, decision('2027-01-04'));
    const refusal = driver.refused((d) => d.complete(at, 'tm_agree_decision', 'asha', tmAgrees, 'agreed'));
    expect(refusal.code).toBe('same_person');
    expect(refusal.message).toBe(
      'You did "Decision made to step down from CSC to CAF" on this case, so someone else must do "Agree the decision to step down (supervision)".',
    );
    expect(driver.openTasks().map((t) => t.node)).toEqual(['tm_agree_decision']);
    expect(driver.state?.done['tm_agree_decision']).toBeUndefined();
    driver.complete(at, 'tm_agree_decision', 'tara', tmAgrees, 'agreed');
    expect(driver.task('share_proposal').assignee).toEqual({ worker: 'asha' });
  });

  it('When the Team Manager does not agree, Then they must say why, and the case remains open to CSC with no census closure', () => {
    const driver = recorded();
    const refusal = driver.refused((d) => d.complete(at, 'tm_agree_decision', 'tara', { ...tmAgrees, agreed: false, reason: '   ' }, 'not_agreed'));
    expect(refusal.code).toBe('form_invalid');
    expect(fieldErrors(refusal)).toEqual(['/reason: Enter why the case is not ready to step down']);
    driver.complete(at, 'tm_agree_decision', 'tara', { ...tmAgrees, agreed: false, reason: 'School attendance only improved last month.' }, 'not_agreed');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'remains_open_to_csc' } });
    expect(driver.state?.outcome?.closureReason).toBeUndefined();
  });

  it('When the Team Manager has not agreed but chooses to share the proposal, Then it is refused', () => {
    const refusal = recorded().refused((d) => d.complete(at, 'tm_agree_decision', 'tara', { ...tmAgrees, agreed: false, reason: 'Not yet.' }, 'agreed'));
    expect(refusal).toMatchObject({
      code: 'action_not_chosen',
      message: 'Your answer to "Do you agree that the threshold is no longer met and the case is ready to step down?" is "No", so what happens next is "Not agreed – the case remains open to children’s social care".',
    });
  });
});

describe('Given the decision form', () => {
  const start = (data: Record<string, unknown>, by = 'sam') => (d: CaseDriver) => d.start(at, 'decision_to_step_down', by, family, data);

  it('When someone without the Social Worker role, or without the decision details, tries to start, Then it is refused', () => {
    const driver = new CaseDriver(definition, users, at);
    const wrongPerson = driver.refused(start(decision('2027-01-04'), 'cleo'));
    expect(wrongPerson.code).toBe('not_allowed');
    expect(wrongPerson.message).toBe('Only a Social Worker can start a case at "Decision made to step down from CSC to CAF".');
    const invalid = driver.refused(start({ teamManager: 'Tara', thresholdNoLongerMet: '   ' }));
    expect(invalid.code).toBe('form_invalid');
    expect(fieldErrors(invalid)).toEqual([
      '/data/supervisionDate: Enter the date of the supervision where the decision was agreed',
      '/data/thresholdNoLongerMet: Enter why the threshold for social care involvement is no longer met',
      '/data/finalCinMeetingDate: Enter the date of the final CIN meeting',
    ]);
  });

  it.each([
    ['Friday 25 December 2026 (Christmas Day)', '2026-12-25'],
    ['Monday 28 December 2026 (substitute Boxing Day)', '2026-12-28'],
    ['Friday 1 January 2027 (New Year’s Day)', '2027-01-01'],
    ['Saturday 9 January 2027', '2027-01-09'],
  ])('When the final CIN meeting is booked for %s, Then it is refused: it must be a working day', (_, date) => {
    const refusal = new CaseDriver(definition, users, at).refused(start(decision(date)));
    expect(fieldErrors(refusal)).toEqual(['/data/finalCinMeetingDate: The final CIN meeting must be booked on a working day, not a weekend or bank holiday']);
  });

  it('When it is booked for Tuesday 29 December, the working day between the holidays, Then it is accepted', () => {
    const driver = new CaseDriver(definition, users, at).start(at, 'decision_to_step_down', 'sam', family, decision('2026-12-29'));
    expect(driver.state?.status).toBe('open');
  });

  it('When the meeting is booked in the past or the supervision is in the future, Then each is refused', () => {
    const driver = new CaseDriver(definition, users, at);
    expect(fieldErrors(driver.refused(start(decision('2026-11-30'))))).toEqual(['/data/finalCinMeetingDate: The date of the final CIN meeting must be today or in the future']);
    expect(fieldErrors(driver.refused(start({ ...decision('2027-01-04'), supervisionDate: '2026-12-02' })))).toEqual([
      '/data/supervisionDate: The date of the supervision must be today or in the past',
    ]);
  });
});
