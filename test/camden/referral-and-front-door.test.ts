/**
 * Camden §2–§3: the family's agreement, the e-mail to the Early Help Step Down inbox, and the
 * front door's screening with its three outcomes (team, Early Help Panel, information, advice and
 * guidance), including its 2 working day deadline over Christmas 2026 and its escalation.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../support/case-driver.ts';
import { camden, family, referral, referredAfterAssessment, screening, teamIdentified, toKte, users } from './given.ts';

const started = () => new CaseDriver(camden, users, '2026-12-16T09:00:00Z').start('2026-12-16T09:00:00Z', 'sw_assessment', 'sam', family);
const send = (d: CaseDriver, answers: Record<string, unknown>) => d.complete('2026-12-17T10:00:00Z', 'referral', 'sam', answers, 'send_referral');

describe('Given Sam starts a step down after a Child and Family assessment', () => {
  it('Then the referral is Sam’s, with the children copied over and no deadline (the protocol says "as soon as it is decided")', () => {
    const d = started();
    const task = d.task('referral');
    expect(task).toMatchObject({ assignee: { worker: 'sam' }, prefill: { children: family.children } });
    expect(task.due).toBeUndefined();
    expect(d.history('task_created', 'referral')[0]).toMatchObject({ dueMissing: 'form.cin_review.finalReviewDate' });
  });

  it('When a team manager from Early Help tries to start one, Then it is refused', () => {
    const d = new CaseDriver(camden, users, '2026-12-16T09:00:00Z');
    expect(d.refused((x) => x.start('2026-12-16T09:00:00Z', 'sw_assessment', 'kate', family)).code).toBe('not_allowed');
  });

  it('When the agreement is not yet recorded, Then the referral cannot be sent and the case is unchanged', () => {
    const refusal = started().refused((d) => send(d, referral({ agreementRecorded: false })));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: 'Record the family’s agreement to the step down before you send the referral.' });
  });

  it('When the family have not agreed, Then the referral cannot be sent; recording that they do not agree ends the case', () => {
    const d = started();
    // The form copies the family over (one item per child); nothing else is asked.
    const notAgreed = { familyAgreed: false, children: d.task('referral').prefill!.children };
    const refusal = d.refused((x) => send(x, notAgreed));
    expect(refusal.message).toContain('The family must agree to a referral being made to Early Help Services before you approach Early Help team managers or the Early Help Step Down e-mail address.');
    d.complete('2026-12-17T10:00:00Z', 'referral', 'sam', notAgreed, 'family_did_not_agree');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'family_did_not_agree', node: 'no_agreement' } });
  });

  it('When only 2 provisional joint visit dates are given, Then the referral is refused', () => {
    const refusal = started().refused((d) => send(d, referral({ provisionalVisitDates: ['2026-12-22', '2026-12-23'] })));
    expect(refusal.message).toBe('Give at least 3 provisional dates that you and the family are available for a joint visit.');
  });

  it('When the most recent assessment is not attached, Then the referral is refused', () => {
    expect(started().refused((d) => send(d, referral({ assessmentAttached: false }))).message).toBe('Attach a copy of the most recent assessment / relevant documents.');
  });

  it('When the agreement is left unanswered, Then the form names the field in GOV.UK style', () => {
    const refusal = started().refused((d) => send(d, referral({ familyAgreed: undefined })));
    expect(refusal).toMatchObject({ code: 'form_invalid', details: { fieldErrors: [{ pointer: '/familyAgreed', message: 'Select yes if the family has agreed to the referral' }] } });
  });
});

describe('Given Sam e-mails the EH Step Down inbox on Thursday 17 December 2026 at 10:00', () => {
  it('Then the inbox gets the e-mail and the front door must reply by the end of Monday 21 December (2 working days)', () => {
    const d = referredAfterAssessment();
    expect(d.notifications()[0]).toMatchObject({
      at: '2026-12-17T10:00:00.000Z',
      to: [{ mailbox: 'eh_step_down_inbox', address: 'EHstepdown@camden.gov.uk', name: 'Early Help Step Down inbox' }],
      subject: 'Step down referral: the Okafor family (2 children)',
    });
    expect(d.task('asm_screen')).toMatchObject({ assignee: { team: 'eh_front_door' }, due: '2026-12-21T23:59:59.999Z', dueLabel: 'within 2 working days' });
  });

  it('When the front door has not screened it by then, Then the EH service managers are told; a working day later the Heads of Service, at Urgent', () => {
    const d = referredAfterAssessment().runUntil('2026-12-21T23:59:59.999Z');
    expect(d.task('asm_screen')).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'normal' });
    expect(d.notifications().at(-1)).toMatchObject({ at: '2026-12-21T23:59:59.999Z', to: [{ role: 'eh_service_manager' }], subject: 'Overdue: Screen the step down referral' });
    d.runUntil('2026-12-22T23:59:59.999Z');
    expect(d.task('asm_screen')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_head_of_service' }] });
  });

  it('When the family is already open to an Early Help team, Then that team is suggested to the front door', () => {
    const d = started().complete('2026-12-17T10:00:00Z', 'referral', 'sam', referral({ alreadyOpenToEarlyHelp: true, currentEarlyHelpTeam: 'families_in_focus' }), 'send_referral');
    expect(d.task('asm_screen').prefill).toEqual({ ehTeam: 'families_in_focus' });
  });

  it('When Fern, a family worker sorting the front door inbox, tries to screen it, Then it is refused: only a front door team manager screens', () => {
    const refusal = referredAfterAssessment().refused((x) => x.complete('2026-12-18T10:00:00Z', 'asm_screen', 'fern', screening('team'), { action: 'contact_team', passTo: toKte }));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toMatch(/^Only an Early Help front door team manager can do "Screen the step down referral"\.$/i);
  });

  it('When the front door identifies IEYS Kentish Town East but passes the step to Kentish Town West, Then it is refused naming the team identified', () => {
    const refusal = referredAfterAssessment().refused((x) => x.complete('2026-12-18T10:00:00Z', 'asm_screen', 'dora', screening('team'), { action: 'contact_team', passTo: { team: 'ieys_ktw_duty_manager' } }));
    expect(refusal).toMatchObject({
      code: 'pass_to_not_allowed',
      message: 'Pass "Contact the social worker and the relevant Early Help team manager" to IEYS Kentish Town East, your answer to "Most appropriate Early Help team", not IEYS Kentish Town West.',
    });
  });

  it('When the front door answers "panel" but sends "Contact the social worker", Then it is refused naming what the answer leads to, and nothing changes', () => {
    const refusal = referredAfterAssessment().refused((x) => x.complete('2026-12-18T10:00:00Z', 'asm_screen', 'dora', screening('panel'), { action: 'contact_team', passTo: toKte }));
    expect(refusal).toMatchObject({
      code: 'action_not_chosen',
      message: 'Your answer to "Screening decision" is "Refer the family to the Early Help Panel", so what happens next is "Refer the family to the Early Help Panel".',
      details: { expected: ['refer_to_panel'] },
    });
  });

  it('When the front door answers "panel" and sends no next action, Then the answer chooses it: Sam is invited to the panel', () => {
    const d = referredAfterAssessment().complete('2026-12-18T10:00:00Z', 'asm_screen', 'dora', screening('panel'));
    expect(d.state?.action['asm_screen']).toBe('refer_to_panel');
    expect(d.notifications().at(-1)).toMatchObject({ subject: 'Early Help Panel: the Okafor family' });
  });

  it('When the front door answers "Suitable for step down" with KTE and names no team to pass to, Then the step goes to KTE, the team answered', () => {
    for (const sent of [[], ['contact_team']]) {
      const d = referredAfterAssessment().complete('2026-12-18T10:00:00Z', 'asm_screen', 'dora', screening('team'), ...sent);
      expect(d.state?.passedTo['asm_screen']).toEqual(toKte);
      expect(d.task('asm_offer_consultation')).toMatchObject({ assignee: toKte });
    }
  });

  it('When the front door leaves the decision unanswered, Then only the form says so; a step passed to the front door itself is refused', () => {
    const d = referredAfterAssessment();
    const blank = d.refused((x) => x.complete('2026-12-18T10:00:00Z', 'asm_screen', 'dora', screening('team', { outcome: undefined })));
    expect(blank).toMatchObject({ code: 'form_invalid', details: { fieldErrors: [{ pointer: '/outcome', message: 'Select the screening decision' }] } });
    expect(blank.details['actionErrors']).toBeUndefined();
    const front = d.refused((x) => x.complete('2026-12-18T10:00:00Z', 'asm_screen', 'dora', screening('team'), { action: 'contact_team', passTo: { team: 'eh_front_door' } }));
    expect(front).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringMatching(/^"Contact the social worker and the relevant Early Help team manager" cannot be passed to Early Help front door\./) });
  });

  it('When the front door identifies IEYS Kentish Town East on 21 December, Then Sam is e-mailed with the team copied and its team manager must offer a consultation by 22 December', () => {
    const d = teamIdentified();
    expect(d.notifications().at(-1)).toMatchObject({ at: '2026-12-21T11:00:00.000Z', to: [{ worker: 'sam' }, { team: 'ieys_kte_duty_manager' }], subject: 'Step down to Early Help: team identified for the Okafor family' });
    expect(d.task('asm_offer_consultation')).toMatchObject({ assignee: { team: 'ieys_kte_duty_manager' }, due: '2026-12-22T23:59:59.999Z', dueLabel: 'within 1 working day of the front door’s reply' });
  });
});

describe('Given the referral is not suitable for targeted Early Help', () => {
  const advised = () => referredAfterAssessment().complete('2026-12-18T10:00:00Z', 'asm_screen', 'dora', screening('advice'), 'send_advice');

  it('Then Sam gets the information, advice and guidance and a step to make referrals, with the advice copied over', () => {
    const d = advised();
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ worker: 'sam' }], body: 'The referral is not suitable to step down to targeted Early Help services. Suitable services you can refer the family to: Camden Parenting Hub; school nursing.' });
    expect(d.task('act_on_advice')).toMatchObject({ assignee: { worker: 'sam' }, prefill: { advice: 'Camden Parenting Hub; school nursing.' } });
  });

  it('When Sam has made the referrals, Then the case closes with advice and guidance (not stepped down, so no census reason)', () => {
    const d = advised().complete('2026-12-21T10:00:00Z', 'act_on_advice', 'sam', { response: 'referrals_made', referralsMade: 'Camden Parenting Hub' }, 'referrals_made');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'advice_and_guidance', node: 'advice_given' }, closures: [] });
    expect(d.state?.outcome?.closureReason).toBeUndefined();
  });

  it('When Sam says he made referrals but names them with spaces only, Then it is refused', () => {
    const refusal = advised().refused((x) => x.complete('2026-12-21T10:00:00Z', 'act_on_advice', 'sam', { response: 'referrals_made', referralsMade: '   ' }, 'referrals_made'));
    expect(refusal.details).toMatchObject({ fieldErrors: [{ pointer: '/referralsMade' }] });
  });
});

describe('Given Sam disagrees with the front door’s advice (CSCP escalation policy, §7)', () => {
  const decision = { discussionDate: '2026-12-22', managers: 'Tina Brown, Sima Rao', decision: 'progress', rationale: 'Targeted support needed.' };
  const disputed = () =>
    referredAfterAssessment()
      .complete('2026-12-18T10:00:00Z', 'asm_screen', 'dora', screening('advice'), 'send_advice')
      .complete('2026-12-21T10:00:00Z', 'act_on_advice', 'sam', { response: 'disagree', disagreementReason: 'Needs are targeted, not universal.' }, 'disagree');

  it('When Sima (EH) and Tina (CSSW) both sign the decision to progress it, Then the front door screens it again within 2 working days', () => {
    const d = disputed().complete('2026-12-22T10:00:00Z', 'professional_difference', 'sima', decision, 'progress');
    expect(d.task('professional_difference').signatures).toMatchObject([{ by: 'sima', role: 'eh_service_manager', at: '2026-12-22T10:00:00.000Z' }]);
    d.complete('2026-12-22T11:00:00Z', 'professional_difference', 'tina', decision, 'progress');
    expect(d.task('asm_screen')).toMatchObject({ assignee: { team: 'eh_front_door' }, due: '2026-12-24T23:59:59.999Z' });
  });

  it('When Sima decides alone, Then nothing moves on; she cannot sign twice, and when Tina signs a different decision Sima must sign again', () => {
    const d = disputed().complete('2026-12-22T10:00:00Z', 'professional_difference', 'sima', decision, 'progress');
    expect(d.openTasks().map((t) => t.node)).toEqual(['professional_difference']);
    expect(d.refused((x) => x.complete('2026-12-22T10:30:00Z', 'professional_difference', 'sima', decision, 'progress')).code).toBe('already_signed');
    d.complete('2026-12-22T11:00:00Z', 'professional_difference', 'tina', { ...decision, decision: 'advice_stands', rationale: 'Universal services fit.' }, 'advice_stands');
    expect(d.task('professional_difference').signatures).toMatchObject([{ by: 'tina', role: 'sw_team_manager', at: '2026-12-22T11:00:00.000Z' }]);
    expect(d.task('professional_difference').signatures).toHaveLength(1);
    expect(d.history('signatures_cleared', 'professional_difference')).toHaveLength(1);
  });

  it('When Sam, the social worker who disagrees, tries to sign the managers’ decision, Then it is refused', () => {
    const refusal = disputed().refused((x) => x.complete('2026-12-22T10:00:00Z', 'professional_difference', 'sam', decision, 'progress'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toMatch(/^Only a social work team manager \/ ATM or an Early Help service manager can do "Resolve the professional difference/i);
  });
});

describe('Given the family withdraw their agreement while the front door is screening', () => {
  it('When the step down is withdrawn, Then every open step is cancelled and the case is withdrawn', () => {
    const d = referredAfterAssessment().withdraw('2026-12-18T09:00:00Z', 'sam', 'Family withdrew their agreement');
    expect(d.state).toMatchObject({ status: 'withdrawn', outcome: { id: 'withdrawn' } });
    expect(d.openTasks()).toEqual([]);
    expect(d.state?.timers).toEqual({});
  });
});
