/**
 * Camden §3 (and §4 "as described above"): when the identified Early Help team feels another
 * team is best placed, the team managers discuss it; if they cannot agree, the service managers
 * decide jointly; if they cannot agree, the Heads of Service make the final decision, all within
 * the step-down timescale (10 working days of the e-mail: Tuesday 5 January 2027).
 */
import { describe, expect, it } from 'vitest';
import { offer, teamIdentified, toKte } from './given.ts';

const ktw = { team: 'ieys_ktw_duty_manager' };
const discussion = (agreed: 'agreed' | 'not_agreed', extra: Record<string, unknown> = {}) => ({
  discussionDate: '2026-12-29', managers: 'Kate (KTE), Will (KTW)', agreed, rationale: 'Service specification: the family lives in KTW.', ...extra,
});

/** Given Kate (KTE) thinks IEYS Kentish Town West is best placed, on Wednesday 23 December 2026. */
const disputed = () =>
  teamIdentified()
    .complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', offer('2026-12-22'), 'offer')
    .complete('2026-12-23T10:00:00Z', 'asm_consultation', 'kate', { consultationDate: '2026-12-23', decision: 'another_team', anotherTeam: 'ieys_ktw_duty_manager', rationale: 'Lives in KTW.' }, { action: 'another_team', passTo: ktw });

describe('Given the identified team feels another Early Help team would be best placed', () => {
  it('When Kate says so without a rationale, Then the form asks for it, based on the threshold document and service specifications', () => {
    const d = teamIdentified().complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', offer('2026-12-22'), 'offer');
    const refusal = d.refused((x) => x.complete('2026-12-23T10:00:00Z', 'asm_consultation', 'kate', { consultationDate: '2026-12-23', decision: 'another_team', anotherTeam: 'ieys_ktw_duty_manager' }, { action: 'another_team', passTo: ktw }));
    expect(refusal.details).toMatchObject({ fieldErrors: [{ pointer: '/rationale', message: 'Enter the rationale, based on the threshold document and the service specifications' }] });
  });

  it('Then the KTW team manager must agree it with Kate within the step-down timescale: Tuesday 5 January 2027', () => {
    expect(disputed().task('asm_dispute_tms')).toMatchObject({ assignee: { team: 'ieys_ktw_duty_manager' }, due: '2027-01-05T23:59:59.999Z', dueLabel: 'within the step-down timescale (10 working days of the assessment being completed)' });
  });

  it('When the team managers agree that KTW takes the family, Then KTW holds the consultation and confirms acceptance', () => {
    const d = disputed().complete('2026-12-29T10:00:00Z', 'asm_dispute_tms', 'will', discussion('agreed', { agreedTeam: 'ieys_ktw_duty_manager' }), { action: 'agreed', passTo: ktw });
    expect(d.task('asm_consultation').assignee).toEqual(ktw);
  });

  it('When "agreed" is chosen but the discussion says they cannot agree, Then it is refused: the answer decides what happens next', () => {
    const refusal = disputed().refused((x) => x.complete('2026-12-29T10:00:00Z', 'asm_dispute_tms', 'will', discussion('not_agreed'), { action: 'agreed', passTo: ktw }));
    expect(refusal).toMatchObject({
      code: 'action_not_chosen',
      message: 'Your answer to "Outcome" is "Cannot agree", so what happens next is "Team managers cannot agree: refer the family to the service managers".',
    });
  });

  it('When the team managers record that KTW takes the family and choose nothing else, Then the family goes to KTW, the team answered', () => {
    const d = disputed().complete('2026-12-29T10:00:00Z', 'asm_dispute_tms', 'will', discussion('agreed', { agreedTeam: 'ieys_ktw_duty_manager' }));
    expect(d.task('asm_consultation').assignee).toEqual(ktw);
  });

  it('When the team managers have not agreed by 5 January, Then the service managers are told to make a joint decision', () => {
    const d = disputed().runUntil('2027-01-05T23:59:59.999Z');
    expect(d.notifications().at(-1)).toMatchObject({
      to: [{ role: 'eh_service_manager' }],
      body: 'Team managers have not agreed the most appropriate Early Help team within the step-down timescale: service managers should make a joint decision.',
    });
  });
});

describe('Given the identified team’s manager and the other team’s manager must discuss it (§3)', () => {
  const offered = () => teamIdentified().complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', offer('2026-12-22'), 'offer');
  const raise = (anotherTeam: string, passTo: { team: string }) => (x: ReturnType<typeof offered>) =>
    x.complete('2026-12-23T10:00:00Z', 'asm_consultation', 'kate', { consultationDate: '2026-12-23', decision: 'another_team', anotherTeam, rationale: 'Lives in KTW.' }, { action: 'another_team', passTo });

  it('When Kate names Kentish Town West but passes the discussion to King’s Cross, Then it is refused naming KTW', () => {
    const refusal = offered().refused(raise('ieys_ktw_duty_manager', { team: 'ieys_kch_duty_manager' }));
    expect(refusal.message).toBe(
      'Pass "Another Early Help team would be best placed: discuss with its team manager" to IEYS Kentish Town West, your answer to "Early Help team best placed to meet the family’s needs", not IEYS King\'s Cross and Holborn.',
    );
  });

  it('When Kate names her own team, the one the front door identified, as the team best placed, Then it is refused', () => {
    const refusal = offered().refused(raise('ieys_kte_duty_manager', toKte));
    expect(refusal.message).toBe('Choose an Early Help team other than the one the front door identified.');
  });

  it('When Kate takes the KTW discussion herself and records that the team managers agreed, Then it is refused: the other team’s manager records it', () => {
    const d = disputed().reassign('2026-12-24T09:00:00Z', 'asm_dispute_tms', 'kate', { worker: 'kate' });
    const refusal = d.refused((x) => x.complete('2026-12-29T10:00:00Z', 'asm_dispute_tms', 'kate', discussion('agreed', { agreedTeam: 'ieys_ktw_duty_manager' }), { action: 'agreed', passTo: ktw }));
    expect(refusal).toMatchObject({
      code: 'same_person',
      message: 'You did "Hold the formal consultation and confirm acceptance" on this case, so someone else must do "Agree the most appropriate Early Help team (team managers)".',
    });
  });

  it('When the team managers agree on KTW but pass the family back to KTE, Then it is refused naming KTW', () => {
    const refusal = disputed().refused((x) => x.complete('2026-12-29T10:00:00Z', 'asm_dispute_tms', 'will', discussion('agreed', { agreedTeam: 'ieys_ktw_duty_manager' }), { action: 'agreed', passTo: toKte }));
    expect(refusal.message).toBe('Pass "Team managers agreed: pass to the team that will take the family" to IEYS Kentish Town West, your answer to "Early Help team that will take the family", not IEYS Kentish Town East.');
  });

  it('When KTW, having agreed to take the family, then says another team would be best placed, Then it is refused: no protracted discussion', () => {
    const d = disputed().complete('2026-12-29T10:00:00Z', 'asm_dispute_tms', 'will', discussion('agreed', { agreedTeam: 'ieys_ktw_duty_manager' }), { action: 'agreed', passTo: ktw }).runUntil('2026-12-30T10:00:00Z');
    const refusal = d.refused((x) =>
      x.complete('2026-12-30T10:00:00Z', 'asm_consultation', 'will', { consultationDate: '2026-12-30', decision: 'another_team', anotherTeam: 'ieys_kch_duty_manager', rationale: 'KCH has capacity.' }, { action: 'another_team', passTo: { team: 'ieys_kch_duty_manager' } }),
    );
    expect(refusal.message).toBe('The managers have agreed which team takes the family: the allocated team must complete the step down and allocate an Early Help Family Worker.');
    d.complete('2026-12-30T10:00:00Z', 'asm_consultation', 'will', { consultationDate: '2026-12-30', decision: 'accept', familyWorkerName: 'Wes Hall' }, 'accept');
    expect(d.task('asm_joint_visit').prefill).toEqual({ familyWorkerName: 'Wes Hall' });
  });
});

describe('Given the team managers cannot agree', () => {
  const toServiceManagers = () => disputed().complete('2026-12-29T10:00:00Z', 'asm_dispute_tms', 'will', discussion('not_agreed'), 'refer_service_managers');
  /** Given the two service managers jointly referred the family to their Heads of Service on 30 December. */
  const toHeadsOfService = () =>
    toServiceManagers()
      .complete('2026-12-30T10:00:00Z', 'asm_dispute_sms', 'sima', discussion('not_agreed'), 'refer_heads_of_service')
      .complete('2026-12-30T11:00:00Z', 'asm_dispute_sms', 'saul', discussion('not_agreed'), 'refer_heads_of_service');

  it('When only Sima records the service managers’ joint decision, Then it waits for the other service manager; Sima cannot sign for both', () => {
    const d = toServiceManagers().complete('2026-12-30T10:00:00Z', 'asm_dispute_sms', 'sima', discussion('agreed', { agreedTeam: 'ieys_ktw_duty_manager' }), { action: 'agreed', passTo: ktw });
    expect(d.openTasks().map((t) => t.node)).toEqual(['asm_dispute_sms']);
    expect(d.task('asm_dispute_sms').signatures).toMatchObject([{ by: 'sima', role: 'eh_service_manager' }]);
    const twice = d.refused((x) => x.complete('2026-12-30T10:30:00Z', 'asm_dispute_sms', 'sima', discussion('agreed', { agreedTeam: 'ieys_ktw_duty_manager' }), { action: 'agreed', passTo: ktw }));
    expect(twice.code).toBe('already_signed');
    d.complete('2026-12-30T11:00:00Z', 'asm_dispute_sms', 'saul', discussion('agreed', { agreedTeam: 'ieys_ktw_duty_manager' }), { action: 'agreed', passTo: ktw });
    expect(d.task('asm_consultation').assignee).toEqual(ktw);
  });

  it('Then the service managers decide jointly, by the same deadline', () => {
    expect(toServiceManagers().task('asm_dispute_sms')).toMatchObject({ assignee: { role: 'eh_service_manager' }, due: '2027-01-05T23:59:59.999Z' });
  });

  it('When the service managers cannot agree either, Then the Heads of Service make the final decision; if late, they are told at Urgent', () => {
    const d = toHeadsOfService();
    expect(d.task('asm_dispute_hos')).toMatchObject({ assignee: { role: 'eh_head_of_service' }, due: '2027-01-05T23:59:59.999Z' });
    d.runUntil('2027-01-06T08:00:00Z');
    expect(d.task('asm_dispute_hos')).toMatchObject({ overdue: true, priority: 'urgent' });
  });

  it('When the Heads of Service decide on KTE, Then KTE must complete the step down (already overdue) and can no longer pass the family on', () => {
    const decided = discussion('agreed', { agreedTeam: 'ieys_kte_duty_manager' });
    const d = toHeadsOfService()
      .complete('2026-12-31T10:00:00Z', 'asm_dispute_hos', 'hana', decided, { action: 'decided', passTo: toKte })
      .complete('2026-12-31T11:00:00Z', 'asm_dispute_hos', 'hugo', decided, { action: 'decided', passTo: toKte });
    // Its deadline (5 working days from the e-mail, 24 December) has long passed: it shows as overdue at once.
    expect(d.runUntil('2026-12-31T15:00:00Z').task('asm_consultation')).toMatchObject({ assignee: toKte, overdue: true });
    const refusal = d.refused((x) => x.complete('2026-12-31T15:00:00Z', 'asm_consultation', 'kate', { consultationDate: '2026-12-31', decision: 'another_team', anotherTeam: 'ieys_ktw_duty_manager', rationale: 'Still KTW.' }, { action: 'another_team', passTo: ktw }));
    expect(refusal.message).toBe('The Heads of Service have made the final decision: the allocated team must complete the step down and allocate an Early Help Family Worker.');
  });

  it('When the service managers agree on KTW but pass the family to KTE, Then it is refused naming KTW', () => {
    const refusal = toServiceManagers().refused((x) => x.complete('2026-12-30T10:00:00Z', 'asm_dispute_sms', 'sima', discussion('agreed', { agreedTeam: 'ieys_ktw_duty_manager' }), { action: 'agreed', passTo: toKte }));
    expect(refusal).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringMatching(/ to IEYS Kentish Town West, your answer to "Early Help team that will take the family", not IEYS Kentish Town East\.$/) });
  });

  it('When the Heads of Service record no team, whatever they choose, Then their decision is refused: they make the final decision', () => {
    const d = toHeadsOfService();
    for (const sent of [[{ action: 'decided', passTo: toKte }], []]) {
      const refusal = d.refused((x) => x.complete('2026-12-31T10:00:00Z', 'asm_dispute_hos', 'hana', discussion('not_agreed'), ...sent));
      expect(refusal).toMatchObject({
        code: 'action_not_chosen',
        message: 'Your answer to "Outcome" is "Cannot agree", but "Final decision on the Early Help team (Heads of Service)" goes on only with "Agreed which team will take the family".',
      });
    }
  });
});
