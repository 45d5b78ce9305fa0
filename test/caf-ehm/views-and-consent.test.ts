/**
 * caf-ehm, Decision made to step down: "the SW will share their proposal prior to the final CIN
 * meeting with child and parents, partners and seek their views … gain informed consent from
 * parent/carer for the CAF and be specific about how their information will be shared and why".
 */
import { describe, expect, it } from 'vitest';
import { escalationsOf, fieldErrors, proposal, siblings, startedCase } from './given.ts';

/** Given a step down started on Tuesday 1 December 2026, final CIN meeting Monday 4 January 2027. */
const started = () => startedCase('2026-12-01T10:00:00Z', '2027-01-04');
const on10Dec = '2026-12-10T14:00:00Z';
const refusedWith = (data: Record<string, unknown>, driver = started()) =>
  driver.runUntil(on10Dec).refused((d) => d.complete(on10Dec, 'share_proposal', 'sam', data, 'views_recorded'));

describe('Given a step down started on Tuesday 1 December 2026, final CIN meeting on Monday 4 January 2027', () => {
  it('Then sharing the proposal is the Social Worker’s, due by the end of Thursday 31 December: the last working day before the meeting', () => {
    expect(started().task('share_proposal')).toMatchObject({
      assignee: { worker: 'sam' },
      due: '2026-12-31T23:59:59.999Z',
      dueLabel: 'prior to the final CIN meeting',
    });
  });

  it('When the proposal is still not shared when the deadline passes, Then it is overdue and the Team Manager is told', () => {
    const driver = started().runUntil('2027-01-01T09:00:00Z');
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
    const driver = started().complete(on10Dec, 'share_proposal', 'sam', proposal(), 'views_recorded');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['identify_lp']);
    expect(driver.task('identify_lp')).toMatchObject({ assignee: { worker: 'sam' }, due: '2026-12-31T23:59:59.999Z' });
  });

  it('When the proposal is shared with the partners only, Then it is refused: the parents and the child must have it too', () => {
    expect(fieldErrors(refusedWith({ ...proposal(), sharedWith: ['partners'] }))).toEqual(['/sharedWith: Share the proposal with the parents or carers']);
    expect(fieldErrors(refusedWith({ ...proposal(), sharedWith: ['parents', 'partners'] }))).toEqual([
      '/sharedWith: Share the proposal with the child, or record that they are not able to give a view',
    ]);
  });

  it('When the child is too young to give a view, Then the proposal need not be shared with them', () => {
    const baby = { ...proposal(), sharedWith: ['parents', 'partners'], childrenViews: [{ name: 'Kofi Mensah', views: 'Too young to say.', agrees: 'unable' }] };
    expect(started().complete(on10Dec, 'share_proposal', 'sam', baby, 'views_recorded').openTasks().map((t) => t.node)).toEqual(['identify_lp']);
  });

  it('When the date shared is in the future, or before the decision was agreed in supervision, Then it is refused', () => {
    expect(fieldErrors(refusedWith(proposal({ dateShared: '2026-12-11' })))).toEqual(['/dateShared: The date the proposal was shared must be today or in the past']);
    expect(fieldErrors(refusedWith(proposal({ dateShared: '2026-11-20' })))).toEqual([
      '/dateShared: The proposal cannot be shared before the decision was agreed in supervision',
    ]);
  });

  it('When how the information will be shared is left as spaces, or consent is dated tomorrow, Then each is named', () => {
    const refusal = refusedWith({ ...proposal(), consentDate: '2026-12-11', informationSharing: '   ' });
    expect(refusal.code).toBe('form_invalid');
    expect(fieldErrors(refusal)).toEqual([
      '/consentDate: The date consent was given must be today or in the past',
      '/informationSharing: Enter how their information will be shared and why',
    ]);
  });

  it('When a partner disagrees without a reason, or with only spaces, Then the reason must be documented', () => {
    const noReason = { ...proposal({ partnerAgrees: false }), partnerViews: [{ agency: 'Health', views: 'No', agrees: false, reason: '  ' }] };
    expect(fieldErrors(refusedWith(noReason))).toEqual(['/partnerViews/0/reason: Enter the reason why the agency does not agree']);
  });

  it('When the Team Manager passes the proposal to a CAF Link Worker, Then it is refused: it is the Social Worker’s', () => {
    const driver = started();
    const refusal = driver.refused((d) => d.reassign(on10Dec, 'share_proposal', 'tara', { worker: 'cleo' }));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toContain('can only be passed to a Social Worker;');
    expect(driver.task('share_proposal').assignee).toEqual({ worker: 'sam' });
  });
});

describe('Given a family of two children, Kofi and Ama', () => {
  const twoChildren = () => startedCase('2026-12-01T10:00:00Z', '2027-01-04', { subject: siblings });
  const kofi = { name: 'Kofi Mensah', views: 'Kofi says things are better at home.', agrees: 'yes' };
  const ama = (agrees: string) => ({ name: 'Ama Mensah', views: 'Ama wants to stay at her school.', agrees });

  it('Then the proposal form has a place for each child’s views, already named', () => {
    expect(twoChildren().task('share_proposal').prefill).toEqual({ childrenViews: [{ name: 'Kofi Mensah' }, { name: 'Ama Mensah' }] });
  });

  it('When only Kofi’s views are recorded, or a child who is not on the case, Then it is refused, naming the child', () => {
    expect(fieldErrors(refusedWith({ ...proposal(), childrenViews: [kofi] }, twoChildren()))).toEqual(['/childrenViews: Add the details for Ama Mensah']);
    const stranger = fieldErrors(refusedWith({ ...proposal(), childrenViews: [kofi, ama('yes'), { ...ama('yes'), name: 'Abena Mensah' }] }, twoChildren()));
    expect(stranger).toEqual(['/childrenViews: Abena Mensah is not a child on this case: give the details for Kofi Mensah and Ama Mensah only']);
  });

  it('When Ama disagrees though Kofi agrees, Then it is a family disagreement', () => {
    const driver = twoChildren().complete(on10Dec, 'share_proposal', 'sam', { ...proposal(), childrenViews: [kofi, ama('no')] }, 'views_recorded');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['family_disagreement']);
  });

  it('When both children agree, Then the Social Worker identifies a Lead Professional', () => {
    const driver = twoChildren().complete(on10Dec, 'share_proposal', 'sam', { ...proposal(), childrenViews: [kofi, ama('yes')] }, 'views_recorded');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['identify_lp']);
  });
});

describe('Given the parent agrees but has not given informed consent for the CAF', () => {
  it('Then it is handled as a family disagreement, to resolve within 5 working days', () => {
    const driver = startedCase('2026-12-01T10:00:00Z', '2027-01-11').complete(on10Dec, 'share_proposal', 'sam', proposal({ consent: false }), 'views_recorded');
    expect(driver.openTasks().map((t) => t.node)).toEqual(['family_disagreement']);
    expect(driver.task('family_disagreement').due).toBe('2026-12-17T23:59:59.999Z');
  });
});
