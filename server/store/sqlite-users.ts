/** People and sessions in the SQLite store. */
import { StoreError } from './errors.ts';
import { instant } from './rows.ts';
import type { Db } from './sqlite-schema.ts';
import type { SessionRecord, UserRecord } from './types.ts';

export const emailKey = (email: string) => email.trim().toLowerCase();

export function saveUser(db: Db, user: UserRecord): void {
  db.transaction(() => {
    const holder = db.prepare('SELECT id FROM users WHERE email_key = ?').get(emailKey(user.email)) as { id: string } | undefined;
    if (holder && holder.id !== user.id) throw new StoreError('already_exists', 'Another user has that e-mail address.', { id: user.id });
    db.prepare(`INSERT INTO users (id, authority, email_key, body) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET authority = excluded.authority, email_key = excluded.email_key, body = excluded.body`)
      .run(user.id, user.authority, emailKey(user.email), JSON.stringify(user));
  }).immediate();
}

const user = (row: { body: string } | undefined) => (row ? (JSON.parse(row.body) as UserRecord) : null);

export const getUser = (db: Db, id: string) => user(db.prepare('SELECT body FROM users WHERE id = ?').get(id) as { body: string } | undefined);

export const findUserByEmail = (db: Db, email: string) =>
  user(db.prepare('SELECT body FROM users WHERE email_key = ?').get(emailKey(email)) as { body: string } | undefined);

export const listUsers = (db: Db, authority: string) =>
  (db.prepare('SELECT body FROM users WHERE authority = ? ORDER BY id').all(authority) as Array<{ body: string }>).map((r) => user(r)!);

export function createSession(db: Db, session: SessionRecord): void {
  db.prepare('INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(session.id, session.userId, session.csrfToken, instant(session.createdAt), instant(session.expiresAt));
}

export function getSession(db: Db, id: string): SessionRecord | null {
  const row = db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as
    | { id: string; user_id: string; csrf_token: string; created_at: string; expires_at: string }
    | undefined;
  return row ? { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt: row.expires_at } : null;
}

export const deleteSession = (db: Db, id: string) => void db.prepare('DELETE FROM sessions WHERE id = ?').run(id);

export const deleteExpiredSessions = (db: Db, now: string) => db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(instant(now)).changes;
