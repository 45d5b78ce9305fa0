/**
 * The parts of single sign-on below the routes: the settings file's checks, the sealed cookie,
 * the state used once, groups to roles and teams, and the client against a real provider on
 * loopback (oidc-provider) — including one that cannot be reached.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, randomAuditKey, type Store } from '../store/index.ts';
import { startOidcProvider, type TestProvider } from '../../test/support/oidc-provider.ts';
import { parseSsoConfig, SsoConfigError, type AuthoritySso } from './oidc-config.ts';
import { grantFor, groupsOf } from './oidc-people.ts';
import { openPending, safeNext, sealPending, useStateOnce, type PendingSignIn } from './oidc-state.ts';
import { OidcClients, SsoRefusal } from './oidc.ts';

const KEY = 'k'.repeat(32);
const minimal = (over: Record<string, unknown> = {}) => ({
  stateKey: KEY,
  authorities: {
    camden: { issuer: 'https://login.microsoftonline.com/tenant-id/v2.0', clientId: 'app-id', clientSecret: 's', redirectUri: 'https://stepwise.camden.gov.uk/auth/sso/camden/callback', groups: { 'g-1': { roles: ['social_worker'] } }, ...over },
  },
});

function problemsOf(raw: unknown): Array<{ pointer: string; message: string }> {
  try {
    parseSsoConfig(raw);
  } catch (error) {
    if (error instanceof SsoConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseSsoConfig', () => {
  it('Given the least an Entra ID set-up needs, Then the defaults are filled in: openid email profile, the usual claim names, local passwords still allowed', () => {
    expect(parseSsoConfig(minimal()).authorities.camden).toEqual({
      issuer: 'https://login.microsoftonline.com/tenant-id/v2.0',
      clientId: 'app-id',
      clientSecret: 's',
      redirectUri: 'https://stepwise.camden.gov.uk/auth/sso/camden/callback',
      scopes: ['openid', 'email', 'profile'],
      claims: { groups: 'groups', email: 'email', name: 'name' },
      groups: { 'g-1': { roles: ['social_worker'], teams: [] } },
      localPasswords: true,
      allowHttpOnLoopback: false,
    } satisfies AuthoritySso);
  });

  it('Given mistakes, Then every one is named by JSON pointer in one error', () => {
    expect(problemsOf({ stateKey: 'short', authorities: { camden: { issuer: 'http://idp.example', clientId: '', redirectUri: 'https://x.example/elsewhere', scopes: ['email'], groups: { g: { roles: [] } }, colour: 'red' } } })).toEqual([
      { pointer: '/stateKey', message: expect.stringContaining('at least 32 characters') },
      { pointer: '/authorities/camden/colour', message: expect.stringContaining('is not a setting') },
      { pointer: '/authorities/camden/issuer', message: 'must be https' },
      { pointer: '/authorities/camden/redirectUri', message: 'must end in /auth/sso/camden/callback' },
      { pointer: '/authorities/camden/clientId', message: 'must be a non-empty string' },
      { pointer: '/authorities/camden/scopes', message: 'must include openid' },
      { pointer: '/authorities/camden/groups/g', message: 'must give at least one role or team' },
    ]);
    expect(() => parseSsoConfig([])).toThrow(/must be a JSON object/);
  });

  it('Given a plain-HTTP provider, Then it is allowed only on loopback and only when asked for', () => {
    expect(problemsOf(minimal({ issuer: 'http://127.0.0.1:4000' }))).toEqual([{ pointer: '/authorities/camden/issuer', message: expect.stringContaining('allowHttpOnLoopback') }]);
    expect(problemsOf(minimal({ issuer: 'http://127.0.0.1:4000', allowHttpOnLoopback: true }))).toEqual([]);
    expect(problemsOf(minimal({ issuer: 'http://idp.camden.gov.uk', allowHttpOnLoopback: true }))).toEqual([{ pointer: '/authorities/camden/issuer', message: 'must be https' }]);
  });
});

describe('The sealed sign-in cookie', () => {
  const pending: PendingSignIn = { authority: 'camden', state: 's', nonce: 'n', codeVerifier: 'v', next: '/work', expiresAt: '2026-11-02T09:10:00.000Z' };

  it('Given a sealed sign-in, Then it opens under the same key before it expires, and not after, nor under another key, nor altered', () => {
    const sealed = sealPending(pending, KEY);
    expect(sealed).not.toContain('camden');
    expect(openPending(sealed, KEY, '2026-11-02T09:09:59Z')).toEqual(pending);
    expect(openPending(sealed, KEY, '2026-11-02T09:10:00Z')).toBeNull();
    expect(openPending(sealed, 'x'.repeat(32), '2026-11-02T09:00:00Z')).toBeNull();
    const [iv, body, tag] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(openPending([iv, flipped.toString('base64url'), tag].join('.'), KEY, '2026-11-02T09:00:00Z')).toBeNull();
    expect(openPending(undefined, KEY, '2026-11-02T09:00:00Z')).toBeNull();
    expect(openPending('not.a.cookie', KEY, '2026-11-02T09:00:00Z')).toBeNull();
  });

  it('Given where to go next, Then only a path on this site is kept', () => {
    expect(safeNext('/cases/c-1?tab=timeline')).toBe('/cases/c-1?tab=timeline');
    for (const bad of [undefined, '', 'https://evil.example/', '//evil.example', '/\\evil.example', 'work']) expect(safeNext(bad)).toBe('/work');
  });
});

describe('Each state used once', () => {
  let dir: string;
  let store: Store;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stepwise-oidc-'));
    store = openSqliteStore({ path: join(dir, 'stepwise.db'), auditKey: randomAuditKey() });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a state, Then the first use passes and every later one is refused, until it would have expired anyway', async () => {
    expect(await useStateOnce(store, 'state-1', '2026-11-02T09:00:00Z', '2026-11-02T09:10:00Z')).toBe(true);
    expect(await useStateOnce(store, 'state-1', '2026-11-02T09:01:00Z', '2026-11-02T09:10:00Z')).toBe(false);
    expect(await useStateOnce(store, 'state-2', '2026-11-02T09:01:00Z', '2026-11-02T09:10:00Z')).toBe(true);
  });

  it('Given the same state twice at once, Then neither passes', async () => {
    const both = await Promise.all([useStateOnce(store, 'state-3', '2026-11-02T09:00:00Z', '2026-11-02T09:10:00Z'), useStateOnce(store, 'state-3', '2026-11-02T09:00:00Z', '2026-11-02T09:10:00Z')]);
    expect(both.filter(Boolean).length).toBeLessThanOrEqual(1);
  });
});

describe('Groups to roles and teams', () => {
  const sso = parseSsoConfig(minimal({ groups: { sw: { roles: ['social_worker'], teams: ['social_work_team'] }, tm: { roles: ['sw_team_manager', 'social_worker'], teams: ['social_work_team', 'step_down_clinic'] }, panel: { teams: ['eh_panel'] } } })).authorities.camden!;

  it('Given several groups, Then the person has every role and team they give, once each, sorted; unknown groups give nothing', () => {
    expect(grantFor(sso, ['tm', 'sw', 'panel', 'finance', 'constructor'])).toEqual({ roles: ['social_worker', 'sw_team_manager'], teams: ['eh_panel', 'social_work_team', 'step_down_clinic'] });
    expect(grantFor(sso, ['panel'])).toEqual({ roles: [], teams: ['eh_panel'] });
    expect(grantFor(sso, [])).toEqual({ roles: [], teams: [] });
  });

  it('Given a groups claim as a list, a single string or something else, Then it is read as a list of strings', () => {
    expect(groupsOf(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(groupsOf('a')).toEqual(['a']);
    expect(groupsOf(undefined)).toEqual([]);
    expect(groupsOf({ a: 1 })).toEqual([]);
  });
});

describe('The client against a real provider', () => {
  let provider: TestProvider;
  beforeAll(async () => {
    provider = await startOidcProvider({ clients: [{ clientId: 'public-app', redirectUris: ['https://stepwise.example/auth/sso/camden/callback'] }], people: { ada: { email: 'ada@camden.example', name: 'Ada', groups: ['g-1'] } } });
  });
  afterAll(async () => provider?.close());

  it('Given a public client (no secret), When a sign-in begins and comes back, Then PKCE alone carries it and the claims include the groups from userinfo', async () => {
    const clients = new OidcClients(parseSsoConfig(minimal({ issuer: provider.issuer, clientId: 'public-app', clientSecret: undefined, redirectUri: 'https://stepwise.example/auth/sso/camden/callback', scopes: ['openid', 'email', 'profile', 'groups'], allowHttpOnLoopback: true })));
    const now = new Date().toISOString();
    const { url, pending } = await clients.begin('camden', '/work', now);
    const back = await provider.signIn(url.href, 'ada');
    const claims = await clients.finish(pending, back.search, now);
    expect(claims).toMatchObject({ iss: provider.issuer, sub: 'ada', aud: 'public-app', email: 'ada@camden.example', groups: ['g-1'] });
  });

  it('Given a provider that does not answer, Then 502 sso_provider_unavailable, and a later try discovers again', async () => {
    const clients = new OidcClients(parseSsoConfig(minimal({ issuer: 'http://127.0.0.1:9', allowHttpOnLoopback: true })));
    const refusal = await clients.begin('camden', '/work', new Date().toISOString()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SsoRefusal);
    expect(refusal).toMatchObject({ status: 502, code: 'sso_provider_unavailable' });
    await expect(clients.begin('camden', '/work', new Date().toISOString())).rejects.toMatchObject({ code: 'sso_provider_unavailable' });
  });
});
