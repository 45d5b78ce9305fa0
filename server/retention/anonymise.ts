/**
 * A closed case with the family taken out: what `anonymise` leaves once a case's retention ends.
 * Pure: the store commits the result as one more version of the case (store.ts, `anonymiseCase`).
 *
 * Replaced: the family name, each child's name, date of birth and case-system id, every answer
 * the form's schema does not restrict to fixed choices or dates (free text, names, addresses,
 * phone numbers), task notes, and every timeline detail that is not an id, a code, a count or
 * a date. Kept, for statistics and the census: the case's shape (which steps ran, when, who of
 * the staff did them), its outcome and closure reasons (CIN census codes), chosen options,
 * numbers, yes/no answers and dates other than dates of birth.
 */
import type { CaseState, Task, WorkflowDefinition } from '../../engine/index.ts';

/** What replaces a removed answer or name. */
export const REMOVED = '[removed]';
export const ANONYMISED_FAMILY = 'Anonymised family';

type Schema = Record<string, unknown>;

/** Timeline details that are ids, codes, counts or dates, kept as they are. Any other detail is replaced. */
const KEPT_HISTORY = new Set([
  'at', 'type', 'node', 'task', 'by', 'actions', 'overdue', 'outcome', 'due', 'dueAt', 'fireAt', 'level', 'timer', 'notification',
  'to', 'from', 'branch', 'child', 'definition', 'tasks', 'arrived', 'of', 'role', 'children', 'previous', 'missing', 'id', 'closureReason',
]);

/** A question about a date of birth, by its data name. */
const BIRTH = /birth|^dob$/i;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The case as it is kept after its retention ends; `definition` gives each form's schema. */
export function anonymiseCase(state: CaseState, definition: WorkflowDefinition | null, at: string): CaseState {
  const formOfNode = new Map<string, string>();
  for (const node of definition?.nodes ?? []) {
    const form = (node as { form?: string }).form;
    if (form) formOfNode.set(node.id, form);
  }
  const schemaOf = (formId: string | undefined): Schema | undefined => (formId ? (definition?.forms[formId]?.schema as Schema | undefined) : undefined);
  const answers = (data: Record<string, unknown>, formId: string | undefined) => scrub(data, schemaOf(formId)) as Record<string, unknown>;

  const tasks = Object.fromEntries(Object.entries(state.tasks).map(([id, task]): [string, Task] => {
    const formId = task.form ?? formOfNode.get(task.node);
    const copy: Task = { ...task };
    if (copy.answers) copy.answers = answers(copy.answers, formId);
    if (copy.prefill) copy.prefill = answers(copy.prefill, formId);
    if (copy.proposal) copy.proposal = { ...copy.proposal, answers: answers(copy.proposal.answers, formId) };
    if (copy.note !== undefined) copy.note = REMOVED;
    return [id, copy];
  }));

  return {
    ...state,
    updatedAt: at,
    version: state.version + 1,
    subject: {
      familyName: ANONYMISED_FAMILY,
      children: state.subject.children.map((_, index) => ({ name: `Child ${index + 1}` })),
    },
    form: Object.fromEntries(Object.entries(state.form).map(([node, data]) => [node, answers(data, formOfNode.get(node))])),
    tasks,
    history: state.history.map((entry) => Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, KEPT_HISTORY.has(key) ? value : REMOVED])) as typeof entry),
  };
}

/** An answer with everything the schema does not restrict to choices, numbers, yes/no or dates replaced. */
function scrub(value: unknown, schema: Schema | undefined, key = ''): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, schema?.items as Schema | undefined));
  if (typeof value === 'object') {
    const properties = (schema?.properties ?? {}) as Record<string, Schema>;
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, scrub(item, properties[key], key)]));
  }
  if (typeof value === 'string') return keepsString(value, schema) && !BIRTH.test(key) ? value : REMOVED;
  return REMOVED;
}

/** A fixed choice (enum, const, oneOf of consts) or a date that is not a date of birth. */
function keepsString(value: string, schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (Array.isArray(schema.enum) || 'const' in schema) return true;
  const options = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (Array.isArray(options) && options.length > 0 && options.every((option) => 'const' in option)) return true;
  const format = schema.format;
  if ((format === 'date' || format === 'date-time') && DATE.test(value)) return !/birth/i.test(String(schema.title ?? ''));
  return false;
}
