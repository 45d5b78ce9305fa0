/** Read queries of the SQLite store: inboxes, case lists, timers and the outbox. */
import type { Db } from './sqlite-schema.ts';
import { statement } from './sqlite-statements.ts';
import { instant, statusList } from './rows.ts';
import { searchTerm } from './search-key.ts';
import { searchHits } from './sqlite-search.ts';
import type { CaseFilter, CaseSummary, OutboxMessage, TaskQuery, TaskRow, TimerRow } from './types.ts';

const marks = (values: unknown[]) => values.map(() => '?').join(', ');

interface TaskSqlRow {
  case_id: string; task_id: string; authority: string; definition_id: string; node: string; name: string;
  status: TaskRow['status']; assignee_kind: TaskRow['assigneeKind']; assignee: string; priority: TaskRow['priority'];
  due: string | null; overdue: number; created_at: string; family_name: string;
  completed_at: string | null; completed_by: string | null; due_label: string | null;
}

export function listTasks(db: Db, query: TaskQuery): TaskRow[] {
  const statement = tasksSql(query);
  if (!statement) return [];
  return (db.prepare(statement.sql).all(...statement.params) as TaskSqlRow[]).map((r) => ({
    caseId: r.case_id, taskId: r.task_id, authority: r.authority, definitionId: r.definition_id, node: r.node,
    name: r.name, status: r.status, assigneeKind: r.assignee_kind, assignee: r.assignee, priority: r.priority,
    due: r.due, overdue: r.overdue === 1, createdAt: r.created_at, familyName: r.family_name,
    completedAt: r.completed_at, completedBy: r.completed_by, dueLabel: r.due_label,
  }));
}

/** The statement `listTasks` runs, with its parameters; null when no assignee is asked for (`teams: []`). */
export function tasksSql(query: TaskQuery): { sql: string; params: unknown[] } | null {
  const where = ['authority = ?'];
  const params: unknown[] = [query.authority];
  // Open work has its own partial indexes (schema 10, `WHERE status = 'open'`, and overdue work
  // `AND overdue = 1`). SQLite uses one only when the query names the same values, so they are
  // written into the SQL, not bound.
  const statuses = statusList(query.status);
  if (statuses?.length === 1 && statuses[0] === 'open') where.push("status = 'open'");
  else if (statuses) {
    where.push(statuses.length ? `status IN (${marks(statuses)})` : '0');
    params.push(...statuses);
  }
  if (query.dueBefore !== undefined) {
    // `(due IS NULL) = 0` is the indexes' second column: with it the bound is a seek, not a filter.
    where.push('(due IS NULL) = 0 AND due < ?');
    params.push(instant(query.dueBefore));
  }
  if (query.overdue !== undefined) where.push(query.overdue ? 'overdue = 1' : 'overdue = 0');
  if (query.caseId !== undefined) {
    where.push('case_id = ?');
    params.push(query.caseId);
  }
  // A NULL completed_at compares as unknown, so tasks never completed drop out of either bound.
  if (query.completedFrom !== undefined) {
    where.push('completed_at >= ?');
    params.push(instant(query.completedFrom));
  }
  if (query.completedTo !== undefined) {
    where.push('completed_at < ?');
    params.push(instant(query.completedTo));
  }
  // One case's tasks are a handful: without statistics SQLite would rather walk the authority's open
  // tasks in due order (the sort it saves) than look them up by case.
  const from = query.caseId !== undefined ? 'tasks INDEXED BY tasks_case' : 'tasks';
  const select = `SELECT *, due IS NULL AS undated FROM ${from} WHERE ${where.join(' AND ')}`;
  // Whose work: one arm per assignee, each read from `tasks_open_inbox` in listing order and merged
  // (UNION ALL: a task has one assignee). As one OR, SQLite walked all the authority's open tasks
  // in due order instead, to save a sort.
  const who = [
    ...(query.worker !== undefined ? [['worker', query.worker]] : []),
    ...[...new Set(query.teams)].map((id) => ['team', id]),
    ...[...new Set(query.roles)].map((id) => ['role', id]),
  ];
  const anyone = query.worker === undefined && query.teams === undefined && query.roles === undefined;
  if (!anyone && who.length === 0) return null;
  const arms = anyone ? [select] : who.map(() => `${select} AND assignee_kind = ? AND assignee = ?`);
  const sql = `${arms.join(' UNION ALL ')} ORDER BY undated, due, created_at, task_id LIMIT ?`;
  const all = anyone ? params : who.flatMap((assignee) => [...params, ...assignee]);
  return { sql, params: [...all, query.limit ?? 500] };
}

interface CaseSqlRow {
  id: string; authority: string; definition_id: string; definition_version: number; status: CaseSummary['status'];
  family_name: string; version: number; started_at: string; updated_at: string;
}

export function findCases(db: Db, filter: CaseFilter): CaseSummary[] {
  const where = ['c.authority = ?'];
  const params: unknown[] = [filter.authority];
  const add = (sql: string, value: unknown) => {
    where.push(sql);
    params.push(value);
  };
  if (filter.status !== undefined) add('c.status = ?', filter.status);
  if (filter.definition !== undefined) add('c.definition_id = ?', filter.definition.id);
  if (filter.definition?.version !== undefined) add('c.definition_version = ?', filter.definition.version);
  // Task conditions apply to one and the same open task: "an overdue task in the panel's tray".
  const task: string[] = [];
  const taskParams: unknown[] = [];
  const addTask = (sql: string, value: unknown) => {
    task.push(sql);
    taskParams.push(value);
  };
  if (filter.stage !== undefined) addTask('t.node = ?', filter.stage);
  if (filter.team !== undefined) addTask("t.assignee_kind = 'team' AND t.assignee = ?", filter.team);
  if (filter.worker !== undefined) addTask("t.assignee_kind = 'worker' AND t.assignee = ?", filter.worker);
  if (filter.overdue !== undefined) addTask('t.overdue = ?', filter.overdue ? 1 : 0);
  if (task.length) {
    where.push(`EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status = 'open' AND ${task.join(' AND ')})`);
    params.push(...taskParams);
  }
  params.push(filter.limit ?? 500);
  // A search reads its matches' rows of `case_search`, which carry the same columns as `cases`
  // (sqlite-search.ts), so the rest of the query is the same.
  let from = 'cases c';
  if (filter.search !== undefined) {
    const hits = searchHits(db, filter.authority, searchTerm(filter.search));
    if (!hits) return [];
    from = `(${hits.sql}) c`;
    params.unshift(...hits.params);
  }
  const sql = `SELECT c.id, c.authority, c.definition_id, c.definition_version, c.status, c.family_name, c.version,
    c.started_at, c.updated_at FROM ${from} WHERE ${where.join(' AND ')} ORDER BY c.updated_at DESC, c.id LIMIT ?`;
  return (db.prepare(sql).all(...params) as CaseSqlRow[]).map((r) => ({
    id: r.id, authority: r.authority, definition: { id: r.definition_id, version: r.definition_version },
    status: r.status, familyName: r.family_name, version: r.version, startedAt: r.started_at, updatedAt: r.updated_at,
  }));
}

interface TimerSqlRow {
  timer_id: string; case_id: string; authority: string; fire_at: string; purpose: string; node: string;
}

export const timerRow = (r: TimerSqlRow): TimerRow => ({
  caseId: r.case_id, timerId: r.timer_id, authority: r.authority, fireAt: r.fire_at, purpose: r.purpose, node: r.node,
});

/** Due, unleased timers that are the earliest pending timer of their case. */
export function dueTimers(db: Db, now: string, limit: number): TimerRow[] {
  const sql = `SELECT t.* FROM timers t
    WHERE t.fire_at <= ? AND (t.lease_until IS NULL OR t.lease_until <= ?)
      AND NOT EXISTS (SELECT 1 FROM timers e WHERE e.case_id = t.case_id
        AND (e.fire_at < t.fire_at OR (e.fire_at = t.fire_at AND e.timer_id < t.timer_id)))
    ORDER BY t.fire_at, t.timer_id LIMIT ?`;
  return (statement(db, sql).all(now, now, limit) as TimerSqlRow[]).map(timerRow);
}

interface OutboxSqlRow {
  id: string; case_id: string; authority: string; kind: OutboxMessage['kind']; payload: string;
  status: OutboxMessage['status']; attempts: number; created_at: string; available_at: string;
  last_error: string | null; done_at: string | null;
}

export const outboxMessage = (r: OutboxSqlRow): OutboxMessage => ({
  id: r.id, caseId: r.case_id, authority: r.authority, kind: r.kind, payload: JSON.parse(r.payload) as unknown,
  status: r.status, attempts: r.attempts, createdAt: r.created_at, availableAt: r.available_at,
  ...(r.last_error !== null ? { lastError: r.last_error } : {}),
  ...(r.done_at !== null ? { doneAt: r.done_at } : {}),
});

export function listOutbox(db: Db, filter: { authority?: string; caseId?: string; status?: OutboxMessage['status']; limit?: number }): OutboxMessage[] {
  const where = ['1'];
  const params: unknown[] = [];
  for (const [column, value] of [['authority', filter.authority], ['case_id', filter.caseId], ['status', filter.status]] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  // LIMIT -1 is no limit in SQLite.
  const sql = `SELECT * FROM outbox WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT ?`;
  return (db.prepare(sql).all(...params, filter.limit ?? -1) as OutboxSqlRow[]).map(outboxMessage);
}

/** Ready messages, oldest first; `kinds` (one `?` each, so the `outbox_claim` index serves it) narrows the claim. */
export function readyOutbox(db: Db, now: string, limit: number, kinds?: readonly OutboxMessage['kind'][]): OutboxMessage[] {
  const ofKind = kinds ? `AND kind IN (${kinds.map(() => '?').join(', ')})` : '';
  const sql = `SELECT * FROM outbox WHERE status = 'pending' ${ofKind} AND available_at <= ?
    AND (lease_until IS NULL OR lease_until <= ?) ORDER BY available_at, created_at, id LIMIT ?`;
  return (db.prepare(sql).all(...(kinds ?? []), now, now, limit) as OutboxSqlRow[]).map(outboxMessage);
}
