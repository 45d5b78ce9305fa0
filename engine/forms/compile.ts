/**
 * One compiled validator per form schema object, kept for as long as the schema object lives.
 * Compiling is the expensive part of validation; definitions are loaded once and reused.
 */
import { createAjv } from '../schema/ajv.ts';
import type { ValidateFunction } from '../schema/ajv.ts';
import type { JsonSchema } from './schema-info.ts';

const validators = new WeakMap<JsonSchema, ValidateFunction>();

/** The validator for a form's data schema. Throws Ajv's error when the schema does not compile. */
export function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    // A fresh Ajv per schema: two forms may share an `$id` without clashing.
    validate = createAjv().compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}
