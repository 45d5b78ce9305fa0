/**
 * Graft/LCS Step Three: "Discussion with TAF Team around possibility of a TAF plan"; "TAF Plan Not
 * Agreed": "EH TM documents decision and recommended universal services in a case note on LCS",
 * and the Social Worker then closes the CIN case (census RC7) or keeps it open (local choice).
 */
import { describe, expect, it } from 'vitest';
import { atTafDecision } from './given.ts';

const decision = { tafDiscussionDate: '2026-12-03', decisionReasons: 'Needs can be met by universal services.' };
const note = { caseNoteDate: '2026-12-04', decision: 'TAF plan not agreed.', recommendedUniversalServices: 'Family hub stay-and-play; school nurse.' };
const errors = (refusal: { details: { fieldErrors?: Array<{ pointer: string; message: string }> } }) => refusal.details.fieldErrors?.map((e) => [e.pointer, e.message]);

describe('Given Step Down to EH was agreed in the duty slot on Wednesday 2 December 2026', () => {
  it('Then the TAF Team decides on a TAF plan within 5 working days (local choice), with the plan copied over', () => {
    expect(atTafDecision().task('step_three_taf_decision')).toMatchObject({
      assignee: { team: 'taf_team' },
      due: '2026-12-09T23:59:59.999Z',
      prefill: { stepDownPlan: 'School attendance and routines support; parenting programme.' },
    });
  });

  it('When the TAF decision is overdue, Then the EH Service Manager is told', () => {
    const driver = atTafDecision().runUntil('2026-12-09T23:59:59.999Z');
    expect(driver.task('step_three_taf_decision')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_service_manager' }], body: 'The TAF plan decision is overdue.' });
  });

  it('When a Social Worker or the Duty EH TM tries to record the TAF decision, Then it is refused: an EH TM or the Graft TM records it', () => {
    const driver = atTafDecision();
    for (const who of ['sam', 'dina']) {
      const refusal = driver.refused((d) => d.complete('2026-12-03T10:00:00Z', 'step_three_taf_decision', who, decision, 'taf_plan_agreed'));
      expect(refusal).toMatchObject({ code: 'not_allowed', message: '"Decision: Discussion with TAF Team around possibility of a TAF plan" is with TAF Team, not with you or your team.' });
    }
    driver.reassign('2026-12-03T09:00:00Z', 'step_three_taf_decision', 'ellie', { team: 'eh_duty' });
    const refusal = driver.refused((d) => d.complete('2026-12-03T10:00:00Z', 'step_three_taf_decision', 'dina', decision, 'taf_plan_agreed'));
    expect(refusal.message).toMatch(/^Only an EH TM or a Graft TM can do "Decision: Discussion with TAF Team around possibility of a TAF plan"\.$/);
  });

  it('When the TAF discussion is dated before the Step Down Discussion, or tomorrow, or its reasons are blank, Then it is refused', () => {
    const driver = atTafDecision();
    const refusal = driver.refused((d) => d.complete('2026-12-03T10:00:00Z', 'step_three_taf_decision', 'ellie', { tafDiscussionDate: '2026-12-01', decisionReasons: '   ' }, 'taf_plan_agreed'));
    expect(errors(refusal)).toEqual([
      ['/tafDiscussionDate', 'The discussion with the TAF Team cannot be before the Step Down Discussion at which Step Down to EH was agreed'],
      ['/decisionReasons', 'Enter the decision and reasons'],
    ]);
    const tomorrow = driver.refused((d) => d.complete('2026-12-03T10:00:00Z', 'step_three_taf_decision', 'ellie', { ...decision, tafDiscussionDate: '2026-12-04' }, 'taf_plan_agreed'));
    expect(errors(tomorrow)).toEqual([['/tafDiscussionDate', 'The date of the discussion with the TAF Team must be today or in the past']]);
  });
});

describe('Given the Graft TM recorded "TAF Plan Not Agreed" on Thursday 3 December 2026', () => {
  const notAgreed = () => atTafDecision().complete('2026-12-03T10:00:00Z', 'step_three_taf_decision', 'gary', decision, 'taf_plan_not_agreed');

  it('Then an EH TM documents the decision and recommended universal services, due in 2 working days (local choice)', () => {
    expect(notAgreed().task('step_three_universal_services_note')).toMatchObject({ assignee: { role: 'eh_team_manager' }, due: '2026-12-07T23:59:59.999Z', prefill: { decision: decision.decisionReasons } });
  });

  it('When the Graft TM tries to write that case note, Then it is refused: the seed gives it to the EH TM', () => {
    const driver = notAgreed();
    expect(driver.refused((d) => d.complete('2026-12-04T10:00:00Z', 'step_three_universal_services_note', 'gary', note, 'case_note_added'))).toMatchObject({
      code: 'not_allowed',
      message: '"EH TM documents decision and recommended universal services in a case note on LCS" is with an EH TM, not with you or your team.',
    });
    // Nor can he take it by passing it to his own team: he neither holds it nor manages its role.
    expect(driver.refused((d) => d.reassign('2026-12-04T09:00:00Z', 'step_three_universal_services_note', 'gary', { team: 'graft' }))).toMatchObject({ code: 'not_allowed' });
    // Passed to the Graft team by Ellie, an EH TM who may, it is still not his to write.
    driver.reassign('2026-12-04T09:00:00Z', 'step_three_universal_services_note', 'ellie', { team: 'graft' });
    const refusal = driver.refused((d) => d.complete('2026-12-04T10:00:00Z', 'step_three_universal_services_note', 'gary', note, 'case_note_added'));
    expect(refusal).toMatchObject({ code: 'not_allowed', message: 'Only an EH TM can do "EH TM documents decision and recommended universal services in a case note on LCS".' });
  });

  it('When the decision is passed to a named EH TM it is hers; passing it to the Graft TM is refused', () => {
    const driver = atTafDecision();
    const refusal = driver.refused((d) => d.complete('2026-12-03T10:00:00Z', 'step_three_taf_decision', 'gary', decision, { action: 'taf_plan_not_agreed', passTo: { worker: 'gary' } }));
    expect(refusal).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringMatching(/can only be passed to an EH TM/) });
    driver.complete('2026-12-03T10:00:00Z', 'step_three_taf_decision', 'gary', decision, { action: 'taf_plan_not_agreed', passTo: { worker: 'ellie' } });
    expect(driver.task('step_three_universal_services_note').assignee).toEqual({ worker: 'ellie' });
  });

  it('When the recommended universal services are blank, or the note is dated before the TAF discussion, Then the case note is refused', () => {
    const refusal = notAgreed().refused((d) => d.complete('2026-12-04T10:00:00Z', 'step_three_universal_services_note', 'ellie', { ...note, caseNoteDate: '2026-12-02', recommendedUniversalServices: ' ' }, 'case_note_added'));
    expect(errors(refusal)).toEqual([
      ['/caseNoteDate', 'The case note cannot be dated before the discussion with the TAF Team'],
      ['/recommendedUniversalServices', 'Enter the recommended universal services'],
    ]);
  });

  it('When Ellie adds the case note, Then the SW is told the recommended services and decides about the CIN case, with the services copied over', () => {
    const driver = notAgreed().complete('2026-12-04T10:00:00Z', 'step_three_universal_services_note', 'ellie', note, 'case_note_added');
    expect(driver.notifications().at(-1)).toMatchObject({ to: [{ worker: 'sam' }], subject: 'TAF Plan Not Agreed: Achterberg', body: expect.stringContaining('Recommended universal services: Family hub stay-and-play; school nurse.') });
    expect(driver.task('sw_universal_services_closure')).toMatchObject({ assignee: { worker: 'sam' }, prefill: { recommendedUniversalServices: note.recommendedUniversalServices }, due: '2026-12-11T23:59:59.999Z' });
    expect(driver.state?.closures).toEqual([]);
  });
});

describe('Given the SW was told on Friday 4 December 2026 that universal services are recommended', () => {
  const told = () =>
    atTafDecision()
      .complete('2026-12-03T10:00:00Z', 'step_three_taf_decision', 'ellie', decision, 'taf_plan_not_agreed')
      .complete('2026-12-04T10:00:00Z', 'step_three_universal_services_note', 'ellie', note, 'case_note_added');

  it('When Sam closes the CIN case, Then the census closure RC7 is recorded at that moment and the case closes', () => {
    const driver = told().complete('2026-12-07T11:00:00Z', 'sw_universal_services_closure', 'sam', { recommendedUniversalServices: note.recommendedUniversalServices }, 'close_cin_universal_services');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'universal_services', closureReason: 'RC7' } });
    expect(driver.state?.closures).toEqual([{ node: 'end_universal_services', outcome: 'universal_services', closureReason: 'RC7', at: '2026-12-07T11:00:00.000Z' }]);
  });

  it('When the SC TM / ATM tries to close it instead, or a Duty EH TM after it is reassigned to EH Duty, Then it is refused: the Social Worker decides', () => {
    const driver = told();
    const close = (who: string) => (d: typeof driver) => d.complete('2026-12-07T11:00:00Z', 'sw_universal_services_closure', who, { recommendedUniversalServices: 'x' }, 'close_cin_universal_services');
    expect(driver.refused(close('tara'))).toMatchObject({ code: 'not_allowed', message: '"Close the CIN case (universal services recommended) or keep it open" is with sam, not with you or your team.' });
    driver.reassign('2026-12-07T09:00:00Z', 'sw_universal_services_closure', 'tara', { team: 'eh_duty' });
    expect(driver.refused(close('dina'))).toMatchObject({ code: 'not_allowed', message: 'Only a Social Worker (SW) can do "Close the CIN case (universal services recommended) or keep it open".' });
  });

  it('When the family remains with Social Care without a reason, Then it is refused; with one, the case ends with no census closure', () => {
    const driver = told();
    const refusal = driver.refused((d) => d.complete('2026-12-07T11:00:00Z', 'sw_universal_services_closure', 'sam', { recommendedUniversalServices: 'x', reasonRemains: '  ' }, 'remains_with_social_care'));
    expect(refusal.message).toBe('Enter why the family remains with Social Care.');
    driver.complete('2026-12-07T11:00:00Z', 'sw_universal_services_closure', 'sam', { recommendedUniversalServices: 'x', reasonRemains: 'New concerns from school.' }, 'remains_with_social_care');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'remains_with_social_care' }, closures: [] });
  });
});
