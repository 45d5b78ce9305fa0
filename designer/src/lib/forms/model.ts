/**
 * What the form renderer draws, worked out once per form: sections, and in each the questions
 * with their label, hint, widget, options and limits; fields revealed by an answer sit under the
 * question that reveals them; repeats carry the layout of one item. The schema readers are the
 * engine's own (`engine/forms/schema-info.ts`), so a label or a default widget here is the one
 * the server words its error messages with.
 */
import type { FieldLayout, Form } from '../../../../engine/schema/definition.types.ts';
import type { FieldIssue } from './errors.ts';
import { orderedNames } from '../../../../engine/forms/locate.ts';
import {
  choicesOf, defaultWidget, formatOf, humanise, itemsOf, propertiesOf, typeOf,
  type FieldOption, type FieldType, type JsonSchema, type Widget,
} from '../../../../engine/forms/schema-info.ts';

export type { FieldOption, JsonSchema, Widget };

/** What the renderer needs of a form: the definition's `Form`, or the API's view of one. */
export interface FormInput {
  title: string;
  description?: string | null;
  schema: Form['schema'];
  layout?: Form['layout'] | null;
  errorMessages?: Form['errorMessages'];
}

/** What every question component takes from the renderer, and reports back through `onchange`. */
export interface FieldProps {
  field: FieldModel;
  id: string;
  value: unknown;
  issue?: FieldIssue | undefined;
  prefilled?: boolean;
  onchange: (value: unknown) => void;
}

export interface FieldModel {
  name: string;
  label: string;
  hint?: string;
  widget: Widget;
  schema: JsonSchema;
  type: FieldType;
  /** Labelled answers (radios, checkboxes, selects, yes/no); empty for free text. */
  options: FieldOption[];
  maxLength?: number;
  revealedBy?: { field: string; values: unknown[] };
  /** Questions at the same level shown under one of this question's answers. */
  reveals: FieldModel[];
  /** Repeats of objects: the questions of one item. */
  itemFields?: FieldModel[];
  /** Repeats of plain values (dates, names): the one question of each item. */
  itemField?: FieldModel;
  /** What one item is called: the layout's `itemLabel`, the item schema's `title`, or "Item". */
  itemLabel: string;
  minItems: number;
  maxItems?: number;
}

export interface SectionModel {
  id: string;
  title?: string;
  description?: string;
  fields: FieldModel[];
}

export interface FormModel {
  title: string;
  description?: string;
  sections: SectionModel[];
}

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);

function widgetFor(schema: JsonSchema, layout: FieldLayout | undefined): Widget {
  const widget = layout?.widget ?? defaultWidget(schema);
  // A date-time has no GOV.UK pattern of its own; it is typed, and the server checks it.
  if (widget === 'date' && formatOf(schema) === 'date-time') return 'text';
  return widget;
}

function fieldModel(name: string, schema: JsonSchema, layout: FieldLayout | undefined): FieldModel {
  const widget = widgetFor(schema, layout);
  const field: FieldModel = {
    name,
    label: layout?.label ?? str(schema['title']) ?? humanise(name),
    widget,
    schema,
    type: typeOf(schema),
    options: choicesOf(schema) ?? [],
    reveals: [],
    itemLabel: layout?.itemLabel ?? str(itemsOf(schema)?.['title']) ?? 'Item',
    minItems: num(schema['minItems']) ?? 0,
  };
  const hint = layout?.hint ?? str(schema['description']);
  if (hint) field.hint = hint;
  const maxLength = num(schema['maxLength']);
  if (maxLength !== undefined) field.maxLength = maxLength;
  const maxItems = num(schema['maxItems']);
  if (maxItems !== undefined) field.maxItems = maxItems;
  if (layout?.revealedBy) field.revealedBy = { field: layout.revealedBy.field, values: [...layout.revealedBy.values] };
  if (widget === 'repeat') {
    const item = itemsOf(schema) ?? {};
    if (typeOf(item) === 'object') field.itemFields = level(item, layout?.fields);
    else field.itemField = fieldModel('', item, undefined);
  }
  return field;
}

/** Whether following `revealedBy` from `start` comes back to it: such a field is shown plainly. */
function revealLoops(start: FieldModel, byName: Map<string, FieldModel>): boolean {
  const seen = new Set<string>();
  for (let f: FieldModel | undefined = start; f?.revealedBy; f = byName.get(f.revealedBy.field)) {
    if (seen.has(f.name)) return true;
    seen.add(f.name);
  }
  return false;
}

/** Fields of one object level, with revealed ones moved under the question that reveals them. */
function attachReveals(all: FieldModel[]): FieldModel[] {
  const byName = new Map(all.map((f) => [f.name, f]));
  const top: FieldModel[] = [];
  for (const field of all) {
    const revealer = field.revealedBy ? byName.get(field.revealedBy.field) : undefined;
    if (revealer && revealer !== field && !revealLoops(field, byName)) revealer.reveals.push(field);
    else top.push(field);
  }
  return top;
}

function level(schema: JsonSchema, layouts: FieldLayout[] | undefined): FieldModel[] {
  const props = propertiesOf(schema);
  const all = orderedNames(schema, layouts)
    .filter((name) => props.has(name))
    .map((name) => fieldModel(name, props.get(name)!, layouts?.find((l) => l.field === name)));
  return attachReveals(all);
}

export function buildFormModel(form: FormInput): FormModel {
  const schema = form.schema as JsonSchema;
  const sections = form.layout?.sections ?? [];
  const layouts = sections.flatMap((s) => s.fields);
  const placed = new Set<string>();
  const top = level(schema, layouts);
  const shown = (f: FieldModel) => top.includes(f);
  const byName = new Map<string, FieldModel>();
  const index = (fields: FieldModel[]) => fields.forEach((f) => (byName.set(f.name, f), index(f.reveals)));
  index(top);
  const out: SectionModel[] = sections.map((s) => {
    const fields = s.fields.map((l) => byName.get(l.field)).filter((f): f is FieldModel => f !== undefined && shown(f) && !placed.has(f.name));
    fields.forEach((f) => placed.add(f.name));
    const section: SectionModel = { id: s.id, title: s.title, fields };
    if (s.description) section.description = s.description;
    return section;
  });
  // Questions the layout leaves out are still asked, after the laid-out sections.
  const rest = top.filter((f) => !placed.has(f.name));
  if (rest.length > 0) out.push({ id: out.length === 0 ? 'form' : 'more', fields: rest });
  const model: FormModel = { title: form.title, sections: out.filter((s) => s.fields.length > 0 || s.description) };
  if (form.description) model.description = form.description;
  return model;
}

/** Every field of the form at the top level, including revealed ones. */
export function topLevelFields(model: FormModel): FieldModel[] {
  const out: FieldModel[] = [];
  const walk = (fields: FieldModel[]) => fields.forEach((f) => (out.push(f), walk(f.reveals)));
  model.sections.forEach((s) => walk(s.fields));
  return out;
}

/** The question a JSON pointer into the form data names, if it names one. */
export function findField(model: FormModel, segments: string[]): FieldModel | undefined {
  let candidates = topLevelFields(model);
  let found: FieldModel | undefined;
  for (let i = 0; i < segments.length; i++) {
    found = candidates.find((f) => f.name === segments[i]);
    if (!found) return undefined;
    if (i === segments.length - 1) return found;
    if (found.widget !== 'repeat' || !/^\d+$/.test(segments[i + 1] ?? '')) return undefined;
    i++;
    if (found.itemField) return i === segments.length - 1 ? found.itemField : undefined;
    if (i === segments.length - 1) return found;
    candidates = flatten(found.itemFields ?? []);
  }
  return found;
}

function flatten(fields: FieldModel[]): FieldModel[] {
  return fields.flatMap((f) => [f, ...flatten(f.reveals)]);
}

/** A question that is not in a form schema (next-action controls), for the same GOV.UK controls. */
export function simpleField(name: string, label: string, widget: Widget, extra: Partial<FieldModel> = {}): FieldModel {
  return { name, label, widget, schema: {}, type: 'string', options: [], reveals: [], itemLabel: 'Item', minItems: 0, ...extra };
}
