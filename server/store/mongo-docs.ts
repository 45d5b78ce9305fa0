/**
 * Document shapes and query filters for the MongoDB store, kept free of the driver so they can
 * be unit-tested without a server (mongo-store.ts is the only file importing `mongodb`).
 *
 * Case states, definition bodies and outbox payloads are stored as JSON strings: they hold
 * admin-defined keys (form fields, JSON Schema `$ref`/`$schema`) that MongoDB restricts in field
 * names, and a string round-trips the documented JSON format exactly.
 */
import type { WorkflowDefinition } from '../../engine/index.ts';
import type { AuditRecord, CaseFilter, CaseSummary, DefinitionDraft, OutboxMessage, PublishedDefinition, SessionRecord, SignInAttempt, TaskDraft, TaskQuery, TaskRow, TimerRow, UserRecord } from './types.ts';
import { instant, statusList } from './rows.ts';
import { searchTerm } from './search-key.ts';

export type Filter = Record<string, unknown>;

/** Sorts after every ISO instant, so undated tasks come last in an ascending sort by due. */
export const NO_DUE = '~';

export interface CaseDoc {
  _id: string;
  authority: string;
  definitionId: string;
  definitionVersion: number;
  status: CaseSummary['status'];
  familyName: string;
  familyKey: string;
  /** `caseSearchKey`: documents written before it lack it until `backfillSearchKeys` runs. */
  searchKey: string;
  /** `searchGrams(searchKey)` (mongo-queries.ts), the indexed key of case search; backfilled on open like `searchKey`. */
  searchGrams: string[];
  version: number;
  startedAt: string;
  updatedAt: string;
  /** The state as JSON; with `history: []` once its timeline is stored apart (mongo-history.ts). */
  state: string;
  auditCount: number;
  auditHead: string;
  /** How many timeline entries `case_history` holds, and their hash; absent on documents that still hold the timeline in `state`. */
  historyCount?: number;
  historyHash?: string;
}

/** Task fields added after the first release: documents written before lack them. */
type LaterTaskField = 'completedAt' | 'completedBy' | 'dueLabel';

export interface TaskDoc extends Omit<TaskRow, 'taskId' | LaterTaskField>, Partial<Pick<TaskRow, LaterTaskField>> {
  _id: string;
  dueSort: string;
}

export interface TimerDoc extends Omit<TimerRow, 'timerId'> {
  _id: string;
  leaseOwner: string | null;
  /** On the server's clock (mongo-clock.ts), unlike `fireAt`. */
  leaseUntil: string | null;
}

export interface AuditDoc extends AuditRecord {
  _id: string;
}

export interface OutboxDoc extends Omit<OutboxMessage, 'id' | 'payload' | 'lastError' | 'doneAt'> {
  _id: string;
  payload: string;
  leaseOwner: string | null;
  /** On the server's clock (mongo-clock.ts), unlike `availableAt`. */
  leaseUntil: string | null;
  lastError: string | null;
  doneAt: string | null;
}

/**
 * `name` is the definition's name, stored beside the body so that lists need not parse bodies
 * (Camden's is 225 KB); absent on drafts saved and versions published before it was stored.
 */
export interface DraftDoc { _id: string; authority: string; name?: string; body: string; savedAt: string; savedBy: string }
/** `note` is absent on versions published before change notes were kept, `name` as on `DraftDoc`. */
export interface DefinitionDoc { _id: string; id: string; version: number; authority: string; name?: string; body: string; publishedAt: string; publishedBy: string; note?: string | null }

export interface UserDoc extends Omit<UserRecord, 'id'> { _id: string; emailKey: string }
export interface SessionDoc extends Omit<SessionRecord, 'id'> { _id: string }
/** `expiresAt` is a Date, not an instant string, so that a TTL index can remove the attempt. */
export interface SignInAttemptDoc extends Omit<SignInAttempt, 'id' | 'expiresAt'> { _id: string; expiresAt: Date }
/** `data` is a JSON string for the same reason as case states: form field ids are admin-defined. */
export interface TaskDraftDoc extends Omit<TaskDraft, 'data'> { _id: string; data: string }

/** The index list lives in mongo-indexes.ts, beside the queries it serves (mongo-queries.ts). */
export { INDEXES } from './mongo-indexes.ts';

export const emailKey = (email: string) => email.trim().toLowerCase();

export const userDoc = ({ id, ...rest }: UserRecord): UserDoc => ({ _id: id, ...rest, emailKey: emailKey(rest.email) });

export const userRecord = (doc: UserDoc | null): UserRecord | null => {
  if (!doc) return null;
  const { _id, emailKey: _key, ...rest } = doc;
  return { id: _id, ...rest };
};

export const draftDoc = (definition: WorkflowDefinition, savedAt: string, savedBy: string): DraftDoc => ({
  _id: definition.id, authority: definition.authority.id, name: definition.name, body: JSON.stringify(definition), savedAt, savedBy,
});

export const draft = (doc: DraftDoc): DefinitionDraft => ({
  id: doc._id, authority: doc.authority, definition: JSON.parse(doc.body) as WorkflowDefinition, savedAt: doc.savedAt, savedBy: doc.savedBy,
});

export const signInAttemptDoc = ({ id, key, at, expiresAt }: SignInAttempt): SignInAttemptDoc => ({ _id: id, key, at: instant(at), expiresAt: new Date(expiresAt) });

export const signInAttempt = (doc: SignInAttemptDoc): SignInAttempt => ({ id: doc._id, key: doc.key, at: doc.at, expiresAt: doc.expiresAt.toISOString() });

export const published = (doc: DefinitionDoc): PublishedDefinition => ({
  id: doc.id, version: doc.version, authority: doc.authority, definition: JSON.parse(doc.body) as WorkflowDefinition,
  publishedAt: doc.publishedAt, publishedBy: doc.publishedBy, note: doc.note ?? null,
});

export const taskDoc = (row: TaskRow): TaskDoc => {
  const { taskId, ...rest } = row;
  return { _id: taskId, ...rest, dueSort: row.due ?? NO_DUE };
};

/** Missing later fields read as null, as SQLite's added columns do on old rows. */
export const taskRow = ({ _id, dueSort: _dueSort, completedAt = null, completedBy = null, dueLabel = null, ...rest }: TaskDoc): TaskRow => ({
  taskId: _id, ...rest, completedAt, completedBy, dueLabel,
});

/** One draft per (task, user); a JSON pair is unambiguous whatever characters the ids hold. */
export const taskDraftKey = (taskId: string, userId: string) => JSON.stringify([taskId, userId]);

export const taskDraftDoc = (draft: TaskDraft): TaskDraftDoc => ({
  _id: taskDraftKey(draft.taskId, draft.userId), caseId: draft.caseId, taskId: draft.taskId, userId: draft.userId,
  authority: draft.authority, data: JSON.stringify(draft.data), savedAt: instant(draft.savedAt),
});

export const taskDraft = (doc: TaskDraftDoc | null): TaskDraft | null =>
  doc ? { caseId: doc.caseId, taskId: doc.taskId, userId: doc.userId, authority: doc.authority, data: JSON.parse(doc.data) as Record<string, unknown>, savedAt: doc.savedAt } : null;

export const timerRow = (doc: TimerDoc): TimerRow => ({
  caseId: doc.caseId, timerId: doc._id, authority: doc.authority, fireAt: doc.fireAt, purpose: doc.purpose, node: doc.node,
});

export const auditRecord = ({ _id: _ignored, ...rest }: AuditDoc): AuditRecord => rest;

export const outboxMessage = (doc: OutboxDoc): OutboxMessage => ({
  id: doc._id, caseId: doc.caseId, authority: doc.authority, kind: doc.kind, payload: JSON.parse(doc.payload) as unknown,
  status: doc.status, attempts: doc.attempts, createdAt: doc.createdAt, availableAt: doc.availableAt,
  ...(doc.lastError !== null ? { lastError: doc.lastError } : {}),
  ...(doc.doneAt !== null ? { doneAt: doc.doneAt } : {}),
});

export const caseSummaryOf = (doc: CaseDoc): CaseSummary => ({
  id: doc._id, authority: doc.authority, definition: { id: doc.definitionId, version: doc.definitionVersion },
  status: doc.status, familyName: doc.familyName, version: doc.version, startedAt: doc.startedAt, updatedAt: doc.updatedAt,
});

/** A lease that is free, or expired at `now`: an instant on the server's clock (mongo-clock.ts), as lease ends are stored. */
export const leaseFree = (now: string): Filter => ({ $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] });

export function taskFilter(query: TaskQuery): Filter {
  const filter: Filter = { authority: query.authority };
  const who: Filter[] = [];
  if (query.worker !== undefined) who.push({ assigneeKind: 'worker', assignee: query.worker });
  if (query.teams) who.push({ assigneeKind: 'team', assignee: { $in: query.teams } });
  if (query.roles) who.push({ assigneeKind: 'role', assignee: { $in: query.roles } });
  if (who.length) filter.$or = who;
  const statuses = statusList(query.status);
  if (statuses) filter.status = { $in: statuses };
  if (query.dueBefore !== undefined) filter.due = { $ne: null, $lt: instant(query.dueBefore) };
  if (query.overdue !== undefined) filter.overdue = query.overdue;
  if (query.caseId !== undefined) filter.caseId = query.caseId;
  if (query.completedFrom !== undefined || query.completedTo !== undefined) {
    filter.completedAt = {
      $ne: null,
      ...(query.completedFrom !== undefined ? { $gte: instant(query.completedFrom) } : {}),
      ...(query.completedTo !== undefined ? { $lt: instant(query.completedTo) } : {}),
    };
  }
  return filter;
}

export const TASK_SORT = { dueSort: 1, createdAt: 1, _id: 1 } as const;

/** Conditions on one open task of the case, or null when the filter has none. */
export function openTaskFilter(filter: CaseFilter): Filter | null {
  const task: Filter = {};
  if (filter.stage !== undefined) task.node = filter.stage;
  // A task is with a team or with a worker, never both: asking for both matches nothing, as in SQL.
  if (filter.team !== undefined && filter.worker !== undefined) task.assigneeKind = { $in: [] };
  else if (filter.team !== undefined) Object.assign(task, { assigneeKind: 'team', assignee: filter.team });
  else if (filter.worker !== undefined) Object.assign(task, { assigneeKind: 'worker', assignee: filter.worker });
  if (filter.overdue !== undefined) task.overdue = filter.overdue;
  return Object.keys(task).length ? { authority: filter.authority, status: 'open', ...task } : null;
}

export function caseFilter(filter: CaseFilter, caseIds: string[] | null): Filter {
  const out: Filter = { authority: filter.authority };
  if (filter.status !== undefined) out.status = filter.status;
  if (filter.definition !== undefined) out.definitionId = filter.definition.id;
  if (filter.definition?.version !== undefined) out.definitionVersion = filter.definition.version;
  if (filter.search !== undefined) out.searchKey = { $regex: escapeRegex(searchTerm(filter.search)) };
  if (caseIds) out._id = { $in: caseIds };
  return out;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const plusMs = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();
