/**
 * The embedded store, and the default: one SQLite file (./data/stepwise.db) through
 * better-sqlite3. Writes are `BEGIN IMMEDIATE` transactions, so several server processes on one
 * machine serialise their writes on the file lock, and a compare-and-set inside the transaction
 * is safe across processes. better-sqlite3 is synchronous: the async methods just wrap it, and a
 * process waiting on another's lock blocks its event loop for at most the busy timeout.
 */
import type { CaseState, WorkflowDefinition } from '../../engine/index.ts';
import type { ChainHead } from './audit-chain.ts';
import { auditKeyFile, auditKeyFileFor, randomAuditKey } from './audit-key.ts';
import { groupCommit } from './group-commit.ts';
import { instant } from './rows.ts';
import * as defs from './sqlite-definitions.ts';
import * as queries from './sqlite-queries.ts';
import * as drafts from './sqlite-task-drafts.ts';
import * as idempotency from './sqlite-idempotency.ts';
import * as users from './sqlite-users.ts';
import * as webhooks from './sqlite-webhooks.ts';
import { SqliteAudit } from './sqlite-audit.ts';
import { SqliteRetention } from './sqlite-retention.ts';
import type { AnonymiseInput, ClosedCaseQuery, DeleteInput, LegalHold } from './retention-types.ts';
import { SqliteStepWriter } from './sqlite-commit.ts';
import { flushInSavepoints } from './sqlite-group-commit.ts';
import { statement } from './sqlite-statements.ts';
import { openDatabase, type Db, type SqliteOptions } from './sqlite-schema.ts';
import type { DraftMeta, PublishOptions, SaveDraftOptions, Store } from './store.ts';
import type { AccessFilter, AuditInput, AuditLogRef, AuditRecord, CaseFilter, ClaimedTimer, CommitInput, OutboxKind, OutboxMessage, SessionRecord, SignInAttempt, TaskDraft, TaskQuery, UserRecord } from './types.ts';
import type { IdempotencyClaim, IdempotencyHold, IdempotentResponse, OutboxInput } from './types.ts';
import type { WebhookSubscription } from './webhook-types.ts';

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

const plusMs = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

class SqliteStore implements Store {
  private readonly steps;
  private readonly readCase;

  constructor(private readonly db: Db, private readonly audit: SqliteAudit) {
    this.steps = new SqliteStepWriter(db, audit);
    this.readCase = db.prepare('SELECT state, history_count FROM cases WHERE id = ?');
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

  /**
   * Every write a request makes on its way shares the group commit (group-commit.ts): its step,
   * and the small writes around it — the Idempotency-Key claim and the answer kept for it, the
   * audit of a read, a form draft. Written in one turn of the event loop, they go in one IMMEDIATE
   * transaction and one fsync, each in its own savepoint and refused alone; each promise settles
   * once its write is on disk (or refused), so every durability promise holds as before: a 2xx
   * means on disk, an answer is kept before it is sent, a read that cannot be audited does not
   * happen. Measured: a keyed completion made three fsyncs of its own before this.
   */
  private readonly writes = groupCommit<() => unknown, unknown>({
    // Room for the scheduler's batch of 64 steps, its next claim and the requests of the moment;
    // no more, since the event loop waits while a batch is written.
    maxBatch: 128,
    flush: (batch) => flushInSavepoints(this.db, batch, (write) => write()),
  });

  private durably<R>(write: () => R): Promise<R> {
    return this.writes.submit(write) as Promise<R>;
  }

  async commitStep(input: CommitInput): Promise<void> {
    return this.durably(() => this.steps.write(input));
  }

  async getCase(id: string): Promise<CaseState | null> {
    // One read transaction: the row and its timeline from the same commit, whatever another process writes meanwhile.
    return this.db.transaction(() => {
      const row = this.readCase.get(id) as { state: string; history_count: number | null } | undefined;
      if (!row) return null;
      const state = JSON.parse(row.state) as CaseState;
      if (row.history_count !== null) state.history = this.steps.history.entries(id, row.history_count);
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
    return this.durably(() => drafts.saveTaskDraft(this.db, draft));
  }
  async getTaskDraft(taskId: string, userId: string) {
    return drafts.getTaskDraft(this.db, taskId, userId);
  }
  async deleteTaskDrafts(taskId: string) {
    return this.durably(() => drafts.deleteTaskDrafts(this.db, taskId));
  }

  async claimDueTimers(now: string, owner: string, leaseMs: number, limit: number): Promise<ClaimedTimer[]> {
    const at = instant(now);
    const leaseUntil = plusMs(at, leaseMs);
    const lease = statement(this.db, 'UPDATE timers SET lease_owner = ?, lease_until = ? WHERE timer_id = ?');
    // Through the group commit: a claim made while a batch of timers commits shares its fsync.
    return this.durably(() =>
      queries.dueTimers(this.db, at, limit).map((timer) => {
        lease.run(owner, leaseUntil, timer.timerId);
        return { ...timer, leaseOwner: owner, leaseUntil };
      }),
    );
  }
  async dropTimer(caseId: string, timerId: string) {
    return this.durably(() => void this.db.prepare('DELETE FROM timers WHERE case_id = ? AND timer_id = ?').run(caseId, timerId));
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
  async listOutbox(filter: { authority?: string; caseId?: string; status?: OutboxMessage['status']; limit?: number }) {
    return queries.listOutbox(this.db, filter);
  }

  async appendRead(caseId: string, actor: string, what: string, at: string): Promise<void> {
    return this.durably(() => this.audit.appendCase(caseId, [{ at, actor, action: 'case_read', detail: { what } }]));
  }
  async appendAccess(authority: string, input: AuditInput): Promise<void> {
    return this.durably(() => this.audit.appendAccess(authority, input));
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
    return this.durably(() => idempotency.claimIdempotencyKey(this.db, claim));
  }
  async recordIdempotentResponse(hold: IdempotencyHold, response: IdempotentResponse) {
    return this.durably(() => idempotency.recordIdempotentResponse(this.db, hold, response));
  }
  async releaseIdempotencyKey(hold: IdempotencyHold) {
    return this.durably(() => idempotency.releaseIdempotencyKey(this.db, hold));
  }
  async deleteExpiredIdempotencyKeys(now: string) {
    return idempotency.deleteExpiredIdempotencyKeys(this.db, now);
  }

  async createWebhookSubscription(subscription: WebhookSubscription) {
    webhooks.createWebhookSubscription(this.db, subscription);
  }
  async getWebhookSubscription(id: string) {
    return webhooks.getWebhookSubscription(this.db, id);
  }
  async listWebhookSubscriptions(authority: string) {
    return webhooks.listWebhookSubscriptions(this.db, authority);
  }
  async setWebhookSubscriptionDisabled(id: string, disabledAt: string | null) {
    return webhooks.setWebhookSubscriptionDisabled(this.db, id, disabledAt);
  }
  async deleteWebhookSubscription(id: string) {
    return webhooks.deleteWebhookSubscription(this.db, id);
  }
  async enqueueOutbox(from: { caseId: string; authority: string }, messages: OutboxInput[], at: string) {
    return webhooks.enqueueOutbox(this.db, from, messages, at);
  }

  private retentionOf?: SqliteRetention;
  private get retention() {
    return (this.retentionOf ??= new SqliteRetention(this.db, this.audit));
  }
  async listClosedCases(query: ClosedCaseQuery) {
    return this.retention.listClosedCases(query);
  }
  async getLegalHold(caseId: string) {
    return this.retention.getLegalHold(caseId);
  }
  async setLegalHold(hold: Omit<LegalHold, 'authority'>) {
    return this.durably(() => this.retention.setLegalHold(hold));
  }
  async clearLegalHold(caseId: string, release: { by: string; at: string }) {
    return this.durably(() => this.retention.clearLegalHold(caseId, release));
  }
  async anonymiseCase(input: AnonymiseInput) {
    return this.durably(() => this.retention.anonymiseCase(input));
  }
  async deleteCase(input: DeleteInput) {
    return this.durably(() => this.retention.deleteCase(input));
  }

  async close() {
    // Writes submitted before the close are still committed.
    await this.writes.drain();
    this.db.close();
  }
}
