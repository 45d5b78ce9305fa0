/**
 * One budget for every condition a step evaluates (`Run.budget`): guards, form checks and
 * decisions, each within its own limits, cannot together hold the server; the step is refused
 * (`logic_too_costly`) naming the step whose conditions spent it, and the case is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { camden, family, referral, screening, toKte, users } from '../../test/camden/given.ts';
import { CaseDriver } from '../../test/support/case-driver.ts';
import { costlyGuards, costlyRule, withCostlyGuards } from '../logic/costly-rules.fixture.ts';
import type { WorkflowDefinition } from '../schema/definition.types.ts';

const referred = (definition: WorkflowDefinition) =>
  new CaseDriver(definition, users, '2026-12-16T09:00:00Z')
    .start('2026-12-16T09:00:00Z', 'sw_assessment', 'sam', family)
    .complete('2026-12-17T10:00:00Z', 'referral', 'sam', referral(), 'send_referral');
const screen = (driver: CaseDriver) => driver.complete('2026-12-21T11:00:00Z', 'asm_screen', 'dora', screening('team'), { action: 'contact_team', passTo: toKte });

describe('the conditions of one step share one budget', () => {
  it('Given the screening has 400 guards, each within its own limit, When the front door completes it, Then the step is refused as too costly, naming the task', () => {
    const driver = referred(withCostlyGuards(camden, 'asm_screen'));
    const refusal = driver.refused(screen);
    expect(refusal.code).toBe('logic_too_costly');
    expect(refusal.message).toBe('The conditions of "Screen the step down referral" take too long to check (over 2,000,000 steps in one go), so nothing was done. The protocol\'s conditions there need simplifying.');
    expect(refusal.details).toEqual({ node: 'asm_screen', task: driver.task('asm_screen').id, limit: 2_000_000 });
  });

  it('Given 20 such guards, together within the budget, Then they are all evaluated, and fail as guards do', () => {
    const refusal = referred(withCostlyGuards(camden, 'asm_screen', 20)).refused(screen);
    expect(refusal.code).toBe('guard_failed');
    expect(refusal.details['messages']).toHaveLength(20);
  });

  it('Given the screening form has 400 such checks, Then completing it is refused the same way: a check that could not be made is not reported as failed', () => {
    const definition = structuredClone(camden);
    definition.version += 1;
    // Each about an answer of its own: a second check about the same answer waits for the first.
    definition.forms['front_door_screening']!.checks = costlyGuards(400).map((check, i) => ({ ...check, field: `/costly${i}` }));
    const refusal = referred(definition).refused(screen);
    expect(refusal.code).toBe('logic_too_costly');
    expect(refusal.details).toMatchObject({ node: 'asm_screen' });
  });

  it('Given a decision with 400 such branches before its own, When the case reaches it, Then the step is refused naming the decision, rather than take the default', () => {
    const definition = structuredClone(camden);
    definition.version += 1;
    const decision = definition.nodes.find((n) => n.id === 'route_referral');
    if (decision?.kind !== 'decision') throw new Error('no decision route_referral');
    decision.branches.unshift(...Array.from({ length: 400 }, () => ({ when: costlyRule(), to: 'cin_screen' })));
    const driver = new CaseDriver(definition, users, '2026-12-16T09:00:00Z').start('2026-12-16T09:00:00Z', 'sw_assessment', 'sam', family);
    const refusal = driver.refused((d) => d.complete('2026-12-17T10:00:00Z', 'referral', 'sam', referral(), 'send_referral'));
    expect(refusal.code).toBe('logic_too_costly');
    expect(refusal.message).toContain('"Step down after assessment or at the final CIN review?"');
    expect(refusal.details).toEqual({ node: 'route_referral', limit: 2_000_000 });
  });

  it('Given the way in has 400 start guards, When a social worker starts a case there, Then the start is refused as too costly, naming the way in', () => {
    const definition = structuredClone(camden);
    definition.version += 1;
    const start = definition.nodes.find((n) => n.id === 'sw_assessment');
    if (start?.kind !== 'start') throw new Error('no start sw_assessment');
    start.guards = costlyGuards(400);
    const driver = new CaseDriver(definition, users, '2026-12-16T09:00:00Z');
    const refusal = driver.refused((d) => d.start('2026-12-16T09:00:00Z', 'sw_assessment', 'sam', family));
    expect(refusal.code).toBe('logic_too_costly');
    expect(refusal.details).toMatchObject({ node: 'sw_assessment', limit: 2_000_000 });
  });
});
