/**
 * Finds the form field behind a JSON pointer into form data: its schema, its layout entry, the
 * label a person sees, and where it sits in the layout (for ordering an error summary).
 */
import type { FieldLayout, Form } from '../schema/definition.types.ts';
import { defaultWidget, humanise, itemsOf, optionsOf, propertiesOf, typeOf } from './schema-info.ts';
import type { JsonSchema, Widget } from './schema-info.ts';

export interface FieldContext {
  /** JSON pointer of the field (inside checkboxes, the whole checkbox group). */
  pointer: string;
  schema: JsonSchema | undefined;
  layout: FieldLayout | undefined;
  label: string;
  widget: Widget;
  /** For arrays: what one item is called, from the layout. */
  itemLabel: string | undefined;
  /** Position in the layout, level by level; compare with `compareOrder`. */
  order: number[];
}

const UNPLACED = Number.MAX_SAFE_INTEGER;

export function parsePointer(p: string): string[] {
  if (p === '') return [];
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer with array indices as `*`, for `errorMessages` written once for every item. */
export function starPointer(p: string): string {
  return p.replace(/\/\d+(?=\/|$)/g, '/*');
}

/** Every top-level field layout, sections in order. */
export function layoutFields(form: Form): FieldLayout[] {
  return (form.layout?.sections ?? []).flatMap((s) => s.fields);
}

/** Field names at one level: layout order first, then the rest in schema order. */
export function orderedNames(schema: JsonSchema | undefined, layouts: FieldLayout[] | undefined): string[] {
  const names = (layouts ?? []).map((f) => f.field);
  for (const name of propertiesOf(schema).keys()) if (!names.includes(name)) names.push(name);
  return names;
}

export function locate(form: Form, pointer: string): FieldContext {
  let ctx: FieldContext = {
    pointer: '', schema: form.schema, layout: undefined, label: form.title,
    widget: defaultWidget(form.schema), itemLabel: undefined, order: [],
  };
  let layouts: FieldLayout[] | undefined = layoutFields(form);
  for (const seg of parsePointer(pointer)) {
    const escaped = '/' + seg.replace(/~/g, '~0').replace(/\//g, '~1');
    if (typeOf(ctx.schema) === 'array' && /^\d+$/.test(seg)) {
      const item = itemsOf(ctx.schema);
      // A checkbox is not a question of its own: errors belong to the group.
      if (optionsOf(item)) return ctx;
      const title = item?.['title'];
      ctx = {
        pointer: ctx.pointer + escaped, schema: item, layout: undefined,
        label: typeof title === 'string' ? title : `${ctx.itemLabel ?? ctx.label} ${Number(seg) + 1}`,
        widget: defaultWidget(item), itemLabel: undefined, order: [...ctx.order, Number(seg)],
      };
      continue;
    }
    const schema = propertiesOf(ctx.schema).get(seg);
    const layout: FieldLayout | undefined = layouts?.find((f) => f.field === seg);
    const index = orderedNames(ctx.schema, layouts).indexOf(seg);
    const title = schema?.['title'];
    ctx = {
      pointer: ctx.pointer + escaped, schema, layout,
      label: layout?.label ?? (typeof title === 'string' ? title : humanise(seg)),
      widget: layout?.widget ?? defaultWidget(schema),
      itemLabel: layout?.itemLabel,
      order: [...ctx.order, index < 0 ? UNPLACED : index],
    };
    layouts = layout?.fields;
  }
  return ctx;
}

/** Layout order: earlier fields first, a field before the fields inside it. */
export function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
