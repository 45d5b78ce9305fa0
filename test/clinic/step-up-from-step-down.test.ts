/**
 * The step up route started from an open step down case once the family is with Early Help: the
 * step down review starts the step up entry of this same definition as a sub-flow, waits for it,
 * and copies the latest case summary through to the MARF Form.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../engine/index.ts';
import { CaseDriver } from '../support/case-driver.ts';
import { atReview, clinic, family, newCase, users } from './clinic-case.ts';

const review = { latestCaseSummary: 'Routines slipped after Christmas; school reports bruising.', worries: 'Ben has unexplained bruising.' };

/** Starts the sub-case the parent asked for, as the server would, as the Family Worker who stepped up. */
function startChild(parent: CaseDriver, by = 'fern'): CaseDriver {
  const effect = parent.effects.find((e) => e.type === 'start_subflow');
  if (effect?.type !== 'start_subflow') throw new Error('the parent did not start a sub-flow');
  const child = new CaseDriver(clinic, users, parent.now);
  const event = { type: 'case_started' as const, caseId: effect.caseId, entry: effect.entry, subject: effect.subject, data: effect.input, by: child.actor(by), parent: effect.parent };
  const { caseState, effects } = step(clinic, null, event, { now: child.now });
  child.state = JSON.parse(JSON.stringify(caseState)) as typeof caseState;
  child.effects.push(...effects.map((e) => ({ ...e, at: child.now })));
  return child;
}

const steppingUp = () => atReview(newCase()).complete('2027-02-10T10:00:00Z', 'eh_review', 'fern', review, 'step_up');

describe('Given the family is with Early Help and the step down review is open', () => {
  it('When Fern chooses to step up without writing her worries, or with only spaces, Then it is refused and the case is unchanged', () => {
    const d = atReview(newCase());
    for (const worries of [undefined, '   ']) {
      const refusal = d.refused((x) => x.complete('2027-02-10T10:00:00Z', 'eh_review', 'fern', { latestCaseSummary: review.latestCaseSummary, ...(worries ? { worries } : {}) }, 'step_up'));
      expect(refusal).toMatchObject({ code: 'guard_failed', message: 'Enter the worries which require a social work response before stepping up.' });
    }
  });

  it('When the review is passed to the Family Worker Team and the Senior Practitioner closes it, Then it is refused: the Family Worker reviews', () => {
    const d = atReview(newCase()).reassign('2027-02-01T09:00:00Z', 'eh_review', 'sian', { team: 'eh_family_worker_team' });
    const refusal = d.refused((x) => x.complete('2027-02-10T10:00:00Z', 'eh_review', 'sian', { latestCaseSummary: 'Settled.' }, 'close_step_down'));
    expect(refusal).toMatchObject({ code: 'not_allowed', message: 'Only an Early Help Family Worker can do "Step down review".' });
  });

  it('When Fern steps up, Then a step up case starts on this definition with the latest case summary and the worries, and the step down case waits for it', () => {
    const d = steppingUp();
    const start = d.effects.find((e) => e.type === 'start_subflow');
    expect(start).toMatchObject({ definition: 'clinic', entry: 'step_up', subject: family, input: review, parent: { caseId: 'case-1', node: 'sd_step_up' } });
    expect(d.state).toMatchObject({ status: 'open', waitingFor: { [start?.type === 'start_subflow' ? start.caseId : '']: 'sd_step_up' } });
    expect(d.openTasks()).toEqual([]);
  });
});

describe('Given the step up case started from the step down review on Wednesday 10 February 2027', () => {
  it('When Fern raises the worries and Sian completes the MARF Form, Then both forms start from what was written at the review', () => {
    const child = startChild(steppingUp());
    expect(child.task('raise_worries')).toMatchObject({ assignee: { worker: 'fern' }, due: '2027-02-11T23:59:59.999Z', prefill: { worries: review.worries } });
    child.complete('2027-02-10T11:00:00Z', 'raise_worries', 'fern', { worries: review.worries, childProtectionConcerns: true }, { action: 'raise', passTo: { worker: 'sian' }, priority: 'urgent' });
    expect(child.task('su_marf').prefill).toEqual({ worries: review.worries, latestCaseSummary: review.latestCaseSummary });
  });

  it('When MASH steps the family up and the joint visit is done, Then the step up case tells the step down case, which closes as stepped up, its census closure already recorded at the step down joint visit', () => {
    const parent = steppingUp();
    const child = startChild(parent)
      .complete('2027-02-10T11:00:00Z', 'raise_worries', 'fern', { worries: review.worries, childProtectionConcerns: true }, { action: 'raise', passTo: { worker: 'sian' }, priority: 'urgent' })
      .complete('2027-02-10T15:00:00Z', 'su_marf', 'sian', { dateOfDiscussion: '2027-02-10', thresholdsDocumentConsulted: true, worries: review.worries, latestCaseSummary: review.latestCaseSummary, rationale: 'Physical abuse concerns.' }, 'send_marf')
      .complete('2027-02-11T10:00:00Z', 'su_mash_decision', 'mo', { dateOfDecision: '2027-02-11', decisionMakingAndRationale: 'Section 47 enquiry.', recordedOnLcs: true }, { action: 'step_up', passTo: { worker: 'sol' } })
      .complete('2027-02-15T10:00:00Z', 'su_joint_visit', 'sol', { dateOfJointVisit: '2027-02-15', socialWorker: 'Sol Jones', earlyHelpFamilyWorker: 'Fern Ahmed', visitOutcome: 'Assessment under way.' }, 'visit_done');
    expect(child.state).toMatchObject({ status: 'closed', parent: { caseId: 'case-1', node: 'sd_step_up' }, outcome: { id: 'stepped_up' } });
    expect(child.effects.at(-2)).toEqual({ type: 'end_parent_wait', parent: { caseId: 'case-1', node: 'sd_step_up' }, outcome: 'stepped_up', at: '2027-02-15T10:00:00.000Z' });

    parent.subflowEnded('2027-02-15T10:00:01Z', 'stepped_up');
    expect(parent.state).toMatchObject({ status: 'closed', waitingFor: {}, outcome: { id: 'stepped_up', node: 'sd_stepped_up' } });
    expect(parent.state!.outcome?.closureReason).toBeUndefined();
    expect(parent.state!.closures).toEqual([{ node: 'sd_stepped_down_after_assessment', outcome: 'stepped_down', closureReason: 'RC9', at: '2027-01-14T14:00:00.000Z' }]);
    expect(child.state!.closures).toEqual([]);
  });

  it('When MASH allocates to Early Help instead, Then the step down review starts again, due 6 weeks later, and can then close the step down, with its one RC9 closure', () => {
    const parent = steppingUp().subflowEnded('2027-02-12T10:00:00Z', 'mash_allocated_eh');
    expect(parent.state!.form.sd_step_up).toMatchObject({ outcome: 'mash_allocated_eh' });
    expect(parent.task('eh_review')).toMatchObject({ assignee: { worker: 'fern' }, due: '2027-03-26T23:59:59.999Z' });
    parent.complete('2027-03-22T10:00:00Z', 'eh_review', 'fern', { latestCaseSummary: 'Worries addressed in the Early Help plan.' }, 'close_step_down');
    expect(parent.state!.outcome).toMatchObject({ id: 'stepped_down', node: 'sd_step_down_complete' });
    expect(parent.state!.closures).toMatchObject([{ closureReason: 'RC9', at: '2027-01-14T14:00:00.000Z' }]);
  });
});
