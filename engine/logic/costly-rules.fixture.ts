/**
 * Conditions that are each within the per-rule limits but costly, in numbers no protocol needs:
 * 400 guards on one task held its task page, and the server with it, for seconds before the
 * conditions of a step or page shared one budget. Built here rather than stored: each rule is
 * about 300 parts. Imported by tests only.
 */
import type { Guard, WorkflowDefinition } from '../schema/definition.types.ts';

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Never true (no number from 0 to 149 is -1), after about 90,000 of the 100,000 steps a rule may
 * take: 150 × 150 comparisons. A fresh copy each time, as rules parsed from a stored definition are.
 */
export const costlyRule = () => ({ some: [upTo(150), { some: [upTo(150), { '===': [{ var: '' }, -1] }] }] });

export const costlyGuards = (count: number): Guard[] =>
  Array.from({ length: count }, (_, i) => ({ rule: costlyRule(), message: `Costly guard ${i + 1}.` }));

/** A copy of `definition`, one version on, whose user task `node` has `count` costly guards of its own. */
export function withCostlyGuards(definition: WorkflowDefinition, node: string, count = 400): WorkflowDefinition {
  const copy = structuredClone(definition);
  copy.version += 1;
  const task = copy.nodes.find((n) => n.id === node);
  if (task?.kind !== 'user_task') throw new Error(`no user task "${node}"`);
  task.guards = [...(task.guards ?? []), ...costlyGuards(count)];
  return copy;
}
