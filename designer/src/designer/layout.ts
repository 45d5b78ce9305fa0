/**
 * Where each node sits on the map: where the admin put it (`position`, saved in the draft), else
 * where dagre lays it out, top to bottom. Dagre runs again only when the arrows change, so typing
 * a node's name does not reshuffle the map.
 */
import dagre from '@dagrejs/dagre';
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { allArrows } from './graph.ts';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 76;

export type Point = { x: number; y: number };

let memo: { key: string; positions: Map<string, Point> } | undefined;

/** Top-left corners from a dagre layout of the whole graph (ignoring stored positions). */
export function autoLayout(definition: WorkflowDefinition): Map<string, Point> {
  const nodes = Array.isArray(definition.nodes) ? definition.nodes : [];
  const ids = new Set(nodes.map((n) => n.id));
  const arrows = allArrows(definition).filter((a) => ids.has(a.to));
  const key = JSON.stringify([nodes.map((n) => n.id), arrows.map((a) => [a.from, a.to])]);
  if (memo?.key === key) return memo.positions;
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  arrows.forEach((a, i) => g.setEdge(a.from, a.to, {}, String(i)));
  dagre.layout(g);
  const positions = new Map<string, Point>();
  for (const n of nodes) {
    const p = g.node(n.id);
    positions.set(n.id, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) });
  }
  memo = { key, positions };
  return positions;
}

/** Each node's place: its saved `position`, else the automatic layout's. */
export function positionsOf(definition: WorkflowDefinition): Map<string, Point> {
  const nodes = Array.isArray(definition.nodes) ? definition.nodes : [];
  const needsLayout = nodes.some((n) => !n.position);
  const auto = needsLayout ? autoLayout(definition) : new Map<string, Point>();
  return new Map(nodes.map((n) => [n.id, n.position ?? auto.get(n.id) ?? { x: 0, y: 0 }]));
}

/** A free spot for a new node: under `below` if given, else under the lowest node. */
export function placeForNew(definition: WorkflowDefinition, below?: string): Point {
  const positions = positionsOf(definition);
  const anchor = below ? positions.get(below) : undefined;
  const base = anchor ?? { x: 20, y: Math.max(-NODE_HEIGHT, ...[...positions.values()].map((p) => p.y)) };
  let spot = { x: base.x, y: base.y + NODE_HEIGHT + 60 };
  const taken = (p: Point) => [...positions.values()].some((q) => Math.abs(q.x - p.x) < NODE_WIDTH && Math.abs(q.y - p.y) < NODE_HEIGHT);
  while (taken(spot)) spot = { x: spot.x + NODE_WIDTH + 40, y: spot.y };
  return spot;
}
