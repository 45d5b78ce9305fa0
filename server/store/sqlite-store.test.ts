import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { openDatabase, SQLITE_SCHEMA_VERSION } from './sqlite-schema.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { describeStoreContract } from './store.contract.ts';
import { definition, makeCase, rejection, save } from './store-contract-fixtures.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-sqlite-'));
  dirs.push(dir);
  return join(dir, 'stepwise.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Raw access, as someone holding the file could: drop the append-only triggers, then edit. */
function raw(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  db.prepare(sql).run(...params);
  db.close();
}

describeStoreContract('SQLite store', async () => {
  const path = tempFile();
  const store = openSqliteStore({ path });
  return {
    store,
    tamper: {
      editAuditDetail: async (caseId, seq, detail) => raw(path, 'UPDATE audit SET detail = ? WHERE case_id = ? AND seq = ?', JSON.stringify(detail), caseId, seq),
      deleteAudit: async (caseId, seq) => raw(path, 'DELETE FROM audit WHERE case_id = ? AND seq = ?', caseId, seq),
    },
    dispose: () => store.close(),
  };
});

describe('SQLite store on disk', () => {
  it('opens with WAL, full fsync on commit, a busy timeout and the current schema version', () => {
    const db = openDatabase({ path: tempFile(), busyTimeoutMs: 5000 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SQLITE_SCHEMA_VERSION });
    db.close();
  });

  it('refuses to update or delete audit entries and published definitions, even with raw SQL', async () => {
    const path = tempFile();
    const store = openSqliteStore({ path });
    await save(store, makeCase({ id: 'c1' }));
    await store.saveDraft(definition('flow', 'north'), { by: 'admin', at: '2026-10-01T09:00:00.000Z' });
    await store.publish('flow', { by: 'admin', at: '2026-10-01T09:00:00.000Z' });
    await store.close();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE audit SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE definitions SET body = '{}'").run()).toThrow(/immutable/);
    db.close();
  });

  it('keeps everything across a reopen and lets two connections share the file with one winner', async () => {
    const path = tempFile();
    const one = openSqliteStore({ path });
    const two = openSqliteStore({ path });
    await save(one, makeCase({ id: 'c1' }));
    const fromOne = makeCase({ id: 'c1', version: 2, familyName: 'One' });
    const fromTwo = makeCase({ id: 'c1', version: 2, familyName: 'Two' });
    await one.commitStep({ caseState: fromOne, expectedVersion: 1, audit: [], outbox: [] });
    expect(await rejection(two.commitStep({ caseState: fromTwo, expectedVersion: 1, audit: [], outbox: [] }))).toBeInstanceOf(ConflictError);
    await one.close();
    await two.close();
    const again = openSqliteStore({ path });
    expect((await again.getCase('c1'))?.subject.familyName).toBe('One');
    expect((await again.verifyAudit('c1')).ok).toBe(true);
    await again.close();
  });
});
