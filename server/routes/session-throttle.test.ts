import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import type { Connection } from '../http/env.ts';

let api: Api;
const open = (config: Parameters<typeof apiHarness>[1] = {}) =>
  apiHarness('2026-11-02T09:00:00Z', { signInThrottle: { perAccount: 5, perAddress: 50, windowMs: 15 * 60_000 }, ...config });
beforeEach(async () => {
  api = await open();
});
afterEach(async () => api.close());

const WORKER = 'social_worker@camden.example';
const ATTACKER: Connection = { address: '203.0.113.7' };

/** A sign-in over a connection, as the entry point passes the socket's address to the app. */
async function signIn(email: string, password: string, connection: Connection = ATTACKER, headers: Record<string, string> = {}) {
  const response = await api.request(
    '/api/session',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) },
    { connection },
  );
  return { status: response.status, retryAfter: response.headers.get('retry-after'), type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
}

async function failFiveTimes(email: string, minutesApart = 1) {
  for (let i = 0; i < 5; i++) {
    expect((await signIn(email, 'guess')).status).toBe(401);
    api.clock.advance(minutesApart * 60_000);
  }
}

describe('throttling sign-in per account', () => {
  it('Given five wrong passwords for an account within 15 minutes, When a sixth try comes, even right and from elsewhere, Then 429 with Retry-After and a plain message', async () => {
    await failFiveTimes(WORKER);
    const refused = await signIn(WORKER, 'stepwise-demo', { address: '198.51.100.20' });
    expect(refused.status).toBe(429);
    expect(refused.type).toBe('application/problem+json; charset=utf-8');
    // The first failure was at 09:00, and it is 09:05: it leaves the window at 09:15.
    expect(refused.retryAfter).toBe('600');
    expect(refused.body).toMatchObject({ status: 429, code: 'sign_in_throttled', detail: 'Too many attempts to sign in. Try again in 10 minutes.', retryAfter: 600 });
  });

  it('Given an address nobody has, Then it is throttled just the same, so the throttle does not tell who has an account', async () => {
    await failFiveTimes('nobody@camden.example');
    expect(await signIn('Nobody@Camden.example ', 'guess')).toMatchObject({ status: 429, retryAfter: '600' });
  });

  it('Given an attacker who keeps trying, Then refused tries do not lengthen the lock: the window slides and the person gets in when their oldest failure leaves it', async () => {
    await failFiveTimes(WORKER);
    for (let i = 0; i < 9; i++) {
      expect((await signIn(WORKER, 'guess')).status).toBe(429);
      api.clock.advance(60_000);
    }
    expect(api.clock.now()).toBe('2026-11-02T09:14:00.000Z');
    expect(await signIn(WORKER, 'stepwise-demo')).toMatchObject({ status: 429, retryAfter: '60', body: { detail: 'Too many attempts to sign in. Try again in 1 minute.' } });
    api.clock.advance(60_000);
    expect((await signIn(WORKER, 'stepwise-demo')).status).toBe(201);
  });

  it('Given four wrong passwords and then the right one, Then the account starts counting again from nothing', async () => {
    for (let i = 0; i < 4; i++) expect((await signIn(WORKER, 'guess')).status).toBe(401);
    expect((await signIn(WORKER, 'stepwise-demo')).status).toBe(201);
    await failFiveTimes(WORKER, 0);
    expect((await signIn(WORKER, 'guess')).status).toBe(429);
  });

  it('Given twenty wrong passwords sent at once, Then no more than five are checked', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => signIn(WORKER, 'guess')));
    const checked = answers.filter((a) => a.status === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(20 - checked);
  });
});

describe('throttling sign-in per client address', () => {
  const perAddress = { signInThrottle: { perAccount: 5, perAddress: 8, windowMs: 15 * 60_000 } };
  beforeEach(async () => {
    await api.close();
    api = await open(perAddress);
  });
  const spray = async (count: number, connection: Connection, headers: Record<string, string> = {}) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await signIn(`person${i}@camden.example`, 'guess', connection, headers)).status);
    return statuses;
  };

  it('Given one address trying a password on eight accounts, Then its ninth try is refused, and another address is not', async () => {
    expect(await spray(8, ATTACKER)).toEqual(Array(8).fill(401));
    expect((await signIn('someone@camden.example', 'guess')).status).toBe(429);
    expect((await signIn('someone@camden.example', 'guess', { address: '198.51.100.20' })).status).toBe(401);
  });

  it('Given no trusted proxy, Then X-Forwarded-For is ignored, so a client cannot pick its own address', async () => {
    for (let i = 0; i < 8; i++) await signIn(`person${i}@camden.example`, 'guess', ATTACKER, { 'x-forwarded-for': `192.0.2.${i}` });
    expect((await signIn('someone@camden.example', 'guess', ATTACKER, { 'x-forwarded-for': '192.0.2.99' })).status).toBe(429);
  });

  it('Given one trusted proxy hop, Then the address the proxy saw counts, whatever the client put in front of it', async () => {
    await api.close();
    api = await open({ ...perAddress, trustProxy: { hops: 1 } });
    const proxy: Connection = { address: '10.0.0.2' };
    for (let i = 0; i < 8; i++) await signIn(`person${i}@camden.example`, 'guess', proxy, { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.7` });
    expect((await signIn('someone@camden.example', 'guess', proxy, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    expect((await signIn('someone@camden.example', 'guess', proxy, { 'x-forwarded-for': '198.51.100.20' })).status).toBe(401);
  });
});
