/**
 * The OpenID Connect client, through openid-client (a certified relying-party library): the
 * provider's discovery document, the authorization request (code flow with PKCE S256, a state
 * and a nonce), and the callback — the code exchanged for tokens, the ID token checked (issuer,
 * audience, signature, expiry, nonce) and the person's claims read, from the userinfo endpoint
 * too when the ID token lacks the groups or e-mail (Okta and oidc-provider put them there).
 *
 * Time: the library checks the ID token's `exp` and `iat` against the server's own clock (the
 * app's `Clock`, simulated in tests), not the machine's, by telling it the difference.
 */
import * as client from 'openid-client';
import type { Instant } from '../../engine/index.ts';
import type { AuthoritySso, SsoConfig } from './oidc-config.ts';
import { PENDING_LIFETIME_MS, type PendingSignIn } from './oidc-state.ts';

/** Why a sign-in through the provider was refused: a status, a stable code and words for the person. */
export class SsoRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 502,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Claims as the provider gave them, ID token first, userinfo filling gaps. */
export type Claims = Record<string, unknown> & { sub: string; iss: string };

const START_AGAIN = 'Go back to the sign-in page and start again.';

export class OidcClients {
  private readonly discovered = new Map<string, Promise<client.Configuration>>();
  private readonly keys = new Map<string, NonNullable<ReturnType<typeof client.getJwksCache>>>();

  constructor(readonly config: SsoConfig) {}

  settings(authority: string): AuthoritySso | undefined {
    return Object.hasOwn(this.config.authorities, authority) ? this.config.authorities[authority] : undefined;
  }

  /** The provider's configuration, discovered once per process (again after a failure). */
  private discover(authority: string, sso: AuthoritySso): Promise<client.Configuration> {
    let found = this.discovered.get(authority);
    if (!found) {
      found = client.discovery(new URL(sso.issuer), sso.clientId, sso.clientSecret, clientAuth(sso), sso.allowHttpOnLoopback ? { execute: [client.allowInsecureRequests] } : {});
      found.catch(() => this.discovered.delete(authority));
      this.discovered.set(authority, found);
    }
    return found.catch((error: unknown) => {
      throw unreachable(error);
    });
  }

  /** The provider's configuration as the server's clock sees it (see the header). */
  private async atTime(authority: string, sso: AuthoritySso, now: Instant): Promise<client.Configuration> {
    const discovered = await this.discover(authority, sso);
    const skew = Math.round((Date.parse(now) - Date.now()) / 1000);
    const config = new client.Configuration(discovered.serverMetadata(), sso.clientId, { ...(sso.clientSecret ? { client_secret: sso.clientSecret } : {}), [client.clockSkew]: skew }, clientAuth(sso));
    if (sso.allowHttpOnLoopback) client.allowInsecureRequests(config);
    // The ID token's signature is checked against the provider's published keys as well (the
    // library would otherwise trust the TLS connection alone); the keys are kept between sign-ins.
    client.enableNonRepudiationChecks(config);
    const keys = this.keys.get(authority);
    if (keys) client.setJwksCache(config, keys);
    return config;
  }

  /** A new sign-in: where to send the person, and what the callback will need to check. */
  async begin(authority: string, next: string, now: Instant): Promise<{ url: URL; pending: PendingSignIn }> {
    const sso = this.settings(authority);
    if (!sso) throw new SsoRefusal(404, 'sso_not_configured', `Single sign-on is not set up for ${authority}.`);
    const config = await this.discover(authority, sso);
    const codeVerifier = client.randomPKCECodeVerifier();
    const pending: PendingSignIn = {
      authority,
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier,
      next,
      expiresAt: new Date(Date.parse(now) + PENDING_LIFETIME_MS).toISOString(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: sso.redirectUri,
      scope: sso.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Finishes a sign-in from the provider's redirect: `query` is the callback's query string. The
   * URL handed to the library is the registered redirect URI (what the provider saw), not the one
   * this process was reached at, which behind a TLS proxy differs.
   */
  async finish(pending: PendingSignIn, query: string, now: Instant): Promise<Claims> {
    const sso = this.settings(pending.authority);
    if (!sso) throw new SsoRefusal(404, 'sso_not_configured', `Single sign-on is not set up for ${pending.authority}.`);
    const config = await this.atTime(pending.authority, sso, now);
    const current = new URL(sso.redirectUri);
    current.search = query;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
    } catch (error) {
      throw refusalFor(error);
    } finally {
      const keys = client.getJwksCache(config);
      if (keys) this.keys.set(pending.authority, keys);
    }
    const idToken = tokens.claims();
    if (!idToken) throw new SsoRefusal(401, 'sso_token_invalid', `Your council’s sign-in service did not say who you are. ${START_AGAIN}`);
    let claims: Claims = { ...idToken };
    if ((claims[sso.claims.groups] === undefined || claims[sso.claims.email] === undefined) && config.serverMetadata().userinfo_endpoint) {
      try {
        const userinfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
        claims = { ...userinfo, ...claims };
      } catch (error) {
        throw refusalFor(error);
      }
    }
    return claims;
  }
}

function clientAuth(sso: AuthoritySso): client.ClientAuth {
  return sso.clientSecret ? client.ClientSecretPost(sso.clientSecret) : client.None();
}

const unreachable = (error: unknown) =>
  error instanceof SsoRefusal ? error : new SsoRefusal(502, 'sso_provider_unavailable', `Your council’s sign-in service could not be reached, or answered in a way Stepwise does not understand. Try again in a few minutes; if it keeps happening, tell your IT service desk.${detailOf(error)}`);

/** The JWT claim a validation failure was about, from the library's error or its causes. */
function claimOf(error: unknown): string | undefined {
  for (let at: unknown = error, depth = 0; at && typeof at === 'object' && depth < 5; at = (at as { cause?: unknown }).cause, depth++) {
    const claim = (at as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
    const attribute = (at as { attribute?: unknown }).attribute;
    if (typeof attribute === 'string') return attribute;
  }
  return undefined;
}

const codeOf = (error: unknown) => (error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined);

/** Only the library's stable code, for the server's log; never a token or a claim's value. */
const detailOf = (error: unknown) => (codeOf(error) ? ` (${codeOf(error)})` : '');

/** What the person is told when the library refuses the provider's answer. */
export function refusalFor(error: unknown): SsoRefusal {
  if (error instanceof SsoRefusal) return error;
  if (error instanceof client.AuthorizationResponseError) {
    return error.error === 'access_denied'
      ? new SsoRefusal(401, 'sso_cancelled', `You did not finish signing in with your council account. ${START_AGAIN}`)
      : new SsoRefusal(401, 'sso_provider_refused', `Your council’s sign-in service refused the sign-in (${error.error}). ${START_AGAIN}`);
  }
  if (error instanceof client.ResponseBodyError) {
    return new SsoRefusal(401, 'sso_code_rejected', `Your council’s sign-in service did not accept this sign-in: it may have been used already, or taken too long. ${START_AGAIN}`);
  }
  const code = codeOf(error);
  const claim = claimOf(error);
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && (claim === 'aud' || claim === 'azp')) {
    return new SsoRefusal(401, 'sso_wrong_audience', 'The sign-in was issued for another application, not Stepwise. Tell your IT service desk: the client id Stepwise uses may be wrong.');
  }
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'nonce') {
    return new SsoRefusal(401, 'sso_nonce_mismatch', `The sign-in that came back was not the one this browser asked for. ${START_AGAIN}`);
  }
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'iss') {
    return new SsoRefusal(401, 'sso_wrong_issuer', 'The sign-in came from a different sign-in service than the one set up for your council. Tell your IT service desk.');
  }
  if (code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' && claim === 'state') {
    return new SsoRefusal(400, 'sso_state_mismatch', `The sign-in that came back was not the one this browser asked for. ${START_AGAIN}`);
  }
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') {
    return new SsoRefusal(401, 'sso_token_expired', `The sign-in from your council’s service had expired before it reached Stepwise. ${START_AGAIN} If it happens again, tell your IT service desk (the server’s clock may be wrong).`);
  }
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' || code === 'OAUTH_INVALID_RESPONSE' || code === 'OAUTH_KEY_SELECTION_FAILED' || code === 'OAUTH_PARSE_ERROR') {
    return new SsoRefusal(401, 'sso_token_invalid', `The sign-in from your council’s service could not be checked${detailOf(error)}. ${START_AGAIN}`);
  }
  return unreachable(error);
}
