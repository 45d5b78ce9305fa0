/**
 * Which questions are optional right now, so their labels can say "(optional)" as GOV.UK asks
 * (mark the optional questions, not the required ones). A question is required if its level's
 * schema lists it in `required`, or an `if`/`then` (directly or in `allOf`) whose `if` matches
 * the current answers lists it; an `else` applies when the `if` does not match. Definitions'
 * `if`s test answers with `const` and `enum` under `properties`, plus `required`; an `if` this
 * cannot read counts as matching, so a question it might require is never called optional.
 * Names in `anyOf`/`oneOf` branches (one of several answers needed) are not called optional.
 */
import { sameJson, type JsonSchema } from '../../../../engine/forms/schema-info.ts';
import type { Data } from './values.ts';

const isSchema = (x: unknown): x is JsonSchema => typeof x === 'object' && x !== null && !Array.isArray(x);
const names = (x: unknown): string[] => (Array.isArray(x) ? x.filter((n): n is string => typeof n === 'string') : []);
const answered = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Whether one property's answer passes the `if`'s test of it; `undefined` when unreadable. */
function passes(test: JsonSchema, value: unknown): boolean | undefined {
  let known = true;
  for (const [keyword, expected] of Object.entries(test)) {
    if (keyword === 'const') known &&= sameJson(value, expected);
    else if (keyword === 'enum') known &&= Array.isArray(expected) && expected.some((e) => sameJson(value, e));
    else if (keyword !== 'title' && keyword !== 'description') return undefined;
  }
  return known;
}

/** Whether an `if` schema matches this level's answers; unreadable ones count as matching. */
export function ifMatches(test: JsonSchema, level: Data): boolean {
  if (!names(test['required']).every((name) => answered(level[name]))) return false;
  const properties = isSchema(test['properties']) ? test['properties'] : {};
  for (const [name, property] of Object.entries(properties)) {
    // JSON Schema: `properties` tests only the answers that are there.
    if (!answered(level[name]) || !isSchema(property)) continue;
    if (passes(property, level[name]) === false) return false;
  }
  return true;
}

function collect(schema: JsonSchema, level: Data, out: Set<string>): void {
  names(schema['required']).forEach((name) => out.add(name));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = Array.isArray(schema[key]) ? (schema[key] as unknown[]) : [];
    branches.filter(isSchema).forEach((branch) => collect(branch, level, out));
  }
  const parts = Array.isArray(schema['allOf']) ? (schema['allOf'] as unknown[]).filter(isSchema) : [];
  parts.forEach((part) => collect(part, level, out));
  if (isSchema(schema['if'])) {
    const branch = ifMatches(schema['if'], level) ? schema['then'] : schema['else'];
    if (isSchema(branch)) collect(branch, level, out);
  }
}

/** The names the level's schema requires with these answers. */
export function requiredNames(schema: JsonSchema, level: Data): Set<string> {
  const out = new Set<string>();
  collect(schema, level, out);
  return out;
}

/** The label a question shows: with "(optional)" when nothing requires an answer. */
export function labelFor(label: string, name: string, required: ReadonlySet<string> | undefined): string {
  return required && !required.has(name) ? `${label} (optional)` : label;
}
