/**
 * The MongoDB store, selected by MONGODB_URI: the path for deployments beyond one machine (a
 * replica set, or Atlas as a replica set). The only file that imports the driver at run time.
 * None of it has run against a server in this repository's CI: it is written against driver
 * 7.9's source, and its pure parts (filters, pipelines, indexes, options) are unit-tested.
 *
 * `commitStep` and `appendRead` use multi-document transactions, which MongoDB only offers on a
 * replica set or sharded cluster: a lone `mongod` must be started with `--replSet rs0` and
 * `rs.initiate()` once. Writes use `w: 'majority', journal: true`, so an acknowledged step
 * survives the loss of a node. Indexes are created on open (idempotent; mongo-indexes.ts), and
 * every read with a sort has one that yields it (mongo-queries.ts, checked by its test).
 *
 * Sharding: the store assumes unsharded collections. On a sharded collection an upsert by `_id`
 * alone (tasks, timers, outbox, drafts, users) is refused unless `_id` is the shard key, and a
 * unique secondary index (`definitions` id+version, `users` emailKey, `idempotency_keys`,
 * `audit` caseId+seq, `access_log`) cannot be created unless it starts with the shard key;
 * claims (`timers`, `outbox`) and case lists would become scatter-gather queries. A
 * sharded deployment would need: `cases`, `tasks`, `timers`, `audit` sharded on `{ authority,
 * caseId }` (cases on `{ authority, _id }`), every write filter carrying `authority`, the
 * unique indexes re-keyed with the shard key first (or kept in unsharded collections:
 * definitions, users and sessions are small), and a shard per authority group via zones. Until
 * then a replica set (vertically scaled) is the supported topology.
 *
 * Growth: the timeline (`history`) lives in `case_history`, one document per entry, as SQLite's
 * table does (mongo-history.ts, sqlite-history.ts; both decide append-or-rewrite with
 * history-plan.ts): a step inserts its new entries only, and the case document keeps the state
 * with `history: []` plus `historyCount`/`historyHash`. `getCase` reads both in one snapshot
 * session (MongoDB 5.0+). Documents written before keep their timeline inside the state until
 * their next commit moves it out. On Camden's flow the timeline is about a third of a case at
 * twelve weeks (4.1 of 13 KB; ~160 bytes an entry, 2–3 entries a step), now out of the rewrite.
 * What stays: every task's answers (`tasks[id].answers`, 1.5 KB at twelve weeks, ~150 bytes per
 * completed task) and the latest answers by step (`form`, 1.6 KB), both still rewritten and
 * logged whole each step. Moving task answers out is not done: a task's answers are written once,
 * when it completes, so they could follow the timeline's pattern keyed by task id (a collection
 * and a SQLite table, written at completion, put back by `getCase`, rewritten by anonymisation),
 * but `form` holds the latest answers again, so it would save ~11% of the document (the timeline
 * saved ~31%) for another read on every `getCase` and a schema change in both stores. The 16 MB
 * limit is far off either way (thousands of steps).
 *
 * Clocks: lease ends (timer and outbox `leaseUntil`, Idempotency-Key holds) are stored and compared
 * on the server's clock: caller time + an offset measured with `hello` at open and every minute
 * after (mongo-clock.ts), so hosts whose clocks disagree still agree on when a lease ends. Due
 * times stay on the caller's clock. The store refuses to open with a clock more than 5 s off the
 * server's, and logs an error when a later measurement moves by more than a second.
 *
 * The database does not itself forbid updating audit entries or published definitions (SQLite's
 * triggers do): give the application's database user the role in docs/mongodb-role.json (find and
 * insert only on `audit`, `access_log`, `audit_keys` and `definitions`; mongo-role.test.ts refuses
 * a raw update under it when MONGODB_URI_RESTRICTED is set); `verifyAudit` detects tampering
 * either way. The audit logs live in mongo-audit.ts, which borrows this driver's types only.
 */
import { MongoClient, MongoServerError, WriteConcern, type ClientSession, type Collection, type Db } from 'mongodb';
import type { CaseState, WorkflowDefinition } from '../../engine/index.ts';
import { GENESIS_HASH, type ChainHead } from './audit-chain.ts';
import type { AuditKey } from './audit-key.ts';
import { ConflictError, StoreError } from './errors.ts';
import { flushAllOrEach, groupCommit } from './group-commit.ts';
import { MongoAudit } from './mongo-audit.ts';
import { isTransientConflict } from './mongo-errors.ts';
import { claimInRounds, pickEarliest } from './mongo-claims.ts';
import { logClockEvent, measureOffset, ServerClock, watchServerClock, type ClockEvent, type ClockSample } from './mongo-clock.ts';
import { clientOptions, connect, databaseName, DEFAULT_WRITE_TIMEOUT_MS, preflight } from './mongo-connect.ts';
import { MongoDefinitions } from './mongo-definitions.ts';
import { MongoHistory } from './mongo-history.ts';
import { MongoIdempotency } from './mongo-idempotency.ts';
import { MongoRetention } from './mongo-retention.ts';
import type { AnonymiseInput, ClosedCaseQuery, DeleteInput, LegalHold } from './retention-types.ts';
import { MongoWebhooks } from './mongo-webhooks.ts';
import * as docs from './mongo-docs.ts';
import { caseListQuery, outboxListQuery, searchGrams, taskListQuery, type OutboxListFilter } from './mongo-queries.ts';
import { caseSearchKey } from './search-key.ts';
import { caseRecord, instant, rowsToWrite, taskRows, timerRows } from './rows.ts';
import type { DraftMeta, PublishOptions, SaveDraftOptions, Store } from './store.ts';
import type { AccessFilter, AuditInput, AuditLogRef, CaseFilter, ClaimedTimer, CommitInput, OutboxKind, OutboxMessage, SessionRecord, SignInAttempt, TaskDraft, TaskQuery, UserRecord } from './types.ts';
import type { IdempotencyClaim, IdempotencyHold, IdempotentResponse, OutboxInput } from './types.ts';
import type { WebhookSubscription } from './webhook-types.ts';

export interface MongoOptions {
  uri: string;
  /** Defaults to the database named in the URI, else `stepwise`. */
  dbName?: string;
  /** How long a write waits for a majority: 10 s unless the URI sets `wtimeoutMS` (mongo-connect.ts). */
  writeTimeoutMs?: number;
  /** The audit key (audit-key.ts): kept outside the database, so required here. */
  auditKey: AuditKey;
  /** Where a jump of the server's clock against this host's is reported (mongo-clock.ts); one JSON line on stderr unless given. */
  onClockEvent?: (event: ClockEvent) => void;
}

export async function openMongoStore(options: MongoOptions): Promise<Store & { db: Db }> {
  // The database is named here, never left to the driver, whose default is `test` (mongo-connect.ts).
  const client = new MongoClient(options.uri, clientOptions(options.uri, options.writeTimeoutMs));
  await connect(client);
  const store = new MongoStore(client, client.db(databaseName(options.uri, options.dbName)), options.auditKey);
  try {
    const clock = await preflight(store.db);
    await store.ensureIndexes();
    await store.auditLog.sealOnFirstKey(new Date().toISOString());
    store.watchClock(clock, options.onClockEvent ?? logClockEvent);
  } catch (error) {
    await client.close();
    throw error;
  }
  return store;
}

/** Transactions: snapshot reads, majority journaled commits that wait for the majority a bounded time. */
const txOptions = (client: MongoClient) =>
  ({ readConcern: { level: 'snapshot' as const }, writeConcern: new WriteConcern('majority', client.options.writeConcern?.wtimeoutMS ?? DEFAULT_WRITE_TIMEOUT_MS, true), readPreference: 'primary' as const });
const SNAPSHOT = { level: 'snapshot' as const };
const isDuplicate = (error: unknown) => error instanceof MongoServerError && error.code === 11000;

class MongoStore implements Store {
  private readonly defs: MongoDefinitions;
  private readonly idempotency: MongoIdempotency;
  private readonly history: MongoHistory;
  private readonly retention: MongoRetention;
  private readonly webhooks: MongoWebhooks;
  private readonly cases: Collection<docs.CaseDoc>;
  private readonly tasks: Collection<docs.TaskDoc>;
  private readonly taskDrafts: Collection<docs.TaskDraftDoc>;
  private readonly timers: Collection<docs.TimerDoc>;
  private readonly outbox: Collection<docs.OutboxDoc>;
  private readonly users: Collection<docs.UserDoc>;
  private readonly sessions: Collection<docs.SessionDoc>;
  private readonly signInAttempts: Collection<docs.SignInAttemptDoc>;

  readonly auditLog: MongoAudit;
  /** This process's offset to the server's clock, for lease ends (mongo-clock.ts); measured at open. */
  private readonly clock = new ServerClock(null);
  private clockWatch: { stop(): void } | null = null;

  private readonly TX: ReturnType<typeof txOptions>;

  constructor(private readonly client: MongoClient, readonly db: Db, auditKey: AuditKey) {
    this.TX = txOptions(client);
    this.auditLog = new MongoAudit(db, auditKey, (work) => this.tx(work));
    this.defs = new MongoDefinitions(db, (work) => this.tx(work));
    this.idempotency = new MongoIdempotency(db, this.clock);
    this.history = new MongoHistory(db);
    this.retention = new MongoRetention(db, this.auditLog, (work) => this.tx(work), (input, session) => this.commit(input, session));
    this.webhooks = new MongoWebhooks(db);
    this.cases = db.collection('cases');
    this.tasks = db.collection('tasks');
    this.taskDrafts = db.collection('task_drafts');
    this.timers = db.collection('timers');
    this.outbox = db.collection('outbox');
    this.users = db.collection('users');
    this.sessions = db.collection('sessions');
    this.signInAttempts = db.collection('sign_in_attempts');
  }

  /** Takes the offset the preflight measured, then measures it again every minute until `close`. */
  watchClock(first: ClockSample | null, log: (event: ClockEvent) => void): void {
    if (first) this.clock.update(first);
    this.clockWatch = watchServerClock(this.clock, () => measureOffset(() => this.db.admin().command({ hello: 1 })), log);
  }

  async ensureIndexes(): Promise<void> {
    // Also creates the collections, which must exist before the first transaction writes to them.
    await Promise.all(Object.entries(docs.INDEXES).map(([name, indexes]) => this.db.collection(name).createIndexes(indexes)));
    await this.webhooks.ensureIndexes();
    await this.retention.ensureIndexes();
    await this.backfillSearchKeys();
  }

  /**
   * Cases written before case search had its key (SQLite's migration 4), or before the key had its
   * indexed grams, get them from their stored subject. Done once: a document in `migrations` says
   * so, so later opens do not scan every case for the few (none) that lack them.
   */
  private async backfillSearchKeys(): Promise<void> {
    const migrations = this.db.collection<{ _id: string; at: string }>('migrations');
    if (await migrations.findOne({ _id: 'case-search-grams' })) return;
    const missing = this.cases.find({ searchGrams: { $exists: false } }, { projection: { state: 1 } });
    for await (const doc of missing) {
      const state = JSON.parse(doc.state) as CaseState;
      const searchKey = caseSearchKey(state.id, state.subject);
      await this.cases.updateOne({ _id: doc._id, searchGrams: { $exists: false } }, { $set: { searchKey, searchGrams: searchGrams(searchKey) } });
    }
    await migrations.updateOne({ _id: 'case-search-grams' }, { $setOnInsert: { at: new Date().toISOString() } }, { upsert: true });
  }

  private async tx<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = this.client.startSession();
    try {
      return await session.withTransaction(() => work(session), this.TX);
    } finally {
      await session.endSession();
    }
  }

  createDraft(definition: WorkflowDefinition, meta: DraftMeta) {
    return this.defs.createDraft(definition, meta);
  }
  saveDraft(definition: WorkflowDefinition, options: SaveDraftOptions) {
    return this.defs.saveDraft(definition, options);
  }
  getDraft(id: string) {
    return this.defs.getDraft(id);
  }
  publish(id: string, options: PublishOptions) {
    return this.defs.publish(id, options);
  }
  getDefinition(id: string, version: number) {
    return this.defs.getDefinition(id, version);
  }
  latestPublished(id: string) {
    return this.defs.latestPublished(id);
  }
  listDefinitions(authority: string) {
    return this.defs.listDefinitions(authority);
  }

  /**
   * Steps submitted in one turn of the event loop share one transaction, so one majority-journaled
   * commit (group-commit.ts). A transaction runs its steps one after another (the driver does not
   * support parallel operations in one), so a few batches are written at once.
   */
  private readonly commits = groupCommit<CommitInput>({ maxInFlight: 4, flush: (batch) => this.flushCommits(batch) });

  commitStep(input: CommitInput): Promise<void> {
    return this.commits.submit(input);
  }

  /**
   * Any error aborts a MongoDB transaction whole (there are no savepoints), so when a step of the
   * batch fails, each step is tried again on its own and only the one at fault fails. Not when
   * the commit itself failed: the batch may have landed, so every step hears that error, as a lone
   * step would, rather than a conflict with itself.
   */
  private flushCommits(batch: readonly CommitInput[]) {
    let refusal: unknown;
    return flushAllOrEach(batch, {
      all: (steps) => this.tx(async (session) => {
        refusal = undefined; // The driver runs this again after a transient error.
        try {
          for (const input of steps) await this.commit(input, session);
        } catch (error) {
          refusal = error;
          throw error;
        }
      }),
      each: (input) => this.commitOne(input),
      keyOf: (input) => input.caseState.id,
      // A transaction aborted on a transient error (a WriteConflict past withTransaction's retries) wrote nothing either.
      retryEach: (error) => error === refusal || isTransientConflict(error),
    });
  }

  private async commitOne(input: CommitInput): Promise<void> {
    try {
      await this.tx((session) => this.commit(input, session));
    } catch (error) {
      // Two transactions creating the same case: the loser sees a duplicate key, not a version.
      // A WriteConflict that outlasted withTransaction's retries aborted the step: "reload and try again" (409), not a 500.
      if (isDuplicate(error) || isTransientConflict(error)) throw new ConflictError(input.caseState.id, input.expectedVersion, null);
      throw error;
    }
  }

  private async commit({ caseState: state, expectedVersion, audit, outbox, at, previous, request }: CommitInput, session: ClientSession): Promise<void> {
    const stored = await this.cases.findOne({ _id: state.id }, { session, projection: { state: 0 } });
    const actual = stored?.version ?? null;
    if (actual !== expectedVersion) throw new ConflictError(state.id, expectedVersion, actual);
    if (stored && stored.authority !== state.authority) {
      throw new StoreError('authority_mismatch', `Case ${state.id} cannot move to another authority.`, { caseId: state.id });
    }
    const prior: ChainHead = stored ? { count: stored.auditCount, hash: stored.auditHead } : { count: 0, hash: GENESIS_HASH };
    // The timeline goes to `case_history`, new entries only (mongo-history.ts); the document keeps the rest.
    const history = await this.history.write(state.id, stored, state.history, session);
    const { id: _id, ...record } = caseRecord(state, await this.auditLog.writeCase(state.id, prior, audit, session), JSON.stringify({ ...state, history: [] }));
    const doc: docs.CaseDoc = { _id, ...record, searchGrams: searchGrams(record.searchKey), ...history };
    if (!stored) await this.cases.insertOne(doc, { session });
    else if ((await this.cases.replaceOne({ _id: state.id, version: expectedVersion! }, doc, { session })).matchedCount !== 1) {
      throw new ConflictError(state.id, expectedVersion, null);
    }
    const write = rowsToWrite(state, previous, expectedVersion);
    const allTasks = taskRows(state);
    await this.tasks.deleteMany({ caseId: state.id, _id: { $nin: allTasks.map((t) => t.taskId) } }, { session });
    const tasks = allTasks.filter((t) => write.task(t.taskId)).map(docs.taskDoc);
    if (tasks.length) await this.tasks.bulkWrite(tasks.map((t) => ({ replaceOne: { filter: { _id: t._id }, replacement: t, upsert: true } })), { session });
    const timers = timerRows(state);
    await this.timers.deleteMany({ caseId: state.id, _id: { $nin: timers.map((t) => t.timerId) } }, { session });
    for (const { timerId, ...timer } of timers.filter((t) => write.timer(t.timerId))) {
      // A timer that stays pending keeps its lease: another step on the case must not free it.
      await this.timers.updateOne({ _id: timerId }, { $set: timer, $setOnInsert: { leaseOwner: null, leaseUntil: null } }, { upsert: true, session });
    }
    const createdAt = instant(at ?? state.updatedAt);
    for (const message of outbox) {
      const fresh = { caseId: state.id, authority: state.authority, kind: message.kind, payload: JSON.stringify(message.payload), status: 'pending' as const,
        attempts: 0, createdAt, availableAt: createdAt, leaseOwner: null, leaseUntil: null, lastError: null, doneAt: null };
      // The id is derived from the step, so a message already there is the same message: keep it.
      await this.outbox.updateOne({ _id: message.id }, { $setOnInsert: fresh }, { upsert: true, session });
    }
    if (request) await this.idempotency.markCommitted(request, { caseId: state.id, version: state.version }, session);
  }

  async getCase(id: string): Promise<CaseState | null> {
    // A snapshot session (MongoDB 5.0+): the document and its timeline as of one point in time, whatever
    // commits meanwhile. Each read names the snapshot level, or the driver would send the client's
    // `majority` and add the session's atClusterTime to it (sessions.js `applySession`; utils.js `resolveOptions`).
    const session = this.client.startSession({ snapshot: true });
    try {
      const doc = await this.cases.findOne({ _id: id }, { session, readConcern: SNAPSHOT, projection: { state: 1, historyCount: 1 } });
      if (!doc) return null;
      const state = JSON.parse(doc.state) as CaseState;
      // A document from before the timeline moved out has none stored apart: its state still holds it.
      if (doc.historyCount !== undefined) state.history = await this.history.read(id, doc.historyCount, session);
      return state;
    } finally {
      await session.endSession();
    }
  }
  /** One query, projecting the summary only (mongo-queries.ts): covered by an index unless it searches or asks about tasks. */
  async findCases(filter: CaseFilter) {
    const query = caseListQuery(filter);
    const found = query.kind === 'find'
      ? await this.cases.find(query.filter, { projection: query.projection }).sort(query.sort).limit(query.limit).toArray()
      : await this.tasks.aggregate<docs.CaseDoc>(query.pipeline).toArray();
    return found.map(docs.caseSummaryOf);
  }
  async listTasks(query: TaskQuery) {
    const { filter, sort, limit } = taskListQuery(query);
    return (await this.tasks.find(filter).sort(sort).limit(limit).toArray()).map(docs.taskRow);
  }

  async saveTaskDraft(draft: TaskDraft) {
    const doc = docs.taskDraftDoc(draft);
    await this.taskDrafts.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
  async getTaskDraft(taskId: string, userId: string) {
    return docs.taskDraft(await this.taskDrafts.findOne({ _id: docs.taskDraftKey(taskId, userId) }));
  }
  async deleteTaskDrafts(taskId: string) {
    await this.taskDrafts.deleteMany({ taskId });
  }

  async claimDueTimers(now: string, owner: string, leaseMs: number, limit: number): Promise<ClaimedTimer[]> {
    const at = instant(now);
    // Due on the caller's time; leased on the server's (mongo-clock.ts). The claimer is told its lease end in its own time.
    const leaseUntil = docs.plusMs(at, leaseMs);
    const serverAt = this.clock.at(at);
    // Only a case's earliest pending timer, so its timers fire in order (best effort across processes;
    // mongo-claims.ts). The claim also matches its fireAt, so a timer a step moved is not leased at its old time.
    const isEarliest = async (candidate: docs.TimerDoc) =>
      (await this.timers.find({ caseId: candidate.caseId }, { projection: { _id: 1 } }).sort({ fireAt: 1, _id: 1 }).limit(1).next())?._id === candidate._id;
    const due = (room: number) => this.timers.find({ fireAt: { $lte: at }, ...docs.leaseFree(serverAt) }).sort({ fireAt: 1, _id: 1 }).batchSize(Math.max(4 * room, 100));
    return claimInRounds(limit, (room) => pickEarliest(due(room), isEarliest, room), async (candidate) => {
      const doc = await this.timers.findOneAndUpdate({ _id: candidate._id, fireAt: candidate.fireAt, ...docs.leaseFree(serverAt) }, { $set: { leaseOwner: owner, leaseUntil: docs.plusMs(serverAt, leaseMs) } }, { returnDocument: 'after' });
      return doc ? { ...docs.timerRow(doc), leaseOwner: owner, leaseUntil } : null;
    });
  }
  async dropTimer(caseId: string, timerId: string) {
    await this.timers.deleteOne({ _id: timerId, caseId });
  }
  async nextTimerAt() {
    return (await this.timers.find({}).sort({ fireAt: 1 }).limit(1).next())?.fireAt ?? null;
  }
  async listTimers(caseId: string) {
    return (await this.timers.find({ caseId }).sort({ fireAt: 1, _id: 1 }).toArray()).map(docs.timerRow);
  }

  async claimOutbox(now: string, owner: string, leaseMs: number, limit: number, kinds?: readonly OutboxKind[]): Promise<OutboxMessage[]> {
    const at = instant(now);
    // Available on the caller's time; leased on the server's (mongo-clock.ts).
    const serverAt = this.clock.at(at);
    const ready = { status: 'pending' as const, ...(kinds ? { kind: { $in: [...kinds] } } : {}), availableAt: { $lte: at }, ...docs.leaseFree(serverAt) };
    // Each claim is a conditional update on `ready`, so a message leased by another claimer is never taken twice.
    return claimInRounds(limit, (room) => this.outbox.find(ready, { projection: { _id: 1 } }).sort({ availableAt: 1, createdAt: 1, _id: 1 }).limit(room).toArray(), async (candidate) => {
      const doc = await this.outbox.findOneAndUpdate({ _id: candidate._id, ...ready }, { $set: { leaseOwner: owner, leaseUntil: docs.plusMs(serverAt, leaseMs) }, $inc: { attempts: 1 } }, { returnDocument: 'after' });
      return doc ? docs.outboxMessage(doc) : null;
    });
  }
  async renewOutboxLeases(ids: readonly string[], owner: string, until: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const held = { _id: { $in: [...ids] }, status: 'pending' as const, leaseOwner: owner };
    await this.outbox.updateMany(held, { $set: { leaseUntil: this.clock.at(until) } });
    // A message another worker took meanwhile has another owner now, so this finds what is still held.
    return (await this.outbox.find(held, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id);
  }
  async markOutboxDone(id: string, owner: string, at: string) {
    const result = await this.outbox.updateOne({ _id: id, status: 'pending', leaseOwner: owner }, { $set: { status: 'done', doneAt: instant(at), leaseOwner: null, leaseUntil: null } });
    return result.matchedCount === 1;
  }
  async markOutboxFailed(id: string, owner: string, error: string, retryAt: string | null) {
    const set = retryAt === null ? { status: 'dead' as const } : { availableAt: instant(retryAt) };
    const result = await this.outbox.updateOne({ _id: id, status: 'pending', leaseOwner: owner }, { $set: { ...set, lastError: error.slice(0, 500), leaseOwner: null, leaseUntil: null } });
    return result.matchedCount === 1;
  }
  async listOutbox(filter: OutboxListFilter) {
    const { filter: query, sort, limit } = outboxListQuery(filter);
    return (await this.outbox.find(query).sort(sort).limit(limit).toArray()).map(docs.outboxMessage);
  }

  async appendRead(caseId: string, actor: string, what: string, at: string): Promise<void> {
    await this.auditLog.appendCase(caseId, [{ at, actor, action: 'case_read', detail: { what } }]);
  }
  async appendAccess(authority: string, input: AuditInput) {
    await this.auditLog.appendAccess(authority, input);
  }
  async listAudit(caseId: string) {
    return this.auditLog.listCase(caseId);
  }
  async listAccess(filter: AccessFilter) {
    return this.auditLog.listAccess(filter);
  }
  async verifyAudit(caseId: string) {
    return this.auditLog.verify({ caseId });
  }
  async verifyLog(log: AuditLogRef, checkpoint?: ChainHead) {
    return this.auditLog.verify(log, checkpoint);
  }
  auditHeads() {
    return this.auditLog.heads();
  }

  async saveUser(user: UserRecord) {
    try {
      await this.users.replaceOne({ _id: user.id }, docs.userDoc(user), { upsert: true });
    } catch (error) {
      if (isDuplicate(error)) throw new StoreError('already_exists', 'Another user has that e-mail address.', { id: user.id });
      throw error;
    }
  }
  async getUser(id: string) {
    return docs.userRecord(await this.users.findOne({ _id: id }));
  }
  async findUserByEmail(email: string) {
    return docs.userRecord(await this.users.findOne({ emailKey: docs.emailKey(email) }));
  }
  async listUsers(authority: string) {
    return (await this.users.find({ authority }).sort({ _id: 1 }).toArray()).map((doc) => docs.userRecord(doc)!);
  }
  async createSession(session: SessionRecord) {
    const { id, ...rest } = session;
    await this.sessions.insertOne({ _id: id, ...rest, createdAt: instant(rest.createdAt), expiresAt: instant(rest.expiresAt) });
  }
  async getSession(id: string) {
    const doc = await this.sessions.findOne({ _id: id });
    // Sessions stored before the access digest have none: they end at their next request.
    return doc ? { id: doc._id, userId: doc.userId, csrfToken: doc.csrfToken, accessDigest: doc.accessDigest ?? '', createdAt: doc.createdAt, expiresAt: doc.expiresAt } : null;
  }
  async deleteSession(id: string) {
    await this.sessions.deleteOne({ _id: id });
  }
  async deleteExpiredSessions(now: string) {
    return (await this.sessions.deleteMany({ expiresAt: { $lte: instant(now) } })).deletedCount;
  }
  async recordSignInAttempts(attempts: SignInAttempt[]) {
    if (attempts.length) await this.signInAttempts.insertMany(attempts.map(docs.signInAttemptDoc));
  }
  async listSignInAttempts(key: string, now: string) {
    return (await this.signInAttempts.find({ key, expiresAt: { $gt: new Date(now) } }).sort({ expiresAt: 1, _id: 1 }).toArray()).map(docs.signInAttempt);
  }
  async deleteSignInAttempts(ids: string[]) {
    await this.signInAttempts.deleteMany({ _id: { $in: ids } });
  }
  async clearSignInAttempts(key: string) {
    await this.signInAttempts.deleteMany({ key });
  }
  async deleteExpiredSignInAttempts(now: string) {
    return (await this.signInAttempts.deleteMany({ expiresAt: { $lte: new Date(now) } })).deletedCount;
  }

  claimIdempotencyKey(claim: IdempotencyClaim) {
    return this.idempotency.claim(claim);
  }
  recordIdempotentResponse(hold: IdempotencyHold, response: IdempotentResponse) {
    return this.idempotency.record(hold, response);
  }
  releaseIdempotencyKey(hold: IdempotencyHold) {
    return this.idempotency.release(hold);
  }
  deleteExpiredIdempotencyKeys(now: string) {
    return this.idempotency.deleteExpired(now);
  }

  createWebhookSubscription(subscription: WebhookSubscription) {
    return this.webhooks.create(subscription);
  }
  getWebhookSubscription(id: string) {
    return this.webhooks.get(id);
  }
  listWebhookSubscriptions(authority: string) {
    return this.webhooks.list(authority);
  }
  setWebhookSubscriptionDisabled(id: string, disabledAt: string | null) {
    return this.webhooks.setDisabled(id, disabledAt);
  }
  deleteWebhookSubscription(id: string) {
    return this.webhooks.delete(id);
  }
  enqueueOutbox(from: { caseId: string; authority: string }, messages: OutboxInput[], at: string) {
    return this.webhooks.enqueue(from, messages, at);
  }

  listClosedCases(query: ClosedCaseQuery) {
    return this.retention.listClosedCases(query);
  }
  getLegalHold(caseId: string) {
    return this.retention.getLegalHold(caseId);
  }
  setLegalHold(hold: Omit<LegalHold, 'authority'>) {
    return this.retention.setLegalHold(hold);
  }
  clearLegalHold(caseId: string, release: { by: string; at: string }) {
    return this.retention.clearLegalHold(caseId, release);
  }
  anonymiseCase(input: AnonymiseInput) {
    return this.retention.anonymiseCase(input);
  }
  deleteCase(input: DeleteInput) {
    return this.retention.deleteCase(input);
  }

  async close() {
    // Steps submitted before the close are still committed.
    await this.commits.drain();
    this.clockWatch?.stop();
    await this.client.close();
  }
}
