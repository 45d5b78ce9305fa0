import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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
    expect(stdout).toContain('Final state: closed (stepped_down)');
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
