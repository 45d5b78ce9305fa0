/**
 * The form rules a schema cannot state, because they need the case (engine/forms/form-checks.ts):
 * a repeat holding one item for each child on the case (`eachChild` in its layout), and the
 * form's `checks`, each a JSONLogic rule over the case and this form's `answers` with the message
 * shown at a question when it does not hold (with `each`, once per item of a list).
 */
import type { FormCheck, Form } from '../../../engine/schema/definition.types.ts';
import { formFields } from '../../../engine/forms/form-fields.ts';
import type { DataField } from './fields.ts';
import { findLayout } from './forms.ts';

type Schema = Record<string, unknown>;
export interface Choice { value: string; label: string }

const propsOf = (schema: unknown): Record<string, Schema> => {
  const p = (schema as Schema | undefined)?.['properties'];
  return typeof p === 'object' && p !== null ? (p as Record<string, Schema>) : {};
};
const titled = (name: string, schema: Schema | undefined) => String(schema?.['title'] ?? name);
/** The schema of one item of a list question, when the question is a list. */
const itemOf = (form: Form, name: string): Schema | undefined => {
  const schema = propsOf(form.schema)[name];
  return schema?.['type'] === 'array' && typeof schema['items'] === 'object' ? (schema['items'] as Schema) : undefined;
};

/** The text questions of a repeat's item: where a child's name can be. */
export function itemTextFields(form: Form, name: string): Choice[] {
  return Object.entries(propsOf(itemOf(form, name)))
    .filter(([, s]) => s['type'] === 'string' && s['format'] === undefined && !Array.isArray(s['oneOf']) && !Array.isArray(s['enum']))
    .map(([key, s]) => ({ value: key, label: titled(key, s) }));
}

/** One item for each child on the case, named in `nameField`; null makes it an ordinary repeat. */
export function setEachChild(form: Form, name: string, nameField: string | null): void {
  const at = findLayout(form, name);
  if (!at) return;
  const updates = at.layout.eachChild?.updates;
  if (nameField) at.layout.eachChild = { nameField, ...(updates ? { updates } : {}) };
  else delete at.layout.eachChild;
}

const pointer = (name: string) => `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** Questions a check's error can belong to: the form's own (or, with `each`, the item's). */
export function checkTargets(form: Form, each?: string): Choice[] {
  if (each !== undefined) {
    const item = itemOf(form, each.slice(1));
    return Object.entries(propsOf(item)).map(([key, s]) => ({ value: pointer(key), label: titled(key, s) }));
  }
  return Object.entries(propsOf(form.schema)).map(([key, s]) => ({ value: pointer(key), label: titled(key, s) }));
}

/** Lists on the form (repeats, checkboxes, several dates) whose items a check can go through. */
export function checkLists(form: Form): Choice[] {
  return Object.entries(propsOf(form.schema)).filter(([, s]) => s['type'] === 'array').map(([key, s]) => ({ value: pointer(key), label: titled(key, s) }));
}

export function addCheck(form: Form): number {
  form.checks = [...(form.checks ?? []), { rule: true, message: '' }];
  return form.checks.length - 1;
}

export function removeCheck(form: Form, index: number): void {
  const kept = (form.checks ?? []).filter((_, i) => i !== index);
  if (kept.length > 0) form.checks = kept;
  else delete form.checks;
}

/**
 * Changes one check. A blank `field` or `each` is removed (the whole form; no list); choosing
 * another list clears `field`, which is read inside the item.
 */
export function setCheck(form: Form, index: number, patch: Partial<Record<keyof FormCheck, unknown>>): void {
  const check = form.checks?.[index];
  if (!check) return;
  const next: Record<string, unknown> = { ...check, ...patch };
  if ('each' in patch && patch.each !== check.each) delete next['field'];
  for (const key of ['field', 'each'] as const) if (next[key] === '' || next[key] === undefined) delete next[key];
  if (next['rule'] === undefined) next['rule'] = true;
  form.checks![index] = next as unknown as FormCheck;
}

/** What a check's rule can read, for the rule builder: this form's answers, the item, today, and the case. */
export function checkRuleFields(form: Form, earlier: readonly DataField[], each?: string): DataField[] {
  const own = 'This form’s answers';
  const answers: DataField[] = [...formFields(form).values()].map((f) => ({
    path: `answers.${f.name}`, label: f.label, group: own, type: f.type, isDate: f.isDate, ...(f.options ? { options: f.options } : {}),
  }));
  const items: DataField[] = [];
  if (each !== undefined) {
    const name = each.slice(1);
    const item = itemOf(form, name);
    const group = `Each item of “${titled(name, propsOf(form.schema)[name])}”`;
    if (item?.['type'] === 'object') {
      for (const [key, s] of Object.entries(propsOf(item))) {
        items.push({ path: `item.${key}`, label: titled(key, s), group, type: String(s['type'] ?? 'string'), isDate: s['format'] === 'date' });
      }
    } else {
      items.push({ path: 'item', label: 'The item', group, type: String(item?.['type'] ?? 'string'), isDate: item?.['format'] === 'date' });
    }
    items.push({ path: 'index', label: 'Its position in the list (0 first)', group, type: 'number', isDate: false });
  }
  const group = 'When and where it is answered';
  const when: DataField[] = [
    { path: 'today', label: 'Today', group, type: 'string', isDate: true },
    { path: 'now', label: 'Now (date and time)', group, type: 'string', isDate: true },
    // A form two steps share may be checked differently at each.
    { path: 'node', label: 'The step it is answered at (its ID)', group, type: 'string', isDate: false },
  ];
  return [...items, ...answers, ...when, ...earlier];
}

/** Which item questions correct the child's facts on the case (`eachChild.updates`); blank stops one. */
export function setChildUpdate(form: Form, name: string, fact: 'name' | 'dateOfBirth' | 'personId', field: string): void {
  const each = findLayout(form, name)?.layout.eachChild;
  if (!each) return;
  const updates: Record<string, string> = { ...(each.updates ?? {}) };
  if (field) updates[fact] = field;
  else delete updates[fact];
  if (Object.keys(updates).length > 0) each.updates = updates;
  else delete each.updates;
}
