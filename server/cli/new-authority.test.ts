/**
 * Adding an authority from the CLI alone: `stepwise new` scaffolds it into a project directory,
 * `validate` finds no problems, `simulate` runs its dated scenario, and a server started on that
 * definitions directory serves it next to the four, skipping an invalid file. A changed file is
 * said at start-up, published by `stepwise publish` or by STEPWISE_PUBLISH_CHANGED=true, with its
 * changes in plain English.
 */
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('./bin.js', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'stepwise-new-'));
const definitionsDir = join(project, 'definitions');
const dbPath = join(project, 'stepwise.db');
afterAll(() => rmSync(project, { recursive: true, force: true }));

async function stepwise(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: project, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Starts the server on the project's definitions, signs in as `email`, and returns what it printed and the definitions it lists. */
async function serve(email: string, env: Record<string, string> = {}): Promise<{ output: string; ids: string[] }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: dbPath, NODE_ENV: 'test', STEPWISE_DEFINITIONS_DIR: definitionsDir, STEPWISE_RETENTION: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const started = Date.now();
    while (!output.includes('Stepwise on http')) {
      if (child.exitCode !== null || Date.now() - started > 30_000) throw new Error(`the server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password: 'stepwise-demo' }) });
    expect(signIn.status).toBe(201);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const listed = await fetch(`${base}/api/definitions`, { headers: { cookie } });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as Array<{ id: string }> | { definitions: Array<{ id: string }> };
    const ids = (Array.isArray(body) ? body : body.definitions).map((d) => d.id);
    return { output, ids };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

const NORTHSHIRE = join(definitionsDir, 'northshire.json');
const setTriageDays = (days: number) => {
  const definition = JSON.parse(readFileSync(NORTHSHIRE, 'utf8')) as { nodes: Array<{ id: string; due?: { after: { amount: number }; label: string } }> };
  const triage = definition.nodes.find((n) => n.id === 'triage')!;
  triage.due = { ...triage.due!, after: { ...triage.due!.after, amount: days }, label: `within ${days} working days` };
  writeFileSync(NORTHSHIRE, JSON.stringify(definition, null, 2));
};

describe('adding an authority from the CLI', () => {
  mkdirSync(definitionsDir);
  for (const file of readdirSync(join(root, 'definitions')).filter((f) => f.endsWith('.json') || f === 'README.md')) copyFileSync(join(root, 'definitions', file), join(definitionsDir, file));

  it('When "stepwise new northshire" runs, Then it writes the definition, trace table, scenario, test and README row', async () => {
    const made = await stepwise(['new', 'northshire', '--authority-name', 'Northshire County Council', '--dir', project]);
    expect(made.code).toBe(0);
    for (const file of ['definitions/northshire.json', 'definitions/northshire.md', 'definitions/northshire.forms.ts', 'test/northshire/northshire.scenario.json', 'test/northshire/northshire.test.ts']) {
      expect(existsSync(join(project, file))).toBe(true);
      expect(made.stdout).toContain(`wrote ${file}`);
    }
    expect(readFileSync(join(definitionsDir, 'northshire.forms.ts'), 'utf8')).toContain('export interface FormData {\n  "referral": ReferralData;\n  "triage": TriageData;\n}');
    const definition = JSON.parse(readFileSync(NORTHSHIRE, 'utf8')) as { $schema: string; authority: { name: string } };
    expect(definition.$schema).toBe('../engine/schema/definition.schema.json');
    expect(definition.authority.name).toBe('Northshire County Council');
    const scenario = JSON.parse(readFileSync(join(project, 'test/northshire/northshire.scenario.json'), 'utf8')) as { $schema: string };
    expect(scenario.$schema).toBe('../../engine/scenario/scenario.schema.json');
    expect(readFileSync(join(definitionsDir, 'README.md'), 'utf8')).toContain('| Clinic model | `clinic.json` | `clinic.md` | `test/clinic/` |\n| Northshire County Council | `northshire.json` | `northshire.md` | `test/northshire/` |');
  });

  it('Then it validates next to the four and its scenario runs: triage due at the end of the third working day, over a weekend', async () => {
    const validated = await stepwise(['validate', 'definitions']);
    expect([validated.code, validated.stdout.match(/: no problems/g)?.length]).toEqual([0, 5]);
    expect(validated.stdout).toContain('definitions/northshire.json: no problems');
    const simulated = await stepwise(['simulate', 'definitions/northshire.json', 'test/northshire/northshire.scenario.json']);
    expect(simulated.code).toBe(0);
    expect(simulated.stdout).toMatch(/Fri 18 Dec 2026 10:00 {2}task_created {4}triage → team early_help_hub, normal, due Wed 23 Dec 2026 23:59/);
    expect(simulated.stdout).toContain('not_allowed');
    expect(simulated.stdout).toContain('Final state: closed (stepped_down, census reason RC9)');
  });

  it('Then the test it wrote passes, run by vitest against the engine', async () => {
    symlinkSync(join(root, 'engine'), join(project, 'engine'));
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
    const { stdout } = await run(join(root, 'node_modules', '.bin', 'vitest'), ['run', '--root', project, 'test/northshire/northshire.test.ts'], { cwd: project, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    expect(stdout).toMatch(/Tests\s+2 passed/);
  }, 60_000);

  it('Given an id already taken or not an id, Then it refuses and writes nothing', async () => {
    const again = await stepwise(['new', 'northshire', '--dir', project]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('There is already an authority "northshire": definitions/northshire.json');
    const bad = await stepwise(['new', 'North Shire', '--dir', project]);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, '"North Shire" cannot be an authority id: use 2 to 40 lowercase letters, digits and hyphens, starting with a letter (for example "northshire").']);
    const none = await stepwise(['new']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('stepwise new <id>');
  });

  it('Given an invalid file beside them, When the server starts on that directory, Then it serves the new authority next to the four and says which file it skipped', async () => {
    copyFileSync(join(root, 'test/fixtures/broken.json'), join(definitionsDir, 'broken.json'));
    const { output, ids } = await serve('admin@northshire.example');
    expect(ids).toContain('northshire');
    expect(output).toMatch(/Published: .*northshire/);
    expect(output).toContain('Published: caf-ehm, camden, clinic, graft-lcs, northshire');
    expect(output).toMatch(/definitions\/broken\.json is skipped: it has \d+ problem\(s\); the other authorities are served\. First:\n {2}\S+ {2}\/\S*/);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    rmSync(join(definitionsDir, 'broken.json'));
  }, 60_000);

  it('Given the file changed, Then the server says so with the change; "stepwise publish" publishes it as version 2; STEPWISE_PUBLISH_CHANGED=true publishes the next change at start-up', async () => {
    setTriageDays(5);
    const told = await serve('admin@northshire.example');
    expect(told.output).toContain('definitions/northshire.json differs from northshire version 1 (published by system):');
    expect(told.output).toMatch(/ {2}- .*Triage the step down.*5 working days.*\n/);
    expect(told.output).toContain('STEPWISE_PUBLISH_CHANGED=true, or "npx stepwise publish definitions/northshire.json"');

    const dry = await stepwise(['publish', 'definitions/northshire.json', '--dry-run'], { SQLITE_PATH: dbPath });
    expect([dry.code, dry.stdout.split('\n')[0]]).toEqual([0, 'definitions/northshire.json: would publish northshire, changed since version 1:']);
    const published = await stepwise(['publish', 'definitions/northshire.json'], { SQLITE_PATH: dbPath });
    expect(published.code).toBe(0);
    expect(published.stdout).toMatch(/^definitions\/northshire\.json: published northshire version 2, changed since version 1:\n {2}- .*5 working days/);
    const same = await stepwise(['publish', 'definitions/northshire.json'], { SQLITE_PATH: dbPath });
    expect(same.stdout.trim()).toBe('definitions/northshire.json: the same as northshire version 2; nothing to publish.');

    setTriageDays(4);
    const asked = await serve('admin@northshire.example', { STEPWISE_PUBLISH_CHANGED: 'true' });
    expect(asked.output).toMatch(/definitions\/northshire\.json published as northshire version 3, changed since version 2:\n {2}- .*4 working days/);
  }, 90_000);
});
