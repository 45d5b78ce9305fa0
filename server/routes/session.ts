/**
 * Sign in, sign out, and who am I (with the CSRF token the client sends back on every change).
 * Sign-in is throttled per account and per client address (server/auth/throttle.ts), and a
 * refusal costs the same whether or not the address has an account.
 */
import { Hono } from 'hono';
import { clientAddress } from '../auth/client-address.ts';
import { checkPassword } from '../auth/password.ts';
import { NO_PASSWORD } from '../auth/oidc-people.ts';
import { endSession, startSession } from '../auth/session.ts';
import { beginSignInAttempt, throttleMessage } from '../auth/throttle.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { readJson } from '../http/json-body.ts';
import { HttpProblem, problemFor, sendProblem } from '../http/problem.ts';
import type { UserRecord } from '../store/index.ts';
import { errors, jsonBody, type Paths } from './openapi-types.ts';
import type * as Api from './api-types.gen.ts';

const signIn = {
  title: 'Sign in',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['email', 'password'],
    properties: {
      email: { type: 'string', title: 'Email address', minLength: 1, maxLength: 320 },
      password: { type: 'string', title: 'Password', minLength: 1, maxLength: 200 },
    },
  },
};

/** What the client may know about a person: never the password hash. */
export const publicUser = ({ passwordHash: _hash, ...user }: UserRecord): Api.SessionView['user'] => user;

/** The council whose service this is, for the page header: a council's service carries the
 *  council's name and logo, not GOV.UK's. The name comes from the
 *  authority's published definitions; the logo, if any, from the server's configuration. */
export async function authorityView(deps: AppDeps, authority: string): Promise<NonNullable<Api.SessionView['authority']>> {
  const summaries = await deps.store.listDefinitions(authority);
  const published = summaries.find((summary) => summary.latestVersion !== null);
  const definition = published ? await deps.store.latestPublished(published.id) : null;
  const name = definition?.definition.authority.name ?? authority;
  const logo = deps.config.authorityLogos?.[authority];
  return { id: authority, name, ...(logo ? { logo } : {}) };
}

export const signInRoutes = new Hono<AppEnv>().post('/api/session', async (c) => {
  const { email, password } = await readJson<{ email: string; password: string }>(c, signIn);
  const { store, clock, config } = c.get('deps');
  const attempt = await beginSignInAttempt(store, clock.now(), config.signInThrottle, { email, address: clientAddress(c) });
  if (!attempt.allowed) {
    // RFC 9110 §10.2.3: Retry-After in seconds; the page says it in minutes.
    c.header('Retry-After', String(attempt.retryAfterSeconds));
    const problem = new HttpProblem(429, 'sign_in_throttled', throttleMessage(attempt.retryAfterSeconds), { retryAfter: attempt.retryAfterSeconds });
    return sendProblem(c, { ...problemFor(problem), title: 'Too many attempts' });
  }
  const found = await store.findUserByEmail(email.trim());
  const user = found && !found.disabled ? found : null;
  // One answer, after the same work, for an unknown address, a disabled person and a wrong
  // password: neither the answer nor its timing may reveal who has an account.
  // Someone who signs in only through their council's provider has no password: same work, same refusal.
  if (!(await checkPassword(password, user && user.passwordHash !== NO_PASSWORD ? user.passwordHash : null)) || !user) {
    throw new HttpProblem(401, 'sign_in_failed', 'Enter a correct email address and password.');
  }
  if (c.get('deps').config.sso?.authorities[user.authority]?.localPasswords === false) {
    throw new HttpProblem(403, 'sso_required', 'Your authority signs its staff in with their council account: use the button for it on the sign-in page.');
  }
  await attempt.succeeded();
  const { csrfToken } = await startSession(c, user);
  return c.json({ user: publicUser(user), authority: await authorityView(c.get('deps'), user.authority), csrfToken } satisfies Api.SessionView, 201);
});

export const sessionRoutes = new Hono<AppEnv>()
  .get('/api/session', async (c) => {
    const user = c.get('user');
    return c.json({ user: publicUser(user), authority: await authorityView(c.get('deps'), user.authority), csrfToken: c.get('session').csrfToken } satisfies Api.SessionView);
  })
  .delete('/api/session', async (c) => {
    await endSession(c);
    return c.body(null, 204);
  });

export const sessionPaths: Paths = {
  '/api/session': {
    post: { summary: 'Sign in with email and password; sets the session cookie and returns the CSRF token', tags: ['Session'], requestBody: jsonBody(signIn.schema), responses: { '201': { description: 'Signed in' }, ...errors(400, 401, 413, 415, 422), '403': { description: 'The person’s authority signs its staff in only through its OpenID provider: `sso_required` (application/problem+json)' }, '429': { description: 'Too many attempts for this account or from this address; `Retry-After` says in how many seconds to try again (application/problem+json)' } } },
    get: { summary: 'The signed-in person, their authority (name and logo, for the header) and their CSRF token', tags: ['Session'], responses: { '200': { description: 'Signed in' }, ...errors(401) } },
    delete: { summary: 'Sign out', tags: ['Session'], responses: { '204': { description: 'Signed out' }, ...errors(401, 403) } },
  },
};
