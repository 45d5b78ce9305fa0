/** End: the path is over; the case closes when no other path is open (or at once with `terminate`). */
import type { EndNode } from '../schema/definition.types.ts';
import type { Run } from '../runtime/run.ts';

export function enterEnd(node: EndNode, run: Run): void {
  run.state.done[node.id] = run.now;
  if (node.closureReason) {
    run.state.closures.push({ node: node.id, outcome: node.outcome, closureReason: node.closureReason, at: run.now });
  }
  const outcome = { id: node.outcome, node: node.id, ...(node.closureReason ? { closureReason: node.closureReason } : {}) };
  run.record({ type: 'path_ended', node: node.id, outcome: node.outcome });
  if (node.terminate) run.close('closed', outcome);
  else run.endedWith = outcome;
}
