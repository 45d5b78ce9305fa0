/**
 * caf-ehm: before the final CIN meeting the Social Worker shares the proposal, records views and
 * informed consent, and any disagreement is resolved with the Team Manager within 5 working days.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../support/case-driver.ts';
import { decision, definition, escalationsOf, family, proposal, startedCase, users } from './given.ts';

const familyTalk = (consent: boolean) => ({
  tmDiscussionDate: '2026-12-24',
  familyDiscussionDate: '2026-12-30',
  barriersAndWorries: 'Mum worried that help would stop.',
  informedConsent: consent,
  ...(consent ? { consentDate: '2026-12-30', informationSharing: 'Shared with the TAF on EHM.' } : {}),
  outcome: consent ? 'Mum agrees to the CAF.' : 'Mum does not want a CAF.',
});

const partnerResolution = { partnerViews: proposal({ partnerAgrees: false }).partnerViews, resolutionDate: '2027-01-04', resolution: 'Health visitor reassured.' };

describe('Given a Social Worker starts a step down to CAF on Tuesday 1 December 2026, final CIN meeting on Monday 4 January 2027', () => {
  it('Then sharing the proposal is theirs, due by the end of Thursday 31 December: the last working day before the meeting', () => {
    const driver = startedCase('2026-12-01T10:00:00Z', '2027-01-04');
    expect(driver.task('share_proposal')).toMatchObject({
      assignee: { worker: 'sam' },
      due: '2026-12-31T23:59:59.999Z',
      dueLabel: 'prior to the final CIN meeting',
    });
  });

  it('When someone without the Social Worker role or without the decision details tries to start, Then it is refused', () => {
    const driver = new CaseDriver(definition, users, '2026-12-01T10:00:00Z');
    expect(driver.refused((d) => d.start('2026-12-01T10:00:00Z', 'decision_to_step_down', 'cleo', family, decision('2027-01-04'))).code).toBe('not_allowed');
    const invalid = driver.refused((d) => d.start('2026-12-01T10:00:00Z', 'decision_to_step_down', 'sam', family, { teamManager: 'Tara' }));
    expect(invalid.code).toBe('form_invalid');
    expect(invalid.details.fieldErrors?.map((e) => e.message)).toEqual([
      'Enter the date of the supervision where the decision was agreed',
      'Enter why the threshold for social care involvement is no longer met',
      'Enter the date of the final CIN meeting',
    ]);
  });

  it('When the proposal is still not shared when the deadline passes, Then it is overdue and the Team Manager is told', () => {
    const driver = startedCase('2026-12-01T10:00:00Z', '2027-01-04').runUntil('2027-01-01T09:00:00Z');
    expect(driver.task('share_proposal')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(escalationsOf(driver, 'share_proposal')).toEqual([
      {
        at: '2026-12-31T23:59:59.999Z',
        to: [{ role: 'sw_team_manager' }],
        body: 'The step down proposal has not been shared, and views and consent recorded, before the final CIN meeting.',
      },
    ]);
  });

  it('When everyone agrees and the parent consents, Then the Social Worker identifies a Lead Professional, due before the meeting too', () => {
    const driver = startedCase('2026-12-01T10:00:00Z', '2027-01-04').complete('2026-12-10T14:00:00Z', 'share_proposal', 'sam', proposal(), 'views_recorded');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['identify_lp']);
    expect(driver.task('identify_lp')).toMatchObject({ assignee: { worker: 'sam' }, due: '2026-12-31T23:59:59.999Z' });
  });

  it('When a partner disagrees, Then the reason must be documented', () => {
    const driver = startedCase('2026-12-01T10:00:00Z', '2027-01-04').runUntil('2026-12-10T14:00:00Z');
    const data = proposal({ partnerAgrees: false });
    const refusal = driver.refused((d) => d.complete('2026-12-10T14:00:00Z', 'share_proposal', 'sam', { ...data, partnerViews: [{ agency: 'Health', views: 'No', agrees: false }] }, 'views_recorded'));
    expect(refusal.details.fieldErrors).toEqual([{ pointer: '/partnerViews/0/reason', keyword: 'required', message: 'Enter the reason why the agency does not agree' }]);
  });
});

describe('Given the parent disagrees with the step down, recorded on Wednesday 23 December 2026', () => {
  const disagreed = () =>
    startedCase('2026-12-01T10:00:00Z', '2027-01-11').complete('2026-12-23T11:00:00Z', 'share_proposal', 'sam', proposal({ parents: false }), 'views_recorded');

  it('Then the Team Manager is e-mailed and the Social Worker must resolve it within 5 working days: by Monday 4 January, across Christmas, the substitute Boxing Day and New Year', () => {
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

  it('When the Social Worker calls it resolved without informed consent, Then it is refused', () => {
    const driver = disagreed().runUntil('2026-12-30T15:00:00Z');
    const refusal = driver.refused((d) => d.complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(false), 'resolved'));
    expect(refusal.code).toBe('guard_failed');
    expect(refusal.message).toBe('Record the parent or carer’s informed consent for the CAF before continuing with the step down to CAF.');
  });

  it('When it is resolved with consent, Then the Social Worker goes on to identify a Lead Professional', () => {
    const driver = disagreed().complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(true), 'resolved');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['identify_lp']);
  });

  it('When the Team Manager decides the case remains open to CSC, Then the step down ends with no census closure', () => {
    const driver = disagreed().complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(false), 'remain_open');
    expect(driver.state).toMatchObject({ status: 'closed', outcome: { id: 'remains_open_to_csc', at: '2026-12-30T15:00:00.000Z' } });
    expect(driver.state?.outcome?.closureReason).toBeUndefined();
  });

  it('When the family do not want a CAF, Then no Lead Professional is sought and the final CIN meeting plans universal services', () => {
    const driver = disagreed().complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(false), 'universal');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['final_cin_meeting']);
    expect(driver.task('final_cin_meeting')).toMatchObject({ due: '2027-01-11T23:59:59.999Z' });
  });
});

describe('Given a partner agency disagrees, recorded on Christmas Eve 2026', () => {
  const disagreed = (o: { parents?: boolean } = {}) =>
    startedCase('2026-12-01T10:00:00Z', '2027-01-11').complete('2026-12-24T11:00:00Z', 'share_proposal', 'sam', proposal({ partnerAgrees: false, ...o }), 'views_recorded');

  it('Then the Team Manager must resolve it within 5 working days, by Tuesday 5 January, with the partners’ views copied over', () => {
    const driver = disagreed();
    const task = driver.task('partner_disagreement');
    expect(task).toMatchObject({ assignee: { role: 'sw_team_manager' }, due: '2027-01-05T23:59:59.999Z', dueLabel: 'for resolution within 5 working days' });
    expect(task.prefill).toEqual({ partnerViews: proposal({ partnerAgrees: false }).partnerViews });
  });

  it('When it is not resolved in time, Then the Service Manager is told and the task becomes urgent', () => {
    const driver = disagreed().runUntil('2027-01-06T09:00:00Z');
    expect(driver.task('partner_disagreement')).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'urgent' });
    expect(escalationsOf(driver, 'partner_disagreement').map((e) => [e.at, e.to])).toEqual([['2027-01-05T23:59:59.999Z', [{ role: 'csc_service_manager' }]]]);
  });

  it('When the Team Manager resolves it, Then the Social Worker identifies a Lead Professional', () => {
    const driver = disagreed().complete('2027-01-04T10:00:00Z', 'partner_disagreement', 'tara', partnerResolution, 'resolved');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['identify_lp']);
  });

  it('When the Team Manager keeps the case open, Then the step down ends', () => {
    const driver = disagreed().complete('2027-01-04T10:00:00Z', 'partner_disagreement', 'tara', partnerResolution, 'remain_open');
    expect(driver.state?.outcome?.id).toBe('remains_open_to_csc');
  });

  it('When the parent disagrees too, Then the family disagreement comes first and the partner one follows with the same deadline', () => {
    const driver = disagreed({ parents: false });
    expect(driver.openTasks().map((t) => t.node)).toEqual(['family_disagreement']);
    driver.complete('2026-12-30T15:00:00Z', 'family_disagreement', 'sam', familyTalk(true), 'resolved');
    expect(driver.task('partner_disagreement').due).toBe('2027-01-05T23:59:59.999Z');
  });
});

describe('Given the parent agrees but has not given informed consent for the CAF', () => {
  it('Then it is handled as a family disagreement', () => {
    const driver = startedCase('2026-12-01T10:00:00Z', '2027-01-11').complete('2026-12-10T11:00:00Z', 'share_proposal', 'sam', proposal({ consent: false }), 'views_recorded');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['family_disagreement']);
    expect(driver.task('family_disagreement').due).toBe('2026-12-17T23:59:59.999Z');
  });
});
