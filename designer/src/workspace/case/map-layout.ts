/**
 * Lays out a protocol map for the case page. No graph layout library is installed (neither
 * @dagrejs/dagre nor elkjs), so this is the simplest layout that reads well and never moves:
 * each node's column is its distance in arrows from the nearest start (breadth first), and
 * within a column nodes are ordered by where their predecessors sit (one barycentre pass), then
 * by their order in the definition. Same definition in, same picture out.
 */
export type NodeState = 'active' | 'done' | 'not_reached';

export interface MapNode {
  id: string;
  kind: string;
  name: string;
  stage: string | null;
  state: NodeState;
}

export interface MapEdge {
  from: string;
  to: string;
  label?: string;
}

export interface PlacedNode extends MapNode {
  column: number;
  row: number;
  x: number;
  y: number;
}

export interface PlacedEdge extends MapEdge {
  /** SVG path from the source's right edge to the target's left edge. */
  path: string;
  /** Both ends reached: the case came this way (or is on its way). */
  taken: boolean;
}

export interface MapLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 176;
export const NODE_HEIGHT = 64;
const GAP_X = 56;
/** From one column's left edge to the next's. */
export const COLUMN_STEP = NODE_WIDTH + GAP_X;
const GAP_Y = 20;
const MARGIN = 12;

/** Breadth-first distance from the starts; nodes no arrow reaches go one column past the last. */
export function columnsOf(nodes: readonly MapNode[], edges: readonly MapEdge[]): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const starts = nodes.filter((n) => n.kind === 'start').map((n) => n.id);
  const queue = starts.length > 0 ? starts : nodes.slice(0, 1).map((n) => n.id);
  const column = new Map(queue.map((id) => [id, 0]));
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const to of next.get(at) ?? []) {
      if (column.has(to)) continue;
      column.set(to, column.get(at)! + 1);
      queue.push(to);
    }
  }
  const last = Math.max(-1, ...column.values());
  for (const n of nodes) if (!column.has(n.id)) column.set(n.id, last + 1);
  return column;
}

export function layoutMap(nodes: readonly MapNode[], edges: readonly MapEdge[]): MapLayout {
  const known = new Set(nodes.map((n) => n.id));
  const usable = edges.filter((e) => known.has(e.from) && known.has(e.to));
  const column = columnsOf(nodes, usable);
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const previous = new Map<string, string[]>();
  for (const e of usable) previous.set(e.to, [...(previous.get(e.to) ?? []), e.from]);

  const columns: MapNode[][] = [];
  for (const n of nodes) (columns[column.get(n.id)!] ??= []).push(n);
  const row = new Map<string, number>();
  for (const list of columns) {
    if (!list) continue;
    const weight = (n: MapNode) => {
      const rows = (previous.get(n.id) ?? []).map((p) => row.get(p)).filter((r): r is number => r !== undefined);
      return rows.length > 0 ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.POSITIVE_INFINITY;
    };
    const weights = new Map(list.map((n) => [n.id, weight(n)]));
    list.sort((a, b) => weights.get(a.id)! - weights.get(b.id)! || order.get(a.id)! - order.get(b.id)!);
    list.forEach((n, i) => row.set(n.id, i));
  }

  const placed: PlacedNode[] = nodes.map((n) => {
    const c = column.get(n.id)!;
    const r = row.get(n.id)!;
    return { ...n, column: c, row: r, x: MARGIN + c * (NODE_WIDTH + GAP_X), y: MARGIN + r * (NODE_HEIGHT + GAP_Y) };
  });
  const byId = new Map(placed.map((n) => [n.id, n]));
  const placedEdges: PlacedEdge[] = usable.map((e) => {
    const a = byId.get(e.from)!;
    const b = byId.get(e.to)!;
    return { ...e, path: edgePath(a, b), taken: a.state !== 'not_reached' && b.state !== 'not_reached' };
  });
  const columnsUsed = Math.max(1, ...placed.map((n) => n.column + 1));
  const rowsUsed = Math.max(1, ...placed.map((n) => n.row + 1));
  return {
    nodes: placed,
    edges: placedEdges,
    width: 2 * MARGIN + columnsUsed * NODE_WIDTH + (columnsUsed - 1) * GAP_X,
    height: 2 * MARGIN + rowsUsed * NODE_HEIGHT + (rowsUsed - 1) * GAP_Y,
  };
}

/** A curve from right edge to left edge; arrows going back (loops) bow out beyond both nodes. */
function edgePath(a: PlacedNode, b: PlacedNode): string {
  const x1 = a.x + NODE_WIDTH;
  const y1 = a.y + NODE_HEIGHT / 2;
  const x2 = b.x;
  const y2 = b.y + NODE_HEIGHT / 2;
  const bow = x2 > x1 ? Math.max(24, (x2 - x1) / 2) : GAP_X + NODE_WIDTH / 2;
  return `M${x1},${y1} C${x1 + bow},${y1} ${x2 - bow},${y2} ${x2},${y2}`;
}

/** A name broken into lines of about `width` characters, at most `max` lines (the last cut with …). */
export function wrapLabel(text: string, width = 24, max = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  const kept = lines.slice(0, max);
  const tail = kept[max - 1]!;
  kept[max - 1] = `${tail.length > width - 1 ? tail.slice(0, width - 1) : tail}…`;
  return kept;
}

/** The protocol's stages in map order, each with its steps and how far the case has got. */
export interface StageGroup {
  name: string;
  state: NodeState;
  nodes: PlacedNode[];
}

export function stagesOf(layout: MapLayout): StageGroup[] {
  const inOrder = [...layout.nodes].sort((a, b) => a.column - b.column || a.row - b.row);
  const groups = new Map<string, PlacedNode[]>();
  for (const n of inOrder) {
    const name = n.stage ?? 'Other steps';
    groups.set(name, [...(groups.get(name) ?? []), n]);
  }
  return [...groups].map(([name, list]) => ({
    name,
    nodes: list,
    state: list.some((n) => n.state === 'active') ? 'active' : list.some((n) => n.state === 'done') ? 'done' : 'not_reached',
  }));
}
