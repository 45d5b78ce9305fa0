import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/every-node.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import type { Actor, CaseEvent, Effect } from './events.ts';
import type { CaseState } from './state.ts';
import { step } from './step.ts';
import { refusal } from './test-kit.ts';

const definition = fixture as unknown as WorkflowDefinition;
const sam: Actor = { id: 'sam', roles: ['social_worker'], teams: [] };
const dana: Actor = { id: 'dana', roles: ['duty_manager'], teams: ['front_door'] };
const tess: Actor = { id: 'tess', roles: ['eh_team_manager'], teams: ['locality_north', 'panel'] };
const fay: Actor = { id: 'fay', roles: ['family_worker'], teams: ['locality_north'] };
const subject = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }] };

/** Steps a case and round-trips the new state through JSON, as a store would. */
function apply(state: CaseState | null, event: CaseEvent, now: string): { state: CaseState; effects: Effect[] } {
  const { caseState, effects } = step(definition, state, event, { now });
  return { state: JSON.parse(JSON.stringify(caseState)) as CaseState, effects };
}

const openTask = (state: CaseState, node: string) => Object.values(state.tasks).find((t) => t.node === node && t.status === 'open')!;

function started(consent = true) {
  return apply(
    null,
    { type: 'case_started', caseId: 'c1', entry: 'step_down', subject, data: { consent, finalReviewDate: '2027-01-20' }, by: sam },
    '2026-11-02T09:00:00.000Z',
  );
}

function complete(state: CaseState, node: string, by: Actor, data: Record<string, unknown>, actions: CaseEvent extends never ? never : Array<{ action: string; passTo?: { team: string } | { worker: string } }>, now: string) {
  return apply(state, { type: 'task_completed', taskId: openTask(state, node).id, by, data, actions }, now);
}

/** Given a case whose referral has reached the front door. */
function atFrontDoor() {
  const { state } = started();
  return complete(state, 'plan', sam, { consent: true, finalReviewDate: '2027-01-20' }, [{ action: 'refer' }], '2026-11-03T11:00:00.000Z');
}

describe('starting a case', () => {
  it('creates the first task for the starter, due 20 working days before the final review across Christmas', () => {
    const { state, effects } = started();
    const plan = openTask(state, 'plan');
    expect(plan.assignee).toEqual({ worker: 'sam' });
    // 2027-01-20 minus 20 working days skips 1 Jan, 28 and 25 Dec, the 24 Dec closure day and weekends.
    expect(plan.due).toBe('2026-12-17T23:59:59.999Z');
    expect(plan.prefill).toEqual({ finalReviewDate: '2027-01-20', consent: true });
    expect(effects.map((e) => e.type)).toEqual(['create_task', 'schedule_timer', 'record_audit']);
    expect(state).toMatchObject({ schemaVersion: 1, status: 'open', version: 1, definition: { id: 'every-node', version: 1 } });
  });

  it('refuses an unknown entry, a role that may not start, and missing family details', () => {
    expect(refusal(() => step(definition, null, { type: 'case_started', caseId: 'c', entry: 'nope', subject, by: sam }, { now: '2026-11-02T09:00:00Z' })).code).toBe('unknown_entry');
    expect(refusal(() => step(definition, null, { type: 'case_started', caseId: 'c', entry: 'step_down', subject, data: { consent: true, finalReviewDate: '2027-01-20' }, by: dana }, { now: '2026-11-02T09:00:00Z' })).code).toBe('not_allowed');
    const invalid = refusal(() =>
      step(definition, null, { type: 'case_started', caseId: 'c', entry: 'step_down', subject: { familyName: '', children: [] }, data: { finalReviewDate: '2027-02-30' }, by: sam }, { now: '2026-11-02T09:00:00Z' }),
    );
    expect(invalid.code).toBe('form_invalid');
    expect(invalid.details.fieldErrors?.map((e) => e.pointer)).toEqual(['/subject/familyName', '/subject/children', '/data/consent', '/data/finalReviewDate']);
    expect(invalid.details.fieldErrors?.[2]?.message).toBe('Select yes if the family has agreed to the referral');
  });

  it('refuses names made only of invisible characters and spaces, naming each field', () => {
    const invisible = { familyName: '\u200b\u200c\u200d \u2060', children: [{ name: 'Ada' }, { name: '\ufeff\u00ad\u00a0' }] };
    const invalid = refusal(() =>
      step(definition, null, { type: 'case_started', caseId: 'c', entry: 'step_down', subject: invisible, data: { consent: true, finalReviewDate: '2027-01-20' }, by: sam }, { now: '2026-11-02T09:00:00Z' }),
    );
    expect(invalid.code).toBe('form_invalid');
    expect(invalid.details.fieldErrors?.map((e) => [e.pointer, e.message])).toEqual([
      ['/subject/familyName', 'Enter the family name'],
      ['/subject/children/1/name', 'Enter the name of child 2'],
    ]);
  });

  it('never changes the state it was given and gives the same answer twice', () => {
    const { state } = started();
    const frozen = JSON.stringify(state);
    const event: CaseEvent = { type: 'task_completed', taskId: openTask(state, 'plan').id, by: sam, data: { consent: true, finalReviewDate: '2027-01-20' }, actions: [{ action: 'refer' }] };
    const first = step(definition, state, event, { now: '2026-11-03T11:00:00Z' });
    const second = step(definition, state, event, { now: '2026-11-03T11:00:00Z' });
    expect(JSON.stringify(state)).toBe(frozen);
    expect(first).toEqual(second);
  });
});

describe('completing a user task', () => {
  it('refuses while a guard fails, naming the reason in the practitioner’s words', () => {
    const { state } = started(false);
    const error = refusal(() => complete(state, 'plan', sam, { consent: false, finalReviewDate: '2027-01-20' }, [{ action: 'refer' }], '2026-11-03T10:00:00Z'));
    expect(error.code).toBe('guard_failed');
    expect(error.message).toBe("Record the family's agreement before referring to Early Help.");
  });

  it('refuses invalid answers with GOV.UK-style field errors', () => {
    const { state } = started();
    const error = refusal(() => complete(state, 'plan', sam, { consent: 'yes', extra: 1 }, [{ action: 'refer' }], '2026-11-03T10:00:00Z'));
    expect(error.code).toBe('form_invalid');
    expect(error.details.fieldErrors?.map((e) => [e.pointer, e.keyword])).toEqual([
      ['/consent', 'type'],
      ['/finalReviewDate', 'required'],
      ['/extra', 'additionalProperties'],
    ]);
  });

  it('refuses someone else’s task, an unknown action and a second completion', () => {
    const { state } = started();
    expect(refusal(() => complete(state, 'plan', dana, { consent: true, finalReviewDate: '2027-01-20' }, [{ action: 'refer' }], '2026-11-03T10:00:00Z')).code).toBe('not_allowed');
    expect(refusal(() => complete(state, 'plan', sam, { consent: true, finalReviewDate: '2027-01-20' }, [{ action: 'fly' }], '2026-11-03T10:00:00Z')).code).toBe('unknown_action');
    const taskId = openTask(state, 'plan').id;
    const done = complete(state, 'plan', sam, { consent: true, finalReviewDate: '2027-01-20' }, [{ action: 'refer' }], '2026-11-03T11:00:00Z').state;
    const again = refusal(() => step(definition, done, { type: 'task_completed', taskId, by: dana, data: {}, actions: [{ action: 'refer' }] }, { now: '2026-11-03T11:01:00Z' }));
    expect(again.code).toBe('task_not_open');
    expect(again.message).toContain('Someone else already did this');
    // Sam's own submit sent again (its answer lost on the way back) hears that it was saved, not "someone else".
    const mine = refusal(() => step(definition, done, { type: 'task_completed', taskId, by: sam, data: {}, actions: [{ action: 'refer' }] }, { now: '2026-11-03T11:01:00Z' }));
    expect([mine.code, mine.message, mine.details]).toEqual([
      'task_not_open',
      'You have already completed this task: your earlier submit was saved.',
      { task: taskId, taskStatus: 'completed', completedBy: 'sam', completedAt: '2026-11-03T11:00:00.000Z', byYou: true },
    ]);
  });

  it('refuses an event made against an older version of the case', () => {
    const { state } = atFrontDoor();
    const error = refusal(() => step(definition, state, { type: 'case_withdrawn', by: sam, reason: 'x', expectedVersion: 1 }, { now: '2026-11-04T09:00:00Z' }));
    expect(error.code).toBe('stale_version');
    expect(error.details).toEqual({ expected: 1, actual: 2 });
  });

  it('sends the notification node’s e-mail to the mailbox and creates the front door task, due in 2 working days', () => {
    const { state, effects } = atFrontDoor();
    const notify = effects.find((e) => e.type === 'notify');
    expect(notify).toMatchObject({ notification: { subject: 'Step down referral: Okafor', body: 'Final review on 2027-01-20.', to: [{ mailbox: 'step_down_inbox', address: 'stepdown@fixture.example' }] } });
    expect(openTask(state, 'screen')).toMatchObject({ assignee: { team: 'front_door' }, due: '2026-11-05T23:59:59.999Z', dueLabel: 'within 2 working days' });
  });
});

describe('deadlines and escalation', () => {
  it('marks the task overdue when its deadline passes and climbs the escalation ladder', () => {
    const { state } = atFrontDoor();
    const dueTimer = Object.values(state.timers).find((t) => t.purpose === 'due' && t.node === 'screen')!;
    const overdue = apply(state, { type: 'timer_fired', timerId: dueTimer.id }, dueTimer.fireAt);
    const task = openTask(overdue.state, 'screen');
    expect(task).toMatchObject({ overdue: true, escalationLevel: 1, priority: 'normal' });
    expect(overdue.effects.find((e) => e.type === 'notify')).toMatchObject({ notification: { to: [{ role: 'eh_team_manager' }], body: 'Screening is overdue.' } });
    const rung2 = Object.values(overdue.state.timers).find((t) => t.purpose === 'escalation')!;
    expect(rung2.fireAt).toBe('2026-11-06T23:59:59.999Z');
    const escalated = apply(overdue.state, { type: 'timer_fired', timerId: rung2.id }, rung2.fireAt);
    expect(openTask(escalated.state, 'screen')).toMatchObject({ escalationLevel: 2, priority: 'urgent' });
  });

  it('cancels a task’s timers when it is completed', () => {
    const { state } = atFrontDoor();
    const { state: after, effects } = complete(state, 'screen', dana, { route: 'advice' }, [{ action: 'decide' }], '2026-11-04T09:00:00Z');
    expect(effects.filter((e) => e.type === 'cancel_timer')).toHaveLength(1);
    expect(after.timers).toEqual({});
  });
});

describe('decisions, timers, parallel paths and joins', () => {
  it('ends at advice only, closing the case with its census reason', () => {
    const { state } = complete(atFrontDoor().state, 'screen', dana, { route: 'advice' }, [{ action: 'decide' }], '2026-11-04T09:00:00Z');
    expect(state.status).toBe('closed');
    expect(state.outcome).toEqual({ id: 'advice_only', node: 'advice_only', closureReason: 'RC8', at: '2026-11-04T09:00:00.000Z' });
  });

  it('waits for the next Tuesday panel, strictly after the decision', () => {
    const { state } = complete(atFrontDoor().state, 'screen', dana, { route: 'panel' }, [{ action: 'decide' }], '2026-11-10T10:30:00Z');
    const wait = Object.values(state.timers).find((t) => t.purpose === 'wait')!;
    expect(wait.fireAt).toBe('2026-11-17T10:00:00.000Z');
    const panel = apply(state, { type: 'timer_fired', timerId: wait.id }, wait.fireAt).state;
    expect(openTask(panel, 'panel_decision').assignee).toEqual({ team: 'panel' });
  });

  it('runs both branches of a parallel split and joins them once', () => {
    const screened = complete(atFrontDoor().state, 'screen', dana, { route: 'team' }, [{ action: 'decide' }], '2026-11-04T09:00:00Z');
    const visit = openTask(screened.state, 'joint_visit');
    expect(visit.assignee).toEqual({ team: 'locality_north' });
    expect(visit.due).toBe('2026-11-18T23:59:59.999Z');
    expect(screened.state.joins).toEqual({ both_done: ['confirm_sw'] });
    expect(screened.effects.find((e) => e.type === 'notify' && e.notification.subject === 'Step down accepted')).toMatchObject({ notification: { to: [{ worker: 'sam' }] } });
    const joined = complete(screened.state, 'joint_visit', fay, { visitDate: '2026-11-12' }, [{ action: 'visited' }], '2026-11-12T16:00:00Z').state;
    expect(joined.joins).toEqual({});
    const window = Object.values(joined.timers).find((t) => t.node === 'wait_review')!;
    expect(window.fireAt).toBe('2026-12-24T00:00:00.000Z');
  });
});

describe('sub-flows, withdrawal and reassignment', () => {
  function atReview() {
    const screened = complete(atFrontDoor().state, 'screen', dana, { route: 'team' }, [{ action: 'decide' }], '2026-11-04T09:00:00Z');
    const joined = complete(screened.state, 'joint_visit', fay, { visitDate: '2026-11-12' }, [{ action: 'visited' }], '2026-11-12T16:00:00Z').state;
    const wait = Object.values(joined.timers)[0]!;
    return apply(joined, { type: 'timer_fired', timerId: wait.id }, wait.fireAt).state;
  }

  it('refuses to close with safeguarding concerns, then steps up through a sub-flow and waits for it', () => {
    const review = atReview();
    const data = { summary: 'Worries about neglect', safeguardingConcerns: true };
    expect(refusal(() => complete(review, 'review', fay, data, [{ action: 'close' }], '2027-01-04T10:00:00Z')).message).toBe('There are safeguarding concerns: step up instead of closing.');
    const { state, effects } = complete(review, 'review', fay, data, [{ action: 'step_up' }], '2027-01-04T10:00:00Z');
    const start = effects.find((e) => e.type === 'start_subflow');
    expect(start).toMatchObject({ definition: 'every-node', entry: 'step_up', input: { summary: 'Worries about neglect' }, parent: { caseId: 'c1', node: 'start_step_up' } });
    expect(state.status).toBe('open');
    const childId = start?.type === 'start_subflow' ? start.caseId : '';
    const ended = apply(state, { type: 'subflow_ended', childCaseId: childId, outcome: 'mash_decided' }, '2027-01-06T10:00:00Z').state;
    expect(ended.outcome?.id).toBe('stepped_up');
  });

  it('tells the parent case when a sub-case ends', () => {
    const child = apply(null, { type: 'case_started', caseId: 'c1.c9', entry: 'step_up', subject, data: { summary: 's' }, by: tess, parent: { caseId: 'c1', node: 'start_step_up' } }, '2027-01-04T10:00:00Z').state;
    expect(openTask(child, 'mash_decision').prefill).toEqual({ summary: 's' });
    const mash: Actor = { id: 'max', roles: ['mash_manager'], teams: [] };
    const { effects } = complete(child, 'mash_decision', mash, { rationale: 'Threshold met' }, [{ action: 'record' }], '2027-01-05T10:00:00Z');
    expect(effects).toContainEqual({ type: 'end_parent_wait', parent: { caseId: 'c1', node: 'start_step_up' }, outcome: 'mash_decided' });
  });

  it('withdraws a case, cancelling every open task and timer, and then refuses further events', () => {
    const { state } = atFrontDoor();
    const { state: withdrawn, effects } = apply(state, { type: 'case_withdrawn', by: sam, reason: 'Family moved away' }, '2026-11-04T09:00:00Z');
    expect(withdrawn.status).toBe('withdrawn');
    expect(Object.values(withdrawn.tasks).every((t) => t.status !== 'open')).toBe(true);
    expect(withdrawn.timers).toEqual({});
    expect(effects.map((e) => e.type)).toEqual(['cancel_timer', 'cancel_task', 'record_audit']);
    expect(refusal(() => step(definition, withdrawn, { type: 'case_withdrawn', by: sam, reason: 'again' }, { now: '2026-11-05T09:00:00Z' })).code).toBe('case_closed');
  });

  it('ends the whole case at once when a terminating end is reached ("step down no longer required")', () => {
    const { state } = started();
    const { state: ended } = complete(state, 'plan', sam, { consent: true, finalReviewDate: '2027-01-20' }, [{ action: 'withdraw' }], '2026-11-03T09:00:00Z');
    expect(ended).toMatchObject({ status: 'closed', outcome: { id: 'not_required' }, timers: {} });
  });

  it('reassigns a task to another team, and refuses a team the protocol does not have', () => {
    const { state } = atFrontDoor();
    const task = openTask(state, 'screen');
    const moved = apply(state, { type: 'task_reassigned', taskId: task.id, by: dana, to: { team: 'locality_north' } }, '2026-11-04T09:00:00Z').state;
    expect(moved.tasks[task.id]?.assignee).toEqual({ team: 'locality_north' });
    expect(refusal(() => step(definition, state, { type: 'task_reassigned', taskId: task.id, by: dana, to: { team: 'mars' } }, { now: '2026-11-04T09:00:00Z' })).code).toBe('pass_to_not_allowed');
  });

  it('records an audit entry for every accepted event, with ids and no personal data', () => {
    const { effects } = atFrontDoor();
    const audit = effects.filter((e) => e.type === 'record_audit');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Okafor');
    expect(audit[0]).toMatchObject({ entry: { actor: 'sam', action: 'task_completed', caseId: 'c1', detail: { version: 2, actions: ['refer'] } } });
  });
});
