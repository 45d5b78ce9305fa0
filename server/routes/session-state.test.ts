import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import type { UserRecord } from '../store/index.ts';

let api: Api;
beforeEach(async () => {
  api = await apiHarness();
});
afterEach(async () => api.close());

const tokenHash = (cookie: string) => createHash('sha256').update(cookie.split('=')[1]!).digest('base64url');

describe("a person's current state, on every request", () => {
  const changes: Array<[string, (user: UserRecord) => UserRecord]> = [
    ['disabled', (user) => ({ ...user, disabled: true })],
    ['given other roles', (user) => ({ ...user, roles: ['admin'] })],
    ['moved to another team', (user) => ({ ...user, teams: [...user.teams, 'elsewhere'] })],
    ['given a new password', (user) => ({ ...user, passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA' })],
  ];

  for (const [what, change] of changes) {
    it(`Given a signed-in social worker ${what}, When they send their next request, Then it is refused and their session is gone`, async () => {
      const worker = await api.signIn('social_worker@camden.example');
      const manager = await api.signIn('sw_team_manager@camden.example');
      const user = (await api.store.getUser('camden.social_worker'))!;
      await api.store.saveUser(change(user));

      const refused = await worker.get('/api/work');
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: 'sign_in_required' });
      expect(refused.headers.get('set-cookie')).toMatch(/^stepwise_session=; Max-Age=0; Path=\//);
      expect(await api.store.getSession(tokenHash(worker.cookie))).toBeNull();
      // Putting the person back does not bring the old session back; others are untouched.
      await api.store.saveUser(user);
      expect((await worker.get('/api/session')).status).toBe(401);
      expect((await manager.get('/api/session')).status).toBe(200);
    });
  }

  it('Given an expired session, When it is used, Then it is refused and deleted', async () => {
    const worker = await api.signIn('social_worker@camden.example');
    api.clock.advance(8 * 60 * 60 * 1000);
    expect((await worker.get('/api/session')).status).toBe(401);
    expect(await api.store.getSession(tokenHash(worker.cookie))).toBeNull();
  });
});

describe('the session cookie', () => {
  const signIn = (connection: { address?: string; tls?: boolean }, headers: Record<string, string> = {}) =>
    api.request(
      '/api/session',
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email: 'social_worker@camden.example', password: 'stepwise-demo' }) },
      { connection },
    );
  const secure = async (response: Response | Promise<Response>) => /; Secure/.test((await response).headers.get('set-cookie') ?? '');

  it('Given plain HTTP, Then it is not Secure; over TLS it is; and SECURE_COOKIES forces it', async () => {
    expect(await secure(signIn({ address: '127.0.0.1' }))).toBe(false);
    expect(await secure(signIn({ address: '127.0.0.1', tls: true }))).toBe(true);
    await api.close();
    api = await apiHarness(undefined, { secureCookies: true });
    expect(await secure(signIn({ address: '127.0.0.1' }))).toBe(true);
  });

  it("Given X-Forwarded-Proto: https, Then it is Secure only when it comes from a trusted proxy", async () => {
    expect(await secure(signIn({ address: '10.0.0.2' }, { 'x-forwarded-proto': 'https' }))).toBe(false);
    await api.close();
    api = await apiHarness(undefined, { trustProxy: { addresses: ['10.0.0.2'] } });
    expect(await secure(signIn({ address: '10.0.0.2' }, { 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(await secure(signIn({ address: '10.0.0.3' }, { 'x-forwarded-proto': 'https' }))).toBe(false);
    expect(await secure(signIn({ address: '10.0.0.2' }, { 'x-forwarded-proto': 'http' }))).toBe(false);
  });
});
