/**
 * Camden Appendix 1 (Early Help process) and §6: the Step down to Early Help (EH) step in the duty
 * tray with its three next actions, engagement within 2 weeks, non-engagement (close, or step up
 * when there are on-going concerns), and safeguarding concerns presented to Daily Discussion.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../support/case-driver.ts';
import { camden, closure, ehRecord, family, readyToAuthorise, signOff, toKte, users } from './given.ts';

const fay = { worker: 'fay' };
/** Given Tina authorised the step down on Monday 4 January 2027 and Sam closed the family to CSSW. */
const authorised = () =>
  readyToAuthorise().complete('2027-01-04T09:00:00Z', 'asm_cfa_authorise', 'tina', signOff('2027-01-04'), { action: 'step_down_to_eh', passTo: toKte }, { action: 'progress_to_closure' });
/** Given Dev passed "Early Help Assessment required" to Fay on Tuesday 5 January. */
const withFay = () =>
  authorised()
    .complete('2027-01-04T10:00:00Z', 'asm_close', 'sam', closure(), 'close')
    .complete('2027-01-05T10:00:00Z', 'eh_record', 'dev', ehRecord, { action: 'eh_assessment_required', passTo: fay });
const work = (overrides: Record<string, unknown>) => ({ workType: 'eh_assessment_required', familyEngaged: false, safeguardingConcerns: false, ...overrides });
const attempts = { attempts: ['home_visits', 'texts'], attemptsRecord: 'Visits on 6 and 12 January; texts on 7, 8 and 13 January.' };
const notEngaging = () => withFay().complete('2027-01-13T10:00:00Z', 'eh_work', 'fay', work(attempts), 'not_engaging');
const review = (overrides: Record<string, unknown>) => ({ ...attempts, additionalConcerns: false, ...overrides });

describe('Given the step down is in the IEYS KTE duty tray', () => {
  it('When it has not been progressed in 2 working days, Then the EH team managers are told; 2 working days later the service managers, at Urgent', () => {
    const d = authorised().runUntil('2027-01-06T23:59:59.999Z');
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_team_manager' }] });
    d.runUntil('2027-01-08T23:59:59.999Z');
    expect(d.task('eh_record')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_service_manager' }] });
  });

  it('When Dev passes "Early Help TAF Review required" without a Scheduled Date, Then it is refused; with one, Fay’s task carries it', () => {
    const d = authorised();
    expect(d.refused((x) => x.complete('2027-01-05T10:00:00Z', 'eh_record', 'dev', ehRecord, { action: 'eh_taf_review_required', passTo: fay })).code).toBe('scheduled_date_required');
    d.complete('2027-01-05T10:00:00Z', 'eh_record', 'dev', ehRecord, { action: 'eh_taf_review_required', passTo: fay, scheduledFor: '2027-02-01', priority: 'urgent', note: 'TAF at school' });
    expect(d.task('eh_work')).toMatchObject({ assignee: fay, scheduledFor: '2027-02-01', priority: 'urgent', note: 'TAF at school', prefill: { workType: 'eh_taf_review_required' } });
  });

  it('When Dev schedules the TAF review for Friday 1 January 2027, a bank holiday already past, Then it is refused', () => {
    const refusal = authorised().refused((x) => x.complete('2027-01-05T10:00:00Z', 'eh_record', 'dev', ehRecord, { action: 'eh_taf_review_required', passTo: fay, scheduledFor: '2027-01-01' }));
    expect(refusal.message).toBe('The Scheduled Date of the Early Help TAF review must be a working day, today or later.');
  });

  it('When Dev passes "Early Help Assessment required" to no one, Then it is refused', () => {
    expect(authorised().refused((x) => x.complete('2027-01-05T10:00:00Z', 'eh_record', 'dev', ehRecord, 'eh_assessment_required')).code).toBe('pass_to_required');
  });

  it('When the step down is no longer required, Then it is passed to no one and only Early Help’s path ends: Sam’s closure to CSSW carries on and records RC9', () => {
    const d = authorised().complete('2027-01-05T10:00:00Z', 'eh_record', 'dev', ehRecord, 'no_longer_required');
    expect(d.state?.status).toBe('open');
    expect(d.history('path_ended', 'no_longer_required')).toHaveLength(1);
    expect(d.openTasks().map((t) => t.node)).toEqual(['asm_close']);
    d.complete('2027-01-05T11:00:00Z', 'asm_close', 'sam', closure(), 'close');
    expect(d.state).toMatchObject({ status: 'closed', closures: [{ node: 'asm_closed', closureReason: 'RC9', at: '2027-01-05T11:00:00.000Z' }] });
  });

  it('When Dev passes "Step down no longer required" to Fay, Then it is refused: it goes to no one', () => {
    const refusal = authorised().refused((x) => x.complete('2027-01-05T10:00:00Z', 'eh_record', 'dev', ehRecord, { action: 'no_longer_required', passTo: fay }));
    expect(refusal).toMatchObject({ code: 'pass_to_not_allowed', message: expect.stringContaining('It goes on without being passed to anyone.') });
  });
});

describe('Given the step down record must be progressed by the duty manager, for every child, as it happened (Appendix 1)', () => {
  const record = (answers: Record<string, unknown>, by = 'dev') => (x: CaseDriver) => x.complete('2027-01-05T10:00:00Z', 'eh_record', by, answers, { action: 'eh_assessment_required', passTo: fay });
  const errorsOf = (refusal: { details?: unknown }) => (refusal.details as { fieldErrors: Array<{ pointer: string; message: string }> }).fieldErrors.map((e) => [e.pointer, e.message]);

  it('When Fay, a family worker in the KTE tray, progresses the record herself, Then it is refused', () => {
    const refusal = authorised().refused(record(ehRecord, 'fay'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toMatch(/^Only an Early Help duty manager or an Early Help team manager can do "Step down to Early Help \(EH\)"\.$/i);
  });

  it('When the family membership lists Ada only, Then it is refused naming Ben', () => {
    expect(errorsOf(authorised().refused(record({ ...ehRecord, children: [family.children[0]] })))).toEqual([['/children', 'Add the details for Ben Okafor']]);
  });

  it('When "Case stepped down from" says CIN Review for a family stepped down after an assessment, or the step down is dated before Tina signed it off, Then it is refused', () => {
    const d = authorised();
    expect(errorsOf(d.refused(record({ ...ehRecord, caseSteppedDownFrom: 'cin_review' })))).toEqual([
      ['/caseSteppedDownFrom', 'Select where this family was stepped down from: SW Assessment after a Child and Family assessment, CIN Review at a final CIN review'],
    ]);
    expect(errorsOf(d.refused(record({ ...ehRecord, dateOfStepDown: '2027-01-03' })))).toEqual([['/dateOfStepDown', 'The date of step down cannot be before the social work manager signed off the step down']]);
  });

  it('When Dev passes "Early Help Assessment required" to Sam, the social worker, or keeps it himself, Then it is refused: it goes to a family worker', () => {
    const d = authorised();
    for (const worker of ['sam', 'dev']) {
      const refusal = d.refused((x) => x.complete('2027-01-05T10:00:00Z', 'eh_record', 'dev', ehRecord, { action: 'eh_assessment_required', passTo: { worker } }));
      expect(refusal.code).toBe('pass_to_not_allowed');
      expect(refusal.message).toMatch(new RegExp(`can only be passed to an Early Help family worker; "${worker}" is not one\\.$`, 'i'));
    }
  });
});

describe('Given Fay took the family on on Tuesday 5 January 2027', () => {
  it('Then engagement is due within 2 weeks: Tuesday 19 January; if late, the EH team managers are told', () => {
    const d = withFay();
    expect(d.task('eh_work')).toMatchObject({ assignee: fay, due: '2027-01-19T23:59:59.999Z', prefill: { workType: 'eh_assessment_required' } });
    d.runUntil('2027-01-19T23:59:59.999Z');
    expect(d.notifications().at(-1)).toMatchObject({ to: [{ role: 'eh_team_manager' }], body: '2 weeks have lapsed: record whether the family is engaging, and decide whether to close the family or escalate it to CSSW.' });
  });

  it('When Fay says the family is not engaging without recording her efforts, Then it is refused', () => {
    const refusal = withFay().refused((x) => x.complete('2027-01-13T10:00:00Z', 'eh_work', 'fay', work({}), 'not_engaging'));
    expect(refusal.message).toBe('Record the efforts made to engage the family (for example home visits, e-mails, texts, use of colleagues in the network).');
  });

  it('When Fay says the family is not engaging and her record of the efforts is only spaces, Then it is refused', () => {
    const refusal = withFay().refused((x) => x.complete('2027-01-13T10:00:00Z', 'eh_work', 'fay', work({ attempts: ['texts'], attemptsRecord: '   ' }), 'not_engaging'));
    expect(refusal.message).toBe('Record the efforts made to engage the family (for example home visits, e-mails, texts, use of colleagues in the network).');
  });

  it('When the family is not engaging, Then the decision opens once 2 weeks have lapsed (19 January) and is due by 26 January', () => {
    const d = notEngaging();
    expect(d.task('non_engagement_review')).toMatchObject({ assignee: fay, availableFrom: '2027-01-19T00:00:00.000Z', due: '2027-01-26T23:59:59.999Z', prefill: attempts });
    expect(d.refused((x) => x.complete('2027-01-18T10:00:00Z', 'non_engagement_review', 'fay', review({}), 'close')).code).toBe('not_yet_available');
  });

  it('When there are no additional concerns, Then Early Help closes the family', () => {
    const d = notEngaging();
    expect(d.refused((x) => x.complete('2027-01-19T10:00:00Z', 'non_engagement_review', 'fay', review({ additionalConcerns: true, concerns: 'Poor attendance.', meetsThreshold: false }), 'close')).message)
      .toBe('There are on-going concerns: the family cannot be closed for non-engagement.');
    d.complete('2027-01-19T10:00:00Z', 'non_engagement_review', 'fay', review({}), 'close');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'closed_no_engagement' } });
  });

  it('When there are on-going concerns and the family meets the threshold, Then Early Help escalates it to CSSW and the case waits for Daily Discussion', () => {
    const d = notEngaging();
    const concerns = review({ additionalConcerns: true, concerns: 'Home conditions deteriorating.', meetsThreshold: true });
    expect(d.refused((x) => x.complete('2027-01-19T10:00:00Z', 'non_engagement_review', 'fay', concerns, 'now_engaging')).message).toBe('The family appears to meet the threshold for a social work service: escalate it to CSSW.');
    d.complete('2027-01-19T10:00:00Z', 'non_engagement_review', 'fay', concerns, 'step_up');
    expect(d.effects.find((e) => e.type === 'start_subflow')).toMatchObject({
      definition: 'camden', entry: 'step_up', subject: family,
      input: { nonEngagementConcerns: 'Home conditions deteriorating.', attemptsToEngage: attempts.attemptsRecord },
    });
    d.subflowEnded('2027-01-20T12:00:00Z', 'stepped_up');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'stepped_up', node: 'stepped_up_after_step_down' } });
  });

  it('When Fay has safeguarding concerns and Daily Discussion finds the threshold not met, Then Early Help continues', () => {
    const d = withFay().complete('2027-01-07T10:00:00Z', 'eh_work', 'fay', work({ familyEngaged: true, safeguardingConcerns: true, concerns: 'Bruise on Ben’s arm.' }), 'safeguarding');
    expect(d.effects.find((e) => e.type === 'start_subflow')).toMatchObject({ input: { concerns: 'Bruise on Ben’s arm.' } });
    d.subflowEnded('2027-01-08T12:00:00Z', 'eh_continues');
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'eh_continues' } });
  });

  it('When Fay says the family is engaging but records safeguarding concerns, Then "engaging" is refused', () => {
    const refusal = withFay().refused((x) => x.complete('2027-01-07T10:00:00Z', 'eh_work', 'fay', work({ familyEngaged: true, safeguardingConcerns: true, concerns: 'Bruise.' }), 'engaged'));
    expect(refusal.message).toBe('There are safeguarding concerns: present the family to Daily Discussion.');
  });
});

describe('Given a step up from Early Help to CSSW on Friday 8 January 2027', () => {
  const steppedUp = () =>
    new CaseDriver(camden, users, '2027-01-08T09:00:00Z').start('2027-01-08T09:00:00Z', 'step_up', 'fay', family, { reason: 'safeguarding', concerns: 'Bruise on Ben’s arm.' });

  it('Then the family is presented to Daily Discussion, due within 1 working day (Monday 11 January), with the concerns copied over', () => {
    expect(steppedUp().task('daily_discussion')).toMatchObject({ assignee: { team: 'daily_discussion' }, due: '2027-01-11T23:59:59.999Z', prefill: { concerns: 'Bruise on Ben’s arm.' } });
  });

  it('When Daily Discussion is recorded on Saturday 9 January, or on Tuesday 12 January (still to come), Then it is refused', () => {
    const d = steppedUp();
    const decision = { thresholdMet: false, rationale: 'Bruise explained; EH continues.' };
    const saturday = d.refused((x) => x.complete('2027-01-11T10:00:00Z', 'daily_discussion', 'dan', { ...decision, discussionDate: '2027-01-09' }, 'threshold_not_met'));
    expect(saturday.details).toMatchObject({ fieldErrors: [{ pointer: '/discussionDate', message: 'Daily Discussion meets on working days: enter the date of the Daily Discussion' }] });
    const future = d.refused((x) => x.complete('2027-01-11T10:00:00Z', 'daily_discussion', 'dan', { ...decision, discussionDate: '2027-01-12' }, 'threshold_not_met'));
    expect(future.details).toMatchObject({ fieldErrors: [{ pointer: '/discussionDate', message: 'The date of the Daily Discussion cannot be in the future' }] });
  });

  it('When Daily Discussion finds the threshold met, Then the family is stepped up; "not met" with a yes answer is refused', () => {
    const d = steppedUp();
    const decision = { discussionDate: '2027-01-11', thresholdMet: true, rationale: 'Physical injury needs a s47 strategy discussion.' };
    expect(d.refused((x) => x.complete('2027-01-11T10:00:00Z', 'daily_discussion', 'dan', decision, 'threshold_not_met'))).toMatchObject({
      code: 'action_not_chosen',
      message: 'Your answer to "Is the threshold for a CSSW service met?" is "Yes", so what happens next is "Threshold for a CSSW service met: step up".',
    });
    // The answer decides: no next action need be chosen.
    d.complete('2027-01-11T10:00:00Z', 'daily_discussion', 'dan', decision);
    expect(d.state).toMatchObject({ status: 'closed', outcome: { id: 'stepped_up', node: 'step_up_accepted' } });
  });
});
