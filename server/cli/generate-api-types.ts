/**
 * Generates `server/routes/api-types.gen.ts`, the TypeScript types of the API's response bodies,
 * from the JSON Schemas in `server/routes/response-schemas.ts` (which the OpenAPI document
 * publishes and the conformance check holds every route test to). It sits beside the routes
 * because they own the contract: each route's body is checked against its type at compile time,
 * and the web app imports the same file. `npm run gen:api-types` writes it;
 * `generate-api-types.test.ts` fails when it is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { responseComponents } from '../routes/response-schemas.ts';
import { COMPILE_OPTIONS } from './generate-types.ts';

type Schema = Record<string, unknown>;

const typesFile = fileURLToPath(new URL('../routes/api-types.gen.ts', import.meta.url));
const banner = `/* Generated from server/routes/response-schemas.ts by \`npm run gen:api-types\`. Do not edit by hand. */`;

/**
 * `#/components/schemas/X` as the generator's `#/definitions/X`, each component titled with its
 * name, and a part marked `x-typescript` (one the definition schema describes) as that type of
 * engine/schema/definition.types.ts, whose names it adds to `engineTypes`.
 */
function forGenerator(value: unknown, engineTypes: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => forGenerator(v, engineTypes));
  if (value && typeof value === 'object') {
    const engineType = (value as Schema)['x-typescript'];
    if (typeof engineType === 'string') {
      engineTypes.add(engineType);
      return { ...value, tsType: engineType };
    }
    // An object the schema leaves open (answers, a count by status) is a record of unknowns, not `{}`.
    const type = (value as Schema).type;
    const open = (type === 'object' || (Array.isArray(type) && type.includes('object'))) && !('properties' in value) && !('additionalProperties' in value);
    if (open) return { ...value, additionalProperties: true };
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', '#/definitions/') : forGenerator(v, engineTypes)]),
    );
  }
  return value;
}

export async function generateApiTypes(): Promise<string> {
  const names = Object.keys(responseComponents).sort();
  const engineTypes = new Set<string>();
  const definitions = Object.fromEntries(names.map((name) => [name, { title: name, ...(forGenerator(responseComponents[name], engineTypes) as object) }]));
  const schema = {
    title: 'ApiResponses',
    description: 'Every named response body of the Stepwise API.',
    type: 'object',
    properties: Object.fromEntries(names.map((name) => [name, { $ref: `#/definitions/${name}` }])),
    additionalProperties: false,
    definitions,
  };
  const imports = `import type { ${[...engineTypes].sort().join(', ')} } from '../../engine/schema/definition.types.ts';`;
  return compile(schema as never, 'ApiResponses', { ...COMPILE_OPTIONS, bannerComment: `${banner}\n${imports}` });
}

export { typesFile as apiTypesFile };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(typesFile, await generateApiTypes());
  console.log(`wrote ${typesFile}`);
}
