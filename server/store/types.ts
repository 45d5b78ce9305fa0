/**
 * The records a store keeps besides the case document itself. Task and timer rows are
 * denormalised copies of `CaseState.tasks` / `CaseState.timers`, rewritten in the same
 * transaction as the case, so inbox and scheduler queries never need to open case documents.
 * Instants are normalised to `Date#toISOString()` so they sort as strings in both stores.
 */
import type { CaseState, Instant, Priority, Task, WorkflowDefinition } from '../../engine/index.ts';

export interface DefinitionDraft {
  id: string;
  authority: string;
  definition: WorkflowDefinition;
  savedAt: Instant;
  savedBy: string;
}

export interface PublishedDefinition {
  id: string;
  version: number;
  authority: string;
  /** Immutable: `definition.version` equals `version`. */
  definition: WorkflowDefinition;
  publishedAt: Instant;
  publishedBy: string;
  /** The admin's change note, kept in the version history; null for versions published without one. */
  note: string | null;
}

export interface DefinitionSummary {
  id: string;
  authority: string;
  name: string;
  latestVersion: number | null;
  hasDraft: boolean;
}

/** A write-or-read to chain onto a case's audit log. `detail` holds ids and codes only. */
export interface AuditInput {
  at: Instant;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

export interface AuditRecord extends AuditInput {
  caseId: string;
  /** 1, 2, 3... per case, no gaps. */
  seq: number;
  prevHash: string;
  /** HMAC-SHA-256 under the audit key (audit-chain.ts); plain SHA-256 on entries written before the key. */
  hash: string;
}

/**
 * An entry of a reader's access log: reads of many cases at once (lists, search, trays, the
 * outbox, reports) and refused attempts on another authority's case or definition. One log per
 * person (`actor`), so readers never wait on each other; `detail.cases` names the cases shown.
 */
export interface AccessRecord extends AuditInput {
  authority: string;
  /** 1, 2, 3... per reader, no gaps. */
  seq: number;
  prevHash: string;
  hash: string;
}

/** Which log: a case's, or one reader's access log. */
export type AuditLogRef = { caseId: string } | { authority: string; actor: string };

/** A log's head as it stands, for checkpoints. */
export type AuditHead = AuditLogRef & { count: number; hash: string };

export interface AccessFilter {
  authority: string;
  actor?: string;
  /** Entries whose `detail.cases` names this case, or whose refused target it was. */
  caseId?: string;
}

export interface AuditVerdict {
  ok: boolean;
  /** The first sequence number that does not check out. */
  brokenAt?: number;
  reason?: string;
  entries: number;
  /** The first keyed entry, when the log has entries from before the key (sealed by the `audit_rekeyed` at this seq). */
  keyedFrom?: number;
}

/** `event`: a case event to fan out to the authority's webhook subscriptions; `webhook`: one event for one subscription (server/events). */
export type OutboxKind = 'notify' | 'start_subflow' | 'end_parent_wait' | 'event' | 'webhook';

export interface OutboxInput {
  /** Unique and derived from the step (notification id, child case id), so re-inserting is a no-op. */
  id: string;
  kind: OutboxKind;
  payload: unknown;
}

export interface OutboxMessage extends OutboxInput {
  caseId: string;
  authority: string;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
  createdAt: Instant;
  availableAt: Instant;
  lastError?: string;
  doneAt?: Instant;
}

export interface CommitInput {
  caseState: CaseState;
  /** The version the step was computed from; `null` for a new case. */
  expectedVersion: number | null;
  audit: AuditInput[];
  outbox: OutboxInput[];
  /**
   * The stored state the step started from, if the caller has it: rows that did not change are
   * then not rewritten. Safe because the commit only succeeds if that state is still the stored one.
   */
  previous?: CaseState;
  /** When the commit happens (outbox `createdAt`); defaults to `caseState.updatedAt`. */
  at?: Instant;
  /**
   * The Idempotency-Key hold of the request making this change: marked committed in the same
   * transaction, so a retry after a crash between the commit and the answer finds the change made.
   * If the hold is no longer this request's (it outran its lock and a retry took the key), the
   * commit is refused with `idempotency_hold_lost` and nothing is written.
   */
  request?: IdempotencyHold;
}

export interface TaskRow {
  caseId: string;
  taskId: string;
  authority: string;
  definitionId: string;
  node: string;
  /** The stage as practitioners name it: the task node's name. */
  name: string;
  status: Task['status'];
  assigneeKind: 'worker' | 'team' | 'role';
  assignee: string;
  priority: Priority;
  due: Instant | null;
  overdue: boolean;
  createdAt: Instant;
  familyName: string;
  /** Set once the task is completed; null while open, if cancelled, and on rows written before it existed. */
  completedAt: Instant | null;
  completedBy: string | null;
  /** The timescale as the protocol words it ("within 2 working days"), for reports; null if the node has none. */
  dueLabel: string | null;
}

export interface TaskQuery {
  authority: string;
  /** Worker, teams and roles are OR-ed: my work, my teams' trays, work for anyone in my roles. */
  worker?: string;
  teams?: string[];
  roles?: string[];
  status?: Task['status'] | Array<Task['status']>;
  dueBefore?: Instant;
  overdue?: boolean;
  caseId?: string;
  /**
   * Tasks completed in `[completedFrom, completedTo)`, for "completed in this period" reports;
   * half-open so consecutive periods never count a task twice. Tasks never completed never match.
   */
  completedFrom?: Instant;
  completedTo?: Instant;
  limit?: number;
}

/**
 * What one practitioner has typed into a task's form but not yet submitted, kept so nothing is
 * lost to a closed tab or an expired session. One per (task, user); replaced on every save.
 */
export interface TaskDraft {
  caseId: string;
  taskId: string;
  userId: string;
  authority: string;
  /** The form's answers as typed, possibly incomplete or invalid: nothing checks them until submit. */
  data: Record<string, unknown>;
  savedAt: Instant;
}

export interface TimerRow {
  caseId: string;
  timerId: string;
  authority: string;
  fireAt: Instant;
  purpose: string;
  node: string;
}

export interface ClaimedTimer extends TimerRow {
  leaseOwner: string;
  leaseUntil: Instant;
}

export interface CaseSummary {
  id: string;
  authority: string;
  definition: { id: string; version: number };
  status: CaseState['status'];
  familyName: string;
  version: number;
  startedAt: Instant;
  updatedAt: Instant;
}

export interface CaseFilter {
  authority: string;
  status?: CaseState['status'];
  definition?: { id: string; version?: number };
  /** Cases with an open task at this node. */
  stage?: string;
  /** Cases with an open task in this team's tray / with this worker. */
  team?: string;
  worker?: string;
  /** Cases with an open overdue task. */
  overdue?: boolean;
  /**
   * Cases whose family name, child's name, child's case-system id, child's date of birth or case
   * id contains this, compared as `search-key.ts` normalises both ("7/12/2018" is a date of birth).
   */
  search?: string;
  limit?: number;
}

/** A person who signs in. Only the server's sign-in code reads `passwordHash`. */
export interface UserRecord {
  id: string;
  authority: string;
  name: string;
  /** Unique, compared case-insensitively. */
  email: string;
  roles: string[];
  teams: string[];
  /** `scrypt$N$r$p$salt$hash` (server/auth/password.ts); `none` for someone who only signs in through their provider. */
  passwordHash: string;
  disabled?: boolean;
  /** Set at the first sign-in through the authority's OpenID provider (server/auth/oidc-people.ts): who they are there. */
  sso?: { issuer: string; subject: string };
}

/** A signed-in session; `id` is the SHA-256 of the cookie token, never the token itself. */
export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  /**
   * Digest of what the person could do when they signed in (server/auth/session.ts): a session
   * whose person has since changed ends at its next request. Empty on sessions stored before it.
   */
  accessDigest: string;
  createdAt: Instant;
  expiresAt: Instant;
}

/**
 * One sign-in attempt counted against a key (`account:<address>` or `address:<client IP>`); it
 * counts until `expiresAt`, the end of its throttle window (server/auth/throttle.ts).
 */
export interface SignInAttempt {
  id: string;
  key: string;
  at: Instant;
  expiresAt: Instant;
}

/**
 * A person's hold on an `Idempotency-Key` (server/http/idempotency.ts): which request first used
 * it, and until when that request is taken to be still running. One per (person, key).
 */
export interface IdempotencyClaim {
  userId: string;
  key: string;
  method: string;
  /** The path without its query string (a search could hold a name); the query is in `requestHash`. */
  path: string;
  /** SHA-256 of the query string, If-Match and body: the same key with another request is refused. */
  requestHash: string;
  /** This attempt's own id: only the request holding the claim may record or release it. */
  token: string;
  createdAt: Instant;
  /** Until then the request is taken to be running; after, it is taken to have died and another may take over. */
  lockedUntil: Instant;
  /** When the key and its answer are forgotten: 24 hours after first use. */
  expiresAt: Instant;
}

/** The first answer to a request with a key, replayed to its retries: 2xx and 4xx only. */
export interface IdempotentResponse {
  status: number;
  /** The headers a retry needs again (Content-Type, Location, ETag...), lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export interface IdempotencyRecord extends IdempotencyClaim {
  /** Null while the first request is running (or died before answering). */
  response: IdempotentResponse | null;
  /** The case change the request committed, if it got that far; kept when a retry takes the key over. */
  committed: IdempotentCommit | null;
}

/** A case change made under a key, written in the change's own transaction. */
export interface IdempotentCommit {
  caseId: string;
  version: number;
}

/** Who holds a key: enough to record or release it, and only for that holder. */
export type IdempotencyHold = Pick<IdempotencyClaim, 'userId' | 'key' | 'token'>;
