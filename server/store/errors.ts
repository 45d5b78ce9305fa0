/**
 * Typed store errors with stable snake_case codes, mapped to HTTP statuses in one place in the
 * server. Messages carry ids only, never personal data, since they may reach logs.
 */
export type StoreErrorCode =
  | 'conflict'
  | 'not_found'
  | 'no_draft'
  | 'already_published'
  | 'already_exists'
  | 'authority_mismatch'
  // Definitions: the draft is not the one the caller last saw (save), or no longer the one it checked (publish).
  | 'stale_draft'
  | 'draft_changed'
  // A definition id is taken for good, by any authority, once created.
  | 'definition_exists'
  // A change made under an Idempotency-Key whose hold a retry has taken over (idempotency.ts).
  | 'idempotency_hold_lost'
  // The store's audit logs are keyed with another key than the one given (audit-chain.ts).
  | 'audit_key_mismatch'
  // A case on legal hold, which retention may not dispose of (server/retention).
  | 'legal_hold';

export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Someone else changed the case since it was loaded: reload and re-run the step. */
export class ConflictError extends StoreError {
  override readonly name = 'ConflictError';
  constructor(caseId: string, expected: number | null, actual: number | null) {
    super('conflict', `Case ${caseId} is at version ${actual ?? 'none'}, not ${expected ?? 'none'}.`, { caseId, expected, actual });
  }
}

/** The draft each refusal reports: who saved it last and when (an id and an instant, nothing personal). */
type DraftNow = { savedAt: string; savedBy: string } | null;

/** A draft save whose `expectedSavedAt` is not the draft's: someone saved since it was loaded. */
export const staleDraft = (id: string, current: DraftNow) =>
  new StoreError('stale_draft', `The draft of ${id} is not the one expected.`, { id, savedAt: current?.savedAt ?? null, savedBy: current?.savedBy ?? null });

/** A publish whose `draftSavedAt` is not the draft's: it was saved again after it was checked. */
export const draftChanged = (id: string, current: DraftNow) =>
  new StoreError('draft_changed', `The draft of ${id} changed while it was being published.`, { id, savedAt: current?.savedAt ?? null, savedBy: current?.savedBy ?? null });

export const definitionExists = (id: string) => new StoreError('definition_exists', `Definition ${id} already exists.`, { id });

/** The request's Idempotency-Key hold lapsed and a retry took it: this request must not also commit. */
export const idempotencyHoldLost = (key: string) =>
  new StoreError('idempotency_hold_lost', `Idempotency key ${key} is held by a later attempt.`, { key });
