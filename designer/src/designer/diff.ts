/**
 * The diff view's wording: changes grouped by what they are about (steps, timescales, forms,
 * teams, roles, the rest), each path read with names instead of ids where the draft knows them.
 */
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import type { ChangeCategory, DefinitionChange } from '../lib/api-types.ts';

export const CATEGORIES: ReadonlyArray<{ id: ChangeCategory; title: string }> = [
  { id: 'node', title: 'Steps' },
  { id: 'timescale', title: 'Timescales' },
  { id: 'form', title: 'Forms' },
  { id: 'team', title: 'Teams and trays' },
  { id: 'role', title: 'Roles' },
  { id: 'other', title: 'Everything else' },
];

export function groupChanges(changes: readonly DefinitionChange[]): Array<{ id: ChangeCategory; title: string; changes: DefinitionChange[] }> {
  return CATEGORIES.map((c) => ({ ...c, changes: changes.filter((x) => x.category === c.id) })).filter((g) => g.changes.length > 0);
}

const WORDS: Record<string, string> = {
  due: 'due', after: 'after', before: 'before', amount: 'amount', unit: 'unit', availableFrom: 'available from', wait: 'wait',
  escalations: 'escalation', nextActions: 'next action', assignee: 'assignee', branches: 'branch', properties: 'question',
};

/** `/nodes/asm_screen/due/after/amount` → `Screen the step down referral › due › after › amount`. */
export function describePath(path: string, definition: WorkflowDefinition | null): string {
  const parts = path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const names = new Map<string, string>();
  if (parts[0] === 'nodes') for (const n of definition?.nodes ?? []) names.set(n.id, n.name);
  if (parts[0] === 'forms') for (const [id, f] of Object.entries(definition?.forms ?? {})) names.set(id, f?.title ?? id);
  const head = parts[0] === 'nodes' ? 'Step' : parts[0] === 'forms' ? 'Form' : (parts[0] ?? '');
  const [, id, ...rest] = parts;
  const named = id === undefined ? head : `${head} “${names.get(id) ?? id}”`;
  return [named, ...rest.map((p) => WORDS[p] ?? p)].join(' › ');
}

/** A value for the before/after columns: plain for short values, JSON otherwise. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'object' && value !== null && 'amount' in value && 'unit' in value) {
    const d = value as { amount: number; unit: string };
    return `${d.amount} ${d.unit.replace('_', ' ')}`;
  }
  return JSON.stringify(value, null, 1);
}
