/**
 * Generates `definitions/<variant>.forms.ts`: a TypeScript interface for the data of every form
 * in every definition, so code that prefills or reads answers is checked against the forms.
 * `npm run gen:form-types` writes them; `generate-form-types.test.ts` fails when one is stale.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

export const definitionsDir = fileURLToPath(new URL('../../definitions/', import.meta.url));

const pascal = (id: string) => id.replace(/(^|[_-])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

export async function definitionNames(): Promise<string[]> {
  return (await readdir(definitionsDir)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).sort();
}

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The type generator turns every nested `title` into a named type, so two forms asking the same
 * question would export the same name twice. Inside a form, titles are labels, not type names:
 * keep them as descriptions (doc comments) instead.
 */
function titlesToDescriptions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(titlesToDescriptions);
  if (!isSchema(schema)) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'title') continue;
    if (key === 'properties' || key === '$defs' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, titlesToDescriptions(v)]));
    } else if (['items', 'additionalProperties', 'if', 'then', 'else', 'not', 'contains', 'oneOf', 'anyOf', 'allOf', 'prefixItems'].includes(key)) {
      out[key] = titlesToDescriptions(value);
    } else out[key] = value;
  }
  if (typeof schema.title === 'string' && out.description === undefined) out.description = schema.title;
  return out;
}

/** The form types of `definitions/<name>.json` (in `dir`, the repository's definitions by default; `stepwise new` gives its own). */
export async function generateFormTypes(name: string, dir = definitionsDir): Promise<string> {
  const definition = JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as {
    forms: Record<string, { title: string; schema: JSONSchema }>;
  };
  const parts = [`/* Generated from definitions/${name}.json by \`npm run gen:form-types\`. Do not edit by hand. */\n`];
  for (const [id, form] of Object.entries(definition.forms)) {
    const typeName = `${pascal(id)}Data`;
    const schema = { ...(titlesToDescriptions(form.schema) as JSONSchema), title: typeName, description: form.title };
    parts.push(await compile(schema, typeName, { bannerComment: '', additionalProperties: false, format: true, style: { singleQuote: true, printWidth: 110 } }));
  }
  const ids = Object.keys(definition.forms);
  parts.push(`export interface FormData {\n${ids.map((id) => `  ${JSON.stringify(id)}: ${pascal(id)}Data;`).join('\n')}\n}\n`);
  return parts.join('\n');
}

export const formTypesFile = (name: string) => `${definitionsDir}${name}.forms.ts`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of await definitionNames()) {
    await writeFile(formTypesFile(name), await generateFormTypes(name));
    console.log(`wrote definitions/${name}.forms.ts`);
  }
}
