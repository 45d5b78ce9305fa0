/**
 * Issue 13 §3, every problem at once: completing a task with answers to correct, a guard unmet and
 * next actions at fault is refused once, with all of them, so that one submit shows everything.
 */
import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/every-node.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import type { Actor, CaseEvent } from './events.ts';
import type { CaseState } from './state.ts';
import { step } from './step.ts';
import { refusal } from './test-kit.ts';

const definition = fixture as unknown as WorkflowDefinition;
const sam: Actor = { id: 'sam', roles: ['social_worker'], teams: [] };
const subject = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }] };

/** Given a case just started by Sam, with the family's agreement not yet recorded. */
function started(): CaseState {
  const event: CaseEvent = { type: 'case_started', caseId: 'c1', entry: 'step_down', subject, data: { consent: false, finalReviewDate: '2027-01-20' }, by: sam };
  return JSON.parse(JSON.stringify(step(definition, null, event, { now: '2026-11-02T09:00:00.000Z' }).caseState)) as CaseState;
}

const completing = (state: CaseState, data: Record<string, unknown>, actions: Array<{ action: string }>) => () =>
  step(definition, state, { type: 'task_completed', taskId: Object.values(state.tasks)[0]!.id, by: sam, data, actions }, { now: '2026-11-03T10:00:00.000Z' });

describe('completing a task with several problems', () => {
  it('refuses once with the field errors, the unmet guard and every next-action problem', () => {
    const state = started();
    // When Sam leaves the date out, has no agreement, and chooses two actions where one is allowed, one unknown
    const error = refusal(completing(state, { consent: false }, [{ action: 'refer' }, { action: 'nope' }]));
    // Then one refusal carries all of them
    expect(error.code).toBe('form_invalid');
    expect(error.details.fieldErrors?.map((e) => e.pointer)).toEqual(['/finalReviewDate']);
    expect(error.details['guardMessages']).toEqual(["Record the family's agreement before referring to Early Help."]);
    expect(error.details['actionErrors']).toEqual([
      { code: 'invalid_event', message: '"Plan step down" takes one next action at a time.', field: 'actions' },
      { code: 'unknown_action', message: '"nope" is not a next action of "Plan step down".', index: 1 },
    ]);
  });

  it('does not repeat as a guard what a question’s own error already says', () => {
    const state = started();
    // When Sam leaves the agreement question unanswered, which the guard "Record the family's agreement" reads
    const error = refusal(completing(state, { finalReviewDate: '2027-01-20' }, [{ action: 'refer' }]));
    // Then the question's error is the one message about it
    expect(error.code).toBe('form_invalid');
    expect(error.details.fieldErrors?.map((e) => e.pointer)).toEqual(['/consent']);
    expect(error.details['guardMessages'] ?? []).toEqual([]);
  });

  it('keeps the refusal it always had when there is one problem', () => {
    const state = started();
    expect(refusal(completing(state, { consent: true }, [{ action: 'refer' }])).code).toBe('form_invalid');
    expect(refusal(completing(state, { consent: false, finalReviewDate: '2027-01-20' }, [{ action: 'refer' }])).code).toBe('guard_failed');
    const unknown = refusal(completing(state, { consent: true, finalReviewDate: '2027-01-20' }, [{ action: 'nope' }]));
    expect([unknown.code, unknown.details]).toEqual(['unknown_action', { index: 0 }]);
  });
});
