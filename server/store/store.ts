/**
 * One storage interface for both the embedded SQLite store and MongoDB. Every method is async so
 * the two share it; every implementation passes `store.contract.ts`.
 *
 * The rule that keeps cases whole: a step is ONE `commitStep` — case document, task rows, timer
 * rows, audit entries and outbox messages are written together or not at all, and only if the
 * case is still at the version the step was computed from.
 */
import type { CaseState, Instant, WorkflowDefinition } from '../../engine/index.ts';
import type {
  AuditRecord,
  AuditVerdict,
  CaseFilter,
  CaseSummary,
  ClaimedTimer,
  CommitInput,
  DefinitionDraft,
  DefinitionSummary,
  OutboxMessage,
  PublishedDefinition,
  TaskDraft,
  TaskQuery,
  TaskRow,
  TimerRow,
  SessionRecord,
  UserRecord,
} from './types.ts';

export interface PublishOptions {
  by: string;
  at: Instant;
  /** Publish as exactly this version; refused (`already_published`) if it exists or is not next. */
  version?: number;
}

export interface Store {
  // Definitions: drafts are editable; published versions are immutable.
  saveDraft(definition: WorkflowDefinition, meta: { by: string; at: Instant }): Promise<DefinitionDraft>;
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

  // Outbox: notifications and internal jobs, written with the step that caused them.
  claimOutbox(now: Instant, owner: string, leaseMs: number, limit: number): Promise<OutboxMessage[]>;
  markOutboxDone(id: string, at: Instant): Promise<void>;
  /** `retryAt: null` gives up: the message is kept as `dead` for an admin to see. */
  markOutboxFailed(id: string, error: string, retryAt: Instant | null): Promise<void>;
  listOutbox(filter: { authority?: string; caseId?: string; status?: OutboxMessage['status'] }): Promise<OutboxMessage[]>;

  // Audit: append-only and hash-chained per case.
  appendRead(caseId: string, actor: string, what: string, at: Instant): Promise<void>;
  listAudit(caseId: string): Promise<AuditRecord[]>;
  verifyAudit(caseId: string): Promise<AuditVerdict>;

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

  close(): Promise<void>;
}
