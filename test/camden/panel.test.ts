/**
 * Camden §3: the Early Help Panel. The front door refers exceptional or complex families to the
 * next available session (meetings every Tuesday; 10:00–12:00 is a local choice), confirms the
 * team within 2 working days of the panel, and panel families are closed to CSSW within 15
 * working days of the e-mail (Thursday 17 December 2026 → Tuesday 12 January 2027).
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../support/case-driver.ts';
import { accept, camden, cinReferral, family, offer, referral, referredAfterAssessment, screening, toKte, users, visit } from './given.ts';

const panel = (overrides: Record<string, unknown> = {}) => ({
  panelDate: '2026-12-22', socialWorkerPresented: true, decision: 'team', ehTeam: 'ieys_kte_duty_manager', rationale: 'Parenting needs fit IEYS.', ...overrides,
});

/** Given the front door refers the family to the panel at `at`. */
const referredToPanel = (at = '2026-12-18T10:00:00Z') => referredAfterAssessment().complete(at, 'asm_screen', 'dora', screening('panel'), 'refer_to_panel');

/** Given the panel decided on Tuesday 22 December and the front door confirmed KTE on Wednesday 23 December. */
const confirmed = () =>
  referredToPanel()
    .complete('2026-12-22T12:00:00Z', 'panel_meeting', 'dora', panel(), 'team_decided')
    .complete('2026-12-23T10:00:00Z', 'asmp_confirm', 'dora', { ehTeam: 'ieys_kte_duty_manager' }, { action: 'confirm_team', passTo: toKte });

describe('Given the front door refers the family to the Early Help Panel on Friday 18 December 2026', () => {
  it('Then Sam is invited to present the family, and the panel sits at the next session: Tuesday 22 December, 10:00', () => {
    const d = referredToPanel();
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ worker: 'sam' }, { team: 'eh_panel' }], subject: 'Early Help Panel: the Okafor family' });
    expect(Object.values(d.state!.timers)).toMatchObject([{ node: 'panel_wait', fireAt: '2026-12-22T10:00:00.000Z' }]);
    d.runUntil('2026-12-22T10:00:00Z');
    expect(d.task('panel_meeting')).toMatchObject({ assignee: { team: 'eh_panel' }, createdAt: '2026-12-22T10:00:00.000Z', due: '2026-12-22T23:59:59.999Z' });
  });

  it('When the decision is not recorded on the panel day, Then the EH service managers are told', () => {
    const d = referredToPanel().runUntil('2026-12-23T09:00:00Z');
    expect(d.task('panel_meeting')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_service_manager' }] });
  });

  it('When the panel decides the team, Then the front door must confirm it to Sam within 2 working days: Thursday 24 December', () => {
    const d = referredToPanel().complete('2026-12-22T12:00:00Z', 'panel_meeting', 'dora', panel(), 'team_decided');
    expect(d.task('asmp_confirm')).toMatchObject({ assignee: { team: 'eh_front_door' }, due: '2026-12-24T23:59:59.999Z', prefill: { ehTeam: 'ieys_kte_duty_manager' } });
  });

  it('When the panel finds the family not suitable for targeted Early Help, Then Sam gets its information, advice and guidance', () => {
    const d = referredToPanel().complete('2026-12-22T12:00:00Z', 'panel_meeting', 'dora', panel({ decision: 'advice', ehTeam: undefined, advice: 'Universal family hub.' }), 'send_advice');
    expect(d.task('act_on_advice').prefill).toEqual({ advice: 'Universal family hub.' });
  });
});

describe('Given the panel sits on Tuesdays and its team is the one confirmed (§3)', () => {
  const atPanel = () => referredToPanel().runUntil('2026-12-23T10:00:00Z');
  const record = (answers: Record<string, unknown>, by = 'dora') => (x: CaseDriver) => x.complete('2026-12-23T10:00:00Z', 'panel_meeting', by, answers, 'team_decided');
  const errorAt = (refusal: { details?: unknown }) => (refusal.details as { fieldErrors: Array<{ pointer: string; message: string }> }).fieldErrors;

  it('When the panel is recorded as held on Wednesday 23 December, Then it is refused: the panel meets on Tuesdays', () => {
    expect(errorAt(atPanel().refused(record(panel({ panelDate: '2026-12-23' }))))).toEqual([{ pointer: '/panelDate', keyword: 'check', message: 'The Early Help Panel meets on Tuesdays: enter the date of the Tuesday panel' }]);
  });

  it('When the panel is dated Tuesday 15 December, before the front door referred the family, or Tuesday 29 December, still to come, Then it is refused', () => {
    const d = atPanel();
    expect(errorAt(d.refused(record(panel({ panelDate: '2026-12-15' }))))[0]!.message).toBe('The Early Help Panel cannot be before the front door referred the family to it');
    expect(errorAt(d.refused(record(panel({ panelDate: '2026-12-29' }))))[0]!.message).toBe('The date of the Early Help Panel cannot be in the future');
  });

  it('When Fern, a family worker helping with the panel papers, records the panel decision, Then it is refused: the front door team managers convene it', () => {
    const refusal = atPanel().refused(record(panel(), 'fern'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toMatch(/^Only an Early Help front door team manager can do "Early Help Panel: decide which Early Help service, or combination of services"\.$/i);
  });

  it('When the front door confirms Kentish Town West although the panel chose Kentish Town East, or passes the step to KTW, Then it is refused', () => {
    const d = referredToPanel().complete('2026-12-22T12:00:00Z', 'panel_meeting', 'dora', panel(), 'team_decided');
    const other = d.refused((x) => x.complete('2026-12-23T10:00:00Z', 'asmp_confirm', 'dora', { ehTeam: 'ieys_ktw_duty_manager' }, { action: 'confirm_team', passTo: { team: 'ieys_ktw_duty_manager' } }));
    // Both problems at once: the protocol's guard and the team recorded earlier.
    expect(other.details['guardMessages']).toEqual(['Confirm the Early Help team that the Early Help Panel decided.']);
    expect(other.details['actionErrors']).toEqual([expect.objectContaining({ code: 'pass_to_not_allowed' })]);
    const passed = d.refused((x) => x.complete('2026-12-23T10:00:00Z', 'asmp_confirm', 'dora', { ehTeam: 'ieys_kte_duty_manager' }, { action: 'confirm_team', passTo: { team: 'ieys_ktw_duty_manager' } }));
    expect(passed).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringContaining('to IEYS Kentish Town East, the team recorded earlier in this case') });
  });
});

describe('Given the front door confirmed IEYS Kentish Town East after the panel', () => {
  it('Then the team manager offers a consultation within 1 working day and holds it within 3 working days of the confirmation (local choice)', () => {
    const d = confirmed();
    expect(d.task('asmp_offer_consultation')).toMatchObject({ assignee: { team: 'ieys_kte_duty_manager' }, due: '2026-12-24T23:59:59.999Z' });
    d.complete('2026-12-24T09:00:00Z', 'asmp_offer_consultation', 'kate', offer('2026-12-24'), 'offer');
    expect(d.task('asmp_consultation')).toMatchObject({ assignee: { worker: 'kate' }, due: '2026-12-30T23:59:59.999Z' });
  });

  it('When Kate accepts, Then the joint home visit, the step down episode and the closure are due within 15 working days: Tuesday 12 January 2027', () => {
    const d = confirmed()
      .complete('2026-12-24T09:00:00Z', 'asmp_offer_consultation', 'kate', offer('2026-12-24'), 'offer')
      .complete('2026-12-29T10:00:00Z', 'asmp_consultation', 'kate', accept('2026-12-29'), 'accept');
    expect(d.task('asmp_joint_visit')).toMatchObject({ due: '2027-01-12T23:59:59.999Z', dueLabel: 'joint home visit within 15 working days of the assessment being completed' });
    d.complete('2027-01-06T15:00:00Z', 'asmp_joint_visit', 'sam', visit('2027-01-06'), 'visited');
    expect(d.task('asmp_cfa_sections').due).toBe('2027-01-12T23:59:59.999Z');
  });
});

describe('Given a panel family accepted on Tuesday 29 December', () => {
  it('When the joint home visit has not happened by Tuesday 12 January 2027 (15 working days), Then it is overdue and Sam’s team managers are told', () => {
    const d = confirmed()
      .complete('2026-12-24T09:00:00Z', 'asmp_offer_consultation', 'kate', offer('2026-12-24'), 'offer')
      .complete('2026-12-29T10:00:00Z', 'asmp_consultation', 'kate', accept('2026-12-29'), 'accept')
      .runUntil('2027-01-12T23:59:59.999Z');
    expect(d.task('asmp_joint_visit')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(d.notifications().at(-1)).toMatchObject({ at: '2027-01-12T23:59:59.999Z', to: [{ role: 'sw_team_manager' }] });
  });
});

describe('Given a family stepping down at a final CIN review is referred to the panel', () => {
  it('Then after the panel the front door confirms the team within 2 working days and the CIN route carries on (team manager contact within 2 working days)', () => {
    const d = new CaseDriver(camden, users, '2026-12-14T09:00:00Z')
      .start('2026-12-14T09:00:00Z', 'cin_review', 'sam', family, { finalReviewDate: '2027-01-18' })
      .complete('2026-12-15T10:00:00Z', 'referral', 'sam', cinReferral({ provisionalVisitDates: ['2026-12-22', '2026-12-23', '2026-12-30'] }), 'send_referral')
      .complete('2026-12-16T10:00:00Z', 'cin_screen', 'dora', screening('panel'), 'refer_to_panel')
      .complete('2026-12-22T12:00:00Z', 'panel_meeting', 'dora', panel(), 'team_decided');
    expect(d.task('cin_panel_confirm')).toMatchObject({ assignee: { team: 'eh_front_door' }, due: '2026-12-24T23:59:59.999Z' });
    d.complete('2026-12-23T10:00:00Z', 'cin_panel_confirm', 'dora', { ehTeam: 'ieys_kte_duty_manager' }, { action: 'confirm_team', passTo: toKte });
    expect(d.task('cin_offer_consultation')).toMatchObject({ assignee: toKte, due: '2026-12-29T23:59:59.999Z' });
  });
});

describe('Panel sessions across the calendar', () => {
  it('Given a referral to panel on Tuesday 22 December at 11:00, after that day’s session started, Then the next session is Tuesday 29 December', () => {
    const d = referredToPanel('2026-12-22T11:00:00Z');
    expect(Object.values(d.state!.timers).find((t) => t.node === 'panel_wait')?.fireAt).toBe('2026-12-29T10:00:00.000Z');
  });

  it('Given a referral to panel on Thursday 23 December 2027, Then Tuesday 28 December (a substitute bank holiday) is skipped for Tuesday 4 January 2028', () => {
    const d = new CaseDriver(camden, users, '2027-12-20T09:00:00Z')
      .start('2027-12-20T09:00:00Z', 'sw_assessment', 'sam', family)
      .complete('2027-12-21T10:00:00Z', 'referral', 'sam', referral({ assessmentCompletedOn: '2027-12-21', provisionalVisitDates: ['2027-12-29', '2027-12-30', '2027-12-31'] }), 'send_referral')
      .complete('2027-12-23T10:00:00Z', 'asm_screen', 'dora', screening('panel'), 'refer_to_panel');
    expect(Object.values(d.state!.timers).find((t) => t.node === 'panel_wait')?.fireAt).toBe('2028-01-04T10:00:00.000Z');
  });

  it('Given a referral to panel on Thursday 25 March 2027, Then the panel sits on Tuesday 30 March at 10:00 BST (09:00 UTC), after Easter', () => {
    const d = new CaseDriver(camden, users, '2027-03-22T09:00:00Z')
      .start('2027-03-22T09:00:00Z', 'sw_assessment', 'sam', family)
      .complete('2027-03-23T10:00:00Z', 'referral', 'sam', referral({ assessmentCompletedOn: '2027-03-23', provisionalVisitDates: ['2027-03-30', '2027-03-31', '2027-04-01'] }), 'send_referral')
      .complete('2027-03-25T10:00:00Z', 'asm_screen', 'dora', screening('panel'), 'refer_to_panel')
      .runUntil('2027-03-30T09:00:00Z');
    expect(d.task('panel_meeting')).toMatchObject({ createdAt: '2027-03-30T09:00:00.000Z', due: '2027-03-30T22:59:59.999Z' });
  });
});
