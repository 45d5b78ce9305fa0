/**
 * MongoDB errors a step's commit maps to a ConflictError (409, "reload and try again") rather
 * than a 500. `withTransaction` retries a transaction whose error carries the
 * `TransientTransactionError` label (a WriteConflict with another transaction, a primary stepping
 * down) for up to 120 s; with client-side operation timeouts off (driver 7.9 ignores `timeoutMS`),
 * it then throws the last error as it is, labels kept (sessions.js `makeTimeoutError`). Such a
 * transaction was aborted, so nothing of it landed: the step is safe to load and run again.
 *
 * `UnknownTransactionCommitResult` is not mapped: the commit may have landed, and a conflict
 * would tell the caller it did not.
 */
import type { MongoError } from 'mongodb';

/** The server's WriteConflict code. */
export const WRITE_CONFLICT = 112;
const TRANSIENT = 'TransientTransactionError';
const UNKNOWN_COMMIT = 'UnknownTransactionCommitResult';

/** A driver error, told by its labels (a type import only: mongo-store.ts alone loads the driver). */
const isMongoError = (error: unknown): error is MongoError =>
  error instanceof Error && typeof (error as Partial<MongoError>).hasErrorLabel === 'function';

export function isTransientConflict(error: unknown): boolean {
  if (!isMongoError(error)) return false;
  if (error.hasErrorLabel(UNKNOWN_COMMIT)) return false;
  return error.hasErrorLabel(TRANSIENT) || error.code === WRITE_CONFLICT;
}
