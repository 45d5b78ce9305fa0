/** Parallel split: every branch starts at once. */
import type { ParallelNode } from '../schema/definition.types.ts';
import type { Arrival, Run } from '../runtime/run.ts';

export function enterParallel(node: ParallelNode, run: Run, arrival: Arrival): void {
  run.own('done')[node.id] = run.now;
  for (const branch of node.branches) run.enter(branch, { ...arrival, from: node.id });
}
