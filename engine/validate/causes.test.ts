/**
 * Root causes: deleting a step or an arrow makes many problems; each knock-on names the one
 * problem it follows from, so the designer can show that one first and fold the rest under it.
 */
import { describe, expect, it } from 'vitest';
import camden from '../../definitions/camden.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { validateDefinition } from './validate-definition.ts';
import { fresh, nodeOf } from './test-kit.ts';

const roots = (problems: ReturnType<typeof validateDefinition>) => problems.filter((p) => !p.cause);

describe('withCauses: knock-on problems name their root', () => {
  it('Given Camden without its screening step, When validated, Then the 34 problems come from 1 root: the first arrow to it (the step after it, which nothing reaches now, follows from that arrow too)', () => {
    const d = structuredClone(camden) as unknown as WorkflowDefinition;
    const index = d.nodes.findIndex((n) => n.id === 'asm_screen');
    d.nodes.splice(index, 1);
    const problems = validateDefinition(d);
    expect(problems.length).toBeGreaterThan(30);
    expect(roots(problems).map((p) => [p.code, p.path])).toEqual([
      ['unknown_node', `/nodes/${d.nodes.findIndex((n) => n.id === 'route_referral')}/branches/0/to`],
    ]);
    expect(problems.find((p) => p.code === 'unreachable_node' && p.path === `/nodes/${d.nodes.findIndex((n) => n.id === 'asm_team_identified')}`)?.cause?.code).toBe('unknown_node');
    const keys = new Set(roots(problems).map((p) => `${p.code} ${p.path}`));
    for (const p of problems) if (p.cause) expect(keys.has(`${p.cause.code} ${p.cause.path}`), p.path).toBe(true);
    // A condition that reads the missing step follows from it; so does one at a step it left unreachable.
    expect(problems.find((p) => p.code === 'condition_reads_unknown_field' && p.message.includes('"asm_screen"'))?.cause?.code).toBe('unknown_node');
    expect(problems.find((p) => p.message.includes('does not come before'))?.cause?.code).toBe('unknown_node');
  });

  it('Given an end removed, When validated, Then the steps that can no longer finish follow from the arrow to nowhere', () => {
    const definition = fresh();
    definition.nodes.splice(definition.nodes.findIndex((n) => n.id === 'stepped_up'), 1);
    const problems = validateDefinition(definition);
    const arrow = problems.find((p) => p.code === 'unknown_node' && !p.cause)!;
    expect(arrow).toBeDefined();
    const stuck = problems.filter((p) => p.code === 'no_way_out');
    expect(stuck.length).toBeGreaterThan(0);
    for (const p of stuck) expect(p.cause).toEqual({ code: arrow.code, path: arrow.path });
  });

  it('Given one missing arrow, When validated, Then only the first unreachable step is a root', () => {
    const definition = fresh();
    nodeOf(definition, 'route', 'decision').branches.splice(0, 1);
    const unreachable = validateDefinition(definition).filter((p) => p.code === 'unreachable_node');
    expect(roots(unreachable).length).toBe(1);
    expect(unreachable.every((p) => !p.cause || p.cause.path === roots(unreachable)[0]!.path)).toBe(true);
  });
});
