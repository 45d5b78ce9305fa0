/**
 * The protocol as a list: stages in the order the route reaches them, each with its steps in
 * route order, and each step with its ways out (where it leads, by which next action or branch).
 * The map's keyboard route and its text alternative (designer/src/designer/map/OutlineView.svelte).
 */
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { arrowsOf } from '../graph.ts';
import { stagesInOrder } from './lanes.ts';

export interface WayOut {
  to: string;
  /** The target step's name, or what is wrong with it. */
  toName: string;
  /** The next action's or branch's label; none for a plain "then". */
  label?: string;
  missing: boolean;
}

export interface OutlineStep {
  id: string;
  name: string;
  kind: string;
  waysOut: WayOut[];
}

export interface OutlineStage {
  stage: string;
  steps: OutlineStep[];
}

export function outline(definition: WorkflowDefinition): OutlineStage[] {
  const names = new Map((Array.isArray(definition.nodes) ? definition.nodes : []).map((n) => [n.id, n.name]));
  return stagesInOrder(definition).map(({ stage, steps }) => ({
    stage,
    steps: steps.map((n) => ({
      id: n.id,
      name: n.name || n.id,
      kind: n.kind,
      waysOut: arrowsOf(n).map((a) => {
        const missing = !names.has(a.to);
        return { to: a.to, toName: missing ? `“${a.to}”, which does not exist` : names.get(a.to) || a.to, ...(a.label ? { label: a.label } : {}), missing };
      }),
    })),
  }));
}

/** Steps whose name holds every word typed, in route order (for finding a step by name). */
export function findSteps(definition: WorkflowDefinition, text: string, limit = 12): Array<{ id: string; name: string; stage: string }> {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found: Array<{ id: string; name: string; stage: string }> = [];
  for (const { stage, steps } of stagesInOrder(definition)) {
    for (const n of steps) {
      const name = (n.name || n.id).toLowerCase();
      if (words.every((w) => name.includes(w))) found.push({ id: n.id, name: n.name || n.id, stage });
    }
  }
  // Names that start with what was typed come first; route order otherwise.
  const first = words.join(' ');
  return [...found.filter((f) => f.name.toLowerCase().startsWith(first)), ...found.filter((f) => !f.name.toLowerCase().startsWith(first))].slice(0, limit);
}
