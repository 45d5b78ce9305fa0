import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/every-node.json' with { type: 'json' };
import scenario from '../../test/fixtures/every-node.scenario.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { formatTimeline } from './format-timeline.ts';
import { runScenario, type Scenario } from './run-scenario.ts';

describe('the text timeline shows what only --json showed', () => {
  const text = formatTimeline(runScenario(fixture as unknown as WorkflowDefinition, scenario as Scenario));

  it('Given an escalation that raises the priority, Then the line says from what to what; one that does not raise it says nothing of priority', () => {
    expect(text).toContain('escalated          screen level 2, told service_manager; priority raised from normal to urgent');
    expect(text).toMatch(/escalated {10}screen level 1, told eh_team_manager\n/);
  });

  it('Given a path that ends with a census reason, Then the line and the final state name it', () => {
    expect(text).toContain('path_ended         stepped_down outcome stepped_down, census reason RC9');
    expect(text).toContain('Final state: closed (stepped_down, census reason RC9), version 10');
  });

  it('Given a refusal, Then its code and message are on the line (field errors and guard messages go underneath)', () => {
    expect(text).toContain('refused            guard_failed: Record the family');
  });
});
