/**
 * Opens the embedded database and brings its schema up to date. The pragmas are what make an
 * acknowledged write durable and let several server processes share one file:
 * - `journal_mode=WAL`: readers never block the single writer, across processes;
 * - `synchronous=FULL`: every commit is fsynced before it returns (NORMAL could lose the last
 *   commits on power loss, which is not acceptable for case records);
 * - `busy_timeout`: a process waits for another's write lock instead of failing at once.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditKey } from './audit-key.ts';
import { caseSearchKey } from './search-key.ts';
import { addSearchIndex } from './sqlite-search.ts';
import type { Subject } from '../../engine/index.ts';

export type Db = Database.Database;

/**
 * Forward-only migrations; `schema_version` holds how many have been applied. A migration is SQL,
 * or a function where rows must be rewritten with code SQLite does not have.
 */
const MIGRATIONS: Array<string | ((db: Db) => void)> = [
  `
  CREATE TABLE definition_drafts (
    id TEXT PRIMARY KEY, authority TEXT NOT NULL, body TEXT NOT NULL, saved_at TEXT NOT NULL, saved_by TEXT NOT NULL);
  CREATE TABLE definitions (
    id TEXT NOT NULL, version INTEGER NOT NULL, authority TEXT NOT NULL, body TEXT NOT NULL,
    published_at TEXT NOT NULL, published_by TEXT NOT NULL, PRIMARY KEY (id, version)) WITHOUT ROWID;
  CREATE INDEX definitions_authority ON definitions (authority, id);
  CREATE TRIGGER definitions_immutable BEFORE UPDATE ON definitions
    BEGIN SELECT RAISE(ABORT, 'published definitions are immutable'); END;
  CREATE TRIGGER definitions_kept BEFORE DELETE ON definitions
    BEGIN SELECT RAISE(ABORT, 'published definitions are kept'); END;

  CREATE TABLE cases (
    id TEXT PRIMARY KEY, authority TEXT NOT NULL, definition_id TEXT NOT NULL, definition_version INTEGER NOT NULL,
    status TEXT NOT NULL, family_name TEXT NOT NULL, family_key TEXT NOT NULL, version INTEGER NOT NULL,
    started_at TEXT NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL,
    audit_count INTEGER NOT NULL, audit_head TEXT NOT NULL);
  CREATE INDEX cases_authority ON cases (authority, status, updated_at);
  CREATE INDEX cases_definition ON cases (definition_id, definition_version, status);

  CREATE TABLE tasks (
    task_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, authority TEXT NOT NULL, definition_id TEXT NOT NULL,
    node TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, assignee_kind TEXT NOT NULL, assignee TEXT NOT NULL,
    priority TEXT NOT NULL, due TEXT, overdue INTEGER NOT NULL, created_at TEXT NOT NULL, family_name TEXT NOT NULL);
  CREATE INDEX tasks_inbox ON tasks (authority, assignee_kind, assignee, status, due);
  CREATE INDEX tasks_status_due ON tasks (authority, status, due);
  CREATE INDEX tasks_case ON tasks (case_id);

  CREATE TABLE timers (
    timer_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, authority TEXT NOT NULL, fire_at TEXT NOT NULL,
    purpose TEXT NOT NULL, node TEXT NOT NULL, lease_owner TEXT, lease_until TEXT);
  CREATE INDEX timers_due ON timers (fire_at, timer_id);
  CREATE INDEX timers_case ON timers (case_id, fire_at, timer_id);

  CREATE TABLE audit (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (case_id, seq)) WITHOUT ROWID;
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

  CREATE TABLE outbox (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, authority TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,
    status TEXT NOT NULL, attempts INTEGER NOT NULL, created_at TEXT NOT NULL, available_at TEXT NOT NULL,
    lease_owner TEXT, lease_until TEXT, last_error TEXT, done_at TEXT);
  CREATE INDEX outbox_ready ON outbox (status, available_at);
  CREATE INDEX outbox_authority ON outbox (authority, status, created_at);
  CREATE INDEX outbox_case ON outbox (case_id);
  `,
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY, authority TEXT NOT NULL, email_key TEXT NOT NULL UNIQUE, body TEXT NOT NULL);
  CREATE INDEX users_authority ON users (authority);
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL, csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
  CREATE INDEX sessions_expiry ON sessions (expires_at);
  `,
  // 3: what reports need on task rows (NULL on rows written before), and task form drafts.
  `
  ALTER TABLE tasks ADD COLUMN completed_at TEXT;
  ALTER TABLE tasks ADD COLUMN completed_by TEXT;
  ALTER TABLE tasks ADD COLUMN due_label TEXT;
  CREATE INDEX tasks_completed ON tasks (authority, completed_at);
  CREATE TABLE task_drafts (
    task_id TEXT NOT NULL, user_id TEXT NOT NULL, case_id TEXT NOT NULL, authority TEXT NOT NULL,
    data TEXT NOT NULL, saved_at TEXT NOT NULL, PRIMARY KEY (task_id, user_id)) WITHOUT ROWID;
  `,
  // 4: case search by family name, children's names, case-system ids, dates of birth and
  // reference (search-key.ts). Existing cases get their key from their stored subject.
  (db) => {
    db.exec("ALTER TABLE cases ADD COLUMN search_key TEXT NOT NULL DEFAULT ''");
    const update = db.prepare('UPDATE cases SET search_key = ? WHERE id = ?');
    const rows = db.prepare("SELECT id, json_extract(state, '$.subject') AS subject FROM cases").iterate() as Iterable<{ id: string; subject: string }>;
    const keys: Array<[string, string]> = [];
    for (const row of rows) keys.push([caseSearchKey(row.id, JSON.parse(row.subject) as Subject), row.id]);
    for (const [key, id] of keys) update.run(key, id);
  },
  // 5: sign-in hardening (server/auth/throttle.ts, session.ts). Sessions from before have no
  // access digest, so they end at their next request and their people sign in once more.
  `
  ALTER TABLE sessions ADD COLUMN access_digest TEXT NOT NULL DEFAULT '';
  CREATE TABLE sign_in_attempts (
    id TEXT PRIMARY KEY, throttle_key TEXT NOT NULL, at TEXT NOT NULL, expires_at TEXT NOT NULL);
  CREATE INDEX sign_in_attempts_key ON sign_in_attempts (throttle_key, expires_at);
  CREATE INDEX sign_in_attempts_expiry ON sign_in_attempts (expires_at);
  `,
  // 6: each reader's access log (lists, search, reports, refused attempts), append-only like
  // the case logs, and the audit key the store was first keyed with (audit-chain.ts).
  `
  CREATE TABLE access_log (
    authority TEXT NOT NULL, actor TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL,
    detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (authority, actor, seq)) WITHOUT ROWID;
  CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TABLE access_heads (
    authority TEXT NOT NULL, actor TEXT NOT NULL, audit_count INTEGER NOT NULL, audit_head TEXT NOT NULL,
    PRIMARY KEY (authority, actor)) WITHOUT ROWID;
  CREATE TABLE audit_keys (key_id TEXT PRIMARY KEY, since TEXT NOT NULL, rekeyed_logs INTEGER NOT NULL);
  `,
  // 7: idempotency keys (server/http/idempotency.ts): each person's keys for 24 hours, with the
  // first answer once there is one (response_status NULL while the request runs). A rowid table,
  // not WITHOUT ROWID: the answers are whole case views, too large for a clustered key.
  `
  CREATE TABLE idempotency_keys (
    user_id TEXT NOT NULL, key TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL, request_hash TEXT NOT NULL,
    token TEXT NOT NULL, created_at TEXT NOT NULL, locked_until TEXT NOT NULL, expires_at TEXT NOT NULL,
    response_status INTEGER, response_headers TEXT, response_body TEXT, PRIMARY KEY (user_id, key));
  CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
  `,
  // 8: the outbox claims each kind in order from an index (e-mail and internal jobs are separate
  // queues, server/runtime/outbox.ts) instead of sorting every pending message at each claim: a
  // burst of 5,000 e-mails made each claim read and sort all 5,000.
  `
  DROP INDEX IF EXISTS outbox_ready;
  CREATE INDEX IF NOT EXISTS outbox_claim ON outbox (status, kind, available_at, created_at, id);
  `,
  // 9: the case change a keyed request committed, written in that change's own transaction, so a
  // retry after a crash between the commit and its answer finds the change instead of making it again.
  `
  ALTER TABLE idempotency_keys ADD COLUMN committed_case TEXT;
  ALTER TABLE idempotency_keys ADD COLUMN committed_version INTEGER;
  `,
  // 10: open work is read from partial indexes of open tasks only, in listing order (due dates
  // first, undated last): a completed task leaves them, and a query stops at its limit without
  // sorting. Overdue work has its own index: at a million cases it read every open task of the
  // authority to find the overdue ones (59 ms p95). The inbox and overdue indexes hold every
  // column, so a list of hundreds of rows needs no table lookup per row (the largest tray at a
  // million cases: 4.3 ms, 1.8 ms covered), for about 300 bytes an open task. Completed-task
  // reports read only completed rows; lists by case use `tasks_case`.
  `
  DROP INDEX tasks_inbox;
  DROP INDEX tasks_status_due;
  DROP INDEX tasks_completed;
  CREATE INDEX tasks_open_inbox ON tasks (authority, assignee_kind, assignee, due IS NULL, due, created_at, task_id, case_id, definition_id,
    node, name, status, priority, overdue, family_name, completed_at, completed_by, due_label) WHERE status = 'open';
  CREATE INDEX tasks_open_due ON tasks (authority, due IS NULL, due, created_at, task_id) WHERE status = 'open';
  CREATE INDEX tasks_open_overdue ON tasks (authority, due IS NULL, due, created_at, task_id, case_id, definition_id, node, name,
    status, assignee_kind, assignee, priority, overdue, family_name, completed_at, completed_by, due_label) WHERE status = 'open' AND overdue = 1;
  CREATE INDEX tasks_completed_at ON tasks (authority, completed_at) WHERE completed_at IS NOT NULL;
  ANALYZE tasks;
  `,
  // 11: case search through a trigram full-text index, in step with each case's search key (sqlite-search.ts).
  addSearchIndex,
  // 12: each case's timeline in its own table, appended to by each step instead of rewritten with
  // the case row (sqlite-history.ts). Rows from before move theirs out at their next commit
  // (history_count NULL until then), so the upgrade itself rewrites nothing.
  `
  CREATE TABLE case_history (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (case_id, seq)) WITHOUT ROWID;
  ALTER TABLE cases ADD COLUMN history_count INTEGER;
  ALTER TABLE cases ADD COLUMN history_hash TEXT;
  `,
  // 13: the change note an admin gives when publishing, kept with the version (NULL for versions
  // published before notes were asked for). Adding a column is no UPDATE: the immutability
  // trigger does not fire, and no published row is rewritten.
  `
  ALTER TABLE definitions ADD COLUMN note TEXT;
  `,
  // 14: retention (server/retention): legal holds, one row per held case; when a case was
  // anonymised (NULL until then); closed cases not yet anonymised, by authority and id, for the job.
  `
  CREATE TABLE legal_holds (
    case_id TEXT PRIMARY KEY, authority TEXT NOT NULL, held_by TEXT NOT NULL, held_at TEXT NOT NULL, reason TEXT NOT NULL) WITHOUT ROWID;
  ALTER TABLE cases ADD COLUMN anonymised_at TEXT;
  CREATE INDEX cases_retention ON cases (authority, id) WHERE status <> 'open' AND anonymised_at IS NULL;
  CREATE INDEX cases_retention_all ON cases (id) WHERE status <> 'open' AND anonymised_at IS NULL;
  `,
  // 15: webhook subscriptions, per authority (sqlite-webhooks.ts); their deliveries are outbox rows.
  `
  CREATE TABLE webhook_subscriptions (
    id TEXT PRIMARY KEY, authority TEXT NOT NULL, created_at TEXT NOT NULL, body TEXT NOT NULL);
  CREATE INDEX webhook_subscriptions_authority ON webhook_subscriptions (authority, created_at, id);
  `,
];

export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

export interface SqliteOptions {
  /** Database file; defaults to `./data/stepwise.db`. */
  path?: string;
  /** How long to wait for another process's write lock. */
  busyTimeoutMs?: number;
  /** The audit key (audit-key.ts); defaults to the key file beside the database, created if missing. */
  auditKey?: AuditKey;
}

export function openDatabase(options: SqliteOptions = {}): Db {
  const path = options.path ?? 'data/stepwise.db';
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: options.busyTimeoutMs ?? 10_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // Checkpoint the write-ahead log into the file every 10,000 pages (about 40 MB), not SQLite's
  // 1,000. A batch of 64 timers writes about 1,300 pages, so at 1,000 every commit also ran a
  // checkpoint, copying back pages that the next batch would write again (index pages most of
  // all). Measured on 50,000 pending timers: 526–559 KB written to disk per fired timer, 315–320
  // KB after (test/bench/results/README.md).
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('foreign_keys = ON');
  // Keep the query planner's statistics fresh: without them, on a million-case store SQLite chose
  // an authority-wide index for per-case task lookups (test/bench/results/README.md). The
  // analysis limit keeps this cheap at every open (and in migrations), however large the file.
  db.pragma('analysis_limit = 1000');
  migrate(db);
  db.pragma('optimize = 0x10002');
  return db;
}

/** Applies missing migrations in one write transaction, so two processes opening at once agree. */
function migrate(db: Db): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`The database schema (version ${current}) is newer than this server understands (${MIGRATIONS.length}).`);
    }
    for (const step of MIGRATIONS.slice(current)) {
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
    else db.prepare('UPDATE schema_version SET version = ?').run(MIGRATIONS.length);
  }).immediate();
}
