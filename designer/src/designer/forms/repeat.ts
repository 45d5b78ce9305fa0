/**
 * Questions inside a repeat ("for each child: name, date of birth, needs"). The item is edited
 * as a form of its own: a view whose schema IS the repeat's item schema and whose one section
 * holds the repeat's layout `fields`, so every edit the form designer makes to a form (add,
 * move, label, type, options, reveal, required) works on an item's questions unchanged. Error
 * messages are written under `/<repeat>/*` in the form and under `/` in the view.
 */
import type { Form } from '../../../../engine/schema/definition.types.ts';
import { findLayout, props } from '../forms.ts';

type Schema = Record<string, unknown>;

/** The selection key of a question inside a repeat. */
export const itemKey = (repeat: string, name: string): string => `${repeat}/${name}`;
/** `repeat/name` → ['repeat', 'name']; a top-level name → [null, name]. */
export function splitKey(key: string): [string | null, string] {
  const at = key.indexOf('/');
  return at < 0 ? [null, key] : [key.slice(0, at), key.slice(at + 1)];
}

/** The repeat's item as a form (null if `repeat` is not a repeat of objects). Shares the form's objects. */
export function itemView(form: Form, repeat: string): Form | null {
  const schema = props(form)[repeat];
  const items = schema?.['items'] as Schema | undefined;
  const at = findLayout(form, repeat);
  if (schema?.['type'] !== 'array' || !items || items['type'] !== 'object' || !at) return null;
  if (typeof items['properties'] !== 'object' || items['properties'] === null) items['properties'] = {};
  if (!Array.isArray(at.layout.fields)) at.layout.fields = Object.keys(items['properties'] as object).map((field) => ({ field }));
  const prefix = `/${repeat}/*`;
  const errorMessages = Object.fromEntries(
    Object.entries(form.errorMessages ?? {}).filter(([k]) => k.startsWith(`${prefix}/`)).map(([k, v]) => [k.slice(prefix.length), v]),
  );
  const title = at.layout.itemLabel || 'Item';
  return {
    title,
    schema: items,
    layout: { sections: [{ id: 'item', title, fields: at.layout.fields }] },
    ...(Object.keys(errorMessages).length > 0 ? { errorMessages } : {}),
  };
}

/** Runs a form edit on the repeat's item, and writes what it changed back into the form. */
export function inRepeat(form: Form, repeat: string, recipe: (item: Form) => void): void {
  const view = itemView(form, repeat);
  if (!view) return;
  const before = Object.keys(view.schema['properties'] as object);
  recipe(view);
  const at = findLayout(form, repeat)!;
  at.layout.fields = view.layout!.sections[0]!.fields;
  (props(form)[repeat] as Schema)['items'] = view.schema;
  // A renamed item question keeps holding the child's name.
  const after = Object.keys(view.schema['properties'] as object);
  const each = at.layout.eachChild;
  if (each && !after.includes(each.nameField) && before.length === after.length) {
    const renamed = after.find((n) => !before.includes(n));
    if (renamed) each.nameField = renamed;
  }
  const prefix = `/${repeat}/*`;
  const kept = Object.entries(form.errorMessages ?? {}).filter(([k]) => !k.startsWith(`${prefix}/`));
  const mine = Object.entries(view.errorMessages ?? {}).map(([k, v]) => [`${prefix}${k}`, v] as const);
  const all = Object.fromEntries([...kept, ...mine]);
  if (Object.keys(all).length > 0) form.errorMessages = all;
  else delete form.errorMessages;
}
