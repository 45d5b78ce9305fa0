/** Lint over the shape of the protocol: ways in, ways out, arrows to nowhere, joins, loops. */
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { outgoing, reach, ancestors, type Graph } from '../definition/graph.ts';
import type { Problem } from '../problems.ts';
import { resembles } from './causes.ts';

export function graphProblems(definition: WorkflowDefinition, graph: Graph): Problem[] {
  const problems: Problem[] = [];
  const at = (id: string) => `/nodes/${graph.indexOf.get(id)}`;
  if (graph.starts.length === 0) {
    problems.push({ code: 'no_start', path: '/nodes', message: 'The protocol has no start, so no case can begin: add a way in.' });
  }
  const seen = new Set<string>();
  definition.nodes.forEach((node, i) => {
    if (seen.has(node.id)) problems.push({ code: 'duplicate_id', path: `/nodes/${i}/id`, message: `Another step already has the ID "${node.id}": give "${node.name}" an ID of its own.` });
    seen.add(node.id);
  });
  // By index, not `at(id)`: a node with a duplicate id must be pointed at, not its namesake.
  definition.nodes.forEach((node, i) => {
    for (const edge of outgoing(node)) {
      if (!graph.nodes.has(edge.to)) {
        const near = [...graph.nodes.values()].filter((n) => resembles(edge.to, n.id) && !(graph.incoming.get(n.id) ?? []).length);
        const meant = near.length === 1 ? ` Did you mean "${near[0]!.id}" (${near[0]!.name}), which nothing leads to?` : '';
        problems.push({ code: 'unknown_node', path: `/nodes/${i}${edge.via}`, message: `"${node.name}" leads to "${edge.to}", but no step has that ID (was it deleted or renamed?): choose the step it leads to.${meant}` });
      }
    }
  });
  const reachable = reach(graph, graph.starts.map((s) => s.id));
  const ends = definition.nodes.filter((n) => n.kind === 'end').map((n) => n.id);
  const canFinish = reach(graph, ends, 'backward');
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'start' && !reachable.has(node.id)) {
      problems.push({ code: 'unreachable_node', path: at(node.id), message: `No route from a way in reaches "${node.name}": lead an earlier step to it, or delete it.` });
    } else if (node.kind !== 'end' && !canFinish.has(node.id)) {
      problems.push({ code: 'no_way_out', path: at(node.id), message: `A case that reaches "${node.name}" can never get to an end: give it a way on that leads to one.` });
    }
    if (node.kind === 'join') problems.push(...joinProblems(graph, node.id, node.name, at(node.id)));
  }
  problems.push(...loopProblems(graph, at));
  return problems;
}

/** A join needs two or more ways in, and something upstream that can run paths side by side. */
function joinProblems(graph: Graph, id: string, name: string, path: string): Problem[] {
  const incoming = graph.incoming.get(id) ?? [];
  if (incoming.length < 2) {
    return [{ code: 'join_never_fires', path, message: `The join "${name}" has ${incoming.length} way(s) in, so it never waits for anything: lead at least two branches to it.` }];
  }
  const splits = [...ancestors(graph, id)].some((a) => {
    const node = graph.nodes.get(a);
    return node?.kind === 'parallel' || (node?.kind === 'user_task' && node.multipleActions === true);
  });
  if (!splits) {
    return [{ code: 'join_never_fires', path, message: `Nothing before the join "${name}" runs branches side by side, so only one of its ways in can ever arrive: start the branches with a parallel step, or remove the join.` }];
  }
  return [];
}

/** Kinds that pass straight on without waiting for a person, a timer or a sub-case. */
function isInstant(graph: Graph, id: string): boolean {
  const node = graph.nodes.get(id);
  if (!node) return false;
  if (node.kind === 'subflow') return node.wait !== true;
  return ['start', 'decision', 'parallel', 'join', 'notification'].includes(node.kind);
}

/** A loop made only of instant nodes would spin forever at run time. */
function loopProblems(graph: Graph, at: (id: string) => string): Problem[] {
  const problems: Problem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    state.set(id, 'open');
    for (const edge of outgoing(graph.nodes.get(id)!)) {
      if (!isInstant(graph, edge.to)) continue;
      if (state.get(edge.to) === 'open') {
        const loop = [...trail.slice(trail.indexOf(edge.to)), edge.to].map((id) => `"${graph.nodes.get(id)?.name ?? id}"`);
        problems.push({ code: 'loop_without_wait', path: at(edge.to), message: `The route ${loop.join(' → ')} loops without waiting for anyone: put a task or a timer in it.` });
      } else if (!state.has(edge.to)) visit(edge.to, [...trail, edge.to]);
    }
    state.set(id, 'done');
  };
  for (const id of graph.nodes.keys()) if (isInstant(graph, id) && !state.has(id)) visit(id, [id]);
  return problems;
}
