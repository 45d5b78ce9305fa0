/** Decision: the first branch whose JSONLogic rule holds, else the default. */
import type { DecisionNode } from '../schema/definition.types.ts';
import { LogicError, truthy } from '../logic/index.ts';
import type { Arrival, Run } from '../runtime/run.ts';

export function enterDecision(node: DecisionNode, run: Run, arrival: Arrival): void {
  const data = run.data();
  const chosen = node.branches.findIndex((branch) => {
    try {
      return truthy(branch.when, data, run.calendar, run.budget);
    } catch (error) {
      // Validation refuses unsafe rules before publishing; a rule that still fails counts as false.
      if (error instanceof LogicError) return false;
      throw error;
    }
  });
  const branch = chosen >= 0 ? node.branches[chosen] : undefined;
  const to = branch ? branch.to : node.default;
  run.own('done')[node.id] = run.now;
  run.record({ type: 'decision_taken', node: node.id, branch: branch?.label ?? (branch ? chosen : 'default'), to });
  // Whoever the previous next action passed the work to carries on past the decision.
  run.enter(to, { ...arrival, from: node.id });
}
