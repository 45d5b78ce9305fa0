import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/every-node.json' with { type: 'json' };
import scenario from '../../test/fixtures/every-node.scenario.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { londonLongTime, londonTime } from '../calendar/index.ts';
import { formatTimeline } from './format-timeline.ts';
import { runScenario, ScenarioInvalid, type Scenario, type ScenarioResult } from './run-scenario.ts';

const definition = fixture as unknown as WorkflowDefinition;

describe('runScenario', () => {
  it('Given the fixture scenario, When it runs, Then every dated event lands on the timeline in order', () => {
    const result = runScenario(definition, scenario as Scenario);
    expect(result.failures).toEqual([]);
    const types = result.timeline.map((e) => `${e.at.slice(0, 16)} ${e.type} ${e.node ?? ''}`.trim());
    expect(types).toContain('2026-11-03T10:00 refused');
    expect(types).toContain('2026-11-05T23:59 deadline_passed screen');
    expect(types).toContain('2026-11-10T10:00 timer_fired wait_panel');
    // 6 weeks after the visit on Fri 20 Nov is Fri 1 Jan 2027: the window opens at its start.
    expect(types).toContain('2027-01-01T00:00 timer_fired wait_review');
    expect(result.caseState?.status).toBe('closed');
    const times = result.timeline.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it('reports a refusal the scenario did not expect, and an expected one that did not come', () => {
    const steps = structuredClone((scenario as Scenario).steps);
    delete (steps[1] as { expectRefusal?: string }).expectRefusal;
    (steps[2] as { expectRefusal?: string }).expectRefusal = 'guard_failed';
    const result = runScenario(definition, { ...(scenario as Scenario), steps });
    expect(result.failures).toEqual([
      { step: 1, message: "refused: guard_failed: Record the family's agreement before referring to Early Help." },
      { step: 2, message: 'expected a "guard_failed" refusal, but the step was accepted' },
    ]);
  });

  it('lists the deadlines still to come when the scenario stops early', () => {
    const steps = (scenario as Scenario).steps.slice(0, 3);
    const result = runScenario(definition, { ...(scenario as Scenario), steps });
    expect(result.upcoming).toEqual([{ at: '2026-11-05T23:59:59.999Z', type: 'task_due', node: 'screen', task: 'fixture-1.t4', name: 'Screen referral' }]);
    expect(formatTimeline(result)).toContain('Upcoming: Thu 05 Nov 2026 23:59  "Screen referral" due');
    expect(result.overdue).toEqual([]);
  });

  it('Given the clock run past a deadline while the task is still open, Then that deadline is listed as overdue, not as still to come', () => {
    // Run to Monday 9 November: "Screen referral" was due at the end of Thursday 5 November.
    const steps = (scenario as Scenario).steps.slice(0, 4);
    const result = runScenario(definition, { ...(scenario as Scenario), steps });
    expect(result.upcoming.filter((u) => u.type === 'task_due')).toEqual([]);
    expect(result.overdue).toEqual([{ at: '2026-11-05T23:59:59.999Z', type: 'task_due', node: 'screen', task: 'fixture-1.t4', name: 'Screen referral' }]);
    expect(formatTimeline(result)).toContain('Overdue: "Screen referral" was due Thu 05 Nov 2026 23:59');
    expect(formatTimeline(result)).not.toContain('Upcoming: Thu 05 Nov 2026 23:59');
  });

  it('shows instants in London time, in summer and winter', () => {
    expect(londonTime('2026-07-01T08:30:00Z')).toBe('Wed 01 Jul 2026 09:30');
    expect(londonTime('2026-12-01T08:30:00Z')).toBe('Tue 01 Dec 2026 08:30');
  });

  it('says "Tuesday 22 December 2026 at 09:00" in sentences, in London time', () => {
    expect(londonLongTime('2026-12-22T09:00:00.000Z')).toBe('Tuesday 22 December 2026 at 09:00');
    expect(londonLongTime('2026-07-01T08:30:00Z')).toBe('Wednesday 1 July 2026 at 09:30');
  });
});

describe('runScenario, hardened (issue 10)', () => {
  const base = scenario as Scenario;

  it('Given a scenario without "users", When it runs, Then a ScenarioInvalid names what is missing (it was a TypeError)', () => {
    const { users: _users, ...withoutUsers } = base;
    const error = (() => {
      try {
        runScenario(definition, withoutUsers as Scenario);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ScenarioInvalid);
    expect((error as ScenarioInvalid).problems).toEqual([
      { code: 'users_missing', path: '/users', message: 'List the people who act in the scenario under "users", each with their roles: "users": {"sam": {"roles": ["social_worker"]}}.' },
    ]);
    expect(() => runScenario(definition, { users: { sam: {} }, steps: [{ at: 'Monday', start: 1 }, {}] } as unknown as Scenario)).toThrow(
      '/users/sam/roles: Give "sam" their roles, as a list of role ids.\n/steps/0/at: Step 0 needs "at": a date and time with a zone, like 2026-12-01T09:30:00Z.\n/steps/0/start: "start" in step 0 must be an object.\n/steps/1: Give step 1 exactly one of start, complete, reassign, withdraw, subflowEnded, until.',
    );
  });

  it('Given a step without next actions or dated before the last, Then each is a failure of its own, not a crash', () => {
    const steps = structuredClone(base.steps);
    delete (steps[2] as { complete: { actions?: unknown } }).complete.actions;
    steps.splice(3, 0, { at: '2026-11-01T09:00:00Z', withdraw: { by: 'sam', reason: 'moved' } });
    const result = runScenario(definition, { ...base, steps: steps.slice(0, 4) });
    expect(result.failures).toEqual([
      { step: 2, message: 'refused: invalid_event: The event cannot be read: "actions" is missing.' },
      { step: 3, message: "refused: event_out_of_order: This event is dated 2026-11-01T09:00:00.000Z, before the case's last change at 2026-11-02T09:00:00.000Z; a case's events are recorded in the order they happened." },
    ]);
  });

  it('Given the front door left a form unanswered, Then the text timeline lists each field error under the refusal', () => {
    const steps = structuredClone(base.steps).slice(0, 3);
    (steps[1] as { complete: { data: unknown } }).complete.data = { consent: 'yes' };
    (steps[1] as { expectRefusal?: string }).expectRefusal = 'form_invalid';
    const text = formatTimeline(runScenario(definition, { ...base, steps }));
    expect(text).toContain(
      [
        'Tue 03 Nov 2026 10:00  refused            form_invalid: The form has answers to correct.',
        '                                            /consent: Has the family agreed to the referral? is not valid',
        '                                            /finalReviewDate: Enter date of the final review',
        'Tue 03 Nov 2026 11:00  task_completed',
      ].join('\n'),
    );
  });

  it('Given a task not yet open, Then the text timeline says until when in London time, not UTC', () => {
    const result: ScenarioResult = {
      caseState: null,
      upcoming: [],
      overdue: [],
      failures: [],
      effects: [],
      timeline: [{ at: '2026-12-21T10:00:00.000Z', type: 'refused', detail: { code: 'not_yet_available', message: '"Duty slot" cannot be completed before Tuesday 22 December 2026 at 09:00.', availableFrom: '2026-12-22T09:00:00.000Z' } }],
    };
    expect(formatTimeline(result)).toContain('not_yet_available: "Duty slot" cannot be completed before Tuesday 22 December 2026 at 09:00.');
  });

  it('Then every effect comes with when it was asked for: the e-mails with recipients, subject and body, and the sub-case with its input', () => {
    const steps = structuredClone(base.steps);
    steps[8] = { at: '2027-01-05T10:00:00Z', complete: { task: 'review', by: 'fay', data: { summary: 'Worries about neglect', safeguardingConcerns: true }, actions: [{ action: 'step_up' }] } };
    const result = runScenario(definition, { ...base, steps });
    const email = result.effects.find((e) => e.type === 'notify');
    expect(email).toMatchObject({ at: '2026-11-03T11:00:00.000Z', notification: { subject: 'Step down referral: Okafor', body: expect.any(String), to: [{ mailbox: 'step_down_inbox' }] } });
    expect(result.effects.find((e) => e.type === 'start_subflow')).toMatchObject({ at: '2027-01-05T10:00:00.000Z', entry: 'step_up', input: { summary: 'Worries about neglect' } });
    for (const e of result.effects) if (e.type === 'record_audit') expect(e.at).toBe(e.entry.at);
  });
});
