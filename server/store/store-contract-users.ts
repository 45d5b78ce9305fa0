/** Contract: people and sessions, shared by every server process through the store. */
import { describe, expect, it } from 'vitest';
import { rejection, T0, type StoreHarness } from './store-contract-fixtures.ts';
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

    it('creates, reads, deletes and expires sessions', async () => {
      const { store } = get();
      const session = { id: 'hash-1', userId: 'dana', csrfToken: 'csrf', createdAt: T0, expiresAt: '2026-11-02T17:00:00Z' };
      await store.createSession(session);
      await store.createSession({ ...session, id: 'hash-2', expiresAt: '2026-11-03T17:00:00.000Z' });
      expect(await store.getSession('hash-1')).toEqual({ ...session, expiresAt: '2026-11-02T17:00:00.000Z' });
      expect(await store.deleteExpiredSessions('2026-11-02T17:00:00.000Z')).toBe(1);
      expect(await store.getSession('hash-1')).toBeNull();
      await store.deleteSession('hash-2');
      expect(await store.getSession('hash-2')).toBeNull();
    });
  });
}
