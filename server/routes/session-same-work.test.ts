/**
 * Timing must not tell who has an account: a wrong password for a known address and any password
 * for an unknown or disabled one each cost one scrypt of the same cost. Counted, not timed (a
 * timing assertion would be flaky on a shared machine); test/bench/sign-in.ts measures the time.
 */
import type * as Crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';

const scrypt = vi.hoisted(() => ({ costs: [] as number[] }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  const counted = ((...args: Parameters<typeof actual.scrypt>) => {
    const options = args.length === 5 ? (args[3] as Crypto.ScryptOptions) : {};
    scrypt.costs.push(options.N ?? options.cost ?? 16384);
    return (actual.scrypt as (...a: unknown[]) => void)(...args);
  }) as typeof actual.scrypt;
  return { ...actual, scrypt: counted, default: { ...actual, scrypt: counted } };
});

let api: Api;
beforeEach(async () => {
  api = await apiHarness();
  const user = (await api.store.getUser('camden.eh_family_worker'))!;
  await api.store.saveUser({ ...user, disabled: true });
  scrypt.costs.length = 0;
});
afterEach(async () => api.close());

describe('the work behind a refused sign-in', () => {
  it('Given a known address, an unknown one and a disabled person, When each signs in wrongly, Then each costs one scrypt of the same cost', async () => {
    const costs: Record<string, number[]> = {};
    for (const [who, email, password] of [
      ['known, wrong password', 'social_worker@camden.example', 'guess'],
      ['unknown', 'nobody@camden.example', 'stepwise-demo'],
      ['disabled, right password', 'eh_family_worker@camden.example', 'stepwise-demo'],
    ]) {
      scrypt.costs.length = 0;
      const response = await api.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      expect(response.status).toBe(401);
      costs[who!] = [...scrypt.costs];
    }
    expect(costs).toEqual({ 'known, wrong password': [16384], unknown: [16384], 'disabled, right password': [16384] });
  });
});
