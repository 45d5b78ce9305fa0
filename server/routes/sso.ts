/**
 * Single sign-on with a council's own OpenID provider (authorization code with PKCE; the client
 * side is server/auth/oidc.ts). Three public routes:
 * - `GET /api/sso`: what the sign-in page offers — a button per authority with SSO, and whether
 *   the email-and-password form is still wanted;
 * - `GET /auth/sso/:authority`: sends the browser to the provider, the sign-in's state, nonce and
 *   code verifier sealed in a short-lived cookie;
 * - `GET /auth/sso/:authority/callback`: where the provider sends it back. The state is used
 *   once, the ID token checked, the person found or added with roles and teams from their groups,
 *   and a session started exactly as a password sign-in starts one (server/auth/session.ts).
 *
 * A refusal answers problem+json with its status; a browser (asking for HTML) is sent instead to
 * the sign-in page, which says what went wrong from the refusal's code (`?sso=<code>`). Either
 * way no session is made. Sign-ins and refusals of a known person go on their access log.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { arrivedOverHttps } from '../auth/client-address.ts';
import type { SsoConfig } from '../auth/oidc-config.ts';
import { personFromClaims } from '../auth/oidc-people.ts';
import { openPending, safeNext, sealPending, SSO_COOKIE, useStateOnce, PENDING_LIFETIME_MS } from '../auth/oidc-state.ts';
import { OidcClients, SsoRefusal } from '../auth/oidc.ts';
import { startSession } from '../auth/session.ts';
import type { AppEnv } from '../http/env.ts';
import { silentLogger } from '../http/logger.ts';
import { HttpProblem, problemFor, sendProblem } from '../http/problem.ts';
import type { UserRecord } from '../store/index.ts';
import { instant } from '../store/rows.ts';
import type { Paths } from './openapi-types.ts';
import { authorityView } from './session.ts';
import type * as Api from './api-types.gen.ts';

/** One client per settings object: discovery and the provider's keys are kept for the life of the process. */
const clients = new WeakMap<SsoConfig, OidcClients>();
function clientsFor(config: SsoConfig): OidcClients {
  let found = clients.get(config);
  if (!found) clients.set(config, (found = new OidcClients(config)));
  return found;
}

const COOKIE_PATH = '/auth/sso/';

function ssoOf(c: Context<AppEnv>, authority: string): OidcClients {
  const config = c.get('deps').config.sso;
  const found = config ? clientsFor(config) : undefined;
  if (!found?.settings(authority)) throw new SsoRefusal(404, 'sso_not_configured', `Single sign-on is not set up for “${authority}”.`);
  return found;
}

const wantsPage = (c: Context<AppEnv>) => (c.req.header('accept') ?? '').includes('text/html');

/** A refusal as the asker wants it: the sign-in page for a browser, problem+json otherwise. */
function refuse(c: Context<AppEnv>, refusal: SsoRefusal): Response {
  if (wantsPage(c)) return c.redirect(`/sign-in?sso=${encodeURIComponent(refusal.code)}`, 303);
  return sendProblem(c, problemFor(new HttpProblem(refusal.status, refusal.code, refusal.message)));
}

async function audit(c: Context<AppEnv>, user: UserRecord, action: 'signed_in' | 'sign_in_refused', detail: Record<string, unknown>): Promise<void> {
  const { store, clock } = c.get('deps');
  await store.appendAccess(user.authority, { at: instant(clock.now()), actor: user.id, action, detail: { method: 'sso', ...detail } });
}

export const ssoRoutes = new Hono<AppEnv>()
  .get('/api/sso', async (c) => {
    const deps = c.get('deps');
    const config = deps.config.sso;
    const authorities = await Promise.all(
      Object.keys(config?.authorities ?? {}).map(async (id) => ({ id, name: (await authorityView(deps, id)).name, href: `/auth/sso/${encodeURIComponent(id)}` })),
    );
    // The password form goes only when every authority set up here has turned local passwords off.
    const passwords = !config || Object.values(config.authorities).some((authority) => authority.localPasswords);
    return c.json({ authorities, passwords } satisfies Api.SignInOptions);
  })
  .get('/auth/sso/:authority', async (c) => {
    const authority = c.req.param('authority');
    const { clock, config } = c.get('deps');
    try {
      const sso = ssoOf(c, authority);
      const { url, pending } = await sso.begin(authority, safeNext(c.req.query('next')), clock.now());
      setCookie(c, SSO_COOKIE, sealPending(pending, config.sso!.stateKey), {
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level GET, which carries it; nothing else does.
        sameSite: 'Lax',
        secure: config.secureCookies || arrivedOverHttps(c),
        path: COOKIE_PATH,
        maxAge: Math.floor(PENDING_LIFETIME_MS / 1000),
      });
      c.header('cache-control', 'no-store');
      return c.redirect(url.href, 302);
    } catch (error) {
      if (error instanceof SsoRefusal) return refuse(c, error);
      throw error;
    }
  })
  .get('/auth/sso/:authority/callback', async (c) => {
    const authority = c.req.param('authority');
    const deps = c.get('deps');
    const { store, clock, config } = deps;
    const logger = deps.logger ?? silentLogger;
    c.header('cache-control', 'no-store');
    let refusedUser: UserRecord | undefined;
    try {
      const sso = ssoOf(c, authority);
      const sealed = getCookie(c, SSO_COOKIE);
      deleteCookie(c, SSO_COOKIE, { path: COOKIE_PATH });
      const now = clock.now();
      const pending = openPending(sealed, config.sso!.stateKey, now);
      if (!pending || pending.authority !== authority) {
        throw new SsoRefusal(400, 'sso_state_missing', 'This sign-in was not started in this browser, or took longer than 10 minutes. Go back to the sign-in page and start again.');
      }
      if (c.req.query('state') !== pending.state) {
        throw new SsoRefusal(400, 'sso_state_mismatch', 'The sign-in that came back was not the one this browser asked for. Go back to the sign-in page and start again.');
      }
      if (!(await useStateOnce(store, pending.state, now, pending.expiresAt))) {
        throw new SsoRefusal(400, 'sso_state_replayed', 'This sign-in has already been used. Go back to the sign-in page and start again.');
      }
      const query = new URL(c.req.url).search;
      const claims = await sso.finish(pending, query, now);
      const outcome = await personFromClaims(store, authority, sso.settings(authority)!, claims);
      if ('refusal' in outcome) {
        refusedUser = outcome.user;
        throw outcome.refusal;
      }
      const { user } = outcome;
      await startSession(c, user);
      await audit(c, user, 'signed_in', { issuer: claims.iss, roles: user.roles, teams: user.teams });
      logger.info({ event: 'sso_signed_in', authority, user: user.id }, 'signed in through the authority’s provider');
      return c.redirect(pending.next, 303);
    } catch (error) {
      if (!(error instanceof SsoRefusal)) throw error;
      logger.warn({ event: 'sso_refused', authority, code: error.code, status: error.status, ...(refusedUser ? { user: refusedUser.id } : {}) }, 'single sign-on refused');
      if (refusedUser) await audit(c, refusedUser, 'sign_in_refused', { code: error.code });
      return refuse(c, error);
    }
  });

const refusals = (...codes: string[]) => `(application/problem+json; a browser asking for HTML is sent to /sign-in?sso=<code> instead): ${codes.join(', ')}`;

export const ssoPaths: Paths = {
  '/api/sso': {
    get: { summary: 'What the sign-in page offers: a single sign-on button per authority set up for it, and whether email and password are still wanted', tags: ['Session'], responses: { '200': { description: '`{ authorities: [{ id, name, href }], passwords }`' } } },
  },
  '/auth/sso/{authority}': {
    get: {
      summary: 'Starts a sign-in at the authority’s OpenID provider (authorization code with PKCE); `next` is the page to return to',
      tags: ['Session'],
      parameters: [
        { name: 'authority', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'next', in: 'query', schema: { type: 'string' }, description: 'A path on this site; anything else returns to My work' },
      ],
      responses: { '302': { description: 'To the provider, with the sign-in sealed in a 10-minute cookie' }, '404': { description: `No single sign-on for that authority ${refusals('sso_not_configured')}` }, '502': { description: `The provider could not be reached ${refusals('sso_provider_unavailable')}` } },
    },
  },
  '/auth/sso/{authority}/callback': {
    get: {
      summary: 'Where the provider returns: checks the state (once), the tokens and the groups, then starts a session and goes to the page asked for',
      tags: ['Session'],
      parameters: [
        { name: 'authority', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'code', in: 'query', schema: { type: 'string' } },
        { name: 'state', in: 'query', schema: { type: 'string' } },
      ],
      responses: {
        '303': { description: 'Signed in (session cookie set): to the page asked for, My work by default' },
        '400': { description: `The sign-in was not started here, has expired, or was used already ${refusals('sso_state_missing', 'sso_state_mismatch', 'sso_state_replayed')}` },
        '401': { description: `The provider’s answer was refused ${refusals('sso_wrong_audience', 'sso_token_expired', 'sso_nonce_mismatch', 'sso_wrong_issuer', 'sso_token_invalid', 'sso_code_rejected', 'sso_cancelled', 'sso_provider_refused')}` },
        '403': { description: `The person may not sign in ${refusals('sso_no_role', 'sso_no_email', 'sso_email_unverified', 'sso_other_authority', 'sso_different_person', 'sso_disabled')}` },
        '404': { description: `No single sign-on for that authority ${refusals('sso_not_configured')}` },
        '502': { description: `The provider could not be reached ${refusals('sso_provider_unavailable')}` },
      },
    },
  },
};
