/**
 * What a form asks, for the rest of the engine: the top-level questions with their labels,
 * types and options, and whether a dotted path (as written in conditions) names a field.
 */
import type { Form } from '../schema/definition.types.ts';
import { pointer } from '../problems.ts';
import { layoutFields, locate, orderedNames } from './locate.ts';
import { choicesOf, formatOf, isDateFormat, itemsOf, propertiesOf, typeOf } from './schema-info.ts';
import type { FieldOption, FieldType, JsonSchema, Widget } from './schema-info.ts';

export interface FieldInfo {
  name: string;
  /** From the layout, else the schema `title`, else the humanised name. */
  label: string;
  type: FieldType;
  format?: string;
  /** `format: date` or `date-time`. */
  isDate: boolean;
  /** Labelled answers for radios, selects, checkboxes (the items' options) and yes/no. */
  options?: FieldOption[];
  /** The layout's widget, else the default for the schema. */
  widget: Widget;
}

/** The form's top-level fields, in layout order then schema order. */
export function formFields(form: Form): Map<string, FieldInfo> {
  const out = new Map<string, FieldInfo>();
  const props = propertiesOf(form.schema);
  for (const name of orderedNames(form.schema, layoutFields(form))) {
    const schema = props.get(name);
    if (!schema) continue;
    const ctx = locate(form, pointer(name));
    const format = formatOf(schema);
    const options = choicesOf(schema);
    const info: FieldInfo = {
      name, label: ctx.label, type: typeOf(schema), isDate: isDateFormat(format), widget: ctx.widget,
    };
    if (format !== undefined) info.format = format;
    if (options) info.options = options;
    out.set(name, info);
  }
  return out;
}

/**
 * Whether `dottedPath` names a field of the form: `a.b` walks nested objects; inside an array
 * an index may be given or left out (`children.0.name` and `children.name` both resolve).
 */
export function fieldExists(form: Form, dottedPath: string): boolean {
  const segments = dottedPath.split('.');
  if (segments.some((s) => s === '')) return false;
  let schema: JsonSchema | undefined = form.schema;
  for (const seg of segments) {
    if (typeOf(schema) === 'array') {
      schema = itemsOf(schema);
      if (/^\d+$/.test(seg)) {
        if (!schema) return false;
        continue;
      }
    }
    schema = propertiesOf(schema).get(seg);
    if (!schema) return false;
  }
  return true;
}
