/**
 * Lint over how many conditions one step of a protocol evaluates. Each rule is bounded by itself
 * (`MAX_NODES`, `MAX_STEPS`), and a step or task page by its budget (`MAX_STEPS_TOGETHER`), but a
 * step with hundreds of rules is refused by that budget only once a case reaches it. So a step
 * whose conditions are far past anything a protocol needs is refused here, at publish, instead:
 * the protocols we know have at most 20 on one step, about 300 parts together.
 */
import type { Node, WorkflowDefinition } from '../schema/definition.types.ts';
import type { Problem } from '../problems.ts';

/** Most conditions one step may evaluate: its guards, its next actions' guards, its deadline's choices, its form's checks. */
export const MAX_CONDITIONS_PER_STEP = 50;
/** Most parts (JSON values, as `MAX_NODES` counts them) one step's conditions may have together: five rules at their own limit. */
export const MAX_CONDITION_PARTS_PER_STEP = 10_000;

export function conditionSizeProblems(definition: WorkflowDefinition): Problem[] {
  const problems: Problem[] = [];
  definition.nodes.forEach((node, i) => {
    const rules = conditionsOf(definition, node);
    const path = `/nodes/${i}`;
    if (rules.length > MAX_CONDITIONS_PER_STEP) {
      problems.push({
        code: 'too_many_conditions',
        path,
        message: `"${node.name}" has ${rules.length} conditions (guards, next actions' guards, deadline choices and form checks together), but one step may have at most ${MAX_CONDITIONS_PER_STEP}, so combine them or split the step.`,
      });
    }
    const parts = partsOf(rules, MAX_CONDITION_PARTS_PER_STEP);
    if (parts > MAX_CONDITION_PARTS_PER_STEP) {
      problems.push({
        code: 'conditions_too_large',
        path,
        message: `The conditions of "${node.name}" have more than ${MAX_CONDITION_PARTS_PER_STEP.toLocaleString('en-GB')} parts together, so simplify them or split the step.`,
      });
    }
  });
  return problems;
}

/**
 * The rules evaluated when a case reaches or completes `node`. A form check with `each` runs once
 * per item; it counts once here, since how many items there will be is not known before.
 */
function conditionsOf(definition: WorkflowDefinition, node: Node): unknown[] {
  const form = 'form' in node && node.form && Object.hasOwn(definition.forms, node.form) ? definition.forms[node.form] : undefined;
  const checks = (form?.checks ?? []).map((c) => c.rule);
  switch (node.kind) {
    case 'start':
      return [...(node.guards ?? []).map((g) => g.rule), ...checks];
    case 'decision':
      return node.branches.map((b) => b.when);
    case 'user_task': {
      const due = node.due && 'choose' in node.due ? node.due.choose.map((o) => o.when) : [];
      const guards = [...(node.guards ?? []), ...node.nextActions.flatMap((a) => a.guards ?? [])].map((g) => g.rule);
      return [...guards, ...due, ...checks];
    }
    default:
      return [];
  }
}

/** How many JSON values `rules` hold together, counting no further than just past `cap`. Iterative: a deep rule cannot overflow it. */
function partsOf(rules: unknown[], cap: number): number {
  let parts = 0;
  const stack = [...rules];
  while (stack.length > 0) {
    const value = stack.pop();
    parts += 1;
    if (parts > cap) return parts;
    if (Array.isArray(value)) for (const item of value) stack.push(item);
    else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stack.push(item);
  }
  return parts;
}
