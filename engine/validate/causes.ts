/**
 * Root causes: one wrong reference or one missing arrow makes many problems, and the one to fix
 * is buried among them. Each knock-on problem is given the `cause` it follows from:
 * - every reference to a step that does not exist (arrows, "whoever did", case-file steps,
 *   conditions and texts that read it) follows from the first arrow to it — the first reference
 *   when no arrow names it;
 * - a step nothing reaches only because the steps before it are unreachable follows from the
 *   first of those that nothing leads to at all, and so do the conditions and timescales at it
 *   that read "earlier" steps; and that first one, when nothing leads to it and an arrow leads to
 *   a missing step with a name like its own (renamed, or mistyped in the arrow) — or it is the
 *   only such step and that the only such arrow — follows from that arrow;
 * - a step that cannot reach an end because the steps after it cannot follows from the arrow to
 *   nowhere they end at (or from the first step of a loop with no way out).
 * Done once over the finished list, where every rule's problems are known; causes point at
 * roots, never at another knock-on.
 */
import { outgoing, type Graph } from '../definition/graph.ts';
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import type { Problem } from '../problems.ts';
import { NO_STEP_CALLED, NOT_EARLIER } from './data-paths.ts';
import { valueAt } from './values.ts';

const key = (p: { code: string; path: string }) => `${p.code} ${p.path}`;
const nodeIndex = (path: string) => /^\/nodes\/(\d+)/.exec(path)?.[1];

export function withCauses(problems: Problem[], definition: WorkflowDefinition, graph: Graph): Problem[] {
  const byKey = new Map(problems.map((p) => [key(p), p]));
  const cause = new Map<Problem, Problem>();
  const idAt = (i: string | undefined) => (i === undefined ? undefined : definition.nodes[Number(i)]?.id);

  // References to a step that does not exist.
  const missing = new Map<string, Problem[]>();
  for (const p of problems) {
    const value = p.code === 'unknown_node' ? valueAt(p.path, definition) : undefined;
    const id = typeof value === 'string' ? value : NO_STEP_CALLED.exec(p.message)?.[1];
    if (id !== undefined) missing.set(id, [...(missing.get(id) ?? []), p]);
  }
  for (const refs of missing.values()) {
    const root = refs.find((p) => p.code === 'unknown_node') ?? refs[0]!;
    for (const p of refs) if (p !== root) cause.set(p, root);
  }

  // Steps nothing reaches because the steps before them are unreachable.
  const unreachable = new Map(problems.filter((p) => p.code === 'unreachable_node').map((p) => [idAt(nodeIndex(p.path))!, p]));
  for (const [id, problem] of unreachable) {
    const head = firstOf(graph, walk(graph, id, (n) => graph.incoming.get(n) ?? [], (n) => unreachable.has(n)), (n) => !(graph.incoming.get(n) ?? []).some((m) => unreachable.has(m)));
    if (head !== id) cause.set(problem, unreachable.get(head)!);
  }
  // A step nothing leads to at all, when an arrow leads to a step that does not exist under a
  // name like its own, was renamed or mistyped there: the wrong arrow is the one cause of both.
  const arrowsToNowhere = [...missing.entries()]
    .map(([id, refs]) => ({ id, root: refs.find((p) => p.code === 'unknown_node') }))
    .filter((m): m is { id: string; root: Problem } => m.root !== undefined);
  const orphans = [...unreachable].filter(([id]) => (graph.incoming.get(id) ?? []).length === 0);
  for (const [id, problem] of orphans) {
    const alike = arrowsToNowhere.filter((m) => resembles(m.id, id));
    const only = arrowsToNowhere.length === 1 && orphans.length === 1 ? arrowsToNowhere : [];
    const root = (alike.length === 1 ? alike : only)[0]?.root;
    if (root) cause.set(problem, root);
  }
  for (const p of problems) {
    const id = idAt(nodeIndex(p.path));
    const there = id === undefined ? undefined : unreachable.get(id);
    if (there && p !== there && !cause.has(p) && p.message.includes(NOT_EARLIER)) cause.set(p, there);
  }

  // Steps that cannot reach an end because the steps after them cannot.
  const stuck = new Map(problems.filter((p) => p.code === 'no_way_out').map((p) => [idAt(nodeIndex(p.path))!, p]));
  const toNowhere = (id: string) => {
    const node = graph.nodes.get(id);
    const edge = node ? outgoing(node).find((e) => !graph.nodes.has(e.to)) : undefined;
    return edge ? byKey.get(`unknown_node /nodes/${graph.indexOf.get(id)}${edge.via}`) : undefined;
  };
  for (const [id, problem] of stuck) {
    const ahead = walk(graph, id, (n) => { const node = graph.nodes.get(n); return node ? outgoing(node).map((e) => e.to) : []; }, (n) => stuck.has(n));
    const end = ahead.map(toNowhere).find((p) => p !== undefined);
    if (end) cause.set(problem, end);
    else {
      const first = firstOf(graph, ahead, () => true);
      if (first !== id) cause.set(problem, stuck.get(first)!);
    }
  }

  const rootOf = (p: Problem): Problem => {
    let current = p;
    for (let i = 0; i < 50 && cause.has(current); i += 1) current = cause.get(current)!;
    return current;
  };
  return problems.map((p) => {
    const root = cause.has(p) ? rootOf(p) : p;
    return root === p ? p : { ...p, cause: { code: root.code, path: root.path } };
  });
}

/** Every node from `start` along `next`, staying within `keep`, in the order found. */
function walk(graph: Graph, start: string, next: (id: string) => string[], keep: (id: string) => boolean): string[] {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i += 1) {
    for (const n of next(queue[i]!)) {
      if (!seen.has(n) && keep(n) && graph.nodes.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return queue;
}

/** The first in document order of `ids` that is `wanted`, else the first of them all. */
function firstOf(graph: Graph, ids: string[], wanted: (id: string) => boolean): string {
  const order = (id: string) => graph.indexOf.get(id) ?? Infinity;
  const sorted = [...ids].sort((a, b) => order(a) - order(b));
  return sorted.find(wanted) ?? sorted[0]!;
}

/** Whether two step ids look like one mistyped or renamed into the other: one contains the other, or they are a few edits apart. */
export function resembles(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length >= 3 && b.length >= 3 && (a.includes(b) || b.includes(a))) return true;
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4));
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
