/**
 * What changed between two versions of a definition, for the designer's side-by-side view and
 * the API: nodes, forms, teams and timescales added, removed or changed, down to the value.
 * Lists whose items have ids (nodes, roles, teams, next actions...) are matched by id, so moving
 * a node in the list is not reported as every node changing. `describeChanges` (describe.ts)
 * words these changes in plain English for people to read.
 */
import type { WorkflowDefinition } from '../schema/definition.types.ts';

export interface Change {
  /** Path with ids in place of list positions: `/nodes/screen/due/after/amount`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** What the change is about, for grouping in the diff view. */
  category: 'node' | 'timescale' | 'form' | 'team' | 'role' | 'other';
  before?: unknown;
  after?: unknown;
}

const TIMESCALE_KEYS = new Set(['due', 'availableFrom', 'wait', 'escalations']);
/** Editor-only placement is not a change to the protocol. */
const IGNORED = new Set(['position']);

export function diffDefinitions(before: WorkflowDefinition, after: WorkflowDefinition): Change[] {
  const changes: Change[] = [];
  walk(withoutVersion(before), withoutVersion(after), [], changes);
  return changes;
}

function withoutVersion(definition: WorkflowDefinition): Record<string, unknown> {
  const { version: _version, ...rest } = definition;
  return rest;
}

function walk(a: unknown, b: unknown, path: string[], out: Change[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return void out.push(change(path, 'added', undefined, b));
  if (b === undefined) return void out.push(change(path, 'removed', a, undefined));
  if (Array.isArray(a) && Array.isArray(b)) return walkArrays(a, b, path, out);
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!IGNORED.has(key)) walk(a[key], b[key], [...path, key], out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(change(path, 'changed', a, b));
}

function walkArrays(a: unknown[], b: unknown[], path: string[], out: Change[]): void {
  const keyed = [...a, ...b].every((item) => isObject(item) && typeof item.id === 'string');
  if (!keyed) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(change(path, 'changed', a, b));
    return;
  }
  const byId = (list: unknown[]) => new Map(list.map((item) => [(item as { id: string }).id, item]));
  const left = byId(a);
  const right = byId(b);
  for (const id of new Set([...left.keys(), ...right.keys()])) walk(left.get(id), right.get(id), [...path, id], out);
}

function change(path: string[], kind: Change['kind'], before: unknown, after: unknown): Change {
  return {
    path: '/' + path.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/'),
    kind,
    category: categoryOf(path),
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}

function categoryOf(path: string[]): Change['category'] {
  const [top] = path;
  if (top === 'nodes') return path.slice(2).some((s) => TIMESCALE_KEYS.has(s)) ? 'timescale' : 'node';
  if (top === 'forms') return 'form';
  if (top === 'teams') return 'team';
  if (top === 'roles') return 'role';
  return 'other';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
