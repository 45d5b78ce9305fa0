/**
 * caf-ehm, Decision made to step down: a parent or child who disagrees → "the SW will discuss with
 * their Team Manager and further discuss with parent/child … aim to resolve within 5 working
 * days"; a partner agency that disagrees → "documented with reason why and raised with the social
 * workers Team Manager for resolution with 5 working days".
 */
import { describe, expect, it } from 'vitest';
import { escalationsOf, fieldErrors, proposal, startedCase } from './given.ts';

const familyTalk = (consent: boolean, o: { on?: string; delayReason?: string } = {}) => ({
  tmDiscussionDate: '2026-12-24',
  familyDiscussionDate: o.on ?? '2026-12-30',
  barriersAndWorries: 'Mum worried that help would stop.',
  informedConsent: consent,
  ...(consent ? { consentDate: o.on ?? '2026-12-30', informationSharing: 'Shared with the TAF on EHM.' } : {}),
  outcome: consent ? 'Mum agrees to the CAF.' : 'Mum does not want a CAF.',
  ...(o.delayReason ? { delayReason: o.delayReason } : {}),
});

const partnerResolution = (o: { on?: string; delayReason?: string } = {}) => ({
  partnerViews: proposal({ partnerAgrees: false }).partnerViews,
  resolutionDate: o.on ?? '2027-01-04',
  resolution: 'Health visitor reassured.',
  ...(o.delayReason ? { delayReason: o.delayReason } : {}),
});

describe('Given the parent disagrees with the step down, recorded on Wednesday 23 December 2026', () => {
  const disagreed = () =>
    startedCase('2026-12-01T10:00:00Z', '2027-01-11').complete('2026-12-23T11:00:00Z', 'share_proposal', 'sam', proposal({ parents: false }), 'views_recorded');
  /** The Social Worker and the Team Manager both sign the outcome. */
  const bothSign = (at: string, data: Record<string, unknown>, action: string) =>
    disagreed().complete(at, 'family_disagreement', 'sam', data, action).complete(at, 'family_disagreement', 'tara', data, action);

  it('Then the Team Manager is e-mailed and it must be resolved within 5 working days: by Monday 4 January, across Christmas, the substitute Boxing Day and New Year', () => {
    const driver = disagreed();
    expect(driver.notifications().find((n) => n.reason === 'notification:tell_tm_family_disagreement')).toMatchObject({
      to: [{ role: 'sw_team_manager' }],
      subject: 'Step down to CAF: the parent or child disagrees (Mensah)',
    });
    expect(driver.task('family_disagreement')).toMatchObject({
      assignee: { worker: 'sam' },
      due: '2027-01-04T23:59:59.999Z',
      dueLabel: 'aim to resolve within 5 working days to prevent drift and delay',
    });
  });

  it('When it is still unresolved, Then the Team Manager is told at the deadline and the Service Manager 2 working days later, urgently', () => {
    const driver = disagreed().runUntil('2027-01-07T09:00:00Z');
    expect(driver.task('family_disagreement')).toMatchObject({ overdue: true, escalationLevel: 2, priority: 'urgent' });
    expect(escalationsOf(driver, 'family_disagreement').map((e) => [e.at, e.to])).toEqual([
      ['2027-01-04T23:59:59.999Z', [{ role: 'sw_team_manager' }]],
      ['2027-01-06T23:59:59.999Z', [{ role: 'csc_service_manager' }]],
    ]);
  });

  it('When the Social Worker signs it resolved, Then it waits for the Team Manager’s signature on the same answers; with it, a Lead Professional is sought', () => {
    const driver = disagreed().complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(true), 'resolved');
    const task = driver.task('family_disagreement');
    expect(task.signatures).toMatchObject([{ by: 'sam', role: 'social_worker', at: '2026-12-30T15:00:00.000Z' }]);
    expect(task.prefill).toEqual(familyTalk(true));
    driver.complete('2026-12-30T16:00:00Z', 'family_disagreement', 'tara', familyTalk(true), 'resolved');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['identify_lp']);
    expect(driver.history('task_signed', 'family_disagreement').map((h) => h.by)).toEqual(['sam', 'tara']);
  });

  it('When a CAF Link Worker tries to sign, or the Social Worker signs twice, Then it is refused, naming who must sign', () => {
    const driver = disagreed().complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(true), 'resolved');
    const outsider = driver.refused((d) => d.complete('2026-12-30T15:00:00Z', 'family_disagreement', 'cleo', familyTalk(true), 'resolved'));
    expect(outsider.code).toBe('not_allowed');
    expect(outsider.message).toContain('Only a Social Worker or a Social Work Team Manager can do');
    const twice = driver.refused((d) => d.complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(true), 'resolved'));
    expect(twice.code).toBe('already_signed');
    expect(twice.message).toContain('it needs a Social Work Team Manager to sign too');
  });

  it('When the Team Manager signs a different outcome, Then the Social Worker’s signature is cleared and they must sign that outcome too', () => {
    const driver = disagreed()
      .complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(true), 'resolved')
      .complete('2026-12-30T16:00:00Z', 'family_disagreement', 'tara', familyTalk(false), 'remain_open');
    expect(driver.task('family_disagreement').signatures).toMatchObject([{ by: 'tara', role: 'sw_team_manager', at: '2026-12-30T16:00:00.000Z' }]);
    expect(driver.task('family_disagreement').signatures).toHaveLength(1);
    driver.complete('2026-12-30T17:00:00Z', 'family_disagreement', 'sam', familyTalk(false), 'remain_open');
    expect(driver.state?.outcome?.id).toBe('remains_open_to_csc');
  });

  it('When it is called resolved without informed consent, Then it is refused', () => {
    const refusal = disagreed().refused((d) => d.complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(false), 'resolved'));
    expect(refusal.code).toBe('guard_failed');
    expect(refusal.message).toBe('Record the parent or carer’s informed consent for the CAF before continuing with the step down to CAF.');
  });

  it('When it is resolved on Tuesday 5 January, the 6th working day, Then the reason for the delay is required (Monday 4 January needs none)', () => {
    const late = disagreed().runUntil('2027-01-05T10:00:00Z').refused((d) => d.complete('2027-01-05T10:00:00Z', 'family_disagreement', 'sam', familyTalk(true, { on: '2027-01-05' }), 'resolved'));
    expect(fieldErrors(late)).toEqual(['/delayReason: Enter why the disagreement was not resolved within 5 working days of the views being recorded']);
    const withReason = bothSign('2027-01-05T10:00:00Z', familyTalk(true, { on: '2027-01-05', delayReason: 'Mum was away over New Year.' }), 'resolved');
    expect(withReason.openTasks().map((t) => t.node)).toEqual(['identify_lp']);
    expect(bothSign('2027-01-04T10:00:00Z', familyTalk(true, { on: '2027-01-04' }), 'resolved').openTasks().map((t) => t.node)).toEqual(['identify_lp']);
  });

  it('When the further discussion is dated before the proposal was shared, or in the future, Then it is refused', () => {
    const driver = disagreed().runUntil('2026-12-30T15:00:00Z');
    const before = driver.refused((d) => d.complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', { ...familyTalk(false), familyDiscussionDate: '2026-12-01' }, 'remain_open'));
    expect(fieldErrors(before)).toEqual(['/familyDiscussionDate: The further discussion cannot be before the proposal was shared']);
    const future = driver.refused((d) => d.complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', { ...familyTalk(false), familyDiscussionDate: '2026-12-31' }, 'remain_open'));
    expect(fieldErrors(future)).toEqual(['/familyDiscussionDate: The date of the further discussion must be today or in the past']);
  });

  it('When both decide the case remains open to CSC, Then the step down ends with no census closure', () => {
    const driver = bothSign('2026-12-30T15:00:00Z', familyTalk(false), 'remain_open');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'remains_open_to_csc', at: '2026-12-30T15:00:00.000Z' } });
    expect(driver.state?.outcome?.closureReason).toBeUndefined();
  });

  it('When the family do not want a CAF, Then no Lead Professional is sought and the final CIN meeting plans universal services', () => {
    const driver = bothSign('2026-12-30T15:00:00Z', familyTalk(false), 'universal');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['final_cin_meeting']);
    expect(driver.task('final_cin_meeting')).toMatchObject({ due: '2027-01-11T23:59:59.999Z' });
  });
});

describe('Given a partner agency disagrees, recorded on Christmas Eve 2026', () => {
  const disagreed = (o: { parents?: boolean; by?: string } = {}) =>
    startedCase('2026-12-01T10:00:00Z', '2027-01-11', { by: o.by }).complete('2026-12-24T11:00:00Z', 'share_proposal', o.by ?? 'sam', proposal({ partnerAgrees: false, parents: o.parents }), 'views_recorded');

  it('Then the Team Manager must resolve it within 5 working days, by Tuesday 5 January, with the partners’ views copied over', () => {
    const task = disagreed().task('partner_disagreement');
    expect(task).toMatchObject({ assignee: { role: 'sw_team_manager' }, due: '2027-01-05T23:59:59.999Z', dueLabel: 'for resolution within 5 working days' });
    expect(task.prefill).toEqual({ partnerViews: proposal({ partnerAgrees: false }).partnerViews });
  });

  it('When it is not resolved in time, Then the Service Manager is told and the task becomes urgent', () => {
    const driver = disagreed().runUntil('2027-01-06T09:00:00Z');
    expect(driver.task('partner_disagreement')).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'urgent' });
    expect(escalationsOf(driver, 'partner_disagreement').map((e) => [e.at, e.to])).toEqual([['2027-01-05T23:59:59.999Z', [{ role: 'csc_service_manager' }]]]);
  });

  it('When the Team Manager resolves it, Then the Social Worker identifies a Lead Professional', () => {
    const driver = disagreed().complete('2027-01-04T10:00:00Z', 'partner_disagreement', 'tara', partnerResolution(), 'resolved');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['identify_lp']);
  });

  it('When the Social Worker tries to resolve it, Then it is refused: it is with a Team Manager', () => {
    const refusal = disagreed().refused((d) => d.complete('2027-01-04T10:00:00Z', 'partner_disagreement', 'sam', partnerResolution(), 'resolved'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toBe('"Resolve the partner agency disagreement" is with a Social Work Team Manager, not with you or your team.');
  });

  it('When a Team Manager who also recorded the views as the Social Worker tries to resolve it, Then it is refused: someone else must', () => {
    const refusal = disagreed({ by: 'asha' }).refused((d) => d.complete('2027-01-04T10:00:00Z', 'partner_disagreement', 'asha', partnerResolution(), 'resolved'));
    expect(refusal.code).toBe('same_person');
    expect(refusal.message).toBe(
      'You did "Share the step down proposal, seek views and informed consent" on this case, so someone else must do "Resolve the partner agency disagreement".',
    );
  });

  it('When it is resolved on Wednesday 6 January, the 6th working day, Then the reason for the delay is required', () => {
    const driver = disagreed().runUntil('2027-01-06T10:00:00Z');
    const late = driver.refused((d) => d.complete('2027-01-06T10:00:00Z', 'partner_disagreement', 'tara', partnerResolution({ on: '2027-01-06' }), 'resolved'));
    expect(fieldErrors(late)).toEqual(['/delayReason: Enter why the partner agency’s disagreement was not resolved within 5 working days of the views being recorded']);
    driver.complete('2027-01-06T10:00:00Z', 'partner_disagreement', 'tara', partnerResolution({ on: '2027-01-06', delayReason: 'The health visitor was on leave.' }), 'resolved');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['identify_lp']);
  });

  it('When the resolution is dated in the future, Then it is refused', () => {
    const refusal = disagreed().refused((d) => d.complete('2027-01-04T10:00:00Z', 'partner_disagreement', 'tara', partnerResolution({ on: '2027-01-05' }), 'resolved'));
    expect(fieldErrors(refusal)).toEqual(['/resolutionDate: The date of the resolution must be today or in the past']);
  });

  it('When the Team Manager keeps the case open, Then the step down ends', () => {
    const driver = disagreed().complete('2027-01-04T10:00:00Z', 'partner_disagreement', 'tara', partnerResolution(), 'remain_open');
    expect(driver.state?.outcome?.id).toBe('remains_open_to_csc');
  });

  it('When the parent disagrees too, Then the family disagreement comes first and the partner one follows with the same deadline', () => {
    const driver = disagreed({ parents: false });
    expect(driver.openTasks().map((t) => t.node)).toEqual(['family_disagreement']);
    driver
      .complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(true), 'resolved')
      .complete('2026-12-30T15:00:00Z', 'family_disagreement', 'tara', familyTalk(true), 'resolved');
    expect(driver.task('partner_disagreement').due).toBe('2027-01-05T23:59:59.999Z');
  });
});
