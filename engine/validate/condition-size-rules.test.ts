/**
 * How many conditions one step may have, through `validateDefinition`: a step past
 * `MAX_CONDITIONS_PER_STEP`, or whose conditions have more than `MAX_CONDITION_PARTS_PER_STEP`
 * parts together, is refused at publish, not when a case first reaches it.
 */
import { describe, expect, it } from 'vitest';
import camdenJson from '../../definitions/camden.json' with { type: 'json' };
import { withCostlyGuards } from '../logic/costly-rules.fixture.ts';
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { MAX_CONDITIONS_PER_STEP, MAX_CONDITION_PARTS_PER_STEP } from './condition-size-rules.ts';
import { at, expectOnly, expectProblems, fresh, nodeOf } from './test-kit.ts';
import { validateDefinition } from './validate-definition.ts';

const camden = camdenJson as unknown as WorkflowDefinition;
const cheap = (count: number) => Array.from({ length: count }, (_, i) => ({ rule: { '==': [i, i] }, message: `Guard ${i + 1}.` }));
/** A rule of 1,803 parts: an `in` over a list of 1,800 numbers. */
const large = () => ({ in: [{ var: 'case.childCount' }, Array.from({ length: 1800 }, (_, i) => i)] });

describe('validateDefinition: how many conditions one step may have', () => {
  it('Given Camden’s screening with 400 guards, each within the limits of a rule, Then publishing it is refused, with one plain sentence for each limit', () => {
    const definition = withCostlyGuards(camden, 'asm_screen');
    const path = `/nodes/${definition.nodes.findIndex((n) => n.id === 'asm_screen')}`;
    const problems = validateDefinition(definition);
    expect(problems).toEqual([
      { code: 'too_many_conditions', path, message: '"Screen the step down referral" has 400 conditions (guards, next actions\' guards, deadline choices and form checks together), but one step may have at most 50, so combine them or split the step.' },
      { code: 'conditions_too_large', path, message: 'The conditions of "Screen the step down referral" have more than 10,000 parts together, so simplify them or split the step.' },
    ]);
    expect(validateDefinition(camden)).toEqual([]);
  });

  it('Given a task with 50 conditions, its guards and its form’s checks together, Then that is allowed; with one more, Then it is not', () => {
    const d = fresh();
    const screen = nodeOf(d, 'screen', 'user_task');
    const checks = d.forms['screening']!.checks?.length ?? 0;
    const actionGuards = screen.nextActions.reduce((n, a) => n + (a.guards?.length ?? 0), 0);
    screen.guards = cheap(MAX_CONDITIONS_PER_STEP - checks - actionGuards);
    expect(validateDefinition(d)).toEqual([]);
    screen.nextActions[0]!.guards = [...(screen.nextActions[0]!.guards ?? []), ...cheap(1)];
    expectOnly(d, 'too_many_conditions', at('screen'), 'Screen referral');
  });

  it('Given a decision with few branches but more than 10,000 parts between them, Then conditions_too_large names it', () => {
    const d = fresh();
    const route = nodeOf(d, 'route', 'decision');
    const to = route.branches[0]!.to;
    route.branches.push(...Array.from({ length: Math.ceil(MAX_CONDITION_PARTS_PER_STEP / 1803) }, () => ({ when: large(), to })));
    expectProblems(d, { code: 'conditions_too_large', path: at('route'), mentions: ['Which route?'] });
  });

  it('Given a start with 30 guards and 21 checks on its intake form, Then the two count together', () => {
    const d = fresh();
    const start = nodeOf(d, 'step_down', 'start');
    start.guards = cheap(30);
    const intake = d.forms[start.form!]!;
    intake.checks = [...(intake.checks ?? []), ...cheap(21)];
    expectOnly(d, 'too_many_conditions', at('step_down'), 'Step down requested');
  });
});
