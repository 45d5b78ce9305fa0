/**
 * `stepwise new <id> [--authority-name <name>] [--dir <project root>]`: scaffolds a new authority
 * (scaffold/templates.ts) under the project root (the current directory unless --dir):
 * definitions/<id>.json, <id>.md and <id>.forms.ts (its form types), test/<id>/<id>.scenario.json and <id>.test.ts, and a row in
 * definitions/README.md's table when that file is there. Refuses a bad id or one already taken,
 * before writing anything.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { generateFormTypes } from './generate-form-types.ts';
import { CliError } from './read-json.ts';
import { definitionTemplate, scenarioTemplate, testTemplate, traceTemplate } from './scaffold/templates.ts';

export const newUsage = '  stepwise new <id> [--authority-name <name>] [--dir <project root>]';

export const newHelp = `${newUsage}

Scaffolds a new authority that validates and simulates from the first minute:
  definitions/<id>.json           a start, one task (a form, due in 3 working days), an end (RC9)
  definitions/<id>.md             the trace table: protocol rule → definition → scenario test
  definitions/<id>.forms.ts       the TypeScript types of its forms (npm run gen:form-types)
  test/<id>/<id>.scenario.json    a dated scenario over a weekend, with a refusal expected
  test/<id>/<id>.test.ts          a test that validates the definition and runs the scenario
  and a row in definitions/README.md's table of definitions.

  <id>               lowercase letters, digits and hyphens, starting with a letter (northshire)
  --authority-name   the council's name as people see it (default: "<Id> Council")
  --dir              the project root to write under (default: the current directory)

Then: npx stepwise validate definitions/<id>.json
      npx stepwise simulate definitions/<id>.json test/<id>/<id>.scenario.json`;

const ID = /^[a-z][a-z0-9-]{1,39}$/;

/** Reads `--name value` from args; returns the value and the args left. */
function option(args: string[], name: string): [string | undefined, string[]] {
  const at = args.indexOf(name);
  if (at < 0) return [undefined, args];
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new CliError(`${name} needs a value.\n${newUsage}`);
  return [value, [...args.slice(0, at), ...args.slice(at + 2)]];
}

/** Adds the row after the last row of the table whose header starts `| variant |`; false when no such table. */
export function withReadmeRow(readme: string, id: string, authorityName: string): string | undefined {
  const lines = readme.split('\n');
  const header = lines.findIndex((l) => l.startsWith('| variant |'));
  if (header < 0) return undefined;
  let last = header;
  while (lines[last + 1]?.startsWith('|')) last += 1;
  lines.splice(last + 1, 0, `| ${authorityName} | \`${id}.json\` | \`${id}.md\` | \`test/${id}/\` |`);
  return lines.join('\n');
}

export async function newAuthority(args: string[], cwd = process.cwd()): Promise<number> {
  const [authorityName, afterName] = option(args, '--authority-name');
  const [dir, rest] = option(afterName, '--dir');
  const unknown = rest.filter((a) => a.startsWith('--'));
  if (unknown.length > 0) throw new CliError(`Unknown option ${unknown.join(', ')}.\n${newUsage}`);
  if (rest.length !== 1) throw new CliError(`Give one id for the new authority.\n${newUsage}`);
  const id = rest[0]!;
  if (!ID.test(id)) {
    throw new CliError(`"${id}" cannot be an authority id: use 2 to 40 lowercase letters, digits and hyphens, starting with a letter (for example "northshire").`);
  }
  const name = authorityName?.trim() || `${id[0]!.toUpperCase()}${id.slice(1)} Council`;
  const root = dir ?? cwd;
  const files = {
    definition: join(root, 'definitions', `${id}.json`),
    trace: join(root, 'definitions', `${id}.md`),
    formTypes: join(root, 'definitions', `${id}.forms.ts`),
    scenario: join(root, 'test', id, `${id}.scenario.json`),
    test: join(root, 'test', id, `${id}.test.ts`),
  };
  const taken = Object.values(files).filter((f) => existsSync(f));
  if (taken.length > 0) {
    throw new CliError(`There is already an authority "${id}": ${taken.map((f) => relative(root, f)).join(', ')} exist(s). Choose another id, or edit those files.`);
  }
  const options = { id, authorityName: name };
  await mkdir(join(root, 'definitions'), { recursive: true });
  await mkdir(join(root, 'test', id), { recursive: true });
  await writeFile(files.definition, `${JSON.stringify(definitionTemplate(options), null, 2)}\n`);
  await writeFile(files.trace, traceTemplate(options));
  await writeFile(files.scenario, `${JSON.stringify(scenarioTemplate(options), null, 2)}\n`);
  await writeFile(files.test, testTemplate(options));
  // Its form types (`npm run gen:form-types` keeps them up to date; a test fails when one is stale).
  await writeFile(files.formTypes, await generateFormTypes(id, join(root, 'definitions')));
  for (const f of Object.values(files)) console.log(`wrote ${relative(root, f)}`);
  const readmeFile = join(root, 'definitions', 'README.md');
  if (existsSync(readmeFile)) {
    const updated = withReadmeRow(await readFile(readmeFile, 'utf8'), id, name);
    if (updated === undefined) console.log(`definitions/README.md has no table of definitions: add a row for ${id} by hand.`);
    else {
      await writeFile(readmeFile, updated);
      console.log(`added ${id} to the table in definitions/README.md`);
    }
  }
  const shown = (file: string) => (relative(cwd, file).startsWith('..') ? file : relative(cwd, file));
  console.log(`\nNext: npx stepwise validate ${shown(files.definition)}\n      npx stepwise simulate ${shown(files.definition)} ${shown(files.scenario)}`);
  return 0;
}
