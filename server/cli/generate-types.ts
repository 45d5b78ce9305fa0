/**
 * Generates `engine/schema/definition.types.ts` from the definition JSON Schema, the single
 * source of truth. `npm run gen:types` writes it; `definition-types.test.ts` fails when stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const schemaFile = fileURLToPath(new URL('../../engine/schema/definition.schema.json', import.meta.url));
const typesFile = fileURLToPath(new URL('../../engine/schema/definition.types.ts', import.meta.url));

const banner = `/* Generated from definition.schema.json by \`npm run gen:types\`. Do not edit by hand. */`;

/** How every generated type file of the project is written (definitions, API responses). */
export const COMPILE_OPTIONS = {
  additionalProperties: false,
  unreachableDefinitions: true,
  strictIndexSignatures: true,
  format: true,
  style: { singleQuote: true, printWidth: 110 },
} as const;

export async function generateDefinitionTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(schemaFile, 'utf8'));
  return compile(schema, 'WorkflowDefinition', { ...COMPILE_OPTIONS, bannerComment: banner });
}

export { typesFile as definitionTypesFile };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(typesFile, await generateDefinitionTypes());
  console.log(`wrote ${typesFile}`);
}
