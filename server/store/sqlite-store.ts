/**
 * The embedded store, and the default: one SQLite file (./data/stepwise.db) through
 * better-sqlite3. Writes are `BEGIN IMMEDIATE` transactions, so several server processes on one
 * machine serialise their writes on the file lock, and a compare-and-set inside the transaction
 * is safe across processes. better-sqlite3 is synchronous: the async methods just wrap it, and a
 * process waiting on another's lock blocks its event loop for at most the busy timeout.
 */
import type { CaseState, WorkflowDefinition } from '../../engine/index.ts';
import { GENESIS_HASH, type ChainHead } from './audit-chain.ts';
import { auditKeyFile, auditKeyFileFor, randomAuditKey } from './audit-key.ts';
import { ConflictError, StoreError } from './errors.ts';
import { groupCommit } from './group-commit.ts';
import { caseRecord, instant, rowsToWrite, taskRows, timerRows } from './rows.ts';
import * as defs from './sqlite-definitions.ts';
import * as queries from './sqlite-queries.ts';
import * as drafts from './sqlite-task-drafts.ts';
import * as idempotency from './sqlite-idempotency.ts';
import * as users from './sqlite-users.ts';
import { SqliteAudit } from './sqlite-audit.ts';
import { SqliteHistory, type HistoryHead } from './sqlite-history.ts';
import { flushInSavepoints } from './sqlite-group-commit.ts';
import { openDatabase, type Db, type SqliteOptions } from './sqlite-schema.ts';
import type { DraftMeta, PublishOptions, SaveDraftOptions, Store } from './store.ts';
import type { AccessFilter, AuditInput, AuditLogRef, AuditRecord, CaseFilter, ClaimedTimer, CommitInput, OutboxKind, OutboxMessage, SessionRecord, SignInAttempt, TaskDraft, TaskQuery, UserRecord } from './types.ts';
import type { IdempotencyClaim, IdempotencyHold, IdempotentResponse } from './types.ts';

export type { SqliteOptions } from './sqlite-schema.ts';

export function openSqliteStore(options: SqliteOptions = {}): Store {
  const path = options.path ?? 'data/stepwise.db';
  const key = options.auditKey ?? (path === ':memory:' ? randomAuditKey() : auditKeyFile(auditKeyFileFor(path)).key);
  const db = openDatabase(options);
  const audit = new SqliteAudit(db, key);
  try {
    audit.sealOnFirstKey(new Date().toISOString());
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(db, audit);
}

interface HeadRow extends HistoryHead { version: number; authority: string; audit_count: number; audit_head: string }

const plusMs = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

class SqliteStore implements Store {
  private readonly head;
  private readonly insertCase;
  private readonly updateCase;
  private readonly upsertTask;
  private readonly dropTasks;
  private readonly dropTimers;
  private readonly upsertTimer;
  private readonly insertOutbox;
  private readonly readCase;
  private readonly history;

  constructor(private readonly db: Db, private readonly audit: SqliteAudit) {
    this.head = db.prepare('SELECT version, authority, audit_count, audit_head, history_count, history_hash FROM cases WHERE id = ?');
    this.insertCase = db.prepare(`INSERT INTO cases (id, authority, definition_id, definition_version, status, family_name,
      family_key, search_key, version, started_at, updated_at, state, audit_count, audit_head, history_count, history_hash)
      VALUES (@id, @authority, @definitionId, @definitionVersion, @status, @familyName, @familyKey, @searchKey, @version, @startedAt,
      @updatedAt, @state, @auditCount, @auditHead, @historyCount, @historyHash)`);
    this.updateCase = db.prepare(`UPDATE cases SET definition_id = @definitionId, definition_version = @definitionVersion,
      status = @status, family_name = @familyName, family_key = @familyKey, search_key = @searchKey,
      version = @version, updated_at = @updatedAt, state = @state, audit_count = @auditCount, audit_head = @auditHead,
      history_count = @historyCount, history_hash = @historyHash WHERE id = @id AND version = @expected`);
    this.readCase = db.prepare('SELECT state, history_count FROM cases WHERE id = ?');
    this.history = new SqliteHistory(db);
    this.upsertTask = db.prepare(`INSERT INTO tasks (task_id, case_id, authority, definition_id, node, name, status,
      assignee_kind, assignee, priority, due, overdue, created_at, family_name, completed_at, completed_by, due_label)
      VALUES (@taskId, @caseId, @authority, @definitionId, @node, @name, @status, @assigneeKind, @assignee, @priority,
      @due, @overdue, @createdAt, @familyName, @completedAt, @completedBy, @dueLabel)
      ON CONFLICT (task_id) DO UPDATE SET definition_id = excluded.definition_id, node = excluded.node, name = excluded.name,
      status = excluded.status, assignee_kind = excluded.assignee_kind, assignee = excluded.assignee,
      priority = excluded.priority, due = excluded.due, overdue = excluded.overdue, family_name = excluded.family_name,
      completed_at = excluded.completed_at, completed_by = excluded.completed_by, due_label = excluded.due_label`);
    this.dropTasks = db.prepare('DELETE FROM tasks WHERE case_id = ? AND task_id NOT IN (SELECT value FROM json_each(?))');
    this.dropTimers = db.prepare('DELETE FROM timers WHERE case_id = ? AND timer_id NOT IN (SELECT value FROM json_each(?))');
    // A timer that stays pending keeps its lease: another step on the case must not free it.
    this.upsertTimer = db.prepare(`INSERT INTO timers (timer_id, case_id, authority, fire_at, purpose, node)
      VALUES (@timerId, @caseId, @authority, @fireAt, @purpose, @node)
      ON CONFLICT (timer_id) DO UPDATE SET fire_at = excluded.fire_at, purpose = excluded.purpose, node = excluded.node`);
    // The id is derived from the step, so a message already there is the same message: keep it.
    this.insertOutbox = db.prepare(`INSERT INTO outbox (id, case_id, authority, kind, payload, status, attempts,
      created_at, available_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (id) DO NOTHING`);
  }

  async createDraft(definition: WorkflowDefinition, meta: DraftMeta) {
    return defs.createDraft(this.db, definition, meta);
  }
  async saveDraft(definition: WorkflowDefinition, options: SaveDraftOptions) {
    return defs.saveDraft(this.db, definition, options);
  }
  async getDraft(id: string) {
    return defs.getDraft(this.db, id);
  }
  async publish(id: string, options: PublishOptions) {
    return defs.publish(this.db, id, options);
  }
  async getDefinition(id: string, version: number) {
    return defs.getDefinition(this.db, id, version);
  }
  async latestPublished(id: string) {
    return defs.latestPublished(this.db, id);
  }
  async listDefinitions(authority: string) {
    return defs.listDefinitions(this.db, authority);
  }

  /** Steps submitted in one turn of the event loop share one transaction and one fsync (group-commit.ts). */
  private readonly commits = groupCommit<CommitInput>({ flush: (batch) => flushInSavepoints(this.db, batch, (input) => this.commit(input)) });

  async commitStep(input: CommitInput): Promise<void> {
    return this.commits.submit(input);
  }

  /** Runs in its own savepoint of a batch's IMMEDIATE transaction: a throw at any write rolls back every earlier one of this step. */
  private commit({ caseState: state, expectedVersion, audit, outbox, at, previous, request }: CommitInput): void {
    const stored = this.head.get(state.id) as HeadRow | undefined;
    const actual = stored?.version ?? null;
    if (actual !== expectedVersion) throw new ConflictError(state.id, expectedVersion, actual);
    if (stored && stored.authority !== state.authority) {
      throw new StoreError('authority_mismatch', `Case ${state.id} cannot move to another authority.`, { caseId: state.id });
    }
    const prior: ChainHead = stored ? { count: stored.audit_count, hash: stored.audit_head } : { count: 0, hash: GENESIS_HASH };
    // The timeline goes to its own table, new entries only (sqlite-history.ts); the row keeps the rest.
    const history = this.history.write(state.id, stored, state.history);
    const head = this.audit.writeCase(state.id, prior, audit);
    const row = { ...caseRecord(state, head, JSON.stringify({ ...state, history: [] })), ...history, expected: expectedVersion };
    if (stored) this.updateCase.run(row);
    else this.insertCase.run(row);
    const write = rowsToWrite(state, previous, expectedVersion);
    const tasks = taskRows(state);
    this.dropTasks.run(state.id, JSON.stringify(tasks.map((t) => t.taskId)));
    for (const task of tasks) if (write.task(task.taskId)) this.upsertTask.run({ ...task, overdue: task.overdue ? 1 : 0 });
    const timers = timerRows(state);
    this.dropTimers.run(state.id, JSON.stringify(timers.map((t) => t.timerId)));
    for (const timer of timers) if (write.timer(timer.timerId)) this.upsertTimer.run(timer);
    const createdAt = instant(at ?? state.updatedAt);
    for (const message of outbox) {
      this.insertOutbox.run(message.id, state.id, state.authority, message.kind, JSON.stringify(message.payload), createdAt, createdAt);
    }
    if (request) idempotency.markIdempotentCommit(this.db, request, { caseId: state.id, version: state.version });
  }

  async getCase(id: string): Promise<CaseState | null> {
    // One read transaction: the row and its timeline from the same commit, whatever another process writes meanwhile.
    return this.db.transaction(() => {
      const row = this.readCase.get(id) as { state: string; history_count: number | null } | undefined;
      if (!row) return null;
      const state = JSON.parse(row.state) as CaseState;
      if (row.history_count !== null) state.history = this.history.entries(id, row.history_count);
      return state;
    })();
  }
  async findCases(filter: CaseFilter) {
    return queries.findCases(this.db, filter);
  }
  async listTasks(query: TaskQuery) {
    return queries.listTasks(this.db, query);
  }

  async saveTaskDraft(draft: TaskDraft) {
    drafts.saveTaskDraft(this.db, draft);
  }
  async getTaskDraft(taskId: string, userId: string) {
    return drafts.getTaskDraft(this.db, taskId, userId);
  }
  async deleteTaskDrafts(taskId: string) {
    drafts.deleteTaskDrafts(this.db, taskId);
  }

  async claimDueTimers(now: string, owner: string, leaseMs: number, limit: number): Promise<ClaimedTimer[]> {
    const at = instant(now);
    const leaseUntil = plusMs(at, leaseMs);
    const lease = this.db.prepare('UPDATE timers SET lease_owner = ?, lease_until = ? WHERE timer_id = ?');
    return this.db.transaction(() =>
      queries.dueTimers(this.db, at, limit).map((timer) => {
        lease.run(owner, leaseUntil, timer.timerId);
        return { ...timer, leaseOwner: owner, leaseUntil };
      }),
    ).immediate();
  }
  async dropTimer(caseId: string, timerId: string) {
    this.db.prepare('DELETE FROM timers WHERE case_id = ? AND timer_id = ?').run(caseId, timerId);
  }
  async nextTimerAt() {
    return (this.db.prepare('SELECT MIN(fire_at) AS at FROM timers').get() as { at: string | null }).at;
  }
  async listTimers(caseId: string) {
    return (this.db.prepare('SELECT * FROM timers WHERE case_id = ? ORDER BY fire_at, timer_id').all(caseId) as Parameters<typeof queries.timerRow>[0][]).map(queries.timerRow);
  }

  async claimOutbox(now: string, owner: string, leaseMs: number, limit: number, kinds?: readonly OutboxKind[]): Promise<OutboxMessage[]> {
    const at = instant(now);
    const lease = this.db.prepare('UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ?');
    return this.db.transaction(() =>
      queries.readyOutbox(this.db, at, limit, kinds).map((message) => {
        lease.run(owner, plusMs(at, leaseMs), message.id);
        return { ...message, attempts: message.attempts + 1 };
      }),
    ).immediate();
  }
  async renewOutboxLeases(ids: readonly string[], owner: string, until: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const renew = this.db.prepare(`UPDATE outbox SET lease_until = ? WHERE id = ? AND status = 'pending' AND lease_owner = ?`);
    return this.db.transaction(() => ids.filter((id) => renew.run(instant(until), id, owner).changes === 1)).immediate();
  }
  async markOutboxDone(id: string, owner: string, at: string) {
    return this.db.prepare(`UPDATE outbox SET status = 'done', done_at = ?, lease_owner = NULL, lease_until = NULL
      WHERE id = ? AND status = 'pending' AND lease_owner = ?`).run(instant(at), id, owner).changes === 1;
  }
  async markOutboxFailed(id: string, owner: string, error: string, retryAt: string | null) {
    return this.db.prepare(`UPDATE outbox SET status = ?, available_at = COALESCE(?, available_at), last_error = ?,
      lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'pending' AND lease_owner = ?`)
      .run(retryAt === null ? 'dead' : 'pending', retryAt === null ? null : instant(retryAt), error.slice(0, 500), id, owner).changes === 1;
  }
  async listOutbox(filter: { authority?: string; caseId?: string; status?: OutboxMessage['status'] }) {
    return queries.listOutbox(this.db, filter);
  }

  async appendRead(caseId: string, actor: string, what: string, at: string): Promise<void> {
    this.audit.appendCase(caseId, [{ at, actor, action: 'case_read', detail: { what } }]);
  }
  async appendAccess(authority: string, input: AuditInput): Promise<void> {
    this.audit.appendAccess(authority, input);
  }
  async listAudit(caseId: string): Promise<AuditRecord[]> {
    return this.audit.listCase(caseId);
  }
  async listAccess(filter: AccessFilter) {
    return this.audit.listAccess(filter);
  }
  async verifyAudit(caseId: string) {
    return this.audit.verify({ caseId });
  }
  async verifyLog(log: AuditLogRef, checkpoint?: ChainHead) {
    return this.audit.verify(log, checkpoint);
  }
  auditHeads() {
    return this.audit.heads();
  }

  async saveUser(user: UserRecord) {
    users.saveUser(this.db, user);
  }
  async getUser(id: string) {
    return users.getUser(this.db, id);
  }
  async findUserByEmail(email: string) {
    return users.findUserByEmail(this.db, email);
  }
  async listUsers(authority: string) {
    return users.listUsers(this.db, authority);
  }
  async createSession(session: SessionRecord) {
    users.createSession(this.db, session);
  }
  async getSession(id: string) {
    return users.getSession(this.db, id);
  }
  async deleteSession(id: string) {
    users.deleteSession(this.db, id);
  }
  async deleteExpiredSessions(now: string) {
    return users.deleteExpiredSessions(this.db, now);
  }
  async recordSignInAttempts(attempts: SignInAttempt[]) {
    users.recordSignInAttempts(this.db, attempts);
  }
  async listSignInAttempts(key: string, now: string) {
    return users.listSignInAttempts(this.db, key, now);
  }
  async deleteSignInAttempts(ids: string[]) {
    users.deleteSignInAttempts(this.db, ids);
  }
  async clearSignInAttempts(key: string) {
    users.clearSignInAttempts(this.db, key);
  }
  async deleteExpiredSignInAttempts(now: string) {
    return users.deleteExpiredSignInAttempts(this.db, now);
  }

  async claimIdempotencyKey(claim: IdempotencyClaim) {
    return idempotency.claimIdempotencyKey(this.db, claim);
  }
  async recordIdempotentResponse(hold: IdempotencyHold, response: IdempotentResponse) {
    return idempotency.recordIdempotentResponse(this.db, hold, response);
  }
  async releaseIdempotencyKey(hold: IdempotencyHold) {
    idempotency.releaseIdempotencyKey(this.db, hold);
  }
  async deleteExpiredIdempotencyKeys(now: string) {
    return idempotency.deleteExpiredIdempotencyKeys(this.db, now);
  }

  async close() {
    // Steps submitted before the close are still committed.
    await this.commits.drain();
    this.db.close();
  }
}
