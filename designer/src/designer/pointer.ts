/**
 * Where a problem is: the engine names it by JSON pointer into the definition (`/nodes/3/due`,
 * `/forms/marf/schema/properties/worries`); the designer turns that into the thing to open — a
 * node on the map, a field or a check in the form designer, or the roles, teams and outcomes.
 */
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import type { DefinitionProblem } from '../lib/api-types.ts';

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

/**
 * The pointer of the control that edits `rest` (a pointer inside a node), where the property
 * panel's pickers name their parts apart from the definition's shape: a timescale picker edits
 * `/due/after/amount` in its "Amount" box (`/due/amount`), a window's `/due/window/latest/amount`
 * in "To" (`/due/latest`), a weekly slot's `/due/nextSlot/start` in "At" (`/due/start`).
 * `controlId` builds element ids from it, so a problem opens the box that fixes it.
 */
export function controlPointer(rest: string): string {
  const when = /^((?:\/due(?:\/choose\/\d+\/then|\/otherwise)?)|\/availableFrom|\/wait)(\/.*)$/.exec(rest);
  if (!when) return rest;
  const [, base, inner] = when as unknown as [string, string, string];
  const parts: Array<[RegExp, string]> = [
    [/^\/(after|before)\/(amount|unit)$/, '/$2'],
    [/^\/(after|before)$/, '/amount'],
    [/^\/window\/(earliest|latest)(\/amount)?$/, '/$1'],
    [/^\/window\/(earliest|latest)\/unit$/, '/window-unit'],
    [/^\/nextSlot\/days(\/\d+)?$/, '/day'],
    [/^\/nextSlot\/(start|end)$/, '/$1'],
    [/^\/nextSlot\/workingDaysOnly$/, '/working'],
    [/^\/from(\/\d+)?$/, '/from'],
    [/^\/(at|nextSlot|window)$/, '/mode'],
  ];
  for (const [pattern, to] of parts) if (pattern.test(inner)) return base + inner.replace(pattern, to);
  return rest;
}

/**
 * Problems under their root cause, roots in the engine's order, each root's knock-ons after it.
 * A knock-on whose root is not in the list (it should be) stands as a root of its own.
 */
export function groupByCause<P extends DefinitionProblem>(problems: readonly P[]): Array<{ root: P; knockOns: P[] }> {
  const key = (p: { code: string; path: string }) => `${p.code} ${p.path}`;
  const roots = new Map<string, { root: P; knockOns: P[] }>();
  const groups: Array<{ root: P; knockOns: P[] }> = [];
  const present = new Set(problems.filter((p) => !p.cause).map(key));
  for (const p of problems) {
    if (p.cause && present.has(key(p.cause))) continue;
    const group = { root: p, knockOns: [] as P[] };
    groups.push(group);
    if (!roots.has(key(p))) roots.set(key(p), group);
  }
  for (const p of problems) if (p.cause && present.has(key(p.cause))) roots.get(key(p.cause))!.knockOns.push(p);
  return groups;
}
