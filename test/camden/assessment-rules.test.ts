/**
 * Camden §3 and Appendix 1 after a Child and Family assessment, tried the way a sceptical
 * practitioner would try to break it: the family worker doing the team manager's part, a contact
 * dated before the front door replied, a consultation booked outside the timescale, a joint visit
 * before the family was accepted, a blank section 4, the wrong lead service, the closure without
 * the step down, the author of the sections authorising them, the step down passed to another
 * team. Each refusal says what is missing or who may do it, and the case is left unchanged.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../support/case-driver.ts';
import { accept, acceptedAfterAssessment, camden, cfa, family, offer, readyToAuthorise, referral, screening, signOff, teamIdentified, toKte, users, visit } from './given.ts';

const both = [{ action: 'step_down_to_eh', passTo: toKte }, { action: 'progress_to_closure' }];
const ktw = { team: 'ieys_ktw_duty_manager' };

describe('Given the front door identified IEYS Kentish Town East on Monday 21 December 2026', () => {
  it('When Fay, a family worker in the KTE tray, offers the consultation, Then it is refused: the team manager offers it', () => {
    const refusal = teamIdentified().refused((x) => x.complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'fay', offer('2026-12-22'), 'offer'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toMatch(/^Only an Early Help team manager can do "Contact the social worker offering a formal consultation"\.$/i);
  });

  it('When Kate dates her contact Friday 18 December, before the front door replied, Then it is refused', () => {
    const refusal = teamIdentified().refused((x) => x.complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', offer('2026-12-18'), 'offer'));
    expect(refusal.message).toBe('The team manager contacts the social worker after the front door has identified the team: the date you contacted the social worker cannot be before the front door’s reply.');
  });

  it('When Kate proposes the consultation for Monday 4 January (7 working days after the e-mail), or Christmas Day, Then it is refused; for 23 December it is booked', () => {
    const d = teamIdentified();
    const late = d.refused((x) => x.complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', { contactedOn: '2026-12-22', proposedConsultationDate: '2027-01-04' }, 'offer'));
    expect(late.message).toBe('The formal consultation should take place within 5 working days from the initial e-mail to the EH Step Down inbox: propose a date within that timescale (or, if it has passed, the next working day).');
    const christmas = d.refused((x) => x.complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', { contactedOn: '2026-12-22', proposedConsultationDate: '2026-12-25' }, 'offer'));
    expect(christmas.message).toBe('The formal consultation must be proposed for a working day.');
    d.complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', { contactedOn: '2026-12-22', proposedConsultationDate: '2026-12-23' }, 'offer');
    expect(d.task('asm_consultation').assignee).toEqual({ worker: 'kate' });
  });
});

describe('Given Kate offered the consultation on Tuesday 22 December', () => {
  const offered = () => teamIdentified().complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', offer('2026-12-22'), 'offer');

  it('When Kate tries to pass the consultation to Fay, Then it is refused: only a team manager holds it', () => {
    const refusal = offered().refused((x) => x.reassign('2026-12-22T10:00:00Z', 'asm_consultation', 'kate', { worker: 'fay' }));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toMatch(/can only be passed to an Early Help team manager; "fay" is not one\.$/i);
  });

  it('When the consultation is dated Monday 21 December, before Kate offered it, Then it is refused', () => {
    const refusal = offered().refused((x) => x.complete('2026-12-23T15:00:00Z', 'asm_consultation', 'kate', accept('2026-12-21'), 'accept'));
    expect(refusal.message).toBe('The formal consultation cannot be before the team manager contacted the social worker to offer it.');
  });

  it('When the allocated Family Worker’s name is only spaces, Then it is refused as unanswered', () => {
    const refusal = offered().refused((x) => x.complete('2026-12-23T15:00:00Z', 'asm_consultation', 'kate', { ...accept('2026-12-23'), familyWorkerName: '   ' }, 'accept'));
    expect(refusal.details).toMatchObject({ fieldErrors: [{ pointer: '/familyWorkerName', message: 'Enter the name of the allocated Early Help Family Worker' }] });
  });
});

describe('Given Kate accepted the family on Wednesday 23 December', () => {
  it('When Sam records a joint visit dated Monday 21 December, before the family was accepted, Then it is refused: it must be with the newly allocated worker', () => {
    const refusal = acceptedAfterAssessment().refused((x) => x.complete('2026-12-30T14:00:00Z', 'asm_joint_visit', 'sam', visit('2026-12-21'), 'visited'));
    expect(refusal.message).toBe('The joint home visit is with the newly allocated Early Help Family Worker: it cannot be before the family was accepted at the formal consultation.');
  });

  it('When the assessment was completed on Tuesday 15 December, Then the visit, the sections and the closure are due 10 working days from it: Thursday 31 December', () => {
    const d = new CaseDriver(camden, users, '2026-12-16T09:00:00Z')
      .start('2026-12-16T09:00:00Z', 'sw_assessment', 'sam', family)
      .complete('2026-12-17T10:00:00Z', 'referral', 'sam', referral({ assessmentCompletedOn: '2026-12-15' }), 'send_referral')
      .complete('2026-12-21T11:00:00Z', 'asm_screen', 'dora', screening('team'), { action: 'contact_team', passTo: toKte })
      .complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', offer('2026-12-22'), 'offer')
      .complete('2026-12-23T15:00:00Z', 'asm_consultation', 'kate', accept('2026-12-23'), 'accept');
    expect(d.task('asm_joint_visit')).toMatchObject({ due: '2026-12-31T23:59:59.999Z', dueLabel: 'joint home visit within 10 working days of the assessment being completed' });
  });
});

describe('Given the joint home visit on Wednesday 30 December', () => {
  const visited = () => acceptedAfterAssessment().complete('2026-12-30T14:00:00Z', 'asm_joint_visit', 'sam', visit('2026-12-30'), 'visited');
  const submit = (d: CaseDriver, sections: Record<string, unknown>) => d.complete('2026-12-31T10:00:00Z', 'asm_cfa_sections', 'sam', sections, 'submit');

  it('When "the circumstances under which the family should be referred back to CSSW" is only spaces, Then section 4 is not complete', () => {
    const refusal = visited().refused((x) => submit(x, cfa({ circumstancesReferBack: '  \n ' })));
    expect(refusal.message).toBe("Complete 'the circumstances under which the family should be referred back to CSSW' in section 4 of the Child and family assessment before tasking the episode to Early Help.");
  });

  it('When the service taking the lead is Kentish Town West, or Other, Then it is refused: it is the team that accepted the family', () => {
    const d = visited();
    const message = 'The service taking the lead is the Early Help team that accepted the family: the team the front door confirmed, or the team the managers agreed.';
    expect(d.refused((x) => submit(x, cfa({ serviceTakingLead: 'ieys_ktw_duty_manager' }))).message).toBe(message);
    expect(d.refused((x) => submit(x, cfa({ serviceTakingLead: 'other', serviceTakingLeadOther: 'School nursing' }))).message).toBe(message);
  });
});

describe('Given the C&F step down sections are with Tina for sign-off on Monday 4 January 2027', () => {
  const sign = (d: CaseDriver, answers: Record<string, unknown>, ...actions: Array<string | { action: string; passTo?: { team: string } }>) =>
    d.complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', answers, ...actions);

  it('When Tina chooses only "Progress to early help - Children’s social care case closure", Then it is refused: the family would be closed and never reach Early Help', () => {
    const d = readyToAuthorise();
    const refusal = d.refused((x) => sign(x, signOff('2027-01-04'), 'progress_to_closure'));
    expect(refusal).toMatchObject({ code: 'actions_incomplete', message: '"Progress to early help - Children’s social care case closure" must be chosen together with "Step down to Early Help (EH)".' });
    const alone = d.refused((x) => sign(x, signOff('2027-01-04'), { action: 'step_down_to_eh', passTo: toKte }));
    expect(alone).toMatchObject({ code: 'actions_incomplete', message: '"Step down to Early Help (EH)" must be chosen together with "Progress to early help - Children’s social care case closure".' });
  });

  it('When Tina passes the step down to Kentish Town West although the front door confirmed Kentish Town East, Then it is refused naming KTE', () => {
    const d = readyToAuthorise();
    const refusal = d.refused((x) => sign(x, signOff('2027-01-04'), { action: 'step_down_to_eh', passTo: ktw }, 'progress_to_closure'));
    expect(refusal).toMatchObject({
      code: 'pass_to_not_allowed',
      message: 'Pass "Step down to Early Help (EH)" to IEYS Kentish Town East, the team recorded earlier in this case, not IEYS Kentish Town West.',
    });
  });

  it('When Ali, an assistant team manager who completed the sections as the family’s social worker, authorises them himself, Then it is refused; Tina can', () => {
    const d = new CaseDriver(camden, users, '2026-12-16T09:00:00Z')
      .start('2026-12-16T09:00:00Z', 'sw_assessment', 'ali', family)
      .complete('2026-12-17T10:00:00Z', 'referral', 'ali', referral(), 'send_referral')
      .complete('2026-12-21T11:00:00Z', 'asm_screen', 'dora', screening('team'), { action: 'contact_team', passTo: toKte })
      .complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', offer('2026-12-22'), 'offer')
      .complete('2026-12-23T15:00:00Z', 'asm_consultation', 'kate', accept('2026-12-23'), 'accept')
      .complete('2026-12-30T14:00:00Z', 'asm_joint_visit', 'ali', visit('2026-12-30'), 'visited')
      .complete('2026-12-31T10:00:00Z', 'asm_cfa_sections', 'ali', cfa(), 'submit');
    const refusal = d.refused((x) => x.complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'ali', signOff('2027-01-04'), ...both));
    expect(refusal).toMatchObject({
      code: 'same_person',
      message: 'You did "Complete the step down sections of the Child and family assessment" on this case, so someone else must do "Authorise the Child and family assessment and choose the next actions".',
    });
    d.complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', signOff('2027-01-04'), ...both);
    expect(d.openTasks().map((t) => t.node).sort()).toEqual(['asm_close', 'eh_record']);
  });
});
