/**
 * Sessions: a random token in an HttpOnly, SameSite=Lax cookie; the store keeps only its SHA-256,
 * so a leaked database does not leak live sessions. Every state-changing request must also send
 * the session's CSRF token in `X-CSRF-Token` (JSON bodies already force a CORS preflight; the
 * token is the belt to those braces). Sessions live in the store, not in memory, so any server
 * process can serve any request.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { UserRecord } from '../store/index.ts';
import type { AppEnv } from '../http/env.ts';
import { HttpProblem } from '../http/problem.ts';
import { arrivedOverHttps } from './client-address.ts';

export const SESSION_COOKIE = 'stepwise_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * What a person may do, as one digest: their authority, roles and teams, and their password hash
 * (a new password ends every other session). A session keeps the digest from its sign-in, and
 * a person who has changed since is asked to sign in again rather than keep stale access.
 */
export const accessDigest = (user: UserRecord) =>
  sha256(JSON.stringify([user.authority, [...user.roles].sort(), [...user.teams].sort(), user.passwordHash]));

export async function startSession(c: Context<AppEnv>, user: UserRecord): Promise<{ csrfToken: string }> {
  const { store, clock, config } = c.get('deps');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = Date.parse(clock.now());
  await store.createSession({
    id: sha256(token),
    userId: user.id,
    csrfToken,
    accessDigest: accessDigest(user),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + config.sessionLifetimeMs).toISOString(),
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    // SECURE_COOKIES forces it; otherwise set whenever the request came over HTTPS.
    secure: config.secureCookies || arrivedOverHttps(c),
    path: '/',
    maxAge: Math.floor(config.sessionLifetimeMs / 1000),
  });
  return { csrfToken };
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await c.get('deps').store.deleteSession(sha256(token));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * Signs the request in from its cookie, or refuses with 401; checks CSRF on unsafe methods. The
 * person is read afresh on every request: one disabled or changed since signing in is refused
 * at once and their session deleted, not left to run out.
 */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { store, clock } = c.get('deps');
  const token = getCookie(c, SESSION_COOKIE);
  const session = token ? await store.getSession(sha256(token)) : null;
  if (!session) throw signInRequired();
  const user = session.expiresAt > clock.now() ? await store.getUser(session.userId) : null;
  if (!user || user.disabled || accessDigest(user) !== session.accessDigest) {
    await store.deleteSession(session.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    throw signInRequired();
  }
  if (UNSAFE.has(c.req.method) && !sameToken(c.req.header('x-csrf-token'), session.csrfToken)) {
    throw new HttpProblem(403, 'csrf_token_invalid', 'The form expired or came from elsewhere. Reload the page and try again.');
  }
  c.set('session', session);
  c.set('user', user);
  await next();
};

const signInRequired = () => new HttpProblem(401, 'sign_in_required', 'Sign in to continue.');

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
