import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/every-node.json' with { type: 'json' };
import scenario from '../../test/fixtures/every-node.scenario.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { formatTimeline, londonTime } from './format-timeline.ts';
import { runScenario, type Scenario } from './run-scenario.ts';

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
  });

  it('shows instants in London time, in summer and winter', () => {
    expect(londonTime('2026-07-01T08:30:00Z')).toBe('Wed 01 Jul 2026 09:30');
    expect(londonTime('2026-12-01T08:30:00Z')).toBe('Tue 01 Dec 2026 08:30');
  });
});
