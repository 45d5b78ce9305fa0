/**
 * Where a problem is: the engine names it by JSON pointer into the definition (`/nodes/3/due`,
 * `/forms/marf/schema/properties/worries`); the designer turns that into the thing to open — a
 * node on the map, a field or a check in the form designer, or the roles, teams and outcomes.
 */
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';

export type ProblemTarget =
  | { type: 'node'; id: string; index: number; /** The rest of the pointer, inside the node. */ rest: string }
  | { type: 'form'; formId: string; field: string | null; /** A problem with one of the form's `checks`. */ check: number | null; rest: string }
  | { type: 'people'; section: 'roles' | 'teams' | 'mailboxes' | 'outcomes' }
  | { type: 'definition'; rest: string };

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The form field a pointer inside `/forms/<id>` is about, where it can tell. */
function formField(form: WorkflowDefinition['forms'][string], rest: string[]): string | null {
  if (rest[0] === 'schema' && rest[1] === 'properties' && rest[2]) return rest[2];
  if (rest[0] === 'schema' && rest[1] === 'required' && rest[2] !== undefined) {
    const required = form?.schema?.['required'];
    return Array.isArray(required) && typeof required[Number(rest[2])] === 'string' ? (required[Number(rest[2])] as string) : null;
  }
  if (rest[0] === 'layout' && rest[1] === 'sections' && rest[3] === 'fields' && rest[4] !== undefined) {
    const field = form?.layout?.sections?.[Number(rest[2])]?.fields?.[Number(rest[4])]?.field;
    return typeof field === 'string' ? field : null;
  }
  if (rest[0] === 'errorMessages' && rest[1]) return parsePointer(rest[1])[0] ?? null;
  return null;
}

export function targetOf(pointer: string, definition: WorkflowDefinition): ProblemTarget {
  const parts = parsePointer(pointer);
  const rest = (n: number) => (parts.length > n ? `/${parts.slice(n).map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '');
  if (parts[0] === 'nodes' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const index = Number(parts[1]);
    const node = Array.isArray(definition.nodes) ? definition.nodes[index] : undefined;
    if (node && typeof node.id === 'string') return { type: 'node', id: node.id, index, rest: rest(2) };
  }
  if (parts[0] === 'forms' && parts[1] !== undefined) {
    const form = definition.forms?.[parts[1]];
    const check = parts[2] === 'checks' && /^\d+$/.test(parts[3] ?? '') ? Number(parts[3]) : null;
    return { type: 'form', formId: parts[1], field: formField(form, parts.slice(2)), check, rest: rest(2) };
  }
  if (parts[0] === 'roles' || parts[0] === 'teams' || parts[0] === 'mailboxes' || parts[0] === 'outcomes') return { type: 'people', section: parts[0] };
  return { type: 'definition', rest: pointer };
}

/** Problems grouped by the node they are about, for the map's markers. */
export function problemsByNode<P extends { path: string }>(problems: readonly P[], definition: WorkflowDefinition): Map<string, P[]> {
  const out = new Map<string, P[]>();
  for (const p of problems) {
    const t = targetOf(p.path, definition);
    if (t.type === 'node') out.set(t.id, [...(out.get(t.id) ?? []), p]);
  }
  return out;
}

/** Form problems by form id, and the nodes that use each form, so a task with a broken form is marked too. */
export function problemsByForm<P extends { path: string }>(problems: readonly P[], definition: WorkflowDefinition): Map<string, P[]> {
  const out = new Map<string, P[]>();
  for (const p of problems) {
    const t = targetOf(p.path, definition);
    if (t.type === 'form') out.set(t.formId, [...(out.get(t.formId) ?? []), p]);
  }
  return out;
}
