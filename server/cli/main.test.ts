import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('./bin.js', import.meta.url));

async function stepwise(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the stepwise command', () => {
  it('prints the fixture’s dated timeline from a scenario file', async () => {
    const { code, stdout } = await stepwise('simulate', 'test/fixtures/every-node.json', 'test/fixtures/every-node.scenario.json');
    expect(code).toBe(0);
    expect(stdout).toContain('Mon 02 Nov 2026 09:00  case_started');
    expect(stdout).toMatch(/task_created\s+screen → team front_door, normal, due Thu 05 Nov 2026 23:59/);
    expect(stdout).toMatch(/escalated\s+screen level 1, told eh_team_manager/);
    expect(stdout).toContain('Final state: closed (stepped_down, census reason RC9)');
  });

  it('prints the timeline as JSON on request', async () => {
    const { stdout } = await stepwise('simulate', 'test/fixtures/every-node.json', 'test/fixtures/every-node.scenario.json', '--json');
    const result = JSON.parse(stdout) as { caseState: { status: string }; failures: unknown[] };
    expect(result.caseState.status).toBe('closed');
    expect(result.failures).toEqual([]);
  });

  it('validates a definition and exits 1 listing its problems', async () => {
    expect((await stepwise('validate', 'test/fixtures/every-node.json')).code).toBe(0);
    const broken = await stepwise('validate', 'test/fixtures/broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('unknown_node  /nodes/1/next');
    expect(broken.stdout).toContain('no_start  /nodes');
  });

  it('explains its usage when called wrongly', async () => {
    const { code, stderr } = await stepwise('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain('Usage:');
  });
});

describe('the stepwise command, hardened (issue 10)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const scenario = JSON.parse(readFileSync(join(root, 'test/fixtures/every-node.scenario.json'), 'utf8')) as Record<string, unknown>;
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

  it('When a file is missing, Then it says which, without a stack trace, and exits 2', async () => {
    const missing = await stepwise('simulate', 'test/fixtures/every-node.json', join(dir, 'nope.json'));
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `${join(dir, 'nope.json')}: cannot be read: no such file.`]);
    const validate = await stepwise('validate', join(dir, 'nowhere'));
    expect([validate.code, validate.stderr.trim()]).toEqual([2, `${join(dir, 'nowhere')}: no such file or directory.`]);
  });

  it('When a file is cut off or is not JSON, Then it names the file and the line and column, and exits 2', async () => {
    // Without its "$schema" line, so the cut falls where it always has.
    const whole = readFileSync(join(root, 'test/fixtures/every-node.scenario.json'), 'utf8').replace(/^ {2}"\$schema".*\n/m, '');
    const cut = write('cut.scenario.json', whole.slice(0, 300));
    const truncated = await stepwise('simulate', 'test/fixtures/every-node.json', cut);
    expect(truncated.code).toBe(2);
    expect(truncated.stderr.trim()).toBe(`${cut}: the JSON ends early, at line 8, column 12: the file looks cut off (truncated).`);
    const broken = write('broken.json', '{\n  "id": "x",\n  "nodes": [1, 2}\n}');
    const invalid = await stepwise('validate', broken);
    expect([invalid.code, invalid.stderr.trim()]).toEqual([2, `${broken}: not valid JSON at line 3, column 17: Expected ',' or ']' after array element.`]);
    noStack(truncated.stderr + invalid.stderr);
  });

  it('When the scenario has no "users", Then it says so plainly and exits 2', async () => {
    const { users: _users, ...rest } = scenario;
    const file = write('no-users.scenario.json', JSON.stringify(rest));
    const { code, stderr } = await stepwise('simulate', 'test/fixtures/every-node.json', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file} is not a scenario stepwise can run:\n  /users: List the people who act in the scenario under "users", each with their roles`);
    noStack(stderr);
  });

  it('When a step is refused that the scenario did not expect, Then it exits 1, as for problems found', async () => {
    const steps = structuredClone(scenario['steps']) as Array<Record<string, unknown>>;
    delete steps[1]!['expectRefusal'];
    const file = write('unexpected.scenario.json', JSON.stringify({ ...scenario, steps }));
    const { code, stdout } = await stepwise('simulate', 'test/fixtures/every-node.json', file);
    expect(code).toBe(1);
    expect(stdout).toContain("FAILED step 1: refused: guard_failed: Record the family's agreement before referring to Early Help.");
  });

  it('When asked for JSON, Then the effects are there: the e-mails with recipients, subject and body', async () => {
    const { code, stdout } = await stepwise('simulate', 'test/fixtures/every-node.json', 'test/fixtures/every-node.scenario.json', '--json');
    expect(code).toBe(0);
    const { effects } = JSON.parse(stdout) as { effects: Array<{ type: string; at: string; notification?: { to: unknown[]; subject: string; body: string } }> };
    expect(effects.find((e) => e.type === 'notify')).toMatchObject({
      at: '2026-11-03T11:00:00.000Z',
      notification: { to: [{ mailbox: 'step_down_inbox', address: 'stepdown@fixture.example' }], subject: 'Step down referral: Okafor', body: 'Final review on 2027-01-20.' },
    });
  });

  it('When asked for help, Then it lists the commands, the scenario format in brief and where the rest is; an unknown option is a usage error', async () => {
    const help = await stepwise('--help');
    expect(help.code).toBe(0);
    for (const text of ['stepwise validate', 'stepwise simulate', 'stepwise audit verify', '"complete"', '"reassign"', '"withdraw"', '"expectRefusal"', '"until"', '"priority"', 'docs/scenario-format.md', 'stepwise new', 'stepwise publish', 'Exit status']) {
      expect(help.stdout).toContain(text);
    }
    const commands: Array<[string[], string[]]> = [
      [['validate', '--help'], ['stepwise validate <definition.json | directory>', 'unknown_node  /nodes/0/next', 'docs/definition-format.md']],
      [['help', 'simulate'], ['stepwise simulate <definition.json> <scenario.json> [--json]', '"expectRefusal"', 'engine/scenario/scenario.schema.json']],
      [['new', '--help'], ['stepwise new <id> [--authority-name <name>] [--dir <project root>]', 'test/<id>/<id>.scenario.json']],
      [['publish', '-h'], ['stepwise publish <definition.json>... [--dry-run]', 'STEPWISE_PUBLISH_CHANGED=true']],
      [['retention', '--help'], ['--dry-run lists them']],
      [['audit', '--help'], ['keygen      writes a signing key pair']],
    ];
    for (const [args, texts] of commands) {
      const one = await stepwise(...args);
      expect(one.code).toBe(0);
      expect(one.stdout).not.toContain('retention Which closed cases'); // its own help, not the list of commands
      for (const text of texts) expect(one.stdout).toContain(text);
    }
    const unknown = await stepwise('simulate', 'test/fixtures/every-node.json', 'test/fixtures/every-node.scenario.json', '--jsno');
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, 'Unknown option --jsno.']);
  }, 60_000);
});

