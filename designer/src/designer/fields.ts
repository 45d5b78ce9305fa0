/**
 * The answers a node may read: the fields of the forms filled at nodes that come earlier on some
 * route (the engine's lint insists on earlier), as data paths `form.<node>.<field>` with their
 * labels, types and options (the engine's own `formFields`), plus the case's own dates.
 */
import type { Node, WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { formFields } from '../../../engine/forms/form-fields.ts';
import type { FieldOption } from '../../../engine/forms/schema-info.ts';
import { earlierNodes, nodesInRouteOrder } from './graph.ts';

export interface DataField {
  path: string;
  /** "Raise worries: Are there Child Protection concerns?" */
  label: string;
  group: string;
  type: string;
  isDate: boolean;
  options?: FieldOption[];
}

const CASE_DATES: DataField[] = [{ path: 'case.startedAt', label: 'When the case started', group: 'The case', type: 'string', isDate: true }];

function formOf(definition: WorkflowDefinition, node: Node) {
  if ((node.kind !== 'user_task' && node.kind !== 'start') || !node.form) return undefined;
  return Object.hasOwn(definition.forms ?? {}, node.form) ? definition.forms[node.form] : undefined;
}

/** Every field of the forms at these nodes, in route order. */
function fieldsAt(definition: WorkflowDefinition, nodes: Node[]): DataField[] {
  const out: DataField[] = [];
  for (const node of nodes) {
    const form = formOf(definition, node);
    if (!form) continue;
    for (const f of formFields(form).values()) {
      out.push({ path: `form.${node.id}.${f.name}`, label: f.label, group: node.name, type: f.type, isDate: f.isDate, ...(f.options ? { options: f.options } : {}) });
    }
  }
  return out;
}

/** Fields of forms filled before `nodeId` (and its own, with `includeSelf`, for its guards). */
export function earlierFields(definition: WorkflowDefinition, nodeId: string, options: { includeSelf?: boolean } = {}): DataField[] {
  const before = earlierNodes(definition, nodeId);
  if (options.includeSelf) before.add(nodeId);
  return [...CASE_DATES, ...fieldsAt(definition, nodesInRouteOrder(definition).filter((n) => before.has(n.id)))];
}

/** Dates a timescale can count from: earlier date fields, when earlier steps were done, when the case started. */
export function earlierDates(definition: WorkflowDefinition, nodeId: string): DataField[] {
  const before = nodesInRouteOrder(definition).filter((n) => earlierNodes(definition, nodeId).has(n.id));
  const done = before
    .filter((n) => n.kind === 'user_task')
    .map((n) => ({ path: `done.${n.id}`, label: `When “${n.name}” was done`, group: 'Steps done', type: 'string', isDate: true }));
  return [...earlierFields(definition, nodeId).filter((f) => f.isDate), ...done];
}

/** A readable name for a data path, falling back to the path itself. */
export function labelOfPath(fields: readonly DataField[], path: string): string {
  const f = fields.find((x) => x.path === path);
  return f ? (f.group === 'The case' ? f.label : `${f.label} (${f.group})`) : path;
}
