/**
 * `stepwise validate <definition.json>...` prints each definition's problems.
 * `stepwise simulate <definition.json> <scenario.json> [--json]` prints the dated timeline.
 * `stepwise new <id>` scaffolds an authority (new-authority.ts); `stepwise publish <file>` publishes
 * changed definition files (publish.ts).
 * `stepwise audit verify|checkpoint|keygen` checks and anchors the audit logs (audit.ts).
 *
 * Exit status: 0 nothing wrong; 1 problems found (a definition's problems, a scenario's failed
 * expectations); 2 a usage or file error (a missing, unreadable or malformed file); 3 a fault of
 * ours. It never prints a stack trace: every message names the file and what to do.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatTimeline, runScenario, ScenarioInvalid, validateDefinition, validateFormData, type Scenario, type WorkflowDefinition } from '../../engine/index.ts';
import { scenarioMessages, scenarioSchema } from '../routes/definition-scenario-schema.ts';
import { audit, auditUsage } from './audit.ts';
import { newAuthority, newHelp, newUsage } from './new-authority.ts';
import { publish, publishHelp, publishUsage } from './publish.ts';
import { retention, retentionUsage } from './retention.ts';
import { CliError, readJson } from './read-json.ts';

const usage = `Usage:
  stepwise validate <definition.json | directory>...
  stepwise simulate <definition.json> <scenario.json> [--json]
${newUsage}
${publishUsage}
${auditUsage}
${retentionUsage}
  stepwise [<command>] --help`;

const validateHelp = `  stepwise validate <definition.json | directory>...

Checks each definition (a directory: every *.json in it but *.scenario.json) against the
definition format (docs/definition-format.md) and the engine's checks, and prints every problem
as its code, its JSON path in the definition and a sentence saying what to do:
  definitions/northshire.json: 1 problem(s)
    unknown_node  /nodes/0/next  "Step down requested" leads to "triag", but no step has that
    ID (was it deleted or renamed?): choose the step it leads to.
The format, every construct with an example: docs/definition-format.md.

Exit status: 0 no problems, 1 problems found, 2 a missing or malformed file.`;

const scenarioFormat = `A scenario file is JSON (docs/scenario-format.md has every field, with examples; its JSON
Schema is engine/scenario/scenario.schema.json): {"users": {...}, "steps": [...]}, with optional
"$schema", "name", "description", "definition", "caseId".
  users   each person by id with their roles (and teams): {"sam": {"roles": ["social_worker"]}}
  steps   in date order, each one of:
    {"at": T, "start": {"entry", "by", "subject": {"familyName", "children"}, "data"?}}
    {"at": T, "complete": {"task": <node id>, "by", "data"?, "actions": [{"action", "passTo"?,
                           "priority"?: "urgent"|"normal"|"low", "scheduledFor"?, "note"?}]}}
                           (the priority chosen is the priority of the task the action creates)
    {"at": T, "reassign": {"task", "by", "to": {"worker"} | {"team"}, "reason"?}}
    {"at": T, "withdraw": {"by", "reason"}}
    {"at": T, "subflowEnded": {"child": <sub-case id>, "outcome"}}
    {"until": T}      let the clock run, firing the timers due by then
  "expectRefusal": "<code>" on a step expects the engine to refuse it with that code.
  T is a date and time with a zone: 2026-12-22T09:00:00Z. More in definitions/README.md,
  "Scenario files".`;

const simulateHelp = `  stepwise simulate <definition.json> <scenario.json> [--json]

Runs a scenario against a definition with a simulated clock and prints the dated timeline in
London time: each event, task (who it is with, its priority and due moment), timer, escalation,
e-mail and refusal, then the deadlines still to come and the final state. --json prints the
timeline, the deadlines still to come, the failures, every effect (e-mails with recipients,
subject and body; sub-cases with their input) and the final case state.

${scenarioFormat}

Exit status: 0 every expectation held, 1 one failed (or the definition has problems), 2 a usage
or file error (a missing or malformed file; a scenario that does not follow the format, each
field at fault named by its JSON pointer).`;

const retentionHelp = `${retentionUsage}

Which closed cases are due to be anonymised or deleted today by their protocol's retention rule:
--dry-run lists them (and the held and undated ones) and changes nothing; --run disposes of them,
each recorded on the access log; --authority limits it to one authority; --json prints the lists
as JSON. Reads the store and audit key from the environment, as the server does.`;

const auditHelp = `${auditUsage}

keygen      writes a signing key pair (<name>.pem, private; <name>.pub.pem, to publish)
checkpoint  signs the head of every audit log, so a later rewrite of the history shows
verify      checks every audit log's chain (and, with --checkpoint, that it still extends the
            signed heads; --public-key pins the key the checkpoint must be signed with)
Reads the store and audit key from the environment, as the server does (README, "What the
audit proves"). Exit status: 0 all verified, 1 a log or checkpoint failed, 2 usage errors.`;

const help = `${usage}

validate  Checks definitions and prints every problem with its code, JSON path and a sentence.
simulate  Runs a scenario against a definition with a simulated clock and prints the dated
          timeline in London time (--json: the timeline, deadlines to come, failures, effects
          and final case state as JSON).
new       Scaffolds a new authority: a definition, its trace table, a dated scenario, a test
          running it and its row in definitions/README.md, valid from the first minute.
publish   Publishes changed definition files as new versions, printing the changes.
retention Which closed cases are due to be anonymised or deleted today (--dry-run), or does it
          (--run).
audit     Checks and anchors the audit logs.
"stepwise <command> --help" says more about each command.

${scenarioFormat}

Exit status: 0 nothing wrong, 1 problems found (definition problems, scenario failures),
2 usage or file errors, 3 a fault in stepwise itself.`;

const commandHelp: Record<string, string> = {
  validate: validateHelp,
  simulate: simulateHelp,
  new: newHelp,
  publish: publishHelp,
  retention: retentionHelp,
  audit: auditHelp,
};

/** Expands directories to the definition files in them (`*.json`, not scenarios). */
async function definitionFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const found = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new CliError(error.code === 'ENOENT' ? `${path}: no such file or directory.` : `${path}: cannot be read (${error.code ?? error.message}).`);
    });
    if (!found.isDirectory()) files.push(path);
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

const scenarioShape = {
  title: 'Scenario',
  schema: scenarioSchema,
  errorMessages: { ...scenarioMessages(''), '/users': { required: 'List the people who act in the scenario under "users", each with their roles' } },
};

/** The scenario in `file`, or a file error naming each field at fault. */
async function readScenario(file: string): Promise<Scenario> {
  const scenario = await readJson(file);
  const errors = validateFormData(scenarioShape, scenario, { blanksAreAnswers: true });
  if (errors.length > 0) {
    throw new CliError([`${file} is not a scenario stepwise can run:`, ...errors.map((e) => `  ${e.pointer || '/'}: ${e.message}`), 'See "stepwise --help" for the format.'].join('\n'));
  }
  return scenario as Scenario;
}

async function simulate(definitionFile: string, scenarioFile: string, json: boolean): Promise<number> {
  const definition = await readJson(definitionFile);
  const problems = validateDefinition(definition);
  if (problems.length > 0) {
    console.error(`${definitionFile} has ${problems.length} problem(s); run "stepwise validate" to see them.`);
    return 1;
  }
  let result;
  try {
    result = runScenario(definition as WorkflowDefinition, await readScenario(scenarioFile));
  } catch (error) {
    if (error instanceof ScenarioInvalid) throw new CliError(`${scenarioFile} is not a scenario stepwise can run:\n${error.message.replace(/^/gm, '  ')}`);
    throw error;
  }
  const { timeline, upcoming, overdue, failures, effects, caseState } = result;
  if (json) console.log(JSON.stringify({ timeline, upcoming, overdue, failures, effects, caseState }, null, 2));
  else console.log(formatTimeline(result));
  return failures.length > 0 ? 1 : 0;
}

/** Runs one command; throws a CliError for a usage or file error. */
async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined) throw new CliError(usage);
  if (['--help', '-h', 'help'].includes(command) || rest.includes('--help') || rest.includes('-h')) {
    const about = ['--help', '-h', 'help'].includes(command) ? rest.find((a) => !a.startsWith('-')) : command;
    console.log(about && commandHelp[about] ? `Usage:\n${commandHelp[about]}` : help);
    return 0;
  }
  if (command === 'new') return newAuthority(rest);
  if (command === 'publish') return publish(rest, process.env);
  // The audit commands read the store's location and key from the environment, as the server does.
  if (command === 'audit') {
    const code = await audit(rest, process.env).catch((error: Error) => {
      throw new CliError(`stepwise audit: ${error.message}`);
    });
    if (code !== 2) return code;
    throw new CliError(usage);
  }
  if (command === 'retention') {
    const code = await retention(rest, process.env).catch((error: Error) => {
      throw new CliError(`stepwise retention: ${error.message}`);
    });
    if (code !== 2) return code;
    throw new CliError(usage);
  }
  const files = rest.filter((a) => !a.startsWith('--'));
  const unknown = rest.filter((a) => a.startsWith('--') && !(command === 'simulate' && a === '--json'));
  if (unknown.length > 0) throw new CliError(`Unknown option ${unknown.join(', ')}.\n${usage}`);
  if (command === 'validate' && files.length > 0) return validate(files);
  if (command === 'simulate' && files.length === 2) return simulate(files[0]!, files[1]!, rest.includes('--json'));
  throw new CliError(usage);
}

export async function main(args: string[]): Promise<number> {
  try {
    return await run(args);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(error.message);
      return 2;
    }
    // A fault of ours: said in one line, without the stack, and with a different exit status.
    console.error(`stepwise: something went wrong inside stepwise: ${(error as Error)?.message ?? String(error)}`);
    return 3;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  process.exit(await main(process.argv.slice(2)));
}
