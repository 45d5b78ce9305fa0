/**
 * The SQLite store's flush for group commit (group-commit.ts): a batch of steps in one IMMEDIATE
 * transaction, so one commit and one fsync, each step in a savepoint of its own (better-sqlite3
 * runs a transaction function called inside a transaction as a savepoint). A step that throws —
 * a stale version, a lost idempotency hold, a constraint — rolls back its own writes only and is
 * refused alone; the others commit.
 */
import { COMMITTED, refused, type FlushResult } from './group-commit.ts';
import type { Db } from './sqlite-schema.ts';

export function flushInSavepoints<T>(db: Db, batch: readonly T[], write: (item: T) => void): FlushResult[] {
  const savepoint = db.transaction(write);
  return db
    .transaction(() =>
      batch.map((item) => {
        try {
          savepoint(item);
          return COMMITTED;
        } catch (error) {
          // Some errors (disk full, I/O, a RAISE(ROLLBACK)) end the whole transaction, not just the
          // savepoint: SQLite has rolled the batch back, so it all fails, with that error.
          if (!db.inTransaction) throw error;
          return refused(error);
        }
      }),
    )
    .immediate();
}
