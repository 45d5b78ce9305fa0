/** Which MongoDB errors a commit answers as a conflict (409) rather than a 500, on the driver's own error classes. */
import { MongoNetworkError, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { isTransientConflict, WRITE_CONFLICT } from './mongo-errors.ts';

describe('MongoDB transient conflicts', () => {
  it('Given a WriteConflict that outlasted withTransaction’s retries (thrown as is, label kept), Then it is a conflict', () => {
    const writeConflict = new MongoServerError({ ok: 0, code: WRITE_CONFLICT, codeName: 'WriteConflict', errmsg: 'Write conflict during plan execution', errorLabels: ['TransientTransactionError'] });
    expect(writeConflict.hasErrorLabel('TransientTransactionError')).toBe(true);
    expect(isTransientConflict(writeConflict)).toBe(true);
    expect(isTransientConflict(new MongoServerError({ ok: 0, code: WRITE_CONFLICT, errmsg: 'WriteConflict' }))).toBe(true);
    // A primary stepping down mid-transaction: aborted, so equally safe to reload and run again.
    expect(isTransientConflict(new MongoServerError({ ok: 0, code: 189, codeName: 'PrimarySteppedDown', errmsg: 'stepped down', errorLabels: ['TransientTransactionError'] }))).toBe(true);
  });

  it('does not call a commit whose result is unknown, or any other error, a conflict', () => {
    const unknown = new MongoServerError({ ok: 0, code: 64, codeName: 'WriteConcernFailed', errmsg: 'waiting for replication timed out', errorLabels: ['UnknownTransactionCommitResult'] });
    expect(isTransientConflict(unknown)).toBe(false);
    expect(isTransientConflict(new MongoServerError({ ok: 0, code: 11000, errmsg: 'E11000 duplicate key' }))).toBe(false);
    expect(isTransientConflict(new MongoNetworkError('connection reset'))).toBe(false);
    expect(isTransientConflict(new Error('WriteConflict'))).toBe(false);
  });
});
