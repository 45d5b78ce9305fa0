/**
 * Who leads where, for a draft. The engine's `outgoing` expects a well-formed node; a draft being
 * edited may lack its `next` or its next actions, so this reads every arrow defensively (same
 * arrows, same `via` pointers as engine/definition/graph.ts, nothing thrown for a half-made node).
 */
import type { Node, WorkflowDefinition } from '../../../engine/schema/definition.types.ts';

export interface Arrow {
  from: string;
  to: string;
  /** JSON pointer, relative to the node, of the property holding the target. */
  via: string;
  label?: string;
}

type Loose = Record<string, unknown>;
const str = (x: unknown): x is string => typeof x === 'string' && x !== '';
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** The arrows leaving a node, in the order the node lists them; missing targets are skipped. */
export function arrowsOf(node: Node): Arrow[] {
  const n = node as unknown as Loose;
  const from = node.id;
  const out: Arrow[] = [];
  const add = (to: unknown, via: string, label?: unknown) => {
    if (str(to)) out.push({ from, to, via, ...(str(label) ? { label } : {}) });
  };
  switch (node.kind) {
    case 'user_task':
      list(n['nextActions']).forEach((a, i) => add((a as Loose)?.['to'], `/nextActions/${i}/to`, (a as Loose)?.['label']));
      break;
    case 'decision':
      list(n['branches']).forEach((b, i) => add((b as Loose)?.['to'], `/branches/${i}/to`, (b as Loose)?.['label'] ?? `Branch ${i + 1}`));
      add(n['default'], '/default', 'Otherwise');
      break;
    case 'parallel':
      list(n['branches']).forEach((to, i) => add(to, `/branches/${i}`));
      break;
    case 'end':
      break;
    default:
      add(n['next'], '/next');
  }
  return out;
}

export function allArrows(definition: WorkflowDefinition): Arrow[] {
  return list(definition.nodes).flatMap((n) => arrowsOf(n as Node));
}

/** Nodes that can come before `id` on some route (the nodes whose answers it may read). */
export function earlierNodes(definition: WorkflowDefinition, id: string): Set<string> {
  const before = new Map<string, string[]>();
  for (const a of allArrows(definition)) before.set(a.to, [...(before.get(a.to) ?? []), a.from]);
  const seen = new Set<string>();
  const stack = [...(before.get(id) ?? [])];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(before.get(at) ?? []));
  }
  return seen;
}

/** Nodes in a readable order: breadth first from the starts, then any the arrows never reach. */
export function nodesInRouteOrder(definition: WorkflowDefinition): Node[] {
  const nodes = list(definition.nodes) as Node[];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const queue = nodes.filter((n) => n.kind === 'start').map((n) => n.id);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    queue.push(...arrowsOf(byId.get(id)!).map((a) => a.to));
  }
  return [...[...seen].map((id) => byId.get(id)!), ...nodes.filter((n) => !seen.has(n.id))];
}
