/**
 * What `step` refuses before anything else (issue 10, hardening): an event of the wrong shape, a
 * time that is not one, an event dated before the case's last change, work passed to a worker
 * nobody can vouch for. Each is a `Refusal` naming the field, and the case is left as it was.
 */
import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/every-node.json' with { type: 'json' };
import { CaseDriver } from '../../test/support/case-driver.ts';
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { ENFORCED } from './enforcement.fixture.ts';
import type { Actor, CaseEvent } from './events.ts';
import type { CaseState } from './state.ts';
import { step } from './step.ts';
import { refusal } from './test-kit.ts';

const definition = fixture as unknown as WorkflowDefinition;
const sam: Actor = { id: 'sam', roles: ['social_worker'], teams: [] };
const dana: Actor = { id: 'dana', roles: ['duty_manager'], teams: ['front_door'] };
const subject = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }] };
const planned = { consent: true, finalReviewDate: '2027-01-20' };

const apply = (state: CaseState | null, event: CaseEvent, now: string) => {
  const { caseState, effects } = step(definition, state, event, { now });
  return { state: JSON.parse(JSON.stringify(caseState)) as CaseState, effects };
};
const taskAt = (state: CaseState, node: string) => Object.values(state.tasks).find((t) => t.node === node && t.status === 'open')!;

/** Given a case started by Sam on Monday 2 November 2026 at 09:00. */
const started = () => apply(null, { type: 'case_started', caseId: 'c1', entry: 'step_down', subject, data: planned, by: sam }, '2026-11-02T09:00:00Z').state;

/** Given the referral reached the front door on Tuesday 3 November at 11:00: screening due Thursday 5th end of day. */
const atFrontDoor = () => {
  const state = started();
  return apply(state, { type: 'task_completed', taskId: taskAt(state, 'plan').id, by: sam, data: planned, actions: [{ action: 'refer' }] }, '2026-11-03T11:00:00Z').state;
};

/** The refusal, after checking that the state given was not touched. */
function refusedUnchanged(state: CaseState | null, event: unknown, now: unknown) {
  const before = JSON.stringify(state);
  const error = refusal(() => step(definition, state, event as CaseEvent, { now: now as string }));
  expect(JSON.stringify(state)).toBe(before);
  return error;
}

describe('an event of the wrong shape is refused at the door, naming the field', () => {
  it('When Sam completes the plan without "actions", Then invalid_event names "actions" (it was a TypeError)', () => {
    const state = started();
    const error = refusedUnchanged(state, { type: 'task_completed', taskId: taskAt(state, 'plan').id, by: sam, data: planned }, '2026-11-03T10:00:00Z');
    expect([error.code, error.message, error.details['field']]).toEqual(['invalid_event', 'The event cannot be read: "actions" is missing.', '/actions']);
  });

  it('When an action is malformed, Then every field at fault is listed, the first named in the message', () => {
    const state = started();
    const actions = [{ action: 'refer', scheduledFor: '2026-02-30', priority: 'asap', passTo: { worker: 'fay', team: 'x' } }, 'refer'];
    const error = refusedUnchanged(state, { type: 'task_completed', taskId: taskAt(state, 'plan').id, by: sam, data: planned, actions }, '2026-11-03T10:00:00Z');
    expect(error.message).toBe('The event cannot be read: "actions.0.passTo" must name a worker or a team: one of the two.');
    expect(error.details.fieldErrors?.map((e) => e.pointer)).toEqual(['/actions/0/passTo', '/actions/0/priority', '/actions/0/scheduledFor', '/actions/1']);
    expect(error.details.fieldErrors?.[2]?.message).toBe('"actions.0.scheduledFor" must be a real date, like 2027-01-27');
  });

  it('When the event is not an object, has no known type, no "by" or answers that are a list, Then each is invalid_event', () => {
    const state = started();
    expect(refusedUnchanged(state, null, '2026-11-03T10:00:00Z').message).toBe('The event must be an object.');
    expect(refusedUnchanged(state, { type: 'task_exploded' }, '2026-11-03T10:00:00Z').details['field']).toBe('/type');
    expect(refusedUnchanged(state, { type: 'case_withdrawn', reason: 'x' }, '2026-11-03T10:00:00Z').details['field']).toBe('/by');
    expect(refusedUnchanged(state, { type: 'case_withdrawn', by: { id: 'sam', roles: 'social_worker', teams: [] }, reason: 'x' }, '2026-11-03T10:00:00Z').details['field']).toBe('/by/roles');
    const listed = refusedUnchanged(state, { type: 'task_completed', taskId: 'c1.t1', by: sam, data: [], actions: [] }, '2026-11-03T10:00:00Z');
    expect([listed.code, listed.details['field']]).toEqual(['invalid_event', '/data']);
    expect(refusedUnchanged(null, { type: 'case_started', caseId: 'c1', entry: 'step_down', subject: 'Okafor', by: sam }, '2026-11-02T09:00:00Z').details['field']).toBe('/subject');
  });

  it('When the time has no zone, is not a real date, or is not a time at all, Then invalid_event names it (it was a RangeError)', () => {
    const start = { type: 'case_started', caseId: 'c1', entry: 'step_down', subject, data: planned, by: sam };
    for (const now of ['2026-11-02T09:00:00', '2026-02-30T09:00:00Z', '2026-11-02T25:00:00Z', 'Monday', 20261102, undefined]) {
      const error = refusedUnchanged(null, start, now);
      expect([error.code, error.details['field']]).toEqual(['invalid_event', 'now']);
    }
    expect(refusedUnchanged(null, start, '2026-11-02T09:00').message).toBe('The time of the event, "2026-11-02T09:00", must be a real date and time with a zone, like 2026-12-01T09:30:00Z.');
  });

  it('When the time has an offset, Then the case records it in UTC', () => {
    const state = apply(null, { type: 'case_started', caseId: 'c1', entry: 'step_down', subject, data: planned, by: sam }, '2026-07-01T10:00:00+01:00').state;
    expect(state.startedAt).toBe('2026-07-01T09:00:00.000Z');
  });
});

describe('time runs forwards', () => {
  it('When Sam withdraws the case "yesterday", Then event_out_of_order and the case is unchanged', () => {
    const state = atFrontDoor();
    const error = refusedUnchanged(state, { type: 'case_withdrawn', by: sam, reason: 'moved' }, '2026-11-03T10:59:59Z');
    expect(error.code).toBe('event_out_of_order');
    expect(error.details).toEqual({ at: '2026-11-03T10:59:59.000Z', lastChangedAt: '2026-11-03T11:00:00.000Z' });
    // At the same instant is not before: accepted.
    expect(apply(state, { type: 'case_withdrawn', by: sam, reason: 'moved' }, '2026-11-03T11:00:00Z').state.status).toBe('withdrawn');
  });

  it('Given the server was down until Tuesday 1 December, When screening’s deadline fires then, Then it is recorded then, its due instant beside it, and the ladder still counts from the deadline', () => {
    const state = atFrontDoor();
    const due = Object.values(state.timers).find((t) => t.purpose === 'due')!;
    const { state: late, effects } = apply(state, { type: 'timer_fired', timerId: due.id }, '2026-12-01T09:00:00Z');
    const entries = late.history.slice(state.history.length);
    expect(entries.map((e) => [e.at, e.type])).toEqual([
      ['2026-12-01T09:00:00.000Z', 'deadline_passed'],
      ['2026-12-01T09:00:00.000Z', 'escalated'],
    ]);
    expect(entries[0]).toMatchObject({ due: '2026-11-05T23:59:59.999Z' });
    expect(effects.find((e) => e.type === 'record_audit')).toMatchObject({ entry: { at: '2026-12-01T09:00:00.000Z', detail: { timer: due.id, dueAt: '2026-11-05T23:59:59.999Z' } } });
    // Rung 2 is one working day after the deadline, as if nothing had been down: it fires at once.
    const rung2 = Object.values(late.timers).find((t) => t.purpose === 'escalation')!;
    expect(rung2.fireAt).toBe('2026-11-06T23:59:59.999Z');
    const climbed = apply(late, { type: 'timer_fired', timerId: rung2.id }, '2026-12-01T09:00:01Z').state;
    expect(climbed.history.at(-1)).toMatchObject({ type: 'escalated', at: '2026-12-01T09:00:01.000Z', level: 2, dueAt: '2026-11-06T23:59:59.999Z' });
  });

  it('Given a wait that ends late, When it fires, Then the next task’s deadline still counts from when the wait was due', () => {
    const screened = apply(atFrontDoor(), { type: 'task_completed', taskId: taskAt(atFrontDoor(), 'screen').id, by: dana, data: { route: 'panel' }, actions: [{ action: 'decide' }] }, '2026-11-10T10:30:00Z').state;
    const wait = Object.values(screened.timers).find((t) => t.purpose === 'wait')!;
    expect(wait.fireAt).toBe('2026-11-17T10:00:00.000Z');
    const panel = apply(screened, { type: 'timer_fired', timerId: wait.id }, '2026-11-19T08:00:00Z').state;
    expect(panel.history.find((e) => e.type === 'timer_fired')).toMatchObject({ at: '2026-11-19T08:00:00.000Z', dueAt: '2026-11-17T10:00:00.000Z' });
    // "Within 2 working days of panel": Thursday 19th, not Monday 23rd.
    expect(taskAt(panel, 'panel_decision')).toMatchObject({ createdAt: '2026-11-19T08:00:00.000Z', due: '2026-11-19T23:59:59.999Z' });
  });

  it('When a timer is fired for a moment before the last change, Then it is recorded at the last change; fired before it is due, it is refused', () => {
    const state = atFrontDoor();
    const due = Object.values(state.timers).find((t) => t.purpose === 'due')!;
    expect(refusedUnchanged(state, { type: 'timer_fired', timerId: due.id }, '2026-11-05T23:00:00Z').code).toBe('event_not_expected');
    const stale = { ...state, updatedAt: '2026-11-09T09:00:00.000Z' };
    expect(apply(stale, { type: 'timer_fired', timerId: due.id }, due.fireAt).state.history.at(-2)).toMatchObject({ type: 'deadline_passed', at: '2026-11-09T09:00:00.000Z' });
  });
});

describe('work is passed only to people the directory knows', () => {
  const users = {
    sam: { roles: ['social_worker'] },
    tom: { roles: ['sw_team_manager'] },
    dora: { roles: ['front_door'] },
    kate: { roles: ['eh_team_manager'], teams: ['north'] },
    fay: { roles: ['eh_family_worker'], teams: ['north'] },
  };
  const family = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }, { name: 'Ben Okafor' }] };
  const referral = { children: [{ name: 'Ada Okafor', school: 'Argyle Primary' }, { name: 'Ben Okafor', school: 'Argyle Nursery' }], plan: 'Parenting programme.', visitDates: ['2026-12-22', '2026-12-23', '2026-12-29'] };
  const signedOff = () =>
    new CaseDriver(ENFORCED, users, '2026-12-21T09:00:00Z')
      .start('2026-12-21T09:00:00Z', 'start', 'sam', family)
      .complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral, 'send')
      .complete('2026-12-21T11:00:00Z', 'screen', 'dora', { team: 'north' }, 'confirm')
      .complete('2026-12-21T12:00:00Z', 'signoff', 'tom', {}, { action: 'step_down', passTo: { team: 'north' } }, 'close_csc').state!;
  const kate: Actor = { id: 'kate', roles: ['eh_team_manager'], teams: ['north'] };

  it('When no directory is given, Then passing the allocation even to Fay, or reassigning it to a stranger, is refused as unknown_worker', () => {
    const state = signedOff();
    const allocate = Object.values(state.tasks).find((t) => t.node === 'allocate' && t.status === 'open')!;
    const passed = refusal(() => step(ENFORCED, state, { type: 'task_completed', taskId: allocate.id, by: kate, data: {}, actions: [{ action: 'allocate', passTo: { worker: 'fay' } }] }, { now: '2026-12-22T09:00:00Z' }));
    expect([passed.code, passed.message]).toEqual(['unknown_worker', '"Allocate" cannot be passed to "fay": there is no directory of people to check them against.']);
    const reassigned = refusal(() => step(ENFORCED, state, { type: 'task_reassigned', taskId: allocate.id, by: kate, to: { worker: 'ghost' } }, { now: '2026-12-22T09:00:00Z' }));
    expect(reassigned.code).toBe('unknown_worker');
  });

  it('When the directory does not list the worker, Then a reassignment of a step open to any role is refused too', () => {
    const state = signedOff();
    const allocate = Object.values(state.tasks).find((t) => t.node === 'allocate' && t.status === 'open')!;
    const people = { kate: { roles: ['eh_team_manager'], teams: ['north'] } };
    const error = refusal(() => step(ENFORCED, state, { type: 'task_reassigned', taskId: allocate.id, by: kate, to: { worker: 'ghost' } }, { now: '2026-12-22T09:00:00Z', people }));
    expect(error.code).toBe('unknown_worker');
    const moved = step(ENFORCED, state, { type: 'task_reassigned', taskId: allocate.id, by: kate, to: { worker: 'kate' } }, { now: '2026-12-22T09:00:00Z', people }).caseState;
    expect(moved.tasks[allocate.id]?.assignee).toEqual({ worker: 'kate' });
  });
});
