/**
 * Who a sign-in through the council's provider is, here: the person is found by e-mail address
 * within the authority, or added, and their roles and teams are worked out afresh from the
 * provider's groups at every sign-in — the provider, not Stepwise, decides. A person whose groups
 * no longer give any role is refused, and their record loses its roles and teams at once, which
 * ends every session they still have (a session keeps a digest of what its person could do:
 * server/auth/session.ts).
 */
import { createHash } from 'node:crypto';
import type { Store, UserRecord } from '../store/index.ts';
import type { AuthoritySso, GroupGrant } from './oidc-config.ts';
import { SsoRefusal, type Claims } from './oidc.ts';

/** The password hash of someone who has only ever signed in through their provider: no password matches it. */
export const NO_PASSWORD = 'none';

/** The groups claim as a list: providers send an array, a few a single string. */
export function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** Every role and team the person's groups give, each once, sorted; groups not in the settings give nothing. */
export function grantFor(sso: AuthoritySso, groups: string[]): GroupGrant {
  const roles = new Set<string>();
  const teams = new Set<string>();
  for (const group of groups) {
    const grant = Object.hasOwn(sso.groups, group) ? sso.groups[group] : undefined;
    grant?.roles.forEach((role) => roles.add(role));
    grant?.teams.forEach((team) => teams.add(team));
  }
  return { roles: [...roles].sort(), teams: [...teams].sort() };
}

export type SignInOutcome = { user: UserRecord } | { refusal: SsoRefusal; user?: UserRecord };

/** The person the claims describe, saved with what their groups give them now; or why not. */
export async function personFromClaims(store: Store, authority: string, sso: AuthoritySso, claims: Claims): Promise<SignInOutcome> {
  const email = claims[sso.claims.email];
  if (typeof email !== 'string' || !email.includes('@')) {
    return { refusal: new SsoRefusal(403, 'sso_no_email', 'Your council account has no e-mail address Stepwise can use. Ask your IT service desk to add one.') };
  }
  if (claims.email_verified === false) {
    return { refusal: new SsoRefusal(403, 'sso_email_unverified', 'Your council’s sign-in service says your e-mail address is not confirmed. Ask your IT service desk.') };
  }
  const found = await store.findUserByEmail(email.trim());
  if (found && found.authority !== authority) {
    return { refusal: new SsoRefusal(403, 'sso_other_authority', 'Your e-mail address belongs to a Stepwise account of another authority. Ask your Stepwise administrator.') };
  }
  if (found?.sso && (found.sso.issuer !== claims.iss || found.sso.subject !== claims.sub)) {
    // The address has passed to someone else at the provider, or another provider claims it.
    return { refusal: new SsoRefusal(403, 'sso_different_person', 'Your e-mail address is linked to a different council account in Stepwise. Ask your Stepwise administrator.'), user: found };
  }
  if (found?.disabled) {
    return { refusal: new SsoRefusal(403, 'sso_disabled', 'Your Stepwise account has been turned off. Ask your Stepwise administrator.'), user: found };
  }
  const grant = grantFor(sso, groupsOf(claims[sso.claims.groups]));
  if (grant.roles.length === 0) {
    if (found && (found.roles.length > 0 || found.teams.length > 0)) await store.saveUser({ ...found, roles: [], teams: [] });
    const refusal = new SsoRefusal(403, 'sso_no_role', 'Your council account is not in any group that may use Stepwise, so you cannot sign in. If you need to, ask your manager or IT service desk to add you to the right group.');
    return found ? { refusal, user: { ...found, roles: [], teams: [] } } : { refusal };
  }
  const name = typeof claims[sso.claims.name] === 'string' && (claims[sso.claims.name] as string).trim() !== '' ? (claims[sso.claims.name] as string).trim() : email.trim();
  const user: UserRecord = {
    id: found?.id ?? `${authority}.sso-${createHash('sha256').update(`${claims.iss}\0${claims.sub}`).digest('base64url').slice(0, 16)}`,
    authority,
    name,
    email: found?.email ?? email.trim(),
    roles: grant.roles,
    teams: grant.teams,
    passwordHash: found?.passwordHash ?? NO_PASSWORD,
    ...(found?.disabled !== undefined ? { disabled: found.disabled } : {}),
    sso: { issuer: claims.iss, subject: claims.sub },
  };
  await store.saveUser(user);
  return { user };
}
