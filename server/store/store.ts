/**
 * One storage interface for both the embedded SQLite store and MongoDB. Every method is async so
 * the two share it; every implementation passes `store.contract.ts`.
 *
 * The rule that keeps cases whole: a step is ONE `commitStep` — case document, task rows, timer
 * rows, audit entries and outbox messages are written together or not at all, and only if the
 * case is still at the version the step was computed from. Steps committed at about the same time
 * may share one transaction and one fsync (group-commit.ts), each still checked and refused on its
 * own; a `commitStep` promise settles only once its step is durable or refused.
 */
import type { CaseState, Instant, WorkflowDefinition } from '../../engine/index.ts';
import type { ChainHead } from './audit-chain.ts';
import type {
  AccessFilter,
  AccessRecord,
  AuditHead,
  AuditLogRef,
  AuditInput,
  AuditRecord,
  AuditVerdict,
  CaseFilter,
  CaseSummary,
  ClaimedTimer,
  CommitInput,
  DefinitionDraft,
  DefinitionSummary,
  IdempotencyClaim,
  IdempotencyHold,
  IdempotencyRecord,
  IdempotentResponse,
  OutboxInput,
  OutboxKind,
  OutboxMessage,
  PublishedDefinition,
  TaskDraft,
  TaskQuery,
  TaskRow,
  TimerRow,
  SessionRecord,
  SignInAttempt,
  UserRecord,
} from './types.ts';
import type { AnonymiseInput, ClosedCase, ClosedCaseQuery, DeleteInput, LegalHold } from './retention-types.ts';
import type { WebhookSubscription } from './webhook-types.ts';

export interface DraftMeta {
  by: string;
  at: Instant;
}

export interface SaveDraftOptions extends DraftMeta {
  /**
   * Compare-and-set on the draft's `savedAt`, checked in the transaction that writes: saved only
   * if the draft still has this `savedAt` (with null: if there is no draft yet), else refused
   * `stale_draft`. Left out, the draft is replaced whatever it is (seeding, tests).
   */
  expectedSavedAt?: Instant | null;
}

export interface PublishOptions extends DraftMeta {
  /** Publish as exactly this version; refused (`already_published`) if it exists or is not next. */
  version?: number;
  /**
   * Publish only the draft that was checked: the one with this `savedAt`, in the same transaction;
   * refused `draft_changed` if it has been saved again since.
   */
  draftSavedAt?: Instant;
  /** What changed and why, in the admin's words, kept with the version (the API requires one). */
  note?: string;
}

export interface Store {
  // Definitions: drafts are editable; published versions are immutable. A draft's `savedAt` is
  // its version token: every save moves it at least 1 ms past the one before, whatever `at` says.
  /** A new definition, as its first draft: an insert, refused `definition_exists` if the id was ever used by anyone. */
  createDraft(definition: WorkflowDefinition, meta: DraftMeta): Promise<DefinitionDraft>;
  saveDraft(definition: WorkflowDefinition, options: SaveDraftOptions): Promise<DefinitionDraft>;
  getDraft(id: string): Promise<DefinitionDraft | null>;
  /** Freezes the current draft as the next version number. */
  publish(id: string, options: PublishOptions): Promise<PublishedDefinition>;
  getDefinition(id: string, version: number): Promise<PublishedDefinition | null>;
  latestPublished(id: string): Promise<PublishedDefinition | null>;
  listDefinitions(authority: string): Promise<DefinitionSummary[]>;

  // Cases: written only through commitStep.
  /** Atomic; throws `ConflictError` if the stored version is not `expectedVersion`. */
  commitStep(input: CommitInput): Promise<void>;
  getCase(id: string): Promise<CaseState | null>;
  findCases(filter: CaseFilter): Promise<CaseSummary[]>;
  /** Inbox rows, sorted by due date (undated last). Never crosses authorities. */
  listTasks(query: TaskQuery): Promise<TaskRow[]>;

  // Task form drafts: outside commitStep, since saving half a form is not a step of the case.
  /** Creates or replaces the draft of `draft.userId` for `draft.taskId`. */
  saveTaskDraft(draft: TaskDraft): Promise<void>;
  getTaskDraft(taskId: string, userId: string): Promise<TaskDraft | null>;
  /** Removes every user's draft of the task: the server calls it once the task is completed. */
  deleteTaskDrafts(taskId: string): Promise<void>;

  // Timers: rows mirror each case's pending timers; leases stop two schedulers doing the same work.
  // Lease times (`now`, `leaseMs`, `until`, an Idempotency-Key's `lockedUntil`) are given on the
  // caller's clock, which tests and scenario runs may simulate. SQLite compares them as given: every
  // process using one SQLite file runs on one machine and shares its clock. MongoDB serves hosts
  // whose clocks may disagree, so it stores and compares lease ends on the server's clock (caller
  // time + the offset it measures, mongo-clock.ts) and reports them back on the caller's. Due times
  // (`fireAt`, `availableAt`) are the app's and stay on the caller's clock in both.
  /**
   * Leases up to `limit` timers with `fireAt <= now` whose lease is free or expired. Only the
   * earliest pending timer of each case is offered, so a case's timers fire in order.
   */
  claimDueTimers(now: Instant, owner: string, leaseMs: number, limit: number): Promise<ClaimedTimer[]>;
  /** Drops a timer row the case no longer has (the engine refused it as not pending). */
  dropTimer(caseId: string, timerId: string): Promise<void>;
  /** The earliest pending fireAt, or null: for sleeping until the next timer and for health checks. */
  nextTimerAt(): Promise<Instant | null>;
  listTimers(caseId: string): Promise<TimerRow[]>;

  // Outbox: notifications and internal jobs, written with the step that caused them. Each message
  // is leased on its own, and its sender renews the lease while it works, so a lease runs out
  // only when its sender has died (or stalled for longer than a lease).
  /**
   * Leases up to `limit` ready messages (pending, available by `now`, lease free or expired) to
   * `owner` until `now + leaseMs`, counting an attempt on each; oldest first. `kinds` limits the
   * claim to those kinds, so internal jobs can have a queue of their own beside e-mail.
   */
  claimOutbox(now: Instant, owner: string, leaseMs: number, limit: number, kinds?: readonly OutboxKind[]): Promise<OutboxMessage[]>;
  /** Extends `owner`'s leases on `ids` to `until`; returns the ids it still holds (pending and leased to it). */
  renewOutboxLeases(ids: readonly string[], owner: string, until: Instant): Promise<string[]>;
  /**
   * Settles a message, only for its lease holder: false, and nothing changes, if `owner` no
   * longer holds it (its lease ran out and another took it, or it is settled already).
   */
  markOutboxDone(id: string, owner: string, at: Instant): Promise<boolean>;
  /** As `markOutboxDone`; `retryAt: null` gives up: the message is kept as `dead` for an admin to see. */
  markOutboxFailed(id: string, owner: string, error: string, retryAt: Instant | null): Promise<boolean>;
  /** Oldest first; at most `limit` messages when it is given (an authority's outbox grows with every step). */
  listOutbox(filter: { authority?: string; caseId?: string; status?: OutboxMessage['status']; limit?: number }): Promise<OutboxMessage[]>;

  // Audit: append-only, each log chained with an HMAC under the store's audit key (audit-chain.ts):
  // one log per case, and one access log per reader for reads of many cases at once.
  appendRead(caseId: string, actor: string, what: string, at: Instant): Promise<void>;
  /** One entry on `input.actor`'s access log: a list, search or report read, or a refused attempt. */
  appendAccess(authority: string, input: AuditInput): Promise<void>;
  listAudit(caseId: string): Promise<AuditRecord[]>;
  /** Oldest first (by time, then reader). */
  listAccess(filter: AccessFilter): Promise<AccessRecord[]>;
  verifyAudit(caseId: string): Promise<AuditVerdict>;
  /**
   * Verifies any log in one snapshot; with a `checkpoint` head exported earlier, also that the log
   * still holds that entry (so cutting entries off the end, or rewriting them with the key, shows).
   */
  verifyLog(log: AuditLogRef, checkpoint?: ChainHead): Promise<AuditVerdict>;
  /** Every log's head as it stands: case logs by id, then access logs; for checkpoints. */
  auditHeads(): AsyncIterable<AuditHead>;

  // People and sessions, so any server process can serve any signed-in request.
  /** Creates or replaces a user; refused (`already_exists`) if another user has the e-mail. */
  saveUser(user: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  listUsers(authority: string): Promise<UserRecord[]>;
  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  deleteSession(id: string): Promise<void>;
  /** Removes sessions that expired at or before `now`; returns how many. */
  deleteExpiredSessions(now: Instant): Promise<number>;

  // Sign-in attempts, so every server process counts the same failures (server/auth/throttle.ts).
  /** Records attempts in one write (an attempt counts under its account and its address). */
  recordSignInAttempts(attempts: SignInAttempt[]): Promise<void>;
  /** A key's attempts still counting at `now` (expiring after it), earliest expiry first. */
  listSignInAttempts(key: string, now: Instant): Promise<SignInAttempt[]>;
  /** Removes attempts by id, e.g. the one a successful sign-in recorded before it succeeded. */
  deleteSignInAttempts(ids: string[]): Promise<void>;
  /** Removes every attempt under a key: a successful sign-in clears its account's count. */
  clearSignInAttempts(key: string): Promise<void>;
  /** Removes attempts that expired at or before `now`; returns how many. */
  deleteExpiredSignInAttempts(now: Instant): Promise<number>;

  // Idempotency keys, so a retried change gets its first answer from any server process (server/http/idempotency.ts).
  /**
   * Claims `(claim.userId, claim.key)` and returns the record as it then stands: the claim's own
   * (same `token`) if the key was free, had expired, or was held for the same request by a holder
   * whose `lockedUntil` has passed (keeping its `committed` change); otherwise the record already
   * there, untouched. A change made under a key is marked by `commitStep`'s `request`.
   */
  claimIdempotencyKey(claim: IdempotencyClaim): Promise<IdempotencyRecord>;
  /** Keeps the answer for the key's retries; false (and nothing written) if `hold` no longer holds it. */
  recordIdempotentResponse(hold: IdempotencyHold, response: IdempotentResponse): Promise<boolean>;
  /** Frees a key whose request ended without an answer worth keeping, if `hold` still holds it unanswered and it made no change. */
  releaseIdempotencyKey(hold: IdempotencyHold): Promise<void>;
  /** Removes keys that expired at or before `now`, answered or not; returns how many. */
  deleteExpiredIdempotencyKeys(now: Instant): Promise<number>;

  // Webhook subscriptions, per authority (server/events, store-contract-webhooks.ts).
  /** Refused `already_exists` if the id is taken. */
  createWebhookSubscription(subscription: WebhookSubscription): Promise<void>;
  getWebhookSubscription(id: string): Promise<WebhookSubscription | null>;
  /** Oldest first, disabled ones too. */
  listWebhookSubscriptions(authority: string): Promise<WebhookSubscription[]>;
  /** Sets or clears `disabledAt`; false if there is no such subscription. */
  setWebhookSubscriptionDisabled(id: string, disabledAt: Instant | null): Promise<boolean>;
  /** False if there was no such subscription. Deliveries already queued for it are dropped when their turn comes. */
  deleteWebhookSubscription(id: string): Promise<boolean>;
  /**
   * Adds outbox messages for the case and authority of an existing message (an event's deliveries,
   * one per subscription), ready at `at`. An id already there is left as it is, so doing it again
   * after a crash adds nothing; returns how many were new.
   */
  enqueueOutbox(from: { caseId: string; authority: string }, messages: OutboxInput[], at: Instant): Promise<number>;

  // Retention (server/retention): closed cases with what their rule needs, legal holds, disposal.
  /** Closed and withdrawn cases not yet anonymised, by id, a page at a time, each with its legal hold. */
  listClosedCases(query: ClosedCaseQuery): Promise<ClosedCase[]>;
  getLegalHold(caseId: string): Promise<LegalHold | null>;
  /** Puts a case on hold (or restates the hold), with an entry on the case's log; `not_found` if there is no case. */
  setLegalHold(hold: Omit<LegalHold, 'authority'>): Promise<LegalHold>;
  /** Releases a case's hold, with an entry on the case's log; false if it had none. */
  clearLegalHold(caseId: string, release: { by: string; at: Instant }): Promise<boolean>;
  /**
   * In one transaction: the anonymised state committed as the case's next version with its audit
   * entry, the case's form drafts and outbox messages removed, the disposal recorded. Refused
   * `legal_hold` if the case is held, `conflict` if it moved on from `expectedVersion`.
   */
  anonymiseCase(input: AnonymiseInput): Promise<void>;
  /**
   * In one transaction: the case, its tasks, timers, form drafts, outbox messages, timeline and
   * search entry removed, the disposal recorded. The case's own audit entries stay (append-only;
   * ids and codes only). Refused as `anonymiseCase` is.
   */
  deleteCase(input: DeleteInput): Promise<void>;

  close(): Promise<void>;
}
