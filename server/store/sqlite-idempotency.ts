/**
 * Idempotency keys in the SQLite store (schema 7). A claim is one IMMEDIATE transaction (a savepoint
 * of the group commit's, sqlite-store.ts, shared with the writes made at the same time), so two
 * server processes claiming the same key at once serialise on the file lock and one wins.
 */
import { instant } from './rows.ts';
import type { Db } from './sqlite-schema.ts';
import { statement } from './sqlite-statements.ts';
import { idempotencyHoldLost } from './errors.ts';
import type { IdempotencyClaim, IdempotencyHold, IdempotencyRecord, IdempotentCommit, IdempotentResponse } from './types.ts';

interface KeyRow {
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  token: string;
  created_at: string;
  locked_until: string;
  expires_at: string;
  response_status: number | null;
  response_headers: string | null;
  response_body: string | null;
  committed_case: string | null;
  committed_version: number | null;
}

const recordOf = (row: KeyRow): IdempotencyRecord => ({
  userId: row.user_id,
  key: row.key,
  method: row.method,
  path: row.path,
  requestHash: row.request_hash,
  token: row.token,
  createdAt: row.created_at,
  lockedUntil: row.locked_until,
  expiresAt: row.expires_at,
  response:
    row.response_status === null
      ? null
      : { status: row.response_status, headers: JSON.parse(row.response_headers ?? '{}') as Record<string, string>, body: row.response_body ?? '' },
  committed: row.committed_case === null ? null : { caseId: row.committed_case, version: row.committed_version ?? 0 },
});

export function claimIdempotencyKey(db: Db, claim: IdempotencyClaim): IdempotencyRecord {
  const fresh = { ...claim, createdAt: instant(claim.createdAt), lockedUntil: instant(claim.lockedUntil), expiresAt: instant(claim.expiresAt) };
  const now = fresh.createdAt;
  return db.transaction(() => {
    const row = statement(db, 'SELECT * FROM idempotency_keys WHERE user_id = ? AND key = ?').get(claim.userId, claim.key) as KeyRow | undefined;
    // Absent, or expired and not yet purged: the key is free.
    if (!row || row.expires_at <= now) {
      statement(db, `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, token, created_at, locked_until, expires_at)
        VALUES (@userId, @key, @method, @path, @requestHash, @token, @createdAt, @lockedUntil, @expiresAt)
        ON CONFLICT (user_id, key) DO UPDATE SET method = excluded.method, path = excluded.path, request_hash = excluded.request_hash,
        token = excluded.token, created_at = excluded.created_at, locked_until = excluded.locked_until, expires_at = excluded.expires_at,
        response_status = NULL, response_headers = NULL, response_body = NULL, committed_case = NULL, committed_version = NULL`).run(fresh);
      return { ...fresh, response: null, committed: null };
    }
    const sameRequest = row.method === claim.method && row.path === claim.path && row.request_hash === claim.requestHash;
    // Its holder died before answering: the same request takes it over, keeping the first use's
    // expiry and the change it committed, if any, so the retry answers with that change.
    if (row.response_status === null && row.locked_until <= now && sameRequest) {
      statement(db, 'UPDATE idempotency_keys SET token = ?, locked_until = ? WHERE user_id = ? AND key = ?').run(claim.token, fresh.lockedUntil, claim.userId, claim.key);
      return recordOf({ ...row, token: claim.token, locked_until: fresh.lockedUntil });
    }
    return recordOf(row);
  }).immediate();
}

export function recordIdempotentResponse(db: Db, hold: IdempotencyHold, response: IdempotentResponse): boolean {
  return (
    statement(db, `UPDATE idempotency_keys SET response_status = ?, response_headers = ?, response_body = ?
        WHERE user_id = ? AND key = ? AND token = ? AND response_status IS NULL`)
      .run(response.status, JSON.stringify(response.headers), response.body, hold.userId, hold.key, hold.token).changes === 1
  );
}

/**
 * Marks the hold's change committed; called inside `commitStep`'s transaction, so the mark and the
 * change land together. Throws if a retry has taken the key over, rolling the change back.
 */
export function markIdempotentCommit(db: Db, hold: IdempotencyHold, commit: IdempotentCommit): void {
  const marked = statement(db, 'UPDATE idempotency_keys SET committed_case = ?, committed_version = ? WHERE user_id = ? AND key = ? AND token = ? AND response_status IS NULL')
    .run(commit.caseId, commit.version, hold.userId, hold.key, hold.token).changes;
  if (marked !== 1) throw idempotencyHoldLost(hold.key);
}

/** Frees a key whose request made no change (it failed before committing); a committed change keeps its key. */
export const releaseIdempotencyKey = (db: Db, hold: IdempotencyHold) =>
  void statement(db, 'DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND token = ? AND response_status IS NULL AND committed_case IS NULL')
    .run(hold.userId, hold.key, hold.token);

export const deleteExpiredIdempotencyKeys = (db: Db, now: string) =>
  statement(db, 'DELETE FROM idempotency_keys WHERE expires_at <= ?').run(instant(now)).changes;
