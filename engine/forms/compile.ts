/**
 * Compiled validators for form schemas, cached by content. Compiling is the expensive part of
 * validation, and the designer re-validates a freshly parsed definition on every edit, so the
 * cache must hit for equal schemas, not only for the same object.
 */
import { createAjv } from '../schema/ajv.ts';
import type { ValidateFunction } from '../schema/ajv.ts';
import type { JsonSchema } from './schema-info.ts';

const MAX_CACHED = 500;
const byObject = new WeakMap<JsonSchema, ValidateFunction>();
const byContent = new Map<string, { validate: ValidateFunction; schema: JsonSchema }>();
let shared: ReturnType<typeof createAjv> | undefined;

/** The validator for a form's data schema. Throws Ajv's error when the schema does not compile. */
export function validatorFor(schema: JsonSchema): ValidateFunction {
  const known = byObject.get(schema);
  if (known) return known;
  const key = JSON.stringify(schema);
  let entry = byContent.get(key);
  if (entry) {
    byContent.delete(key); // re-insert: most recently used last
  } else {
    entry = { validate: compile(schema), schema };
    if (byContent.size >= MAX_CACHED) evictOldest();
  }
  byContent.set(key, entry);
  byObject.set(schema, entry.validate);
  return entry.validate;
}

/** Why a schema is not valid JSON Schema 2020-12, or undefined when it is. */
export function schemaInvalidReason(schema: JsonSchema): string | undefined {
  shared ??= createAjv();
  if (shared.validateSchema(schema) === true) return undefined;
  return shared.errorsText(shared.errors, { dataVar: 'schema' });
}

function compile(schema: JsonSchema): ValidateFunction {
  // Schemas with an `$id` get an Ajv of their own: two forms may share an id without clashing.
  if (typeof schema === 'object' && schema !== null && '$id' in schema) return createAjv().compile(schema);
  shared ??= createAjv();
  return shared.compile(schema);
}

function evictOldest(): void {
  const [key, oldest] = byContent.entries().next().value ?? [];
  if (key === undefined || !oldest) return;
  byContent.delete(key);
  shared?.removeSchema(oldest.schema);
}
