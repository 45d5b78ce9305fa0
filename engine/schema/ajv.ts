/**
 * The one place the engine builds an Ajv instance. Definitions and the forms inside them are
 * both JSON Schema 2020-12, so both are checked by the same configuration.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type { ErrorObject, ValidateFunction } from 'ajv';

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // Forms say "required when revealed" with if/then; that is not strict-mode trouble.
    strictRequired: false,
    discriminator: true,
    allowUnionTypes: true,
    // Ajv logs warnings through console by default; the engine stays silent.
    logger: false,
  });
  addFormats.default(ajv, ['date', 'date-time', 'email', 'time']);
  return ajv;
}
