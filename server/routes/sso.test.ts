/**
 * Single sign-on through a real OpenID provider (oidc-provider on loopback) with the real client
 * library: Graft's staff sign in with their council account and get roles and teams from their
 * groups; each way a sign-in can go wrong is refused with its own status and code, and makes no
 * session. The app's clock is real time (the provider's tokens are), moved on only to expire one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSsoConfig } from '../auth/oidc-config.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { startOidcProvider, type TestProvider } from '../../test/support/oidc-provider.ts';

const REDIRECT = 'https://stepwise.graft.example/auth/sso/graft/callback';
const SOCIAL_WORKERS = '0b5c6b0e-sw';
const EH_MANAGERS = '7d1e2f3a-ehtm';

let provider: TestProvider;
let api: Api;

beforeAll(async () => {
  provider = await startOidcProvider({
    clients: [{ clientId: 'stepwise-graft', clientSecret: 'graft-client-secret', redirectUris: [REDIRECT] }],
    idTokenTtlSeconds: 60,
    people: {
      ada: { email: 'ada.lovelace@graft.example', name: 'Ada Lovelace', groups: [EH_MANAGERS, 'all-staff'] },
      sam: { email: 'sam.social@graft.example', name: 'Sam Social', groups: [SOCIAL_WORKERS] },
      fin: { email: 'fin.ance@graft.example', name: 'Fin Ance', groups: ['all-staff'] },
      cam: { email: 'social_worker@camden.example', name: 'Camden person', groups: [SOCIAL_WORKERS] },
      una: { email: 'una.verified@graft.example', name: 'Una', groups: [SOCIAL_WORKERS], emailVerified: false },
    },
  });
  const sso = parseSsoConfig({
    stateKey: 'a-test-state-key-of-at-least-32-characters',
    authorities: {
      graft: {
        issuer: provider.issuer,
        clientId: 'stepwise-graft',
        clientSecret: 'graft-client-secret',
        redirectUri: REDIRECT,
        scopes: ['openid', 'email', 'profile', 'groups'],
        groups: { [SOCIAL_WORKERS]: { roles: ['social_worker'] }, [EH_MANAGERS]: { roles: ['eh_team_manager'], teams: ['taf_team', 'early_years'] } },
        localPasswords: false,
        allowHttpOnLoopback: true,
      },
    },
  });
  api = await apiHarness(new Date().toISOString(), { sso });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await provider?.close();
});

const cookieOf = (response: Response, name: string) =>
  response.headers.getSetCookie().map((line) => line.split(';')[0]!).find((pair) => pair.startsWith(`${name}=`) && pair !== `${name}=`);

/** Starts a sign-in as a browser would: the provider's URL and the sealed cookie. */
async function start(next?: string) {
  const response = await api.request(`/auth/sso/graft${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  expect(response.status).toBe(302);
  return { url: response.headers.get('location')!, cookie: cookieOf(response, 'stepwise_sso')! };
}

/** The provider's redirect back, delivered to the app with the browser's cookie. */
const callback = (back: URL, cookie: string | undefined, accept = 'application/json') =>
  api.request(`${back.pathname}${back.search}`, { headers: { ...(cookie ? { cookie } : {}), accept } });

async function signInAs(login: string, next?: string) {
  const { url, cookie } = await start(next);
  const back = await provider.signIn(url, login);
  return { back, cookie, response: await callback(back, cookie) };
}

const sessionFor = (cookie: string) => api.request('/api/session', { headers: { cookie } });

async function expectRefused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(cookieOf(response, 'stepwise_session')).toBeUndefined();
  const problem = (await response.json()) as { code: string; detail: string };
  expect(problem.code).toBe(code);
  expect(problem.detail.length).toBeGreaterThan(20);
  return problem;
}

describe('GET /api/sso', () => {
  it('Given Graft signs in through its provider with local passwords off, Then the sign-in page is offered one button and no password form', async () => {
    const response = await api.request('/api/sso');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ authorities: [{ id: 'graft', name: 'Graft (LCS/EHM)', href: '/auth/sso/graft' }], passwords: false });
  });
});

describe('GET /auth/sso/:authority', () => {
  it('When a sign-in starts, Then the browser goes to the provider with PKCE (S256), a state and a nonce, and the sign-in is sealed in a 10-minute HttpOnly cookie', async () => {
    const response = await api.request('/auth/sso/graft?next=/cases');
    expect(response.status).toBe(302);
    const to = new URL(response.headers.get('location')!);
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(['response_type', 'client_id', 'redirect_uri', 'scope', 'code_challenge_method'].map((k) => [k, to.searchParams.get(k)]))).toEqual({
      response_type: 'code', client_id: 'stepwise-graft', redirect_uri: REDIRECT, scope: 'openid email profile groups', code_challenge_method: 'S256',
    });
    for (const k of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(k)?.length).toBeGreaterThanOrEqual(43);
    const line = response.headers.getSetCookie().find((l) => l.startsWith('stepwise_sso='))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Max-Age=600/);
    expect(line).toMatch(/Path=\/auth\/sso\//);
    // Sealed: neither the state nor the verifier can be read from it.
    expect(line).not.toContain(to.searchParams.get('state')!);
  });

  it('Given an authority without single sign-on, Then 404 sso_not_configured', async () => {
    await expectRefused(await api.request('/auth/sso/camden', { headers: { accept: 'application/json' } }), 404, 'sso_not_configured');
  });
});

describe('GET /auth/sso/:authority/callback', () => {
  it('Given Ada is in the EH team managers’ group, When she signs in, Then she is added with that role and its teams, lands on the page she asked for, and the sign-in is on her access log', async () => {
    const { response } = await signInAs('ada', '/trays/taf_team');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/trays/taf_team');
    const session = cookieOf(response, 'stepwise_session')!;
    const me = (await (await sessionFor(session)).json()) as { user: { id: string; email: string; name: string; roles: string[]; teams: string[]; authority: string; passwordHash?: string } };
    expect(me.user).toMatchObject({ authority: 'graft', email: 'ada.lovelace@graft.example', name: 'Ada Lovelace', roles: ['eh_team_manager'], teams: ['early_years', 'taf_team'] });
    expect(me.user.passwordHash).toBeUndefined();
    const access = await api.store.listAccess({ authority: 'graft', actor: me.user.id });
    expect(access.map((a) => [a.action, a.detail.method])).toEqual([['signed_in', 'sso']]);
    // Her session works like any other: My work answers.
    expect((await api.request('/api/work', { headers: { cookie: session } })).status).toBe(200);
  });

  it('Given Ada signed in before, When her groups change, Then the next sign-in finds the same person and re-derives the roles', async () => {
    const first = (await signInAs('ada')).response;
    const id = ((await (await sessionFor(cookieOf(first, 'stepwise_session')!)).json()) as { user: { id: string } }).user.id;
    provider.people.get('ada')!.groups = [SOCIAL_WORKERS];
    try {
      const again = (await signInAs('ada')).response;
      expect(again.headers.get('location')).toBe('/work');
      const me = (await (await sessionFor(cookieOf(again, 'stepwise_session')!)).json()) as { user: { id: string; roles: string[]; teams: string[] } };
      expect(me.user).toMatchObject({ id, roles: ['social_worker'], teams: [] });
      // The earlier session was for the old roles: it has ended.
      expect((await sessionFor(cookieOf(first, 'stepwise_session')!)).status).toBe(401);
    } finally {
      provider.people.get('ada')!.groups = [EH_MANAGERS, 'all-staff'];
    }
  });

  it('Given Sam signed in, When his group no longer grants any role, Then signing in again is refused (403 sso_no_role) and his existing session ends', async () => {
    const before = cookieOf((await signInAs('sam')).response, 'stepwise_session')!;
    expect((await sessionFor(before)).status).toBe(200);
    provider.people.get('sam')!.groups = ['all-staff'];
    const { response } = await signInAs('sam');
    const problem = await expectRefused(response, 403, 'sso_no_role');
    expect(problem.detail).toContain('not in any group that may use Stepwise');
    expect((await sessionFor(before)).status).toBe(401);
    const sam = await api.store.findUserByEmail('sam.social@graft.example');
    expect(sam).toMatchObject({ roles: [], teams: [] });
    const access = await api.store.listAccess({ authority: 'graft', actor: sam!.id });
    expect(access.map((a) => a.action)).toEqual(['signed_in', 'sign_in_refused']);
    expect(access[1]!.detail).toEqual({ method: 'sso', code: 'sso_no_role' });
  });

  it('Given someone in no mapped group at all, Then 403 sso_no_role and nobody is added', async () => {
    await expectRefused((await signInAs('fin')).response, 403, 'sso_no_role');
    expect(await api.store.findUserByEmail('fin.ance@graft.example')).toBeNull();
  });

  it('When the same callback arrives twice (a replayed state), Then the second is refused with 400 sso_state_replayed', async () => {
    const { back, cookie, response } = await signInAs('ada');
    expect(response.status).toBe(303);
    await expectRefused(await callback(back, cookie), 400, 'sso_state_replayed');
  });

  it('When the callback arrives without the cookie of the browser that started it, Then 400 sso_state_missing', async () => {
    const { url } = await start();
    await expectRefused(await callback(await provider.signIn(url, 'ada'), undefined), 400, 'sso_state_missing');
  });

  it('When the callback’s state is not the one this browser started, Then 400 sso_state_mismatch', async () => {
    const mine = await start();
    const theirs = await start();
    await expectRefused(await callback(await provider.signIn(theirs.url, 'ada'), mine.cookie), 400, 'sso_state_mismatch');
  });

  it('When the ID token carries another nonce than this sign-in’s, Then 401 sso_nonce_mismatch', async () => {
    const { url, cookie } = await start();
    const altered = new URL(url);
    altered.searchParams.set('nonce', 'a-nonce-from-some-other-sign-in-0123456789');
    await expectRefused(await callback(await provider.signIn(altered.href, 'ada'), cookie), 401, 'sso_nonce_mismatch');
  });

  it('When the provider’s ID token was issued to another client (wrong audience), Then 401 sso_wrong_audience', async () => {
    const { url, cookie } = await start();
    const back = await provider.signIn(url, 'ada');
    provider.alterNextIdToken((claims) => ({ ...claims, aud: 'another-councils-app' }));
    await expectRefused(await callback(back, cookie), 401, 'sso_wrong_audience');
  });

  it('When the ID token has expired by the server’s clock, Then 401 sso_token_expired', async () => {
    const { url, cookie } = await start();
    const back = await provider.signIn(url, 'ada');
    const now = api.clock.now();
    // The provider gives ID tokens a minute; five minutes on, it is long gone (the cookie still lasts).
    api.clock.set(new Date(Date.parse(now) + 5 * 60_000).toISOString());
    try {
      await expectRefused(await callback(back, cookie), 401, 'sso_token_expired');
    } finally {
      api.clock.set(now);
    }
  });

  it('When the ID token’s signature is not the provider’s, Then 401 sso_token_invalid', async () => {
    const { url, cookie } = await start();
    const back = await provider.signIn(url, 'ada');
    // A claim changed on the way from the token endpoint, after the provider signed the token:
    const response = await (async () => {
      const original = globalThis.fetch;
      globalThis.fetch = async (input, init) => {
        const answer = await original(input, init);
        if (!String(input instanceof Request ? input.url : input).endsWith('/token')) return answer;
        const body = (await answer.json()) as { id_token: string };
        const [h, p, s] = body.id_token.split('.') as [string, string, string];
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
        body.id_token = [h, Buffer.from(JSON.stringify({ ...claims, name: 'Forged' })).toString('base64url'), s].join('.');
        return new Response(JSON.stringify(body), { status: answer.status, headers: answer.headers });
      };
      try {
        return await callback(back, cookie);
      } finally {
        globalThis.fetch = original;
      }
    })();
    await expectRefused(response, 401, 'sso_token_invalid');
  });

  it('Given an address that belongs to another authority’s person, Then 403 sso_other_authority', async () => {
    await expectRefused((await signInAs('cam')).response, 403, 'sso_other_authority');
  });

  it('Given the provider says the e-mail address is not verified, Then 403 sso_email_unverified', async () => {
    await expectRefused((await signInAs('una')).response, 403, 'sso_email_unverified');
  });

  it('Given a browser, When a sign-in is refused, Then it is sent to the sign-in page with the refusal’s code, and no session', async () => {
    const { url, cookie } = await start();
    const back = await provider.signIn(url, 'fin');
    const response = await callback(back, cookie, 'text/html,application/xhtml+xml');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?sso=sso_no_role');
    expect(cookieOf(response, 'stepwise_session')).toBeUndefined();
  });

  it('Given a start with a `next` on another site, Then the person lands in My work instead', async () => {
    const { response } = await signInAs('ada', '//evil.example/steal');
    expect(response.headers.get('location')).toBe('/work');
  });
});

describe('POST /api/session for an authority that signs in only through its provider', () => {
  it('Given Graft has turned local passwords off, When a Graft demo person signs in with the right password, Then 403 sso_required and no session', async () => {
    const response = await api.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'social_worker@graft.example', password: 'stepwise-demo' }) });
    await expectRefused(response, 403, 'sso_required');
  });

  it('Given Camden still uses passwords, Then its people sign in as before', async () => {
    expect((await api.signIn('social_worker@camden.example')).user).toBeTruthy();
  });
});
