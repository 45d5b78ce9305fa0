/**
 * A real OpenID provider on loopback for the single sign-on tests: oidc-provider (a certified
 * OpenID Provider library) with its development sign-in pages, an RSA signing key made for the
 * run, and people whose groups a test can change between sign-ins. It stands in for a council's
 * Entra ID, Google Workspace or Okta.
 *
 * `signIn(url, login)` walks the provider's pages as a browser would (cookies, redirects, the
 * sign-in form) and returns the URL the provider sends back to Stepwise, for route tests that do
 * not open Chromium. `alterNextIdToken` changes one claim of the next ID token the token
 * endpoint hands out and signs it again with the provider's own key — what a provider that
 * issued a token for another client, or a token already expired, would send.
 */
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import Provider, { type KoaContext } from 'oidc-provider';

export interface TestPerson {
  email: string;
  name: string;
  groups: string[];
  emailVerified?: boolean;
}

export interface TestClient {
  clientId: string;
  clientSecret?: string;
  redirectUris: string[];
}

export interface TestProvider {
  issuer: string;
  /** People by login name (which is also their `sub`); change one between sign-ins to change what the provider says. */
  people: Map<string, TestPerson>;
  alterNextIdToken(change: (claims: Record<string, unknown>) => Record<string, unknown>): void;
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export async function startOidcProvider(options: { clients: TestClient[]; people?: Record<string, TestPerson>; idTokenTtlSeconds?: number }): Promise<TestProvider> {
  // Listening first, for the port the issuer names; the provider answers once it is made.
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key-1';
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const people = new Map(Object.entries(options.people ?? {}));

  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret ? { client_secret: c.clientSecret, token_endpoint_auth_method: 'client_secret_post' } : { token_endpoint_auth_method: 'none' }),
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: ['stepwise-test-provider-cookie-key'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    pkce: { required: () => true },
    ttl: { IdToken: options.idTokenTtlSeconds ?? 600, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
    findAccount: (_ctx: unknown, id: string) => {
      const person = people.get(id);
      if (!person) return undefined;
      return { accountId: id, claims: () => ({ sub: id, email: person.email, email_verified: person.emailVerified ?? true, name: person.name, groups: person.groups }) };
    },
    // The council has consented for its staff (as an Entra admin does for an enterprise app): no consent page.
    loadExistingGrant: async (ctx: KoaContext) => {
      const clientId = ctx.oidc.client!.clientId;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session?.accountId });
      grant.addOIDCScope('openid email profile groups');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
      await grant.save();
      return grant;
    },
  });

  let alteration: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined;
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || !alteration || !body?.id_token) return;
    const [header, payload] = body.id_token.split('.') as [string, string];
    const claims = alteration(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>);
    alteration = undefined;
    const signingInput = `${header}.${b64(JSON.stringify(claims))}`;
    body.id_token = `${signingInput}.${b64(sign('sha256', Buffer.from(signingInput), createPrivateKey({ key: jwk, format: 'jwk' })))}`;
  });
  server.on('request', provider.callback());

  async function signIn(authorizationUrl: string, login: string): Promise<URL> {
    const cookies = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let init: RequestInit = {};
    for (let step = 0; step < 12; step++) {
      const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.origin !== issuer) return next;
        url = next;
        init = {};
        continue;
      }
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`The provider answered ${response.status} without a form to fill:\n${page.slice(0, 500)}`);
      url = new URL(action.replaceAll('&amp;', '&'), url);
      const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
      init = { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    }
    throw new Error('The provider kept redirecting without sending the browser back to Stepwise.');
  }

  return {
    issuer,
    people,
    alterNextIdToken: (change) => void (alteration = change),
    signIn,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
