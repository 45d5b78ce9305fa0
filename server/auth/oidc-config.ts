/**
 * Single sign-on settings: per authority, which OpenID provider signs its staff in (Microsoft
 * Entra ID, Google Workspace, Okta…), the client Stepwise is registered as there, and how the
 * provider's groups map to Stepwise roles and teams. Read from a JSON file named by
 * STEPWISE_SSO_CONFIG (server/main.ts) and checked here, every mistake named by JSON pointer.
 */
import { readFileSync, statSync } from 'node:fs';

/** What one group at the provider gives a person here. */
export interface GroupGrant {
  roles: string[];
  teams: string[];
}

export interface AuthoritySso {
  /** The provider's issuer, exactly as its discovery document says (`…/.well-known/openid-configuration` is read from it). */
  issuer: string;
  clientId: string;
  /** Omitted for a public client: then PKCE alone protects the code. */
  clientSecret?: string;
  /** This server's callback, as registered at the provider: `https://…/auth/sso/<authority>/callback`. */
  redirectUri: string;
  /** Always includes `openid`. */
  scopes: string[];
  /** Which claims hold the person's groups, e-mail address and name. */
  claims: { groups: string; email: string; name: string };
  /** Group (as the provider names it: an Entra object id, an Okta group name) → roles and teams. */
  groups: Record<string, GroupGrant>;
  /** May this authority's people still sign in with a Stepwise password? */
  localPasswords: boolean;
  /** Allow a plain-HTTP provider on loopback (tests, a laptop); never on anything else. */
  allowHttpOnLoopback: boolean;
}

export interface SsoConfig {
  /** Signs the short-lived cookie that carries a sign-in from the provider and back; the same on every server process. */
  stateKey: string;
  authorities: Record<string, AuthoritySso>;
}

export class SsoConfigError extends Error {
  constructor(readonly problems: Array<{ pointer: string; message: string }>) {
    super(`The single sign-on settings are not right:\n${problems.map((p) => `  ${p.pointer || '/'}: ${p.message}`).join('\n')}`);
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks parsed JSON and returns the settings with defaults filled in, or throws SsoConfigError naming every mistake. */
export function parseSsoConfig(raw: unknown): SsoConfig {
  const problems: Array<{ pointer: string; message: string }> = [];
  const fail = (pointer: string, message: string) => void problems.push({ pointer, message });
  if (!isObject(raw)) throw new SsoConfigError([{ pointer: '', message: 'must be a JSON object with stateKey and authorities' }]);
  const known = (value: Record<string, unknown>, at: string, names: string[]) => {
    for (const key of Object.keys(value)) if (!names.includes(key)) fail(`${at}/${key}`, `is not a setting (expected one of ${names.join(', ')})`);
  };
  known(raw, '', ['stateKey', 'authorities']);
  const text = (value: unknown, at: string, required = true): string | undefined => {
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim() === '') fail(at, 'must be a non-empty string');
    return typeof value === 'string' ? value : undefined;
  };
  const texts = (value: unknown, at: string): string[] => {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
      fail(at, 'must be a list of non-empty strings');
      return [];
    }
    return value as string[];
  };

  const stateKey = text(raw.stateKey, '/stateKey') ?? '';
  if (stateKey && stateKey.length < 32) fail('/stateKey', 'must be at least 32 characters (a random secret, the same on every server process)');

  const authorities: Record<string, AuthoritySso> = {};
  if (!isObject(raw.authorities) || Object.keys(raw.authorities).length === 0) fail('/authorities', 'must name at least one authority');
  for (const [authority, entry] of Object.entries(isObject(raw.authorities) ? raw.authorities : {})) {
    const at = `/authorities/${authority}`;
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(authority)) fail(at, 'an authority id is lower-case letters, digits, - and _');
    if (!isObject(entry)) {
      fail(at, 'must be an object');
      continue;
    }
    known(entry, at, ['issuer', 'clientId', 'clientSecret', 'redirectUri', 'scopes', 'claims', 'groups', 'localPasswords', 'allowHttpOnLoopback']);
    const allowHttpOnLoopback = entry.allowHttpOnLoopback === true;
    if (entry.allowHttpOnLoopback !== undefined && typeof entry.allowHttpOnLoopback !== 'boolean') fail(`${at}/allowHttpOnLoopback`, 'must be true or false');
    const url = (value: unknown, pointer: string): string => {
      const given = text(value, pointer) ?? '';
      let parsed: URL;
      try {
        parsed = new URL(given);
      } catch {
        if (given) fail(pointer, 'must be an absolute URL');
        return given;
      }
      const loopback = LOOPBACK.has(parsed.hostname);
      if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback && allowHttpOnLoopback)) {
        fail(pointer, loopback ? 'must be https (or set allowHttpOnLoopback for a provider on this machine)' : 'must be https');
      }
      return given;
    };
    const issuer = url(entry.issuer, `${at}/issuer`);
    const redirectUri = url(entry.redirectUri, `${at}/redirectUri`);
    if (redirectUri && !redirectUri.endsWith(`/auth/sso/${authority}/callback`)) {
      fail(`${at}/redirectUri`, `must end in /auth/sso/${authority}/callback`);
    }
    const clientId = text(entry.clientId, `${at}/clientId`) ?? '';
    const clientSecret = text(entry.clientSecret, `${at}/clientSecret`, false);
    const scopes = entry.scopes === undefined ? ['openid', 'email', 'profile'] : texts(entry.scopes, `${at}/scopes`);
    if (!scopes.includes('openid')) fail(`${at}/scopes`, 'must include openid');

    const claimsIn = entry.claims === undefined ? {} : entry.claims;
    if (!isObject(claimsIn)) fail(`${at}/claims`, 'must be an object');
    const claimNames = isObject(claimsIn) ? claimsIn : {};
    known(claimNames, `${at}/claims`, ['groups', 'email', 'name']);
    const claims = {
      groups: text(claimNames.groups ?? 'groups', `${at}/claims/groups`) ?? 'groups',
      email: text(claimNames.email ?? 'email', `${at}/claims/email`) ?? 'email',
      name: text(claimNames.name ?? 'name', `${at}/claims/name`) ?? 'name',
    };

    const groups: Record<string, GroupGrant> = {};
    if (!isObject(entry.groups) || Object.keys(entry.groups).length === 0) fail(`${at}/groups`, 'must map at least one group to roles and teams');
    for (const [group, grant] of Object.entries(isObject(entry.groups) ? entry.groups : {})) {
      const gat = `${at}/groups/${group.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (!isObject(grant)) {
        fail(gat, 'must be an object with roles and teams');
        continue;
      }
      known(grant, gat, ['roles', 'teams']);
      groups[group] = { roles: grant.roles === undefined ? [] : texts(grant.roles, `${gat}/roles`), teams: grant.teams === undefined ? [] : texts(grant.teams, `${gat}/teams`) };
      if (groups[group].roles.length === 0 && groups[group].teams.length === 0) fail(gat, 'must give at least one role or team');
    }
    if (entry.localPasswords !== undefined && typeof entry.localPasswords !== 'boolean') fail(`${at}/localPasswords`, 'must be true or false');

    authorities[authority] = {
      issuer,
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      redirectUri,
      scopes,
      claims,
      groups,
      localPasswords: entry.localPasswords !== false,
      allowHttpOnLoopback,
    };
  }
  if (problems.length > 0) throw new SsoConfigError(problems);
  return { stateKey, authorities };
}

/**
 * Reads and checks the settings file (STEPWISE_SSO_CONFIG). It holds client secrets and the state
 * key, so `readableByOthers` says when its permissions let other users on the machine read it.
 */
export function loadSsoConfig(path: string): { config: SsoConfig; readableByOthers: boolean } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SsoConfigError([{ pointer: '', message: `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SsoConfigError([{ pointer: '', message: `${path} is not JSON: ${(error as Error).message}` }]);
  }
  return { config: parseSsoConfig(raw), readableByOthers: process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0 };
}
