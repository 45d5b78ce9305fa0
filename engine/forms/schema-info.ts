/**
 * Small, forgiving readers over a form's data schema (JSON Schema 2020-12). They never throw:
 * a schema that is not shaped as expected simply yields "no properties", "no options" and so on,
 * and the definition lint (`checkForm`) reports why.
 */
import type { FieldLayout } from '../schema/definition.types.ts';

export type JsonSchema = { [key: string]: unknown };
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'unknown';
export type Widget = NonNullable<FieldLayout['widget']>;
export interface FieldOption {
  value: unknown;
  label: string;
}

export function isSchema(x: unknown): x is JsonSchema {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The `properties` of an object schema, in the order they are written. */
export function propertiesOf(schema: JsonSchema | undefined): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const props = schema?.['properties'];
  if (!isSchema(props)) return out;
  for (const [name, sub] of Object.entries(props)) out.set(name, isSchema(sub) ? sub : {});
  return out;
}

/** The schema of one item of an array schema (`items`), if there is one. */
export function itemsOf(schema: JsonSchema | undefined): JsonSchema | undefined {
  const items = schema?.['items'];
  return isSchema(items) ? items : undefined;
}

const TYPES: readonly FieldType[] = ['string', 'number', 'integer', 'boolean', 'array', 'object'];

function typeOfValue(v: unknown): FieldType {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (Array.isArray(v)) return 'array';
  return isSchema(v) ? 'object' : 'unknown';
}

/** The field's JSON type: `type` (first non-null of a union), else inferred from the keywords. */
export function typeOf(schema: JsonSchema | undefined): FieldType {
  if (!schema) return 'unknown';
  const t = schema['type'];
  const declared = Array.isArray(t) ? t.find((x) => x !== 'null') : t;
  if (TYPES.includes(declared as FieldType)) return declared as FieldType;
  const opts = optionsOf(schema);
  if (opts && opts.length > 0) return typeOfValue(opts[0]?.value);
  if ('const' in schema) return typeOfValue(schema['const']);
  if (isSchema(schema['properties'])) return 'object';
  if ('items' in schema) return 'array';
  return 'unknown';
}

/**
 * The labelled choices of a field: `oneOf`/`anyOf` of `{ const, title? }`, or a plain `enum`.
 * Booleans answer Yes/No. Fields without a closed set of answers have no options.
 */
export function optionsOf(schema: JsonSchema | undefined): FieldOption[] | undefined {
  if (!schema) return undefined;
  const en = schema['enum'];
  if (Array.isArray(en)) return en.map((value) => ({ value, label: String(value) }));
  for (const key of ['oneOf', 'anyOf']) {
    const branches = schema[key];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    if (!branches.every((b) => isSchema(b) && 'const' in b)) continue;
    return (branches as JsonSchema[]).map((b) => ({
      value: b['const'],
      label: typeof b['title'] === 'string' ? b['title'] : String(b['const']),
    }));
  }
  if (schema['type'] === 'boolean') {
    return [{ value: true, label: 'Yes' }, { value: false, label: 'No' }];
  }
  return undefined;
}

/** Options of a checkbox field live on its items. */
export function choicesOf(schema: JsonSchema | undefined): FieldOption[] | undefined {
  return typeOf(schema) === 'array' ? optionsOf(itemsOf(schema)) : optionsOf(schema);
}

export function formatOf(schema: JsonSchema | undefined): string | undefined {
  const f = schema?.['format'];
  return typeof f === 'string' ? f : undefined;
}

export function isDateFormat(format: string | undefined): boolean {
  return format === 'date' || format === 'date-time';
}

/** How a field is shown when the layout does not say. */
export function defaultWidget(schema: JsonSchema | undefined): Widget {
  const type = typeOf(schema);
  const format = formatOf(schema);
  if (type === 'boolean') return 'yesno';
  if (type === 'array') return optionsOf(itemsOf(schema)) ? 'checkboxes' : 'repeat';
  const options = optionsOf(schema);
  if (options) return options.length <= 6 ? 'radios' : options.length <= 20 ? 'select' : 'autocomplete';
  if (isDateFormat(format)) return 'date';
  if (format === 'email') return 'email';
  if (type === 'number' || type === 'integer') return 'number';
  return 'text';
}

/** `dateOfBirth` → `Date of birth`, `reason_for_closure` → `Reason for closure`; acronyms kept. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((w) => w.length > 0)
    .map((w) => (w.length > 1 && w === w.toUpperCase() ? w : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `Date of closure` → `date of closure`, but `NHS number` stays. */
export function lowerFirst(label: string): string {
  const second = label.charAt(1);
  if (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

export function upperFirst(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** `child` → `children`, `visit date` → `visit dates`, `family` → `families`. */
export function plural(noun: string): string {
  if (/child$/i.test(noun)) return noun + 'ren';
  if (/person$/i.test(noun)) return noun.slice(0, -5) + 'eople';
  if (/[^aeiou]y$/i.test(noun)) return noun.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/i.test(noun)) return noun + 'es';
  return noun + 's';
}

/** Equality for JSON values (option values are usually strings, but may be anything). */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
