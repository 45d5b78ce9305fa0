/**
 * Camden §3 and Appendix 1, after a Child and Family assessment: formal consultation within 5
 * working days of the e-mail, the joint home visit and step down episode within 10 working days
 * (Thursday 17 December 2026 → Tuesday 5 January 2027, over three bank holidays), the Mosaic
 * sections and next actions, and closure to CSSW with RC9 — never before the joint home visit.
 */
import { describe, expect, it } from 'vitest';
import { accept, acceptedAfterAssessment, cfa, closure, ehRecord, offer, readyToAuthorise, referredAfterAssessment, screening, signOff, teamIdentified, toKte, visit } from './given.ts';

const signedOff = signOff('2027-01-04');
const bothActions = [{ action: 'step_down_to_eh', passTo: toKte }, { action: 'progress_to_closure' }];
const authorised = () => readyToAuthorise().complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', signedOff, ...bothActions);

describe('Given the front door identified IEYS Kentish Town East and Kate offered a consultation on 22 December', () => {
  const offered = () => teamIdentified().complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', { contactedOn: '2026-12-22', proposedConsultationDate: '2026-12-23' }, 'offer');

  it('Then Kate holds the consultation, due within 5 working days from the initial e-mail: Thursday 24 December', () => {
    expect(offered().task('asm_consultation')).toMatchObject({ assignee: { worker: 'kate' }, due: '2026-12-24T23:59:59.999Z', dueLabel: 'within 5 working days from the initial e-mail to the EH Step Down inbox' });
  });

  it('When it has not happened by then, Then the EH service managers are told', () => {
    const d = offered().runUntil('2026-12-25T12:00:00Z');
    expect(d.task('asm_consultation')).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_service_manager' }], body: 'The formal consultation has not taken place within its timescale.' });
  });

  it('When Kate confirms acceptance without naming the Family Worker, Then the form asks for the name', () => {
    const refusal = offered().refused((d) => d.complete('2026-12-23T15:00:00Z', 'asm_consultation', 'kate', { consultationDate: '2026-12-23', decision: 'accept' }, 'accept'));
    expect(refusal.details).toMatchObject({ fieldErrors: [{ pointer: '/familyWorkerName', message: 'Enter the name of the allocated Early Help Family Worker' }] });
  });

  it('When Kate accepts on 23 December, Then Sam and Kate are told the Family Worker’s name, and Sam’s joint home visit is due by 5 January 2027 (10 working days of the assessment, completed 17 December)', () => {
    const d = acceptedAfterAssessment();
    expect(d.notifications().at(-1)).toMatchObject({
      to: [{ worker: 'sam' }, { worker: 'kate' }],
      body: 'The family have been accepted. Allocated Early Help Family Worker: Fay Green. A joint home visit and the step down episode must be completed within 10 working days of the assessment being completed. The family should not be closed to CSSW before the joint home visit has taken place.',
    });
    expect(d.task('asm_joint_visit')).toMatchObject({ assignee: { worker: 'sam' }, due: '2027-01-05T23:59:59.999Z', prefill: { familyWorkerName: 'Fay Green' } });
  });
});

describe('Given the family have been accepted', () => {
  it('When Sam records a joint visit dated in the future, or without the Family Worker, Then it is refused', () => {
    const d = acceptedAfterAssessment();
    expect(d.refused((x) => x.complete('2026-12-29T10:00:00Z', 'asm_joint_visit', 'sam', visit('2026-12-30'), 'visited')).message).toBe('The date of the joint home visit cannot be in the future.');
    const alone = d.refused((x) => x.complete('2026-12-30T16:00:00Z', 'asm_joint_visit', 'sam', visit('2026-12-30', { familyWorkerAttended: false }), 'visited'));
    expect(alone.message).toBe('The joint home visit is with the social worker and the newly allocated Early Help Family Worker: both must attend.');
  });

  it('When the joint home visit has not happened by 5 January, Then Sam’s team managers are told; two working days later the service managers, at Urgent', () => {
    const d = acceptedAfterAssessment().runUntil('2027-01-05T23:59:59.999Z');
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'sw_team_manager' }], subject: 'Overdue: Joint home visit with the allocated Early Help Family Worker' });
    d.runUntil('2027-01-07T23:59:59.999Z');
    expect(d.task('asm_joint_visit')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'cssw_service_manager' }] });
  });

  it('When the visit is held on 30 December, Then Sam completes the C&F step down sections, also due 5 January, with the lead service copied over', () => {
    const d = acceptedAfterAssessment().complete('2026-12-30T14:00:00Z', 'asm_joint_visit', 'sam', visit('2026-12-30'), 'visited');
    expect(d.task('asm_cfa_sections')).toMatchObject({ due: '2027-01-05T23:59:59.999Z', dueLabel: 'step down episode within 10 working days of the assessment being completed', prefill: { serviceTakingLead: 'ieys_kte_duty_manager' } });
  });

  it('When section 4 lacks "the circumstances under which the family should be referred back to CSSW", Then it cannot go for authorisation', () => {
    const d = acceptedAfterAssessment().complete('2026-12-30T14:00:00Z', 'asm_joint_visit', 'sam', visit('2026-12-30'), 'visited');
    const refusal = d.refused((x) => x.complete('2026-12-31T10:00:00Z', 'asm_cfa_sections', 'sam', cfa({ circumstancesReferBack: undefined }), 'submit'));
    expect(refusal).toMatchObject({ code: 'guard_failed', message: "Complete 'the circumstances under which the family should be referred back to CSSW' in section 4 of the Child and family assessment before tasking the episode to Early Help." });
  });

  it('When "Other" is the reason for closure without saying what, Then the form asks "If Other, please specify"', () => {
    const d = acceptedAfterAssessment().complete('2026-12-30T14:00:00Z', 'asm_joint_visit', 'sam', visit('2026-12-30'), 'visited');
    const refusal = d.refused((x) => x.complete('2026-12-31T10:00:00Z', 'asm_cfa_sections', 'sam', cfa({ reasonForClosure: 'other' }), 'submit'));
    expect(refusal.details).toMatchObject({ fieldErrors: [{ pointer: '/reasonForClosureOther', message: 'Specify the reason for closure' }] });
  });
});

describe('Given the C&F step down sections are with Tina for authorisation', () => {
  it('Then the authorisation is due by 5 January, when the family must be closed to CSSW', () => {
    expect(readyToAuthorise().task('asm_cfa_authorise')).toMatchObject({ assignee: { role: 'sw_team_manager' }, due: '2027-01-05T23:59:59.999Z' });
  });

  it('When the date of closure is before the joint home visit, Then "Progress to early help" is refused', () => {
    const d = readyToAuthorise(cfa({ dateOfClosure: '2026-12-29' }));
    const refusal = d.refused((x) => x.complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', signedOff, ...bothActions));
    expect(refusal.message).toBe('The family should not be closed to CSSW before the joint home visit with the social worker and the newly allocated Early Help Family Worker has taken place.');
  });

  it('When the reason for closure is RC8, Then it is refused: a family referred to early help after assessment is RC9', () => {
    const refusal = readyToAuthorise(cfa({ reasonForClosure: 'RC8' })).refused((x) => x.complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', signedOff, ...bothActions));
    expect(refusal.message).toBe('A family stepped down to Early Help after a Child and Family assessment is closed with RC9 Case closed after assessment, referred to early help.');
  });

  it('When Tina passes "Step down to Early Help (EH)" to the front door, Then it is refused; passed to no one, it goes to the service taking the lead', () => {
    const d = readyToAuthorise();
    expect(d.refused((x) => x.complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', signedOff, { action: 'step_down_to_eh', passTo: { team: 'eh_front_door' } }, 'progress_to_closure')).code).toBe('pass_to_not_allowed');
    d.complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', signedOff, 'step_down_to_eh', 'progress_to_closure');
    expect(d.task('eh_record').assignee).toEqual({ team: 'ieys_kte_duty_manager' });
  });

  it('When Tina returns it without saying why, Then it is refused; with comments, Sam gets it back with the answers copied over', () => {
    const d = readyToAuthorise();
    expect(d.refused((x) => x.complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', signedOff, 'return_to_sw')).message).toBe('Say in your comments what the social worker needs to change.');
    d.complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', { ...signedOff, comments: 'Number the recommendations.' }, 'return_to_sw');
    expect(d.task('asm_cfa_sections').prefill).toMatchObject({ outlineStepDownPlan: '1. Parenting programme. 2. School attendance support.', reasonForClosure: 'RC9' });
  });

  it('When Tina chooses both next actions on 4 January, Then the KTE duty tray gets the prefilled step down record (due 6 January) and Sam the closure (due 5 January)', () => {
    const d = authorised();
    expect(d.task('eh_record')).toMatchObject({
      assignee: { team: 'ieys_kte_duty_manager' }, passedBy: 'tina', due: '2027-01-06T23:59:59.999Z',
      prefill: { caseSteppedDownFrom: 'sw_assessment', detailsOfContact: 'Referral from school about neglect.', analysis: 'Needs are below the CSSW threshold.', circumstancesReferBack: 'Any disclosure of harm, or attendance below 80%.' },
    });
    expect(d.task('asm_close')).toMatchObject({ name: 'Progress to early help - Children’s social care case closure', assignee: { worker: 'sam' }, due: '2027-01-05T23:59:59.999Z', prefill: { dateOfClosure: '2027-01-04', reasonForClosure: 'RC9' } });
  });

  it('When the front door confirmed Families in Focus, Then the step down is passed to that team', () => {
    const fif = 'families_in_focus';
    const d = referredAfterAssessment()
      .complete('2026-12-21T11:00:00Z', 'asm_screen', 'dora', screening('team', { ehTeam: fif }), { action: 'contact_team', passTo: { team: fif } })
      .reassign('2026-12-21T12:00:00Z', 'asm_offer_consultation', 'kate', { worker: 'kate' })
      .complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', offer('2026-12-22'), 'offer')
      .complete('2026-12-23T15:00:00Z', 'asm_consultation', 'kate', accept('2026-12-23'), 'accept')
      .complete('2026-12-30T14:00:00Z', 'asm_joint_visit', 'sam', visit('2026-12-30'), 'visited')
      .complete('2026-12-31T10:00:00Z', 'asm_cfa_sections', 'sam', cfa({ serviceTakingLead: fif }), 'submit');
    d.complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', signOff('2027-01-04'), { action: 'step_down_to_eh', passTo: { team: fif } }, { action: 'progress_to_closure' });
    expect(d.task('eh_record').assignee).toEqual({ team: fif });
  });
});

describe('Given Tina has authorised the step down', () => {
  it('When Sam changes the date of closure to before the joint home visit, Then the closure is refused', () => {
    const refusal = authorised().refused((x) => x.complete('2027-01-04T10:00:00Z', 'asm_close', 'sam', closure({ dateOfClosure: '2026-12-29' }), 'close'));
    expect(refusal.message).toBe('The family should not be closed to CSSW before the joint home visit with the social worker and the newly allocated Early Help Family Worker has taken place.');
  });

  it('When Early Help has started its work and Sam then closes the family, Then the case is stepped down with RC9', () => {
    const d = authorised()
      .complete('2027-01-04T11:00:00Z', 'eh_record', 'dev', ehRecord, { action: 'eh_assessment_required', passTo: { worker: 'fay' } })
      .complete('2027-01-05T10:00:00Z', 'eh_work', 'fay', { workType: 'eh_assessment_required', familyEngaged: true, safeguardingConcerns: false }, 'engaged')
      .complete('2027-01-05T15:00:00Z', 'asm_close', 'sam', closure(), 'close');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'stepped_down', node: 'asm_closed', closureReason: 'RC9', at: '2027-01-05T15:00:00.000Z' } });
  });

  it('When Sam closes on time and Early Help finishes later, Then the case is stepped down and the census reason RC9 is kept from the moment Sam closed', () => {
    const d = authorised()
      .complete('2027-01-04T10:00:00Z', 'asm_close', 'sam', closure(), 'close')
      .complete('2027-01-04T11:00:00Z', 'eh_record', 'dev', ehRecord, { action: 'eh_assessment_required', passTo: { worker: 'fay' } })
      .complete('2027-01-06T10:00:00Z', 'eh_work', 'fay', { workType: 'eh_assessment_required', familyEngaged: true, safeguardingConcerns: false }, 'engaged');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'stepped_down', node: 'eh_under_way' }, closures: [{ node: 'asm_closed', closureReason: 'RC9', at: '2027-01-04T10:00:00.000Z' }] });
  });
});
