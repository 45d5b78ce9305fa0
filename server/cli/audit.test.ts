import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/index.ts';
import { makeCase, save } from '../store/store-contract-fixtures.ts';
import { audit } from './audit.ts';

let dir: string;
let env: Record<string, string>;
let lines: string[];
const run = (...args: string[]) => audit(args, env, (line) => lines.push(line), () => '2026-11-03T09:00:00.000Z');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-audit-cli-'));
  env = { SQLITE_PATH: join(dir, 'stepwise.db') };
  lines = [];
  // As the demo leaves it: the database, and its key file beside it.
  const store = openSqliteStore({ path: env.SQLITE_PATH! });
  await save(store, makeCase({ id: 'c1' }));
  await save(store, makeCase({ id: 'c1', version: 2 }));
  await store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('stepwise audit', () => {
  it('Given a key pair and a checkpoint kept elsewhere, When the last entry is cut off and the head moved back, Then verify passes alone and fails against the checkpoint', async () => {
    const keys = join(dir, 'dpo');
    expect(await run('keygen', '--out', keys)).toBe(0);
    if (process.platform !== 'win32') expect(statSync(`${keys}.pem`).mode & 0o777).toBe(0o600);
    const file = join(dir, 'checkpoint.json');
    expect(await run('checkpoint', '--signing-key', `${keys}.pem`, '--out', file)).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ at: '2026-11-03T09:00:00.000Z', logs: 1, entries: 2 });
    expect(await run('verify', '--checkpoint', file, '--public-key', `${keys}.pub.pem`)).toBe(0);
    expect(lines.at(-1)).toMatch(/^ok: 1 logs, 2 entries checked under audit key [0-9a-f]{16}, against the checkpoint; 0 failed$/);

    const db = new Database(env.SQLITE_PATH!);
    db.exec("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE case_id = 'c1' AND seq = 2;");
    db.exec("UPDATE cases SET audit_count = 1, audit_head = (SELECT hash FROM audit WHERE case_id = 'c1' AND seq = 1) WHERE id = 'c1'");
    db.close();
    lines = [];
    expect(await run('verify')).toBe(0);
    expect(await run('verify', '--checkpoint', file, '--public-key', `${keys}.pub.pem`)).toBe(1);
    expect(lines).toContain('FAILED case c1: the log ends at entry 1 but the checkpoint recorded 2 (entry 2)');
  });

  it('refuses a checkpoint signed by anyone but the published key, and a store without its key', async () => {
    const [ours, theirs] = [join(dir, 'ours'), join(dir, 'theirs')];
    await run('keygen', '--out', ours);
    await run('keygen', '--out', theirs);
    const file = join(dir, 'checkpoint.json');
    await run('checkpoint', '--signing-key', `${theirs}.pem`, '--out', file);
    expect(await run('verify', '--checkpoint', file, '--public-key', `${ours}.pub.pem`)).toBe(1);
    expect(lines.at(-1)).toBe(`FAILED checkpoint ${file}: the checkpoint was not signed with the published key`);
    rmSync(`${env.SQLITE_PATH}.audit-key`);
    await expect(run('verify')).rejects.toThrow(/no audit key file/);
    expect(await run('checkpoint')).toBe(2);
  });
});
