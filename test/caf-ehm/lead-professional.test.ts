/**
 * caf-ehm: identifying a Lead Professional before the final CIN meeting, with the CAF Link
 * Worker's challenge, the Transforming Lives Panel, and the step down to universal services
 * when no agency will take the role.
 */
import { describe, expect, it } from 'vitest';
import { cafMeeting, closure, escalationsOf, fieldErrors, lpAgreed, proposal, startedCase, tmQa, universalMeeting } from './given.ts';

const noLp = { lpAgreed: false, agenciesApproached: 'School and health visiting both declined.' };
const challenge = (found: boolean) => ({
  challengeDate: '2026-12-29',
  partnersChallenged: 'School and health visiting challenged again.',
  ...(found ? { ...lpAgreed, lpName: 'Lou Lane', lpAgency: 'Health visiting' } : { lpAgreed: false }),
});
const panel = (found: boolean) => ({
  panelDate: '2027-01-12',
  panelDiscussion: 'Panel asked every agency present.',
  ...(found ? { ...lpAgreed, lpName: 'Pat Price', lpAgency: 'Family Hub' } : { lpAgreed: false, caseNote: 'No agency will agree to take the Lead Professional role.' }),
});

/** Given views are agreed and the Social Worker is looking for a Lead Professional; final CIN meeting Monday 18 January 2027. */
const lookingForLp = () =>
  startedCase('2026-12-01T10:00:00Z', '2027-01-18').complete('2026-12-10T14:00:00Z', 'share_proposal', 'sam', proposal(), 'views_recorded');

/** ...and on Friday 18 December 2026 no agency had agreed. */
const raisedWithClw = () => lookingForLp().complete('2026-12-18T12:00:00Z', 'identify_lp', 'sam', noLp, 'raise_with_clw');

/** ...and on Tuesday 29 December the CAF Link Worker's challenge found no one either. */
const atPanel = (clw = 'cleo') => raisedWithClw().complete('2026-12-29T12:00:00Z', 'clw_challenge_lp', clw, challenge(false), 'to_panel');

describe('Given the Social Worker is identifying a Lead Professional', () => {
  it('When they record a Lead Professional agreed without one, Then it is refused', () => {
    const driver = lookingForLp().runUntil('2026-12-18T12:00:00Z');
    const refusal = driver.refused((d) => d.complete('2026-12-18T12:00:00Z', 'identify_lp', 'sam', noLp, 'lp_agreed'));
    expect(refusal).toMatchObject({
      code: 'action_not_chosen',
      message: 'Your answer to "Has an agency agreed to take on the Lead Professional role?" is "No", so what happens next is "No Lead Professional – raise with the CAF Link Worker".',
    });
  });

  it('When an agency agrees, Then the final CIN meeting is due on its date with the views and the Lead Professional copied in', () => {
    const driver = lookingForLp().complete('2026-12-15T11:00:00Z', 'identify_lp', 'sam', lpAgreed, 'lp_agreed');
    expect(driver.task('final_cin_meeting')).toMatchObject({
      assignee: { worker: 'sam' },
      due: '2027-01-18T23:59:59.999Z',
      dueLabel: 'on the date of the final CIN meeting',
      prefill: {
        childrenViews: proposal().childrenViews,
        parentViews: 'Mum is happy to work with school.',
        lpName: 'Lena Lewis',
        lpAgency: 'Hillside Primary School',
      },
    });
  });

  it('When the date the Lead Professional agreed is in the future, or the agencies approached are left blank, Then each is refused', () => {
    const driver = lookingForLp().runUntil('2026-12-15T11:00:00Z');
    const future = driver.refused((d) => d.complete('2026-12-15T11:00:00Z', 'identify_lp', 'sam', { ...lpAgreed, lpAgreedDate: '2026-12-16' }, 'lp_agreed'));
    expect(fieldErrors(future)).toEqual(['/lpAgreedDate: The date they agreed must be today or in the past']);
    const blank = driver.refused((d) => d.complete('2026-12-15T11:00:00Z', 'identify_lp', 'sam', { lpAgreed: false, agenciesApproached: ' \n ' }, 'raise_with_clw'));
    expect(fieldErrors(blank)).toEqual(['/agenciesApproached: Enter the agencies asked to take on the role and their responses']);
  });

  it('When the Social Worker raises it with a Lead Professional instead of a CAF Link Worker, Then it is refused, naming the CAF Link Worker', () => {
    const driver = lookingForLp().runUntil('2026-12-18T12:00:00Z');
    const refusal = driver.refused((d) => d.complete('2026-12-18T12:00:00Z', 'identify_lp', 'sam', noLp, { action: 'raise_with_clw', passTo: { worker: 'lena' } }));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toContain('can only be passed to a CAF Link Worker;');
  });
});

describe('Given no agency agreed and the Social Worker raised it with the CAF Link Worker on Friday 18 December 2026', () => {
  it('Then the CAF Link Workers challenge partners, due in 5 working days (Tuesday 29 December, after Christmas and the substitute Boxing Day)', () => {
    const driver = raisedWithClw();
    expect(driver.task('clw_challenge_lp')).toMatchObject({
      assignee: { team: 'caf_link_workers' },
      due: '2026-12-29T23:59:59.999Z',
      prefill: { partnersChallenged: 'School and health visiting both declined.' },
    });
  });

  it('When the Social Worker passes it to a named CAF Link Worker, Then it is theirs', () => {
    const driver = lookingForLp().complete('2026-12-18T12:00:00Z', 'identify_lp', 'sam', noLp, { action: 'raise_with_clw', passTo: { worker: 'cleo' } });
    expect(driver.task('clw_challenge_lp').assignee).toEqual({ worker: 'cleo' });
  });

  it('When the challenge is overdue, Then the Early Help & Specialist Support Manager is told', () => {
    const driver = raisedWithClw().runUntil('2026-12-30T09:00:00Z');
    expect(driver.task('clw_challenge_lp')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(escalationsOf(driver, 'clw_challenge_lp').map((e) => [e.at, e.to])).toEqual([['2026-12-29T23:59:59.999Z', [{ role: 'eh_ss_manager' }]]]);
  });

  it('When the challenge is passed to the Social Worker, Then it is refused: it is the CAF Link Worker’s', () => {
    const driver = raisedWithClw();
    const refusal = driver.refused((d) => d.reassign('2026-12-21T09:00:00Z', 'clw_challenge_lp', 'cleo', { worker: 'sam' }));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toContain('can only be passed to a CAF Link Worker;');
  });

  it('When the challenge is dated before the Social Worker raised it, Then it is refused', () => {
    const driver = raisedWithClw().runUntil('2026-12-29T12:00:00Z');
    const refusal = driver.refused((d) => d.complete('2026-12-29T12:00:00Z', 'clw_challenge_lp', 'cleo', { ...challenge(false), challengeDate: '2026-12-17' }, 'to_panel'));
    expect(fieldErrors(refusal)).toEqual(['/challengeDate: The date partners were challenged cannot be before the Social Worker raised it with the CAF Link Worker']);
  });

  it('When the CAF Link Worker tries to step down to universal services without the panel, Then there is no such step', () => {
    const driver = raisedWithClw().runUntil('2026-12-29T12:00:00Z');
    const refusal = driver.refused((d) => d.complete('2026-12-29T12:00:00Z', 'clw_challenge_lp', 'cleo', challenge(false), 'no_lp'));
    expect(refusal.code).toBe('unknown_action');
  });

  it('When a partner takes the role after the challenge, Then the final CIN meeting has them as Lead Professional', () => {
    const driver = raisedWithClw().complete('2026-12-29T12:00:00Z', 'clw_challenge_lp', 'cleo', challenge(true), 'lp_agreed');
    expect(driver.task('final_cin_meeting').prefill).toMatchObject({ lpName: 'Lou Lane', lpAgency: 'Health visiting' });
  });
});

describe('Given the CAF Link Worker’s challenge found no Lead Professional on Tuesday 29 December 2026', () => {
  it('Then the Early Help & Specialist Support Manager takes it to the Transforming Lives Panel, due in 10 working days (13 January, after New Year)', () => {
    const driver = atPanel();
    expect(driver.task('transforming_lives_panel')).toMatchObject({ assignee: { team: 'transforming_lives_panel' }, due: '2027-01-13T23:59:59.999Z' });
  });

  it('When the panel decision is overdue, Then the EH & Specialist Support Manager and the Social Work Team Manager are told', () => {
    const driver = atPanel().runUntil('2027-01-14T09:00:00Z');
    expect(escalationsOf(driver, 'transforming_lives_panel').map((e) => e.to)).toEqual([[{ role: 'eh_ss_manager' }, { role: 'sw_team_manager' }]]);
  });

  it('When an agency offers support at panel, Then the final CIN meeting has them as Lead Professional', () => {
    const driver = atPanel().complete('2027-01-12T16:00:00Z', 'transforming_lives_panel', 'ezra', panel(true), 'lp_agreed');
    expect(driver.task('final_cin_meeting').prefill).toMatchObject({ lpName: 'Pat Price', lpAgency: 'Family Hub' });
  });

  it('When still no agency will take the role, Then the manager must add the case note: spaces are not a note', () => {
    const driver = atPanel().runUntil('2027-01-12T16:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-01-12T16:00:00Z', 'transforming_lives_panel', 'ezra', { ...panel(false), caseNote: '    ' }, 'no_lp'));
    expect(refusal.details.fieldErrors).toEqual([
      { pointer: '/caseNote', keyword: 'required', message: 'Enter the case note informing that no agency will agree to take the Lead Professional role' },
    ]);
  });

  it('When a CAF Link Worker tries to record the panel, Then it is refused; and one who also holds the manager role but did the challenge must leave it to someone else', () => {
    const cleo = atPanel().runUntil('2027-01-12T16:00:00Z').refused((d) => d.complete('2027-01-12T16:00:00Z', 'transforming_lives_panel', 'cleo', panel(true), 'lp_agreed'));
    expect(cleo.code).toBe('not_allowed');
    expect(cleo.message).toBe('"Take to Transforming Lives Panel to find a Lead Professional" is with Transforming Lives Panel, not with you or your team.');
    const eve = atPanel('eve').runUntil('2027-01-12T16:00:00Z').refused((d) => d.complete('2027-01-12T16:00:00Z', 'transforming_lives_panel', 'eve', panel(true), 'lp_agreed'));
    expect(eve.code).toBe('same_person');
    expect(eve.message).toBe(
      'You did "Challenge partners to take Lead Professional responsibility" on this case, so someone else must do "Take to Transforming Lives Panel to find a Lead Professional".',
    );
  });

  it('When the panel is dated before the CAF Link Worker’s challenge, Then it is refused', () => {
    const driver = atPanel().runUntil('2027-01-12T16:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-01-12T16:00:00Z', 'transforming_lives_panel', 'ezra', { ...panel(true), panelDate: '2026-12-22' }, 'lp_agreed'));
    expect(fieldErrors(refusal)).toEqual(['/panelDate: The Transforming Lives Panel cannot be before the CAF Link Worker challenged partners']);
  });
});

describe('Given no agency will take the Lead Professional role after the panel on Tuesday 12 January 2027', () => {
  const noLeadProfessional = () => atPanel().complete('2027-01-12T16:00:00Z', 'transforming_lives_panel', 'ezra', panel(false), 'no_lp');

  it('Then the Social Worker, Team Manager and CAF Link Workers are informed with the case note', () => {
    const sent = noLeadProfessional().notifications().find((n) => n.reason === 'notification:tell_no_lp');
    expect(sent).toMatchObject({
      at: '2027-01-12T16:00:00.000Z',
      to: [{ worker: 'sam' }, { role: 'sw_team_manager' }, { team: 'caf_link_workers' }],
      subject: 'No Lead Professional: Mensah will step down to universal services',
    });
    expect(sent?.body).toContain('Case note from the Early Help & Specialist Support Manager: No agency will agree to take the Lead Professional role.');
  });

  it('When the Social Worker tries to step down to CAF at the final CIN meeting, Then it is refused', () => {
    const driver = noLeadProfessional().runUntil('2027-01-18T15:00:00Z');
    const refusal = driver.refused((d) => d.complete('2027-01-18T15:00:00Z', 'final_cin_meeting', 'sam', cafMeeting('2027-01-18', '2027-02-10'), 'step_down_caf'));
    expect(refusal.code).toBe('guard_failed');
    expect(refusal.details['messages']).toEqual(['No agency has agreed to be Lead Professional, so the case cannot step down to CAF.']);
  });

  it('When the meeting, closure and Team Manager authorisation step down to universal services, Then the case closes with RC7', () => {
    const driver = noLeadProfessional()
      .complete('2027-01-18T15:00:00Z', 'final_cin_meeting', 'sam', universalMeeting('2027-01-18'), 'step_down_universal');
    expect(driver.task('case_closure')).toMatchObject({ due: '2027-01-25T23:59:59.999Z', prefill: { stepDownTo: 'universal' } });
    driver
      .complete('2027-01-20T10:00:00Z', 'case_closure', 'sam', closure('universal', { on: '2027-01-19' }), 'send_to_tm')
      .complete('2027-01-21T10:00:00Z', 'tm_quality_assurance', 'tara', tmQa({ caf: false }), 'authorise_universal');
    expect(driver.state).toMatchObject({
      status: 'closed',
      outcome: { id: 'stepped_down_universal', closureReason: 'RC7', at: '2027-01-21T10:00:00.000Z' },
      timers: {},
    });
  });
});
