import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { openDatabase, SQLITE_SCHEMA_VERSION } from './sqlite-schema.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { describeStoreContract } from './store.contract.ts';
import { tasksSql } from './sqlite-queries.ts';
import { definition, makeCase, rejection, save, T0, task } from './store-contract-fixtures.ts';

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

/** Takes a file back from schema 15 (webhook subscriptions) to 14. */
const UNDO_15 = 'DROP TABLE IF EXISTS webhook_subscriptions;';
/** Takes a file back from schema 14 (retention: legal holds, anonymised cases) to 13. */
const UNDO_14 = `${UNDO_15} DROP INDEX cases_retention; DROP INDEX cases_retention_all; ALTER TABLE cases DROP COLUMN anonymised_at; DROP TABLE legal_holds;`;
/** Takes a file back from schema 13 (change notes on published versions) to 12. */
const UNDO_13 = `${UNDO_14} ALTER TABLE definitions DROP COLUMN note;`;
/** Takes a file back from schema 12 (each timeline in its own table) to 11: timelines back inside the states. */
const UNDO_12 = `${UNDO_13} UPDATE cases SET state = json_set(state, '$.history',
    (SELECT json_group_array(json(entry)) FROM (SELECT entry FROM case_history h WHERE h.case_id = cases.id ORDER BY seq)))
    WHERE history_count IS NOT NULL;
  DROP TABLE case_history; ALTER TABLE cases DROP COLUMN history_count; ALTER TABLE cases DROP COLUMN history_hash;`;
/** Takes a file back from schema 12 and 11 (the trigram search index) to 10. */
const UNDO_11 = `${UNDO_12} DROP TRIGGER cases_search_added; DROP TRIGGER cases_search_changed; DROP TRIGGER cases_search_removed;
  DROP TABLE case_search_fts; DROP TABLE case_search; DROP TABLE search_authorities;`;
/** Takes a file back from schema 11 and 10 (partial indexes of open tasks) to 9. */
const UNDO_10 = `${UNDO_11} DROP INDEX tasks_open_inbox; DROP INDEX tasks_open_due; DROP INDEX tasks_open_overdue; DROP INDEX tasks_completed_at;
  CREATE INDEX tasks_inbox ON tasks (authority, assignee_kind, assignee, status, due);
  CREATE INDEX tasks_status_due ON tasks (authority, status, due); CREATE INDEX tasks_completed ON tasks (authority, completed_at);`;
/** Takes a file back from schema 9 (keyed changes marked) and later to 8. */
const UNDO_9 = `${UNDO_10} ALTER TABLE idempotency_keys DROP COLUMN committed_case; ALTER TABLE idempotency_keys DROP COLUMN committed_version;`;
/** Takes a file back from schema 8 (the outbox's claim index) to 7. */
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

/** The plan SQLite makes for `sql`, one line per step. */
function planOf(path: string, sql: string, ...params: unknown[]): string[] {
  const db = new Database(path, { readonly: true });
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
  db.close();
  return plan.map((p) => p.detail);
}

describe('SQLite store upgrades, schema 10 and later', () => {
  it('upgrades a schema-9 file in place: open work is read from indexes of open tasks only, in order, without sorting', async () => {
    const path = tempFile();
    const first = openSqliteStore({ path });
    await save(first, makeCase({ id: 'c1', tasks: [
      task('c1.t1', 'plan', { worker: 'sam' }, { due: '2026-11-20T17:00:00.000Z' }),
      task('c1.t2', 'screen', { team: 'front_door' }, { due: '2026-11-05T17:00:00.000Z', overdue: true }),
      task('c1.t3', 'old', { worker: 'sam' }, { status: 'completed', completedAt: '2026-11-02T10:00:00.000Z', completedBy: 'sam' }),
    ] }));
    await first.close();
    const db = new Database(path);
    db.exec(`${UNDO_10} UPDATE schema_version SET version = 9;`);
    db.close();

    const store = openSqliteStore({ path });
    const ids = async (query: Omit<Parameters<typeof store.listTasks>[0], 'authority'>) => (await store.listTasks({ authority: 'north', ...query })).map((t) => t.taskId);
    expect(await ids({ worker: 'sam', status: 'open' })).toEqual(['c1.t1']);
    expect(await ids({ teams: ['front_door'], status: 'open' })).toEqual(['c1.t2']);
    expect(await ids({ overdue: true, status: 'open' })).toEqual(['c1.t2']);
    expect(await ids({ status: 'open', dueBefore: '2026-11-06T00:00:00Z' })).toEqual(['c1.t2']);
    expect(await ids({ status: 'completed', completedFrom: '2026-11-02T00:00:00Z' })).toEqual(['c1.t3']);
    // A step completes the plan: its row leaves the open-task indexes in the same commit.
    await save(store, makeCase({ id: 'c1', version: 2, tasks: [task('c1.t1', 'plan', { worker: 'sam' }, { status: 'completed', completedAt: '2026-11-03T10:00:00.000Z' })] }));
    expect(await ids({ worker: 'sam', status: 'open' })).toEqual([]);
    expect(await ids({ caseId: 'c1' })).toEqual(['c1.t1']);
    await store.close();

    // The statements listTasks runs: each an ordered walk of an index, no sort, no other authority's rows.
    const plan = (query: Omit<Parameters<typeof store.listTasks>[0], 'authority'>) => {
      const { sql, params } = tasksSql({ authority: 'north', ...query })!;
      return planOf(path, sql, ...params).join(' | ');
    };
    const inbox = 'SEARCH tasks USING COVERING INDEX tasks_open_inbox (authority=? AND assignee_kind=? AND assignee=?)';
    expect(plan({ worker: 'sam', status: 'open' })).toBe(inbox);
    expect(plan({ teams: ['front_door'], status: 'open' })).toBe(inbox);
    expect(plan({ worker: 'sam', teams: ['front_door', 'panel'], status: 'open' }).split(' | ').filter((step) => !/^(MERGE \(UNION ALL\)|LEFT|RIGHT)$/.test(step)))
      .toEqual([inbox, inbox, inbox]);
    expect(plan({ overdue: true, status: 'open' })).toBe('SEARCH tasks USING COVERING INDEX tasks_open_overdue (authority=?)');
    expect(plan({ status: 'open' })).toBe('SEARCH tasks USING INDEX tasks_open_due (authority=?)');
    expect(plan({ status: 'open', dueBefore: '2026-11-06T00:00:00Z' })).toContain('USING INDEX tasks_open_due (authority=? AND <expr>=? AND due<?)');
    expect(plan({ status: 'completed', completedFrom: T0 })).toContain('USING INDEX tasks_completed_at (authority=? AND completed_at>?)');
    expect(plan({ caseId: 'c1', status: 'open' })).toContain('USING INDEX tasks_case (case_id=?)');
    const check = new Database(path, { readonly: true });
    // Only the per-case index still holds every task; the rest hold open (or completed) ones.
    const partial = check.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks' AND sql IS NOT NULL ORDER BY name").all();
    expect(partial).toEqual([
      { name: 'tasks_case', sql: expect.not.stringContaining('WHERE') },
      { name: 'tasks_completed_at', sql: expect.stringContaining('WHERE completed_at IS NOT NULL') },
      ...['tasks_open_due', 'tasks_open_inbox', 'tasks_open_overdue'].map((name) => ({ name, sql: expect.stringContaining("WHERE status = 'open'") })),
    ]);
    expect(check.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SQLITE_SCHEMA_VERSION });
    check.close();
  });

  it('upgrades a schema-10 file in place: existing cases are found through the trigram index, which follows later commits', async () => {
    const path = tempFile();
    const first = openSqliteStore({ path });
    await save(first, makeCase({ id: 'c1', familyName: 'Okafor', children: [{ name: 'Zoë', personId: 'MOS-4411', dateOfBirth: '2018-12-07' }] }));
    await save(first, makeCase({ id: 's1', authority: 'south', familyName: 'Okafor' }));
    await first.close();
    const db = new Database(path);
    db.exec(`${UNDO_11} UPDATE schema_version SET version = 10;`);
    db.close();

    const store = openSqliteStore({ path });
    const find = async (search: string, authority = 'north') => (await store.findCases({ authority, search })).map((c) => c.id);
    for (const q of ['zoe', 'mos-4411', '7/12/2018', 'OKAFOR', 'zo', 'c1']) expect(await find(q)).toEqual(['c1']);
    expect(await find('okafor', 'south')).toEqual(['s1']);
    // Renamed in a step, and a new case in a new authority: both in step with the index at once.
    await save(store, makeCase({ id: 'c1', version: 2, familyName: 'Haddad' }));
    await save(store, makeCase({ id: 'e1', authority: 'east', familyName: 'Okafor' }));
    expect(await find('okafor')).toEqual([]);
    expect(await find('haddad')).toEqual(['c1']);
    expect(await find('okafor', 'east')).toEqual(['e1']);
    await store.close();

    const check = new Database(path);
    expect(() => check.exec("INSERT INTO case_search_fts (case_search_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(check.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SQLITE_SCHEMA_VERSION });
    check.close();
  });
});

describe('SQLite store upgrades: retention', () => {
  it('upgrades a schema-13 file in place: closed cases are listed for retention and can be held', async () => {
    const path = tempFile();
    const first = openSqliteStore({ path });
    await save(first, makeCase({ id: 'c1', status: 'closed' }));
    await save(first, makeCase({ id: 'c2' }));
    await first.close();
    const db = new Database(path);
    db.exec(`${UNDO_14} UPDATE schema_version SET version = 13;`);
    db.close();

    const store = openSqliteStore({ path });
    expect((await store.listClosedCases({ limit: 10 })).map((c) => [c.id, c.hold])).toEqual([['c1', null]]);
    await store.setLegalHold({ caseId: 'c1', by: 'admin', at: '2026-12-01T09:00:00Z', reason: 'Inquiry' });
    expect((await store.listClosedCases({ authority: 'north', limit: 10 }))[0]?.hold).toMatchObject({ by: 'admin', reason: 'Inquiry' });
    await store.close();
    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SQLITE_SCHEMA_VERSION });
    check.close();
  });
});

describe('SQLite store upgrades: timelines', () => {
  const withHistory = (version: number, types: string[]) => ({
    ...makeCase({ id: 'c1', version }),
    history: types.map((type, i) => ({ at: `2026-11-02T09:0${i}:00.000Z`, type, by: 'sam' })),
  });
  it('upgrades a schema-11 file in place: a timeline stays in its case row until the next step moves it out, then steps append to it', async () => {
    const path = tempFile();
    const first = openSqliteStore({ path });
    await save(first, withHistory(1, ['case_started']));
    await save(first, withHistory(2, ['case_started', 'task_completed']));
    await first.close();
    const db = new Database(path);
    db.exec(`${UNDO_12} UPDATE schema_version SET version = 11;`);
    expect(db.prepare("SELECT json_array_length(state, '$.history') FROM cases").pluck().get()).toBe(2);
    db.close();

    const store = openSqliteStore({ path });
    expect((await store.getCase('c1'))?.history.map((h) => h.type)).toEqual(['case_started', 'task_completed']);
    const third = withHistory(3, ['case_started', 'task_completed', 'timer_fired']);
    await save(store, third);
    expect(await store.getCase('c1')).toEqual(JSON.parse(JSON.stringify(third)));
    // A caller that rewrites the timeline (not the engine, which only appends) reads back what it wrote.
    const edited = withHistory(4, ['case_started', 'task_reopened']);
    await save(store, edited);
    expect(await store.getCase('c1')).toEqual(JSON.parse(JSON.stringify(edited)));
    await save(store, withHistory(5, ['case_started', 'task_reopened', 'case_closed']));
    await store.close();

    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT json_array_length(state, '$.history') AS inline, history_count AS count FROM cases").get()).toEqual({ inline: 0, count: 3 });
    expect(check.prepare('SELECT seq, json_extract(entry, \'$.type\') AS type FROM case_history ORDER BY seq').all())
      .toEqual([{ seq: 0, type: 'case_started' }, { seq: 1, type: 'task_reopened' }, { seq: 2, type: 'case_closed' }]);
    expect(check.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SQLITE_SCHEMA_VERSION });
    check.close();
  });
});
