/**
 * Typed store errors with stable snake_case codes, mapped to HTTP statuses in one place in the
 * server. Messages carry ids only, never personal data, since they may reach logs.
 */
export type StoreErrorCode = 'conflict' | 'not_found' | 'no_draft' | 'already_published' | 'already_exists' | 'authority_mismatch';

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
