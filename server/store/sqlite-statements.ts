/**
 * Statements prepared once per connection. better-sqlite3 compiles the SQL afresh on every
 * `prepare`; for the few statements every request runs (its session, its person, its
 * Idempotency-Key, an audit entry) that was about 3% of a task completion's CPU. Only for
 * statements used as prepared (never `.pluck()`, `.raw()` or `.iterate()`, which would change or
 * hold the one shared statement).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './sqlite-schema.ts';

const prepared = new WeakMap<Db, Map<string, Statement>>();

export function statement(db: Db, sql: string): Statement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let found = cache.get(sql);
  if (!found) cache.set(sql, (found = db.prepare(sql)));
  return found;
}
