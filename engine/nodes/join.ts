import type { JoinNode } from '../schema/definition.types.ts';
import type { Arrival, Run } from '../runtime/run.ts';

/** A join continues once a path has arrived from every node that leads into it. */
export function enterJoin(node: JoinNode, run: Run, arrival: Arrival): void {
  const arrived = run.state.joins[node.id] ?? [];
  if (arrival.from && !arrived.includes(arrival.from)) arrived.push(arrival.from);
  const incoming = run.graph.incoming.get(node.id) ?? [];
  if (!incoming.every((from) => arrived.includes(from))) {
    run.state.joins[node.id] = arrived;
    run.record({ type: 'join_waiting', node: node.id, arrived: arrived.length, of: incoming.length });
    return;
  }
  delete run.state.joins[node.id];
  run.state.done[node.id] = run.now;
  run.record({ type: 'join_completed', node: node.id });
  run.enter(node.next, { from: node.id });
}
