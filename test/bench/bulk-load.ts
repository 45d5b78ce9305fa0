/**
 * The bulk import path for the million-case benchmarks: a fresh SQLite store made by the store
 * itself (schema migrations, one published copy of Camden's definition per authority, through
 * `saveDraft`/`publish`), then cases cloned from engine-made templates (case-templates.ts)
 * written straight into the store's own tables through better-sqlite3, many cases per
 * transaction. Each clone gets a new case id, an authority (150 by default, of uneven size), its
 * social workers, team managers and front door workers, a duty team and a family name; its audit
 * chain is MACed for its own id under the store's audit key, so `verifyAudit` holds.
 *
 * Import settings, not the server's: `synchronous=OFF` and a 1 GiB page cache while importing,
 * secondary indexes and the search index's triggers (sqlite-search.ts) dropped first and rebuilt
 * at the end (sorting once beats a million random B-tree inserts), then a WAL checkpoint and an
 * fsync of the file, so the result is durable.
 * `commitStep` stays one case per fsynced transaction; it is not the way to import a million.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { fsyncSync, openSync, closeSync, rmSync, statSync, existsSync } from 'node:fs';
import type { CaseState, WorkflowDefinition } from '../../engine/index.ts';
import { auditKeyFile, auditKeyFileFor, chainEntries, GENESIS_HASH, openSqliteStore, type AuditInput, type TaskRow, type TimerRow } from '../../server/store/index.ts';
import { caseSearchKey, normaliseSearchText } from '../../server/store/search-key.ts';
import { SqliteHistory } from '../../server/store/sqlite-history.ts';
import { fillSearchIndex } from '../../server/store/sqlite-search.ts';
import { camden } from '../camden/given.ts';
import { buildTemplates, DUTY_TEAMS, fill, type CloneValues, type Template } from './case-templates.ts';

export const SURNAMES = ('Smith Jones Williams Brown Taylor Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White ' +
  'Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker ' +
  'Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson ' +
  'Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Ali Hussain Ahmed Okafor ' +
  'Mensah Nowak Kowalski Popescu Ibrahim Osei Adeyemi Rahman Chowdhury Nguyen Silva Costa Murray Kennedy Reid Campbell Stewart Ross').split(' ');

export interface Authority {
  id: string;
  definition: string;
  socialWorkers: string[];
  teamManagers: string[];
  frontDoor: string[];
  cases: number;
}

export interface LoadResult {
  cases: number;
  rows: { tasks: number; timers: number; audit: number; outbox: number; history: number };
  seconds: { templates: number; definitions: number; insert: number; indexes: number; checkpoint: number; total: number };
  fileBytes: number;
  authorities: Authority[];
  templates: Template[];
}

/** A small seeded generator (mulberry32), so every run loads the same families. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an index with probability proportional to its weight. */
export function picker(weights: number[], rnd: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

export function fileBytes(path: string): number {
  return ['', '-wal'].reduce((sum, s) => sum + (existsSync(path + s) ? statSync(path + s).size : 0), 0);
}

/** Authorities of uneven size (0.3x to 2x the mean); the first is Camden itself. */
export function authorities(count: number, cases: number): Array<Authority & { weight: number }> {
  return Array.from({ length: count }, (_, a) => {
    const weight = 0.3 + (((a * 7919) % count) / count) * 1.7;
    const id = a === 0 ? 'camden' : `la${String(a).padStart(3, '0')}`;
    const expected = (cases / count) * weight;
    // About 25 open families per social worker, a team manager per 6 social workers.
    const sw = Math.max(4, Math.round(expected / 25));
    const names = (kind: string, n: number) => Array.from({ length: n }, (_, i) => `${id}.${kind}${i + 1}`);
    return { id, definition: a === 0 ? 'camden' : `camden-${id}`, socialWorkers: names('sw', sw), teamManagers: names('tm', Math.max(2, Math.round(sw / 6))), frontDoor: names('fd', 3), cases: 0, weight };
  });
}

export function definitionFor(authority: Authority): WorkflowDefinition {
  if (authority.id === 'camden') return camden;
  // The step-up sub-flow names its own definition, so the copy's id replaces every "camden".
  const copy = JSON.parse(JSON.stringify(camden).replaceAll('"camden"', `"${authority.definition}"`)) as WorkflowDefinition;
  return { ...copy, authority: { id: authority.id, name: `Local authority ${authority.id.slice(2)}` } };
}

const INDEXES = `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('cases', 'tasks', 'timers', 'outbox')`;
const TRIGGERS = `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('cases', 'case_search')`;

export async function bulkLoad(path: string, cases: number, options: { authorities?: number; batch?: number; seed?: number; onProgress?: (done: number) => void } = {}): Promise<LoadResult> {
  const started = performance.now();
  const lap = (() => { let t = started; return () => { const now = performance.now(); const s = (now - t) / 1000; t = now; return s; }; })();
  const rnd = random(options.seed ?? 1);
  const templates = buildTemplates();
  const pickTemplate = picker(templates.map((t) => t.weight), rnd);
  const seconds = { templates: lap(), definitions: 0, insert: 0, indexes: 0, checkpoint: 0, total: 0 };

  removeDatabase(path);
  const las = authorities(options.authorities ?? 150, cases);
  // MACed with the key the store reads beside the file, so `verifyAudit` holds when it is opened.
  const auditKey = auditKeyFile(auditKeyFileFor(path)).key;
  const store = openSqliteStore({ path, auditKey });
  // Templates are made with Camden's definition as it stands (version 3): each authority publishes
  // as many versions, so its cases sit on the latest one, which the runner then loads.
  for (const la of las) {
    await store.saveDraft(definitionFor(la), { by: 'bench', at: '2026-09-01T09:00:00.000Z' });
    for (let v = 1; v <= camden.version; v++) await store.publish(la.definition, { by: 'bench', at: '2026-09-01T09:00:00.000Z' });
  }
  await store.close();
  seconds.definitions = lap();

  const db = new Database(path);
  // No journal while importing: a crash mid-import means importing again, and WAL would write
  // every page twice (log, then checkpoint). The store's WAL mode is restored at the end.
  // better-sqlite3 opens connections in SQLite's defensive mode, which refuses journal_mode=OFF
  // (it answered "wal" and the import ran in WAL mode): unsafe mode lifts that for the import.
  db.unsafeMode(true);
  if (db.pragma('journal_mode = OFF', { simple: true }) !== 'off') throw new Error('The import could not turn the journal off.');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  const indexes = db.prepare(INDEXES).all() as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  const triggers = db.prepare(TRIGGERS).all() as Array<{ name: string; sql: string }>;
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  const insertCase = db.prepare(`INSERT INTO cases (id, authority, definition_id, definition_version, status, family_name, family_key,
    search_key, version, started_at, updated_at, state, audit_count, audit_head, history_count, history_hash)
    VALUES (?, ?, ?, ${camden.version}, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Each timeline in its own table, as the store keeps it (sqlite-history.ts).
  const history = new SqliteHistory(db);
  const insertTask = db.prepare(`INSERT INTO tasks (task_id, case_id, authority, definition_id, node, name, status, assignee_kind,
    assignee, priority, due, overdue, created_at, family_name, completed_at, completed_by, due_label)
    VALUES (@taskId, @caseId, @authority, @definitionId, @node, @name, @status, @assigneeKind, @assignee, @priority, @due, @overdue,
    @createdAt, @familyName, @completedAt, @completedBy, @dueLabel)`);
  const insertTimer = db.prepare('INSERT INTO timers (timer_id, case_id, authority, fire_at, purpose, node) VALUES (@timerId, @caseId, @authority, @fireAt, @purpose, @node)');
  const insertAudit = db.prepare('INSERT INTO audit (case_id, seq, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  // Messages of past steps were delivered long ago: they sit in the outbox as `done`.
  const insertOutbox = db.prepare(`INSERT INTO outbox (id, case_id, authority, kind, payload, status, attempts, created_at, available_at, done_at)
    VALUES (?, ?, ?, ?, ?, 'done', 1, ?, ?, ?)`);

  const pickAuthority = picker(las.map((la) => la.weight), rnd);
  const any = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // Random ids, as the runner makes them, inserted in sorted order: every primary key (cases,
  // tasks, audit, outbox all start with the case id) then grows at its end instead of splitting
  // pages all over a B-tree larger than the cache.
  const ids = Array.from({ length: cases }, () => randomUUID()).sort();
  let next = 0;
  const one = () => {
    const template = templates[pickTemplate()]!;
    const la = las[pickAuthority()]!;
    la.cases += 1;
    const family = any(SURNAMES);
    const values: CloneValues = { caseId: ids[next++]!, authority: la.id, definition: la.definition, sw: any(la.socialWorkers), tm: any(la.teamManagers), fd: any(la.frontDoor), team: any(DUTY_TEAMS), family };
    const chained = chainEntries(values.caseId, { count: 0, hash: GENESIS_HASH }, JSON.parse(fill(template.audit, values)) as AuditInput[], auditKey);
    const state = JSON.parse(fill(template.state, values)) as CaseState;
    const key = caseSearchKey(values.caseId, state.subject);
    const { historyCount, historyHash } = history.write(values.caseId, undefined, state.history);
    insertCase.run(values.caseId, la.id, la.definition, family, normaliseSearchText(family), key, template.version, template.startedAt, template.updatedAt,
      JSON.stringify({ ...state, history: [] }), chained.head.count, chained.head.hash, historyCount, historyHash);
    for (const task of JSON.parse(fill(template.tasks, values)) as TaskRow[]) insertTask.run({ ...task, overdue: task.overdue ? 1 : 0 });
    for (const timer of JSON.parse(fill(template.timers, values)) as TimerRow[]) insertTimer.run(timer);
    for (const r of chained.records) insertAudit.run(r.caseId, r.seq, r.at, r.actor, r.action, JSON.stringify(r.detail), r.prevHash, r.hash);
    for (const m of JSON.parse(fill(template.outbox, values)) as Array<{ id: string; kind: string; payload: unknown; at: string }>) {
      insertOutbox.run(m.id, values.caseId, la.id, m.kind, JSON.stringify(m.payload), m.at, m.at, m.at);
    }
  };
  const batch = options.batch ?? 5000;
  const many = db.transaction((n: number) => { for (let i = 0; i < n; i++) one(); });
  for (let done = 0; done < cases; done += batch) {
    many(Math.min(batch, cases - done));
    options.onProgress?.(Math.min(cases, done + batch));
  }
  seconds.insert = lap();
  for (const { sql } of indexes) db.exec(sql);
  fillSearchIndex(db);
  for (const { sql } of triggers) db.exec(sql);
  seconds.indexes = lap();
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const rows = { tasks: count('tasks'), timers: count('timers'), audit: count('audit'), outbox: count('outbox'), history: count('case_history') };
  db.pragma('journal_mode = WAL');
  db.unsafeMode(false);
  db.close();
  const fd = openSync(path, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  seconds.checkpoint = lap();
  seconds.total = (performance.now() - started) / 1000;
  return { cases, rows, seconds, fileBytes: fileBytes(path), authorities: las.map(({ weight: _weight, ...la }) => la), templates };
}
