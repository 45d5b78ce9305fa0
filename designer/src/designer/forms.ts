/**
 * The form designer's edits, on a copy of one form (DraftEditor.editForm): add a question of a
 * type the renderer draws, move it, label it, make it required, give it options, reveal it under
 * another answer, word its errors. The schema and the layout change together, as the definition
 * format wants (definitions/README.md, Forms): options as `oneOf` of `{const, title}`, dates as
 * `format: date`, yes/no as boolean, and "required when revealed" as an `allOf` if/then rule.
 */
import type { FieldLayout, Form } from '../../../engine/schema/definition.types.ts';
import { dropRevealRules } from './form-reveal.ts';
import { slug, uniqueId } from './nodes.ts';

export { isRequired, setRequired, setReveal } from './form-reveal.ts';

export type FieldType = 'text' | 'textarea' | 'number' | 'date' | 'email' | 'radios' | 'checkboxes' | 'select' | 'yesno' | 'repeat';
type Schema = Record<string, unknown>;
export interface Choice { value: string; label: string }

export const PALETTE: ReadonlyArray<{ type: FieldType; label: string }> = [
  { type: 'text', label: 'Text' },
  { type: 'textarea', label: 'Long text' },
  { type: 'number', label: 'Number' },
  { type: 'date', label: 'Date' },
  { type: 'email', label: 'Email address' },
  { type: 'radios', label: 'Radios (one answer)' },
  { type: 'checkboxes', label: 'Checkboxes (several answers)' },
  { type: 'select', label: 'Select (one from a list)' },
  { type: 'yesno', label: 'Yes or no' },
  { type: 'repeat', label: 'Repeat (one per child...)' },
];

const choices = (): Schema[] => [{ const: 'option_1', title: 'Option 1' }, { const: 'option_2', title: 'Option 2' }];

export function schemaFor(type: FieldType, title: string): Schema {
  switch (type) {
    case 'text': return { type: 'string', title, maxLength: 500 };
    case 'textarea': return { type: 'string', title, maxLength: 4000 };
    case 'number': return { type: 'number', title };
    case 'date': return { type: 'string', format: 'date', title };
    case 'email': return { type: 'string', format: 'email', title };
    case 'radios':
    case 'select': return { type: 'string', title, oneOf: choices() };
    case 'checkboxes': return { type: 'array', title, uniqueItems: true, items: { type: 'string', oneOf: choices() } };
    case 'yesno': return { type: 'boolean', title };
    case 'repeat': return { type: 'array', title, items: { type: 'object', title: 'Item', additionalProperties: false, properties: { name: { type: 'string', title: 'Name', maxLength: 200 } } } };
  }
}

/** `base`, `base2`, `base3`... whichever the form does not have yet. */
export function freeName(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}${i}`)) return `${base}${i}`;
}

/** A field name from what the admin typed: kept if it is already one, else camelCase words ("date of visit" → dateOfVisit). */
export function fieldName(text: string): string {
  const t = text.trim();
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(t)) return t;
  const words = t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(camel) ? camel : `field${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
}

/** A data name from a question's text: camelCase of its first words ("Date of the visit?" → dateOfTheVisit). */
export function nameFromLabel(label: string): string {
  const words = label.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).slice(0, 6);
  if (words.length === 0) return 'question';
  return fieldName(words.join(' '));
}

/** The name a question with this label would get: unique among the form's other questions. */
export function suggestedName(form: Form, name: string, label: string): string {
  return freeName(nameFromLabel(label), Object.keys(props(form)).filter((n) => n !== name));
}

export const NEW_QUESTION = 'New question';

export function newForm(title: string): Form {
  return { title, schema: { type: 'object', additionalProperties: false, properties: {} }, layout: { sections: [{ id: 'main', title, fields: [] }] } };
}

export const props = (form: Form): Record<string, Schema> => {
  if (typeof form.schema['properties'] !== 'object' || form.schema['properties'] === null) form.schema['properties'] = {};
  return form.schema['properties'] as Record<string, Schema>;
};
const requiredList = (form: Form): string[] => (Array.isArray(form.schema['required']) ? (form.schema['required'] as string[]) : []);

/** Gives the form a layout listing every question, so order and sections can be edited. */
export function ensureLayout(form: Form): NonNullable<Form['layout']> {
  if (!form.layout || !Array.isArray(form.layout.sections) || form.layout.sections.length === 0) {
    form.layout = { sections: [{ id: 'main', title: form.title, fields: Object.keys(props(form)).map((field) => ({ field })) }] };
  }
  return form.layout;
}

export function findLayout(form: Form, name: string): { section: number; index: number; layout: FieldLayout } | undefined {
  const sections = form.layout?.sections ?? [];
  for (const [s, section] of sections.entries()) {
    const index = section.fields.findIndex((f) => f.field === name);
    if (index >= 0) return { section: s, index, layout: section.fields[index]! };
  }
  return undefined;
}

/** Adds a question at the end of a section (the last by default); returns its name. */
export function addField(form: Form, type: FieldType, section?: number): string {
  const layout = ensureLayout(form);
  const name = freeName(nameFromLabel(NEW_QUESTION), Object.keys(props(form)));
  props(form)[name] = schemaFor(type, NEW_QUESTION);
  const target = layout.sections[section ?? layout.sections.length - 1]!;
  target.fields.push({ field: name, widget: type, ...(type === 'repeat' ? { itemLabel: 'Item', fields: [{ field: 'name' }] } : {}) });
  return name;
}

export function removeField(form: Form, name: string): void {
  delete props(form)[name];
  form.schema['required'] = requiredList(form).filter((r) => r !== name);
  if (requiredList(form).length === 0) delete form.schema['required'];
  for (const section of form.layout?.sections ?? []) {
    section.fields = section.fields.filter((f) => f.field !== name);
    for (const f of section.fields) if (f.revealedBy?.field === name) delete f.revealedBy;
  }
  dropRevealRules(form, name);
  if (form.errorMessages) {
    delete form.errorMessages[`/${name}`];
    if (Object.keys(form.errorMessages).length === 0) delete form.errorMessages;
  }
}

/** Moves a question up (-1) or down (+1), into the next section at the edges. */
export function moveField(form: Form, name: string, delta: -1 | 1): void {
  const at = findLayout(form, name);
  if (!at) return;
  const sections = form.layout!.sections;
  const fields = sections[at.section]!.fields;
  const to = at.index + delta;
  if (to >= 0 && to < fields.length) {
    [fields[at.index], fields[to]] = [fields[to]!, fields[at.index]!];
  } else if (sections[at.section + delta]) {
    fields.splice(at.index, 1);
    const other = sections[at.section + delta]!.fields;
    if (delta < 0) other.push(at.layout);
    else other.unshift(at.layout);
  }
}

export function setLabel(form: Form, name: string, label: string): void {
  const schema = props(form)[name];
  if (schema) schema['title'] = label;
  const at = findLayout(form, name);
  if (at) delete at.layout.label;
}

export function setHint(form: Form, name: string, hint: string): void {
  const at = findLayout(form, name);
  if (!at) return;
  if (hint) at.layout.hint = hint;
  else delete at.layout.hint;
}

/** Renames a question everywhere in the form (not in other steps' conditions: those show as problems). */
export function renameField(form: Form, from: string, to: string): string {
  const name = freeName(fieldName(to), Object.keys(props(form)).filter((n) => n !== from));
  if (name === from) return from;
  const entries = Object.entries(props(form)).map(([k, v]) => [k === from ? name : k, v] as const);
  form.schema['properties'] = Object.fromEntries(entries);
  if (requiredList(form).includes(from)) form.schema['required'] = requiredList(form).map((r) => (r === from ? name : r));
  for (const section of form.layout?.sections ?? []) {
    for (const f of section.fields) {
      if (f.field === from) f.field = name;
      if (f.revealedBy?.field === from) f.revealedBy.field = name;
    }
  }
  const json = JSON.stringify(form.schema['allOf'] ?? null).replaceAll(`"${from}"`, `"${name}"`);
  if (form.schema['allOf']) form.schema['allOf'] = JSON.parse(json);
  if (form.errorMessages?.[`/${from}`]) {
    form.errorMessages[`/${name}`] = form.errorMessages[`/${from}`];
    delete form.errorMessages[`/${from}`];
  }
  return name;
}

export function optionsOf(form: Form, name: string): Choice[] {
  const schema = props(form)[name];
  const holder = schema?.['type'] === 'array' ? (schema['items'] as Schema | undefined) : schema;
  const list = holder?.['oneOf'];
  return Array.isArray(list) ? (list as Schema[]).map((o) => ({ value: String(o['const']), label: String(o['title'] ?? o['const']) })) : [];
}

/** Replaces the answers; a blank value is made from the label. */
export function setOptions(form: Form, name: string, options: Choice[]): void {
  const schema = props(form)[name];
  if (!schema) return;
  const holder = schema['type'] === 'array' ? (schema['items'] as Schema) : schema;
  const used: string[] = [];
  holder['oneOf'] = options.map((o) => {
    const value = uniqueId(o.value || slug(o.label, 'option'), used);
    used.push(value);
    return { const: value, title: o.label };
  });
}

/** A GOV.UK error message for one question and keyword (`required`, `maxLength`...); blank removes it. */
export function setErrorMessage(form: Form, name: string, keyword: string, message: string): void {
  const key = `/${name}`;
  const messages = { ...(form.errorMessages ?? {}) };
  const own = { ...(messages[key] ?? {}) };
  if (message) own[keyword] = message;
  else delete own[keyword];
  if (Object.keys(own).length > 0) messages[key] = own;
  else delete messages[key];
  if (Object.keys(messages).length > 0) form.errorMessages = messages;
  else delete form.errorMessages;
}

/** Which palette type a question is, from its widget or schema. */
export function typeOfField(form: Form, name: string): FieldType {
  const layout = findLayout(form, name)?.layout;
  const schema = props(form)[name] ?? {};
  const widget = layout?.widget;
  if (widget && widget !== 'autocomplete' && PALETTE.some((p) => p.type === widget)) return widget as FieldType;
  if (schema['type'] === 'boolean') return 'yesno';
  if (schema['type'] === 'number' || schema['type'] === 'integer') return 'number';
  if (schema['format'] === 'date') return 'date';
  if (schema['type'] === 'array') return (schema['items'] as Schema | undefined)?.['type'] === 'object' ? 'repeat' : 'checkboxes';
  if (Array.isArray(schema['oneOf']) || Array.isArray(schema['enum'])) return 'radios';
  return 'text';
}
