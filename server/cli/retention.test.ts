import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseState } from '../../engine/index.ts';
import { openSqliteStore } from '../store/index.ts';
import { auditOf, makeCase } from '../store/store-contract-fixtures.ts';
import type { RetentionRun } from '../retention/job.ts';
import { main } from './main.ts';
import { retention } from './retention.ts';

let dir: string;
let env: Record<string, string>;
let lines: string[];
const NOW = '2026-12-07T10:00:00.000Z';
const run = (...args: string[]) => retention(args, env, (line) => lines.push(line), () => NOW);

/** A case withdrawn on 1 May 2010 whose one child was born on `dateOfBirth`, written as the runner leaves it. */
const withdrawn = (id: string, authority: string, dateOfBirth: string): CaseState => ({
  ...makeCase({ id, authority, status: 'withdrawn', children: [{ name: 'Ada Okafor', dateOfBirth }] }),
  outcome: { id: 'withdrawn', at: '2010-05-01T09:00:00.000Z' },
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-retention-cli-'));
  env = { SQLITE_PATH: join(dir, 'stepwise.db') };
  lines = [];
  const store = openSqliteStore({ path: env.SQLITE_PATH! });
  for (const state of [withdrawn('n-due', 'north', '2001-12-07'), withdrawn('n-later', 'north', '2001-12-08'), withdrawn('s-due', 'south', '2000-01-01')]) {
    await store.commitStep({ caseState: state, expectedVersion: null, audit: [auditOf(state)], outbox: [] });
  }
  await store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('stepwise retention', () => {
  it('--dry-run lists what is due today and why, and changes nothing', async () => {
    expect(await run('--dry-run')).toBe(0);
    expect(lines).toEqual([
      'Retention on 2026-12-07 (dry run: nothing was changed)',
      'Due: 2',
      '  n-due  north  withdrawn 2010-05-01  due 2026-12-07  anonymise  (the youngest child\'s 25th birthday; kept until the youngest child\'s 25th birthday, then anonymised)',
      '  s-due  south  withdrawn 2010-05-01  due 2025-01-01  anonymise  (the youngest child\'s 25th birthday; kept until the youngest child\'s 25th birthday, then anonymised)',
      'On legal hold, kept: 0',
      'No child\'s date of birth, kept for review: 0',
      'Not yet due: 1',
    ]);
    lines = [];
    expect(await run('--dry-run', '--json')).toBe(0);
    expect((JSON.parse(lines.join('\n')) as RetentionRun).due.map((p) => p.caseId)).toEqual(['n-due', 's-due']);
  });

  it('--run --authority anonymises only that authority’s due cases, and a second run finds nothing', async () => {
    expect(await run('--run', '--authority', 'north')).toBe(0);
    expect(lines.at(-1)).toBe('Anonymised: 1; deleted: 0');
    const store = openSqliteStore({ path: env.SQLITE_PATH! });
    try {
      expect((await store.getCase('n-due'))?.subject.familyName).toBe('Anonymised family');
      expect((await store.getCase('s-due'))?.subject.familyName).toBe('Okafor');
      expect(await store.listAccess({ authority: 'north', actor: 'system' })).toMatchObject([{ action: 'case_anonymised', detail: { caseId: 'n-due' } }]);
    } finally {
      await store.close();
    }
    lines = [];
    expect(await run('--run', '--authority', 'north', '--json')).toBe(0);
    expect((JSON.parse(lines.join('\n')) as RetentionRun).disposed).toEqual([]);
  });

  it('refuses to guess: neither or both of --dry-run and --run, an unknown option, or --authority without an id', async () => {
    expect(await run()).toBe(2);
    expect(await run('--dry-run', '--run')).toBe(2);
    expect(await run('--dry-run', '--force')).toBe(2);
    expect(await run('--dry-run', '--authority')).toBe(2);
    const previous = process.env.SQLITE_PATH;
    process.env.SQLITE_PATH = join(dir, 'missing.db');
    try {
      expect(await main(['retention', '--dry-run'])).toBe(2);
    } finally {
      if (previous === undefined) delete process.env.SQLITE_PATH;
      else process.env.SQLITE_PATH = previous;
    }
  });
});
