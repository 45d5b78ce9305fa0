/**
 * Generates `designer/src/lib/api-schema.gen.ts`, the TypeScript types of the API's response
 * bodies, from the JSON Schemas in `server/routes/response-schemas.ts` (which the OpenAPI
 * document publishes and the conformance check holds every route test to). `npm run
 * gen:api-types` writes it; `generate-api-types.test.ts` fails when it is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { responseComponents } from '../routes/response-schemas.ts';
import { COMPILE_OPTIONS } from './generate-types.ts';

type Schema = Record<string, unknown>;

const typesFile = fileURLToPath(new URL('../../designer/src/lib/api-schema.gen.ts', import.meta.url));
const banner = `/* Generated from server/routes/response-schemas.ts by \`npm run gen:api-types\`. Do not edit by hand. */`;

/** `#/components/schemas/X` as the generator's `#/definitions/X`, and each component titled with its name. */
function forGenerator(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forGenerator);
  if (value && typeof value === 'object') {
    // An object the schema leaves open (a definition, answers) is a record of unknowns, not `{}`.
    const type = (value as Schema).type;
    const open = (type === 'object' || (Array.isArray(type) && type.includes('object'))) && !('properties' in value) && !('additionalProperties' in value);
    if (open) return { ...value, additionalProperties: true };
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', '#/definitions/') : forGenerator(v)]),
    );
  }
  return value;
}

export async function generateApiTypes(): Promise<string> {
  const names = Object.keys(responseComponents).sort();
  const definitions = Object.fromEntries(names.map((name) => [name, { title: name, ...(forGenerator(responseComponents[name]) as object) }]));
  const schema = {
    title: 'ApiResponses',
    description: 'Every named response body of the Stepwise API.',
    type: 'object',
    properties: Object.fromEntries(names.map((name) => [name, { $ref: `#/definitions/${name}` }])),
    additionalProperties: false,
    definitions,
  };
  return compile(schema as never, 'ApiResponses', { ...COMPILE_OPTIONS, bannerComment: banner });
}

export { typesFile as apiTypesFile };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(typesFile, await generateApiTypes());
  console.log(`wrote ${typesFile}`);
}
