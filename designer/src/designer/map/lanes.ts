/**
 * The map arranged by stage: every step sits in the box of its stage (`node.stage`, which all four
 * authorities' definitions give every step; roles and teams are not, since half the tasks are
 * done by "whoever did" an earlier step or "whoever it was passed to"). Stages come in the order
 * a case meets them, and a stage's steps run down its columns in route order.
 *
 * The boxes are packed in shelves, trying every column height and shelf width and keeping the
 * arrangement whose fitted zoom on a canvas of the given shape is largest: a long protocol is
 * laid out to be read on a wide screen, not as one tall column at zoom 0.19.
 */
import type { Node, WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { arrowsOf, nodesInRouteOrder } from '../graph.ts';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from '../layout.ts';

export const NO_STAGE = 'No stage';
/** A step's cell, with the gaps between steps. */
export const CELL = { width: NODE_WIDTH + 40, height: NODE_HEIGHT + 34 };
/** Room above a stage's steps for its name, large enough to read when the map is zoomed out. */
export const LANE_HEAD = 84;
const PAD = 20;
const GAP = 40;

export interface Lane {
  stage: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Step ids in the lane, in route order, down each column in turn. */
  steps: string[];
  rows: number;
}

export interface LaneLayout {
  positions: Map<string, Point>;
  lanes: Lane[];
  width: number;
  height: number;
}

export const stageOf = (node: Node): string => (typeof node.stage === 'string' && node.stage.trim() ? node.stage.trim() : NO_STAGE);

/** Whether arranging by stage means anything: some step names a stage. */
export function hasStages(definition: WorkflowDefinition): boolean {
  return (Array.isArray(definition.nodes) ? definition.nodes : []).some((n) => stageOf(n) !== NO_STAGE);
}

/** How many arrows from the nearest start each step is (unreached steps: none). */
function depths(definition: WorkflowDefinition): Map<string, number> {
  const nodes = Array.isArray(definition.nodes) ? definition.nodes : [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  let level = nodes.filter((n) => n.kind === 'start').map((n) => n.id);
  for (let d = 0; level.length > 0; d++) {
    const next: string[] = [];
    for (const id of level) {
      if (depth.has(id) || !byId.has(id)) continue;
      depth.set(id, d);
      next.push(...arrowsOf(byId.get(id)!).map((a) => a.to));
    }
    level = next;
  }
  return depth;
}

/**
 * Stages in the order a case usually meets them (by the median distance of their steps from a
 * start, so "Closed", whose ends are met all along the route, comes late and not where its first
 * early end is), each with its steps in route order.
 */
export function stagesInOrder(definition: WorkflowDefinition): Array<{ stage: string; steps: Node[] }> {
  const groups = new Map<string, Node[]>();
  for (const n of nodesInRouteOrder(definition)) {
    const s = stageOf(n);
    groups.set(s, [...(groups.get(s) ?? []), n]);
  }
  const depth = depths(definition);
  const median = (steps: Node[]) => {
    const ds = steps.map((n) => depth.get(n.id) ?? Infinity).sort((a, b) => a - b);
    return ds[Math.floor((ds.length - 1) / 2)]!;
  };
  // A stable sort: stages at the same distance keep the order the route first reaches them.
  return [...groups].map(([stage, steps]) => ({ stage, steps, at: median(steps) })).sort((a, b) => a.at - b.at).map(({ stage, steps }) => ({ stage, steps }));
}

interface Block { stage: string; steps: string[]; columns: number; rows: number }

function pack(blocks: Block[], maxColumns: number): { lanes: Lane[]; width: number; height: number } {
  const lanes: Lane[] = [];
  let x = 0;
  let y = 0;
  let shelfColumns = 0;
  let shelfHeight = 0;
  let width = 0;
  for (const b of blocks) {
    if (shelfColumns > 0 && shelfColumns + b.columns > maxColumns) {
      y += shelfHeight + GAP;
      x = 0;
      shelfColumns = 0;
      shelfHeight = 0;
    }
    const lane = { stage: b.stage, x, y, width: b.columns * CELL.width + 2 * PAD - (CELL.width - NODE_WIDTH), height: LANE_HEAD + b.rows * CELL.height + PAD - (CELL.height - NODE_HEIGHT), steps: b.steps, rows: b.rows };
    lanes.push(lane);
    x += lane.width + GAP;
    width = Math.max(width, x - GAP);
    shelfColumns += b.columns;
    shelfHeight = Math.max(shelfHeight, lane.height);
  }
  return { lanes, width, height: y + shelfHeight };
}

let memo: { key: string; layout: LaneLayout } | undefined;

/** Lanes and top-left corners for every step, for a canvas `aspect` times as wide as it is tall. */
export function laneLayout(definition: WorkflowDefinition, aspect = 2): LaneLayout {
  const stages = stagesInOrder(definition);
  // Only the stages and the order of their steps place anything: a renamed step keeps its place.
  const key = JSON.stringify([aspect, stages.map((s) => [s.stage, s.steps.map((n) => n.id)])]);
  if (memo?.key === key) return memo.layout;
  let best: { lanes: Lane[]; width: number; height: number; zoom: number } | undefined;
  const tallest = Math.max(1, ...stages.map((s) => s.steps.length));
  for (let rows = 1; rows <= tallest; rows++) {
    const blocks = stages.map((s) => {
      const columns = Math.ceil(s.steps.length / rows);
      return { stage: s.stage, steps: s.steps.map((n) => n.id), columns, rows: Math.ceil(s.steps.length / columns) };
    });
    const total = blocks.reduce((n, b) => n + b.columns, 0);
    for (let maxColumns = Math.max(...blocks.map((b) => b.columns)); maxColumns <= total; maxColumns++) {
      const packed = pack(blocks, maxColumns);
      // The zoom at which it fits a canvas 1000 units tall and `aspect` times as wide.
      const byWidth = (1000 * aspect) / Math.max(packed.width, 1);
      const zoom = Math.min(byWidth, 1000 / Math.max(packed.height, 1));
      if (!best || zoom > best.zoom + 1e-9) best = { ...packed, zoom };
      // Wider shelves only make it wider: once the width decides the zoom, no wider one does better.
      if (byWidth <= 1000 / Math.max(packed.height, 1)) break;
    }
  }
  const positions = new Map<string, Point>();
  for (const lane of best?.lanes ?? []) {
    lane.steps.forEach((id, i) => positions.set(id, { x: lane.x + PAD + Math.floor(i / lane.rows) * CELL.width, y: lane.y + LANE_HEAD + (i % lane.rows) * CELL.height }));
  }
  const layout = { positions, lanes: best?.lanes ?? [], width: best?.width ?? 0, height: best?.height ?? 0 };
  memo = { key, layout };
  return layout;
}
