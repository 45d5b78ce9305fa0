/**
 * Adding, connecting and deleting nodes, as pure functions from one draft to the next. Only the
 * node that changes is copied; every other node keeps its identity, so the map redraws just it.
 * A new node has only what the admin has not had to choose yet left out: the draft is saved with
 * those gaps, and the engine's problems ("is missing outcome") say what is still to do.
 */
import type { Node, WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { arrowsOf, type Arrow } from './graph.ts';
import { kindInfo, type Kind } from './kinds.ts';

export type Loose = Record<string, unknown>;
export interface LocalProblem { code: string; path: string; message: string }

/** A lower-case id from a name: "MASH decision" → `mash_decision`. */
export function slug(name: string, fallback = 'node'): string {
  const s = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60);
  return /^[a-z]/.test(s) ? s : `${fallback}${s ? `_${s}` : ''}`;
}

/** `base`, or `base_2`, `base_3`... whichever is not taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

const nodeList = (d: WorkflowDefinition): Node[] => (Array.isArray(d.nodes) ? d.nodes : []);

/** A fresh node of a kind: an id unique in the draft, a name saying what it is, nothing else guessed. */
export function newNode(kind: Kind, definition: WorkflowDefinition, position?: { x: number; y: number }): Node {
  const label = kindInfo(kind).label;
  const id = uniqueId(slug(`new ${label}`), nodeList(definition).map((n) => n.id));
  const base: Loose = { id, kind, name: `New ${label.toLowerCase()}`, ...(position ? { position: rounded(position) } : {}) };
  const extra: Partial<Record<Kind, Loose>> = {
    user_task: { nextActions: [] },
    decision: { branches: [] },
    parallel: { branches: [] },
    notification: { to: [], subject: '', body: '' },
    subflow: { definition: definition.id },
  };
  return { ...base, ...(extra[kind] ?? {}) } as unknown as Node;
}

export const rounded = (p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(p.y) });

export function addNode(definition: WorkflowDefinition, node: Node): WorkflowDefinition {
  return { ...definition, nodes: [...nodeList(definition), node] as unknown as WorkflowDefinition['nodes'] };
}

/** Replaces one node (by id) with `recipe` applied to a copy of it. */
export function editNode(definition: WorkflowDefinition, id: string, recipe: (node: Loose) => void): WorkflowDefinition {
  return {
    ...definition,
    nodes: nodeList(definition).map((n) => {
      if (n.id !== id) return n;
      const copy = structuredClone(n) as unknown as Loose;
      recipe(copy);
      return copy as unknown as Node;
    }) as WorkflowDefinition['nodes'],
  };
}

/** Renames a node's id and every arrow, `performerOf` and `separateFrom` that pointed at it. */
export function renameNode(definition: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  const json = JSON.stringify(nodeList(definition));
  if (from === to) return definition;
  const nodes = JSON.parse(json, (key, value) => {
    if (value === from && ['to', 'next', 'default', 'performerOf', 'passedToAt', 'entry'].includes(key)) return to;
    return value;
  }) as Node[];
  for (const n of nodes) {
    if (n.id === from) n.id = to;
    if (n.kind === 'parallel' && Array.isArray(n.branches)) n.branches = n.branches.map((b) => (b === from ? to : b)) as typeof n.branches;
    if (n.kind === 'user_task' && Array.isArray(n.separateFrom)) n.separateFrom = n.separateFrom.map((s) => (s === from ? to : s)) as typeof n.separateFrom;
  }
  return { ...definition, nodes: nodes as WorkflowDefinition['nodes'] };
}

/**
 * Deletes the node and leaves whatever pointed at it pointing nowhere, on purpose: the admin sees
 * each such reference as a problem and decides where it should lead now.
 */
export function deleteNode(definition: WorkflowDefinition, id: string): { definition: WorkflowDefinition; dangling: LocalProblem[] } {
  const next = { ...definition, nodes: nodeList(definition).filter((n) => n.id !== id) as WorkflowDefinition['nodes'] };
  return { definition: next, dangling: danglingReferences(next).filter((p) => p.message.includes(`"${id}"`)) };
}

/** Arrows, "whoever did" and "someone other than" references to nodes that do not exist. */
export function danglingReferences(definition: WorkflowDefinition): LocalProblem[] {
  const nodes = nodeList(definition);
  const ids = new Set(nodes.map((n) => n.id));
  const problems: LocalProblem[] = [];
  nodes.forEach((node, i) => {
    for (const a of arrowsOf(node)) {
      if (!ids.has(a.to)) problems.push({ code: 'unknown_node', path: `/nodes/${i}${a.via}`, message: `"${node.name}" leads to "${a.to}", but there is no such node.` });
    }
    walk(node, `/nodes/${i}`, (key, value, path) => {
      if ((key === 'performerOf' || key === 'passedToAt') && typeof value === 'string' && !ids.has(value)) {
        problems.push({ code: 'unknown_node', path, message: `"${node.name}" refers to "${value}", but there is no such node.` });
      }
      if (key === 'separateFrom' && Array.isArray(value)) {
        value.forEach((other, j) => {
          if (typeof other === 'string' && !ids.has(other)) problems.push({ code: 'unknown_node', path: `${path}/${j}`, message: `"${node.name}" is kept apart from "${other}", but there is no such node.` });
        });
      }
    });
  });
  return problems;
}

function walk(value: unknown, path: string, visit: (key: string, value: unknown, path: string) => void): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const at = `${path}/${key}`;
    visit(key, child, at);
    walk(child, at, visit);
  }
}

/**
 * Draws an arrow from `from` to `to`, as the kind allows: sets `next` (start, timer, join,
 * notification, subflow), adds a next action (user task) or a parallel branch, or for a decision
 * sets the default first and then adds branches, whose rule is left for the admin to write.
 */
export function connect(definition: WorkflowDefinition, from: string, to: string): { definition: WorkflowDefinition; arrow: Arrow } | { error: string } {
  const source = nodeList(definition).find((n) => n.id === from);
  const target = nodeList(definition).find((n) => n.id === to);
  if (!source || !target) return { error: 'Choose two nodes to connect.' };
  if (source.kind === 'end') return { error: 'An end node leads nowhere: connect from another node.' };
  if (target.kind === 'start') return { error: 'Nothing leads into a start node: it is a way in.' };
  if (arrowsOf(source).some((a) => a.to === to) && source.kind !== 'user_task' && source.kind !== 'decision') return { error: `"${source.name}" already leads to "${target.name}".` };
  let via = '/next';
  const next = editNode(definition, from, (n) => {
    if (source.kind === 'user_task') {
      const actions = Array.isArray(n['nextActions']) ? (n['nextActions'] as Loose[]) : [];
      const id = uniqueId(slug(`to ${target.name}`, 'action'), actions.map((a) => String(a['id'])));
      via = `/nextActions/${actions.length}/to`;
      n['nextActions'] = [...actions, { id, label: target.name, to }];
    } else if (source.kind === 'decision') {
      const branches = Array.isArray(n['branches']) ? (n['branches'] as Loose[]) : [];
      if (n['default'] === undefined) {
        via = '/default';
        n['default'] = to;
      } else {
        via = `/branches/${branches.length}/to`;
        n['branches'] = [...branches, { label: target.name, to }];
      }
    } else if (source.kind === 'parallel') {
      const branches = Array.isArray(n['branches']) ? (n['branches'] as string[]) : [];
      via = `/branches/${branches.length}`;
      n['branches'] = [...branches, to];
    } else {
      n['next'] = to;
    }
  });
  return { definition: next, arrow: { from, to, via } };
}

/** Removes the arrow at `via` of node `from`: the next action, branch or `next` goes. */
export function disconnect(definition: WorkflowDefinition, from: string, via: string): WorkflowDefinition {
  return editNode(definition, from, (n) => {
    const m = /^\/(nextActions|branches)\/(\d+)(\/to)?$/.exec(via);
    if (m) {
      const items = Array.isArray(n[m[1]!]) ? [...(n[m[1]!] as unknown[])] : [];
      items.splice(Number(m[2]), 1);
      n[m[1]!] = items;
    } else if (via === '/next' || via === '/default') {
      delete n[via.slice(1)];
    }
  });
}

/** Points the arrow at `via` of node `from` somewhere else (the property panel's target select). */
export function retarget(definition: WorkflowDefinition, from: string, via: string, to: string): WorkflowDefinition {
  return editNode(definition, from, (n) => {
    const parts = via.split('/').slice(1);
    let at: Loose | unknown[] = n;
    for (const p of parts.slice(0, -1)) at = (at as Loose)[p] as Loose;
    const last = parts[parts.length - 1]!;
    if (Array.isArray(at)) {
      if (to === '') at.splice(Number(last), 1);
      else at[Number(last)] = to;
    } else if (to === '') delete (at as Loose)[last];
    else (at as Loose)[last] = to;
  });
}
