import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { createPurge } from './purge.ts';

let api: Api;
beforeEach(async () => {
  api = await apiHarness('2026-11-02T09:00:00Z');
});
afterEach(async () => api.close());

const failedSignIn = () =>
  api.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@camden.example', password: 'guess' }) }, { connection: { address: '203.0.113.7' } });

describe('the purge of expired sessions and sign-in attempts', () => {
  it('Given a session signed in at 09:00 and a failed sign-in at 12:00, When the purge runs at 12:10 and at 17:00, Then each goes once it has expired', async () => {
    await api.signIn('social_worker@camden.example');
    api.clock.set('2026-11-02T12:00:00Z');
    expect((await failedSignIn()).status).toBe(401);
    const purge = createPurge({ store: api.store, clock: api.clock });

    api.clock.set('2026-11-02T12:10:00Z');
    expect(await purge.tick()).toEqual({ sessions: 0, signInAttempts: 0, idempotencyKeys: 0 });
    api.clock.set('2026-11-02T17:00:00Z');
    // The session lasted 8 hours; the attempt counted 15 minutes, under its account and its address.
    expect(await purge.tick()).toEqual({ sessions: 1, signInAttempts: 2, idempotencyKeys: 0 });
    expect(await purge.tick()).toEqual({ sessions: 0, signInAttempts: 0, idempotencyKeys: 0 });
  });

  it('When started, Then it purges at once and goes on until stopped', async () => {
    await api.signIn('social_worker@camden.example');
    api.clock.set('2026-11-02T17:00:00Z');
    const purge = createPurge({ store: api.store, clock: api.clock });
    purge.start(60_000);
    await purge.stop();
    expect(await purge.tick()).toEqual({ sessions: 0, signInAttempts: 0, idempotencyKeys: 0 });
  });
});
