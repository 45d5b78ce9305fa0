/**
 * `step` never changes the state it is given (copy-on-write: draft.ts). Every state here is
 * deep-frozen before it is stepped, and kept in memory rather than round-tripped through JSON, so
 * that each new state, which shares what a step did not change with the state before it, is
 * stepped frozen too: any write to a shared map, list or task would throw.
 */
import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/every-node.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import type { Actor, CaseEvent } from './events.ts';
import type { CaseState } from './state.ts';
import { step } from './step.ts';

const definition = fixture as unknown as WorkflowDefinition;
const sam: Actor = { id: 'sam', roles: ['social_worker'], teams: [] };
const dana: Actor = { id: 'dana', roles: ['duty_manager'], teams: ['front_door'] };
const fay: Actor = { id: 'fay', roles: ['family_worker'], teams: ['locality_north'] };
const subject = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }] };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Steps a deep-frozen `state`: it must come out as it went in, and the same event gives the same answer twice. */
function stepFrozen(state: CaseState | null, event: CaseEvent, now: string): CaseState {
  const before = JSON.stringify(deepFreeze(state));
  const first = step(definition, state, event, { now });
  const second = step(definition, state, event, { now });
  expect(JSON.stringify(state)).toBe(before);
  expect(first).toEqual(second);
  expect(JSON.parse(JSON.stringify(first.caseState))).toEqual(first.caseState);
  return first.caseState;
}

const openTask = (state: CaseState, node: string) => Object.values(state.tasks).find((t) => t.node === node && t.status === 'open')!;
const timerAt = (state: CaseState, node: string, purpose: string) => Object.values(state.timers).find((t) => t.node === node && t.purpose === purpose)!;
const complete = (state: CaseState, node: string, by: Actor, data: Record<string, unknown>, action: string, now: string) =>
  stepFrozen(state, { type: 'task_completed', taskId: openTask(state, node).id, by, data, actions: [{ action }] }, now);

/** Given a case whose referral has reached the front door, every input state frozen on the way. */
function atFrontDoor(): CaseState {
  const started = stepFrozen(null, { type: 'case_started', caseId: 'c1', entry: 'step_down', subject, data: { consent: true, finalReviewDate: '2027-01-20' }, by: sam }, '2026-11-02T09:00:00.000Z');
  return complete(started, 'plan', sam, { consent: true, finalReviewDate: '2027-01-20' }, 'refer', '2026-11-03T11:00:00.000Z');
}

describe('step never changes the state it is given', () => {
  it('Given every state deep-frozen, When a case runs through deadlines, escalation, reassignment, a parallel split, a join, a wait, a sub-flow and its end, Then no step changes its input', () => {
    const front = atFrontDoor();
    const due = timerAt(front, 'screen', 'due');
    const overdue = stepFrozen(front, { type: 'timer_fired', timerId: due.id }, due.fireAt);
    const rung = timerAt(overdue, 'screen', 'escalation');
    const escalated = stepFrozen(overdue, { type: 'timer_fired', timerId: rung.id }, rung.fireAt);
    expect(openTask(escalated, 'screen')).toMatchObject({ overdue: true, escalationLevel: 2 });
    const moved = stepFrozen(escalated, { type: 'task_reassigned', taskId: openTask(escalated, 'screen').id, by: dana, to: { team: 'front_door' } }, '2026-11-07T09:00:00Z');
    const screened = complete(moved, 'screen', dana, { route: 'team' }, 'decide', '2026-11-09T09:00:00Z');
    expect(screened.joins).toEqual({ both_done: ['confirm_sw'] });
    const joined = complete(screened, 'joint_visit', fay, { visitDate: '2026-11-12' }, 'visited', '2026-11-12T16:00:00Z');
    expect(joined.joins).toEqual({});
    const wait = Object.values(joined.timers)[0]!;
    const review = stepFrozen(joined, { type: 'timer_fired', timerId: wait.id }, wait.fireAt);
    const steppedUp = complete(review, 'review', fay, { summary: 'Worries about neglect', safeguardingConcerns: true }, 'step_up', '2027-01-04T10:00:00Z');
    const child = Object.keys(steppedUp.waitingFor)[0]!;
    const ended = stepFrozen(steppedUp, { type: 'subflow_ended', childCaseId: child, outcome: 'mash_decided' }, '2027-01-06T10:00:00Z');
    expect(ended).toMatchObject({ status: 'closed', outcome: { id: 'stepped_up' } });
  });

  it('Given a frozen case with open work, When it is withdrawn or ended at once, Then its input is unchanged and the new state has the work cancelled', () => {
    const front = atFrontDoor();
    const withdrawn = stepFrozen(front, { type: 'case_withdrawn', by: sam, reason: 'Family moved away' }, '2026-11-04T09:00:00Z');
    expect(Object.values(withdrawn.tasks).every((t) => t.status !== 'open')).toBe(true);
    expect(Object.values(front.tasks).some((t) => t.status === 'open')).toBe(true);
  });

  it('Given a completed task, Then the new state shares what the step left alone and copies what it changed', () => {
    const front = atFrontDoor();
    const after = complete(front, 'screen', dana, { route: 'advice' }, 'decide', '2026-11-04T09:00:00Z');
    expect(after.subject).toBe(front.subject);
    expect(after.history).not.toBe(front.history);
    expect(after.history.slice(0, front.history.length)).toEqual(front.history);
    const task = openTask(front, 'screen');
    expect(after.tasks[task.id]).not.toBe(front.tasks[task.id]);
    expect(front.tasks[task.id]!.status).toBe('open');
    expect(after.tasks[task.id]!.status).toBe('completed');
  });
});
