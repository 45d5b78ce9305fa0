/**
 * Which alternative of a `oneOf` a value meant. Ajv reports every alternative that failed (for a
 * due of `{at: true}`: missing "after", missing "before", missing "from"…); the admin meant one of
 * them — here "on a date", which needs "from" — and only that one's complaints help. The schema
 * is walked beside the value to the union, and the alternative whose properties fit the value
 * best is chosen.
 */
import definitionSchema from '../schema/definition.schema.json' with { type: 'json' };

type Schema = Record<string, unknown>;
const ROOT = definitionSchema as unknown as Schema;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolve(schema: Schema): Schema {
  let current = schema;
  for (let i = 0; i < 10 && typeof current['$ref'] === 'string'; i += 1) {
    const name = (current['$ref'] as string).replace('#/$defs/', '');
    current = ((ROOT['$defs'] as Schema)[name] as Schema) ?? {};
  }
  return current;
}

/** The alternatives of a union, nested unions flattened (a Timescale is a When or a choice). */
function alternatives(schema: Schema): Schema[] {
  const s = resolve(schema);
  const list = (s['oneOf'] ?? s['anyOf']) as Schema[] | undefined;
  return list ? list.flatMap((alt) => (resolve(alt)['oneOf'] || resolve(alt)['anyOf'] ? alternatives(alt) : [resolve(alt)])) : [s];
}

function propertiesOf(schema: Schema): Schema {
  const own = isObject(schema['properties']) ? schema['properties'] : {};
  const inherited = Array.isArray(schema['allOf']) ? (schema['allOf'] as Schema[]).map((s) => propertiesOf(resolve(s))) : [];
  return Object.assign({}, ...inherited, own) as Schema;
}

/** The schema a pointer into the definition is validated against, where it can tell. */
export function schemaAt(pointer: string, definition: unknown): Schema | undefined {
  let schema: Schema = ROOT;
  let value = definition;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    let s = resolve(schema);
    if (s['oneOf'] || s['anyOf']) s = pick(s, value) ?? s;
    const props = propertiesOf(s);
    const next = Object.hasOwn(props, key) ? (props[key] as Schema) : Array.isArray(value) && isObject(s['items']) ? (s['items'] as Schema) : undefined;
    if (!next) return undefined;
    schema = next;
    value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return schema;
}

/** The alternative of `union` that `value` fits best: fewest required properties missing and unknown ones present. */
function pick(union: Schema, value: unknown): Schema | undefined {
  const alts = alternatives(union);
  const discriminator = isObject(resolve(union)['discriminator']) ? ((resolve(union)['discriminator'] as Schema)['propertyName'] as string) : undefined;
  if (discriminator && isObject(value)) {
    const tag = value[discriminator];
    return alts.find((a) => (propertiesOf(a)[discriminator] as Schema | undefined)?.['const'] === tag);
  }
  return best(alts, value)?.schema;
}

export interface Fit {
  schema: Schema;
  missing: string[];
  unknown: string[];
  /** How many of its required properties the value has: none, and nothing says which was meant. */
  present: number;
}

function best(alts: Schema[], value: unknown): Fit | undefined {
  if (!isObject(value)) return undefined;
  const fits = alts.map((schema): Fit => {
    const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
    const props = propertiesOf(schema);
    const closed = schema['additionalProperties'] === false || schema['unevaluatedProperties'] === false;
    return {
      schema,
      missing: required.filter((k) => !Object.hasOwn(value, k)),
      unknown: closed ? Object.keys(value).filter((k) => !Object.hasOwn(props, k)) : [],
      present: required.filter((k) => Object.hasOwn(value, k)).length,
    };
  });
  return fits.reduce((a, b) => (b.missing.length + b.unknown.length < a.missing.length + a.unknown.length || (b.missing.length + b.unknown.length === a.missing.length + a.unknown.length && b.present > a.present) ? b : a));
}

/** The alternative a value at `pointer` meant, with what it lacks and has too many of; undefined when that is not a union of objects. */
export function meantAlternative(pointer: string, definition: unknown, value: unknown): Fit | undefined {
  const schema = schemaAt(pointer, definition);
  if (!schema) return undefined;
  const s = resolve(schema);
  if (!s['oneOf'] && !s['anyOf']) return undefined;
  return best(alternatives(s), value);
}
