/**
 * The SQLite store's flush for group commit (group-commit.ts): a batch of writes (steps, and the
 * small writes around them, sqlite-store.ts) in one IMMEDIATE transaction, so one commit and one
 * fsync, each in a savepoint of its own (better-sqlite3 runs a transaction function called inside
 * a transaction as a savepoint) whose return value is its answer. A write that throws — a stale
 * version, a lost idempotency hold, a constraint — rolls back its own writes only and is refused
 * alone; the others commit.
 */
import { refused, type FlushResult } from './group-commit.ts';
import type { Db } from './sqlite-schema.ts';

export function flushInSavepoints<T, R = void>(db: Db, batch: readonly T[], write: (item: T) => R): FlushResult<R>[] {
  const savepoint = db.transaction(write);
  return db
    .transaction(() =>
      batch.map((item): FlushResult<R> => {
        try {
          return { status: 'fulfilled', value: savepoint(item) };
        } catch (error) {
          // Some errors (disk full, I/O, a RAISE(ROLLBACK)) end the whole transaction, not just the
          // savepoint: SQLite has rolled the batch back, so it all fails, with that error.
          if (!db.inTransaction) throw error;
          return refused<R>(error);
        }
      }),
    )
    .immediate();
}
