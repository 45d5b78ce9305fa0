import type { JoinNode } from '../schema/definition.types.ts';
import type { Arrival, Run } from '../runtime/run.ts';

/** A join continues once a path has arrived from every node that leads into it. */
export function enterJoin(node: JoinNode, run: Run, arrival: Arrival): void {
  const before = run.state.joins[node.id] ?? [];
  // A new list, not the old one added to: the old one is shared with the state the step was given.
  const arrived = arrival.from && !before.includes(arrival.from) ? [...before, arrival.from] : before;
  const incoming = run.graph.incoming.get(node.id) ?? [];
  if (!incoming.every((from) => arrived.includes(from))) {
    run.own('joins')[node.id] = arrived;
    run.record({ type: 'join_waiting', node: node.id, arrived: arrived.length, of: incoming.length });
    return;
  }
  delete run.own('joins')[node.id];
  run.own('done')[node.id] = run.now;
  run.record({ type: 'join_completed', node: node.id });
  run.enter(node.next, { from: node.id });
}
