/** Contract: people, sessions and sign-in attempts, shared by every server process through the store. */
import { describe, expect, it } from 'vitest';
import { at, rejection, T0, type StoreHarness } from './store-contract-fixtures.ts';
import type { UserRecord } from './types.ts';

const dana: UserRecord = { id: 'dana', authority: 'north', name: 'Dana Duty', email: 'Dana@North.example', roles: ['duty_manager'], teams: ['front_door'], passwordHash: 'scrypt$1$2$3$salt$hash' };

export function usersContract(get: () => StoreHarness): void {
  describe('users and sessions', () => {
    it('saves, finds by e-mail in any case, lists by authority and keeps e-mails unique', async () => {
      const { store } = get();
      await store.saveUser(dana);
      await store.saveUser({ ...dana, id: 'sol', authority: 'south', email: 'sol@south.example' });
      expect(await store.getUser('dana')).toEqual(dana);
      expect((await store.findUserByEmail(' dana@north.EXAMPLE'))?.id).toBe('dana');
      expect(await store.findUserByEmail('nobody@north.example')).toBeNull();
      expect((await store.listUsers('north')).map((u) => u.id)).toEqual(['dana']);
      await store.saveUser({ ...dana, teams: [] });
      expect((await store.getUser('dana'))?.teams).toEqual([]);
      expect((await rejection(store.saveUser({ ...dana, id: 'imposter' }))).code).toBe('already_exists');
    });

    it('keeps who a person is at their OpenID provider, for single sign-on (server/auth/oidc-people.ts)', async () => {
      const { store } = get();
      const linked = { ...dana, passwordHash: 'none', sso: { issuer: 'https://login.microsoftonline.com/t/v2.0', subject: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ' } };
      await store.saveUser(linked);
      expect(await store.getUser('dana')).toEqual(linked);
      expect(await store.findUserByEmail('dana@north.example')).toEqual(linked);
    });

    it('creates, reads, deletes and expires sessions', async () => {
      const { store } = get();
      const session = { id: 'hash-1', userId: 'dana', csrfToken: 'csrf', accessDigest: 'digest-1', createdAt: T0, expiresAt: '2026-11-02T17:00:00Z' };
      await store.createSession(session);
      await store.createSession({ ...session, id: 'hash-2', expiresAt: '2026-11-03T17:00:00.000Z' });
      expect(await store.getSession('hash-1')).toEqual({ ...session, expiresAt: '2026-11-02T17:00:00.000Z' });
      expect(await store.deleteExpiredSessions('2026-11-02T17:00:00.000Z')).toBe(1);
      expect(await store.getSession('hash-1')).toBeNull();
      await store.deleteSession('hash-2');
      expect(await store.getSession('hash-2')).toBeNull();
    });

    it('counts sign-in attempts per key while they are live, earliest expiry first, and forgets them on request or expiry', async () => {
      const { store } = get();
      const attempt = (id: string, key: string, minutes: number) => ({ id, key, at: at(minutes), expiresAt: at(minutes + 15) });
      await store.recordSignInAttempts([attempt('a2', 'account:dana@north.example', 2), attempt('b1', 'address:203.0.113.7', 1)]);
      await store.recordSignInAttempts([attempt('a1', 'account:dana@north.example', 1)]);
      await store.recordSignInAttempts([attempt('a3', 'account:dana@north.example', 3)]);
      await store.recordSignInAttempts([]);
      const live = async (key: string, minutes: number) => (await store.listSignInAttempts(key, at(minutes))).map((a) => a.id);
      expect(await store.listSignInAttempts('account:dana@north.example', at(4))).toEqual([attempt('a1', 'account:dana@north.example', 1), attempt('a2', 'account:dana@north.example', 2), attempt('a3', 'account:dana@north.example', 3)]);
      // An attempt is live until its expiry, not at it: the window slides.
      expect(await live('account:dana@north.example', 16)).toEqual(['a2', 'a3']);
      await store.deleteSignInAttempts(['a3', 'b1', 'absent']);
      expect(await live('account:dana@north.example', 4)).toEqual(['a1', 'a2']);
      expect(await live('address:203.0.113.7', 4)).toEqual([]);
      await store.recordSignInAttempts([attempt('b2', 'address:203.0.113.7', 2)]);
      await store.clearSignInAttempts('account:dana@north.example');
      expect(await live('account:dana@north.example', 4)).toEqual([]);
      expect(await live('address:203.0.113.7', 4)).toEqual(['b2']);
      expect(await store.deleteExpiredSignInAttempts(at(16))).toBe(0);
      expect(await store.deleteExpiredSignInAttempts(at(17))).toBe(1);
      expect(await live('address:203.0.113.7', 0)).toEqual([]);
    });
  });
}
