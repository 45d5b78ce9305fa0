/**
 * Graft/LCS Step Two decision: "If no Consent gained from family for Early Help step down cannot
 * progress. A clear step-down plan is needed in order for a step down to continue." Step Down to
 * EH agreed / not agreed, signed by the SC TM / ATM and the Duty EH TM.
 */
import { describe, expect, it } from 'vitest';
import { atDutyDiscussion, stepTwo } from './given.ts';

const sign = 'step_two_duty_eh_discussion';
const at = '2026-12-02T11:00:00Z';
const signedByBoth = (data: Record<string, unknown>, action: string) =>
  atDutyDiscussion().complete(at, sign, 'tara', data, action).complete('2026-12-02T11:10:00Z', sign, 'dina', data, action);

describe('Given the step down discussion in Wednesday 2 December 2026\u2019s slot', () => {
  it('When consent was not gained, Then "Step Down to EH agreed" is refused', () => {
    const refusal = atDutyDiscussion().refused((d) => d.complete(at, sign, 'tara', { ...stepTwo, familyConsent: false }, 'step_down_agreed'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'If no consent is gained from the family for Early Help, the step down cannot progress.' });
  });

  it('When there is said to be a clear plan but the plan is blank spaces, or not written at all, Then "Step Down to EH agreed" is refused', () => {
    const message = 'A clear step-down plan is needed in order for a step down to continue: confirm there is a clear plan and write it in.';
    const driver = atDutyDiscussion();
    expect(driver.refused((d) => d.complete(at, sign, 'tara', { ...stepTwo, stepDownPlan: '    ' }, 'step_down_agreed')).message).toBe(message);
    const { stepDownPlan: _omit, ...noPlan } = stepTwo;
    expect(driver.refused((d) => d.complete(at, sign, 'tara', noPlan, 'step_down_agreed')).message).toBe(message);
    expect(driver.refused((d) => d.complete(at, sign, 'tara', { ...stepTwo, clearStepDownPlan: false }, 'step_down_agreed')).message).toBe(message);
  });

  it('When the date or time of the discussion is missing, Then the form is refused with its messages', () => {
    const { discussionDate: _d, discussionTime: _t, ...rest } = stepTwo;
    const refusal = atDutyDiscussion().refused((d) => d.complete(at, sign, 'tara', rest, 'step_down_agreed'));
    expect(refusal.details.fieldErrors?.map((e) => [e.pointer, e.message])).toEqual([
      ['/discussionDate', 'Enter the date of the discussion'],
      ['/discussionTime', 'Enter the time of the discussion'],
    ]);
    const badTime = atDutyDiscussion().refused((d) => d.complete(at, sign, 'tara', { ...stepTwo, discussionTime: 'half ten' }, 'step_down_agreed'));
    expect(badTime.details.fieldErrors?.map((e) => e.message)).toEqual(['Enter the time of the discussion using the 24-hour clock, like 10:30']);
  });

  it('When "Step Down to EH not agreed" has no reason, or a blank one, Then it is refused', () => {
    const driver = atDutyDiscussion();
    expect(driver.refused((d) => d.complete(at, sign, 'tara', stepTwo, 'step_down_not_agreed')).message).toBe('Enter why Step Down to EH was not agreed.');
    expect(driver.refused((d) => d.complete(at, sign, 'tara', { ...stepTwo, reasonNotAgreed: ' \t ' }, 'step_down_not_agreed')).message).toBe('Enter why Step Down to EH was not agreed.');
  });

  it('When both sign "Step Down to EH not agreed", Then the SW is told why and the family remains with Social Care (no census closure)', () => {
    const driver = signedByBoth({ ...stepTwo, reasonNotAgreed: 'Risks around domestic abuse still need a social work response.' }, 'step_down_not_agreed');
    expect(driver.notifications().at(-1)).toMatchObject({
      to: [{ worker: 'sam' }],
      subject: 'Step Down to EH not agreed: Achterberg',
      body: 'Step Down to EH was not agreed at the Step Down Discussion with the Duty EH TM on 2026-12-02 at 10:30. Reason: Risks around domestic abuse still need a social work response.',
    });
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'step_down_not_agreed', node: 'end_not_agreed' }, closures: [] });
  });

  it('When consent has been withdrawn by the discussion, Then both sign "Step down cannot progress" and the case closes with that outcome, no census closure', () => {
    const driver = signedByBoth({ ...stepTwo, familyConsent: false }, 'cannot_progress');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'step_down_cannot_progress', node: 'end_cannot_progress' }, closures: [] });
  });

  it('When there is consent and a clear plan, Then "Step down cannot progress" is refused: record whether Step Down to EH is agreed', () => {
    const refusal = atDutyDiscussion().refused((d) => d.complete(at, sign, 'tara', stepTwo, 'cannot_progress'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: expect.stringContaining('This family has both: record whether Step Down to EH is agreed.') });
  });
});
