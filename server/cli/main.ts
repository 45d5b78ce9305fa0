/**
 * `stepwise validate <definition.json>...` prints each definition's problems (exit 1 if any).
 * `stepwise simulate <definition.json> <scenario.json> [--json]` prints the dated timeline.
 * `stepwise audit verify|checkpoint|keygen` checks and anchors the audit logs (audit.ts).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatTimeline, runScenario, validateDefinition, type Scenario, type WorkflowDefinition } from '../../engine/index.ts';
import { audit, auditUsage } from './audit.ts';

const usage = `Usage:
  stepwise validate <definition.json | directory>...
  stepwise simulate <definition.json> <scenario.json> [--json]
${auditUsage}`;

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/** Expands directories to the definition files in them (`*.json`, not scenarios). */
async function definitionFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (!(await stat(path)).isDirectory()) files.push(path);
    else {
      const names = (await readdir(path)).filter((n) => n.endsWith('.json') && !n.includes('.scenario')).sort();
      files.push(...names.map((n) => join(path, n)));
    }
  }
  return files;
}

async function validate(paths: string[]): Promise<number> {
  let failed = 0;
  const files = await definitionFiles(paths);
  if (files.length === 0) console.log('no definitions found');
  for (const file of files) {
    const problems = validateDefinition(await readJson(file));
    if (problems.length === 0) {
      console.log(`${file}: no problems`);
      continue;
    }
    failed += 1;
    console.log(`${file}: ${problems.length} problem(s)`);
    for (const p of problems) console.log(`  ${p.code}  ${p.path}  ${p.message}`);
  }
  return failed > 0 ? 1 : 0;
}

async function simulate(definitionFile: string, scenarioFile: string, json: boolean): Promise<number> {
  const definition = await readJson(definitionFile);
  const problems = validateDefinition(definition);
  if (problems.length > 0) {
    console.error(`${definitionFile} has ${problems.length} problem(s); run "stepwise validate" to see them.`);
    return 1;
  }
  const result = runScenario(definition as WorkflowDefinition, (await readJson(scenarioFile)) as Scenario);
  if (json) console.log(JSON.stringify({ timeline: result.timeline, upcoming: result.upcoming, failures: result.failures, caseState: result.caseState }, null, 2));
  else console.log(formatTimeline(result));
  return result.failures.length > 0 ? 1 : 0;
}

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const files = rest.filter((a) => !a.startsWith('--'));
  if (command === 'validate' && files.length > 0) return validate(files);
  if (command === 'simulate' && files.length === 2) return simulate(files[0]!, files[1]!, rest.includes('--json'));
  // The audit commands read the store's location and key from the environment, as the server does.
  if (command === 'audit') {
    const code = await audit(rest, process.env);
    if (code !== 2) return code;
  }
  console.error(usage);
  return 2;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error.message);
      process.exit(2);
    },
  );
}
