/**
 * The MongoDB store's indexes, created on open (idempotent). Free of the driver, so
 * mongo-queries.test.ts can check, without a server, that every sort and filter the store's
 * queries use (mongo-queries.ts) has an index whose keys serve it: equality fields first, then
 * the sort's keys in order, so the server walks the index in order and stops at the limit instead
 * of sorting in memory.
 *
 * Case lists are covered: the two `cases` indexes that end in the summary's fields answer a case
 * list from the index alone, without reading a case document (5–11 KB each, the state as JSON).
 */
export type IndexKey = Record<string, 1 | -1>;
export interface IndexSpec {
  key: IndexKey;
  unique?: boolean;
  expireAfterSeconds?: number;
  partialFilterExpression?: Record<string, unknown>;
  name?: string;
}

/** The fields of a case summary (`CaseSummary`), which the covering case indexes end with. */
export const CASE_SUMMARY_FIELDS = ['status', 'definitionId', 'definitionVersion', 'familyName', 'version', 'startedAt'] as const;
const summaryTail = (skip: string) => Object.fromEntries(CASE_SUMMARY_FIELDS.filter((f) => f !== skip).map((f) => [f, 1 as const]));

export const INDEXES: Record<string, IndexSpec[]> = {
  // Latest version per id for the definition list (a distinct scan over authority, id, version).
  definitions: [{ key: { id: 1, version: 1 }, unique: true }, { key: { authority: 1, id: 1, version: -1 } }],
  definition_drafts: [{ key: { authority: 1 } }],
  cases: [
    // The case list, newest first: covered (see above), with and without a status.
    { key: { authority: 1, updatedAt: -1, _id: 1, ...summaryTail('') }, name: 'case_list' },
    { key: { authority: 1, status: 1, updatedAt: -1, _id: 1, ...summaryTail('status') }, name: 'case_list_status' },
    // Case search: a prefix of one of the key's grams (mongo-queries.ts `searchGrams`), multikey.
    { key: { authority: 1, searchGrams: 1 }, name: 'case_search' },
    { key: { definitionId: 1, definitionVersion: 1, status: 1 } },
  ],
  tasks: [
    // Inboxes: one arm of the worker/teams/roles `$or` each, merged in listing order.
    { key: { authority: 1, assigneeKind: 1, assignee: 1, status: 1, dueSort: 1, createdAt: 1, _id: 1 } },
    { key: { authority: 1, status: 1, dueSort: 1, createdAt: 1, _id: 1 } },
    { key: { caseId: 1, dueSort: 1, createdAt: 1, _id: 1 } },
    { key: { authority: 1, completedAt: 1 } },
    // Cases at a stage: open tasks only (the case list's task conditions always say `status: 'open'`).
    { key: { authority: 1, node: 1 }, partialFilterExpression: { status: 'open' }, name: 'open_tasks_by_node' },
  ],
  task_drafts: [{ key: { taskId: 1 } }],
  // Claims walk due timers in (fireAt, _id) order; a case's earliest timer is the first of its own.
  timers: [{ key: { fireAt: 1, _id: 1 } }, { key: { caseId: 1, fireAt: 1, _id: 1 } }],
  audit: [{ key: { caseId: 1, seq: 1 }, unique: true }],
  // A case's timeline, one entry a document, read back in order (mongo-history.ts).
  case_history: [{ key: { caseId: 1, seq: 1 }, unique: true }],
  // Each reader's access log (mongo-audit.ts); `_id`s make entries and heads unique per reader.
  access_log: [{ key: { authority: 1, actor: 1, seq: 1 }, unique: true }, { key: { authority: 1, at: 1 } }],
  access_heads: [{ key: { authority: 1, actor: 1 } }],
  // Claims take each kind in order (e-mail and internal jobs are separate queues, outbox.ts): with
  // kinds, one index range per kind merged in order; without, the second index.
  outbox: [
    { key: { status: 1, kind: 1, availableAt: 1, createdAt: 1, _id: 1 } },
    { key: { status: 1, availableAt: 1, createdAt: 1, _id: 1 } },
    { key: { authority: 1, status: 1, createdAt: 1, _id: 1 } },
    { key: { authority: 1, createdAt: 1, _id: 1 } },
    { key: { caseId: 1, createdAt: 1, _id: 1 } },
  ],
  users: [{ key: { emailKey: 1 }, unique: true }, { key: { authority: 1 } }],
  sessions: [{ key: { expiresAt: 1 } }],
  // MongoDB's TTL monitor removes expired attempts about once a minute, even if no server purges.
  sign_in_attempts: [{ key: { key: 1, expiresAt: 1 } }, { key: { expiresAt: 1 }, expireAfterSeconds: 0 }],
  // Each person's Idempotency-Keys (mongo-idempotency.ts), forgotten by the TTL monitor after 24 hours too.
  idempotency_keys: [{ key: { userId: 1, key: 1 }, unique: true }, { key: { expiresAt: 1 }, expireAfterSeconds: 0 }],
};

/**
 * Indexes earlier releases created that no query uses now, by collection and name. The store
 * never drops an index (its role has no `dropIndex`): drop these by hand after upgrading, e.g.
 * `db.tasks.dropIndex('caseId_1')`, once the indexes above are built.
 */
export const RETIRED_INDEXES: Record<string, string[]> = {
  definitions: ['authority_1_id_1'],
  cases: ['authority_1_status_1_updatedAt_-1'],
  tasks: ['authority_1_assigneeKind_1_assignee_1_status_1_dueSort_1', 'authority_1_status_1_dueSort_1', 'caseId_1'],
  timers: ['fireAt_1_leaseUntil_1'],
  outbox: ['authority_1_status_1_createdAt_1', 'caseId_1'],
};
