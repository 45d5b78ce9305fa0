/**
 * The definition as a graph: who leads where. Shared by validation, the runtime and the
 * designer's map, so an arrow means the same thing everywhere.
 */
import type { Node, WorkflowDefinition } from '../schema/definition.types.ts';

export interface Edge {
  from: string;
  to: string;
  /** JSON pointer (relative to the node) of the property holding the target. */
  via: string;
  label?: string;
}

/** The arrows leaving a node, in the order the node lists them. */
export function outgoing(node: Node): Edge[] {
  const from = node.id;
  switch (node.kind) {
    case 'start':
    case 'timer':
    case 'join':
    case 'notification':
    case 'subflow':
      return [{ from, to: node.next, via: '/next' }];
    case 'user_task':
      return node.nextActions.map((a, i) => ({ from, to: a.to, via: `/nextActions/${i}/to`, label: a.label }));
    case 'decision':
      return [
        ...node.branches.map((b, i) => ({ from, to: b.to, via: `/branches/${i}/to`, label: b.label })),
        { from, to: node.default, via: '/default', label: 'Otherwise' },
      ];
    case 'parallel':
      return node.branches.map((to, i) => ({ from, to, via: `/branches/${i}` }));
    case 'end':
      return [];
  }
}

export interface Graph {
  nodes: Map<string, Node>;
  /** Position of each node in `definition.nodes`, for JSON pointers. */
  indexOf: Map<string, number>;
  edges: Edge[];
  incoming: Map<string, string[]>;
  starts: Node[];
}

const cache = new WeakMap<WorkflowDefinition, Graph>();

/** Builds (once per definition object) the node index and edge lists. */
export function graphOf(definition: WorkflowDefinition): Graph {
  const cached = cache.get(definition);
  if (cached) return cached;
  const nodes = new Map<string, Node>();
  const indexOf = new Map<string, number>();
  definition.nodes.forEach((node, i) => {
    if (!nodes.has(node.id)) {
      nodes.set(node.id, node);
      indexOf.set(node.id, i);
    }
  });
  const edges = definition.nodes.flatMap(outgoing);
  const incoming = new Map<string, string[]>();
  for (const edge of edges) {
    const list = incoming.get(edge.to) ?? [];
    if (!list.includes(edge.from)) list.push(edge.from);
    incoming.set(edge.to, list);
  }
  const graph = { nodes, indexOf, edges, incoming, starts: definition.nodes.filter((n) => n.kind === 'start') };
  cache.set(definition, graph);
  return graph;
}

/** Every node reachable from `from` (inclusive), following arrows forwards or backwards. */
export function reach(graph: Graph, from: Iterable<string>, direction: 'forward' | 'backward' = 'forward'): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || !graph.nodes.has(id)) continue;
    seen.add(id);
    const node = graph.nodes.get(id)!;
    const next = direction === 'forward' ? outgoing(node).map((e) => e.to) : (graph.incoming.get(id) ?? []);
    stack.push(...next);
  }
  return seen;
}

/** Nodes that can come before `id` on some path (excluding `id` unless it lies on a loop). */
export function ancestors(graph: Graph, id: string): Set<string> {
  return reach(graph, graph.incoming.get(id) ?? [], 'backward');
}
