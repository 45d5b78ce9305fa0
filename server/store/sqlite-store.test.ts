import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { openDatabase, SQLITE_SCHEMA_VERSION } from './sqlite-schema.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { describeStoreContract } from './store.contract.ts';
import { definition, makeCase, rejection, save, task } from './store-contract-fixtures.ts';

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

/** Takes a file back from schema 8 (the outbox's claim index) to 7. */
/** Takes a file back from schema 9 (keyed changes marked) to 8. */
const UNDO_9 = 'ALTER TABLE idempotency_keys DROP COLUMN committed_case; ALTER TABLE idempotency_keys DROP COLUMN committed_version;';
const UNDO_8 = `${UNDO_9} DROP INDEX outbox_claim; CREATE INDEX outbox_ready ON outbox (status, available_at);`;
/** Takes a file back from schema 8 and 7 (idempotency keys) to 6. */
const UNDO_7 = `${UNDO_8} DROP TABLE idempotency_keys;`;
/** Takes a file back from schema 7 and 6 (access logs, audit key) to 5. */
const UNDO_6 = `${UNDO_7} DROP TABLE access_log; DROP TABLE access_heads; DROP TABLE audit_keys;`;
/** Takes a file back from schema 6 and 5 (sign-in hardening) to 4, for the upgrade tests. */
const UNDO_5 = `${UNDO_6} DROP TABLE sign_in_attempts; ALTER TABLE sessions DROP COLUMN access_digest;`;

describeStoreContract('SQLite store', async () => {
  const path = tempFile();
  const store = openSqliteStore({ path });
  return {
    store,
    tamper: {
      editAuditDetail: async (caseId, seq, detail) => raw(path, 'UPDATE audit SET detail = ? WHERE case_id = ? AND seq = ?', JSON.stringify(detail), caseId, seq),
      deleteAudit: async (caseId, seq) => raw(path, 'DELETE FROM audit WHERE case_id = ? AND seq = ?', caseId, seq),
      replaceLog: async (caseId, entries, head) => {
        raw(path, 'DELETE FROM audit WHERE case_id = ?', caseId);
        const db = new Database(path);
        const insert = db.prepare('INSERT INTO audit (case_id, seq, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
        for (const e of entries) insert.run(caseId, e.seq, e.at, e.actor, e.action, JSON.stringify(e.detail), e.prevHash, e.hash);
        db.prepare('UPDATE cases SET audit_count = ?, audit_head = ? WHERE id = ?').run(head.count, head.hash, caseId);
        db.close();
      },
    },
    peer: async () => openSqliteStore({ path }),
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
  it('upgrades a schema-2 file in place: old task rows read the report fields as null until rewritten', async () => {
    const path = tempFile();
    const first = openSqliteStore({ path });
    const done = { status: 'completed' as const, completedAt: '2026-11-02T09:30:00.000Z', completedBy: 'dana', dueLabel: 'within 1 working day' };
    await save(first, makeCase({ id: 'c1', tasks: [task('c1.t1', 'screen', { team: 'front_door' }, done)] }));
    await first.close();
    // Back to what a schema-2 server left behind: no report columns, no drafts table.
    const db = new Database(path);
    db.exec(`${UNDO_5} DROP INDEX tasks_completed; DROP TABLE task_drafts; ALTER TABLE tasks DROP COLUMN completed_at;
      ALTER TABLE tasks DROP COLUMN completed_by; ALTER TABLE tasks DROP COLUMN due_label;
      ALTER TABLE cases DROP COLUMN search_key; UPDATE schema_version SET version = 2;`);
    db.close();

    const store = openSqliteStore({ path });
    expect((await store.listTasks({ authority: 'north' }))[0]).toMatchObject({ taskId: 'c1.t1', status: 'completed', completedAt: null, completedBy: null, dueLabel: null });
    await save(store, makeCase({ id: 'c1', version: 2, tasks: [task('c1.t1', 'screen', { team: 'front_door' }, done)] }));
    expect((await store.listTasks({ authority: 'north', completedFrom: '2026-11-02T00:00:00Z' }))[0]).toMatchObject({ taskId: 'c1.t1', ...done });
    await store.saveTaskDraft({ caseId: 'c1', taskId: 'c1.t2', userId: 'sam', authority: 'north', data: { a: 1 }, savedAt: '2026-11-02T10:00:00.000Z' });
    expect((await store.getTaskDraft('c1.t2', 'sam'))?.data).toEqual({ a: 1 });
    await store.close();
    const check = new Database(path);
    expect(check.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SQLITE_SCHEMA_VERSION });
    check.close();
  });
  it('upgrades a schema-3 file in place: existing cases become findable by child, case-system id and date of birth', async () => {
    const path = tempFile();
    const first = openSqliteStore({ path });
    await save(first, makeCase({ id: 'c1', familyName: 'Okafor', children: [{ name: 'Zoë', personId: 'MOS-4411', dateOfBirth: '2018-12-07' }] }));
    await first.close();
    // What a schema-3 server left behind: no search key.
    const db = new Database(path);
    db.exec(`${UNDO_5} ALTER TABLE cases DROP COLUMN search_key; UPDATE schema_version SET version = 3;`);
    db.close();

    const store = openSqliteStore({ path });
    for (const q of ['zoe', 'mos-4411', '7/12/2018', 'OKAFOR']) expect((await store.findCases({ authority: 'north', search: q })).map((c) => c.id)).toEqual(['c1']);
    await store.close();
  });
  it('upgrades a schema-4 file in place: a session from before has no access digest, and sign-in attempts are counted', async () => {
    const path = tempFile();
    const db = openDatabase({ path });
    db.exec(`${UNDO_5} UPDATE schema_version SET version = 4;`);
    db.prepare("INSERT INTO sessions VALUES ('old', 'dana', 'csrf', '2026-11-02T09:00:00.000Z', '2026-11-02T17:00:00.000Z')").run();
    db.close();

    const store = openSqliteStore({ path });
    expect(await store.getSession('old')).toMatchObject({ userId: 'dana', accessDigest: '' });
    await store.recordSignInAttempts([{ id: 'a1', key: 'account:dana@north.example', at: '2026-11-02T09:00:00.000Z', expiresAt: '2026-11-02T09:15:00.000Z' }]);
    expect(await store.listSignInAttempts('account:dana@north.example', '2026-11-02T09:01:00.000Z')).toHaveLength(1);
    await store.close();
  });
  it('upgrades a schema-6 file in place: retried requests find their keys', async () => {
    const path = tempFile();
    const db = openDatabase({ path });
    db.exec(`${UNDO_7} UPDATE schema_version SET version = 6;`);
    db.close();

    const store = openSqliteStore({ path });
    const claim = { userId: 'dana', key: 'k', method: 'POST', path: '/api/cases', requestHash: 'h', token: 't', createdAt: '2026-11-02T09:00:00.000Z', lockedUntil: '2026-11-02T09:01:00.000Z', expiresAt: '2026-11-03T09:00:00.000Z' };
    expect(await store.claimIdempotencyKey(claim)).toEqual({ ...claim, response: null, committed: null });
    expect(await store.claimIdempotencyKey({ ...claim, token: 'retry' })).toMatchObject({ token: 't' });
    await store.close();
  });
  it('upgrades a schema-7 file in place: the outbox claims e-mail from its index, in order, without sorting', async () => {
    const path = tempFile();
    const db = openDatabase({ path });
    db.exec(`${UNDO_8} UPDATE schema_version SET version = 7;`);
    db.close();

    const store = openSqliteStore({ path });
    await save(store, makeCase({ id: 'c1' }), [{ id: 'c1.n1', kind: 'notify', payload: {} }]);
    expect((await store.claimOutbox('2026-11-02T10:00:00.000Z', 'a', 60_000, 10, ['notify'])).map((m) => m.id)).toEqual(['c1.n1']);
    await store.close();
    const check = new Database(path, { readonly: true });
    const plan = check.prepare(`EXPLAIN QUERY PLAN SELECT * FROM outbox WHERE status = 'pending' AND kind IN (?) AND available_at <= ?
      ORDER BY available_at, created_at, id LIMIT 16`).all('notify', '2026-11-02T10:00:00.000Z') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail)).toEqual([expect.stringContaining('USING INDEX outbox_claim')]);
    expect(check.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SQLITE_SCHEMA_VERSION });
    check.close();
  });
  it('upgrades a schema-8 file in place: a key held across the upgrade marks the change its request commits', async () => {
    const path = tempFile();
    const db = openDatabase({ path });
    db.exec(`${UNDO_9} UPDATE schema_version SET version = 8;`);
    // A schema-8 server claimed the key, then stopped for the upgrade.
    db.exec(`INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, token, created_at, locked_until, expires_at)
      VALUES ('dana', 'k', 'POST', '/api/cases', 'h', 't', '2026-11-02T09:00:00.000Z', '2026-11-02T09:01:00.000Z', '2026-11-03T09:00:00.000Z')`);
    db.close();

    const store = openSqliteStore({ path });
    const claim = { userId: 'dana', key: 'k', method: 'POST', path: '/api/cases', requestHash: 'h', token: 't', createdAt: '2026-11-02T09:00:00.000Z', lockedUntil: '2026-11-02T09:01:00.000Z', expiresAt: '2026-11-03T09:00:00.000Z' };
    const started = makeCase({ id: 'c1' });
    await store.commitStep({ caseState: started, expectedVersion: null, audit: [], outbox: [], request: { userId: 'dana', key: 'k', token: 't' } });
    expect(await store.claimIdempotencyKey({ ...claim, token: 'retry', createdAt: '2026-11-02T09:02:00.000Z' })).toMatchObject({ token: 'retry', committed: { caseId: 'c1', version: 1 } });
    await store.close();
  });
});
