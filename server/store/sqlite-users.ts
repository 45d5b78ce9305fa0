/** People, sessions and sign-in attempts in the SQLite store. */
import { StoreError } from './errors.ts';
import { instant } from './rows.ts';
import type { Db } from './sqlite-schema.ts';
import { statement } from './sqlite-statements.ts';
import type { SessionRecord, SignInAttempt, UserRecord } from './types.ts';

export const emailKey = (email: string) => email.trim().toLowerCase();

export function saveUser(db: Db, user: UserRecord): void {
  db.transaction(() => {
    const holder = statement(db, 'SELECT id FROM users WHERE email_key = ?').get(emailKey(user.email)) as { id: string } | undefined;
    if (holder && holder.id !== user.id) throw new StoreError('already_exists', 'Another user has that e-mail address.', { id: user.id });
    statement(db, `INSERT INTO users (id, authority, email_key, body) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET authority = excluded.authority, email_key = excluded.email_key, body = excluded.body`)
      .run(user.id, user.authority, emailKey(user.email), JSON.stringify(user));
  }).immediate();
}

const user = (row: { body: string } | undefined) => (row ? (JSON.parse(row.body) as UserRecord) : null);

export const getUser = (db: Db, id: string) => user(statement(db, 'SELECT body FROM users WHERE id = ?').get(id) as { body: string } | undefined);

export const findUserByEmail = (db: Db, email: string) =>
  user(statement(db, 'SELECT body FROM users WHERE email_key = ?').get(emailKey(email)) as { body: string } | undefined);

export const listUsers = (db: Db, authority: string) =>
  (statement(db, 'SELECT body FROM users WHERE authority = ? ORDER BY id').all(authority) as Array<{ body: string }>).map((r) => user(r)!);

export function createSession(db: Db, session: SessionRecord): void {
  statement(db, 'INSERT INTO sessions (id, user_id, csrf_token, access_digest, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(session.id, session.userId, session.csrfToken, session.accessDigest, instant(session.createdAt), instant(session.expiresAt));
}

export function getSession(db: Db, id: string): SessionRecord | null {
  const row = statement(db, 'SELECT * FROM sessions WHERE id = ?').get(id) as
    | { id: string; user_id: string; csrf_token: string; access_digest: string; created_at: string; expires_at: string }
    | undefined;
  return row
    ? { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, accessDigest: row.access_digest, createdAt: row.created_at, expiresAt: row.expires_at }
    : null;
}

export const deleteSession = (db: Db, id: string) => void statement(db, 'DELETE FROM sessions WHERE id = ?').run(id);

export const deleteExpiredSessions = (db: Db, now: string) => statement(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(instant(now)).changes;

export function recordSignInAttempts(db: Db, attempts: SignInAttempt[]): void {
  const insert = statement(db, 'INSERT INTO sign_in_attempts (id, throttle_key, at, expires_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const a of attempts) insert.run(a.id, a.key, instant(a.at), instant(a.expiresAt));
  }).immediate();
}

export const listSignInAttempts = (db: Db, key: string, now: string) =>
  statement(db, 'SELECT id, throttle_key AS key, at, expires_at AS expiresAt FROM sign_in_attempts WHERE throttle_key = ? AND expires_at > ? ORDER BY expires_at, id')
    .all(key, instant(now)) as SignInAttempt[];

export const deleteSignInAttempts = (db: Db, ids: string[]) =>
  void statement(db, 'DELETE FROM sign_in_attempts WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));

export const clearSignInAttempts = (db: Db, key: string) => void statement(db, 'DELETE FROM sign_in_attempts WHERE throttle_key = ?').run(key);

export const deleteExpiredSignInAttempts = (db: Db, now: string) =>
  statement(db, 'DELETE FROM sign_in_attempts WHERE expires_at <= ?').run(instant(now)).changes;
