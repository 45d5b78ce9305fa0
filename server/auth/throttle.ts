/**
 * The sign-in throttle: a limit of attempts per account and per client address within a sliding
 * window, counted in the store so every server process sees the same counts.
 *
 * An attempt is recorded before its password is checked, and then the counts are read: of any
 * number of attempts sent at once, the last to count sees all the others, so no more than the
 * limit are ever checked (OWASP Authentication Cheat Sheet: "Protect against automated attacks").
 * A refused attempt removes its record again, so an attacker cannot keep an account locked by
 * trying more: the lock ends when the oldest failure leaves the window. A successful sign-in
 * clears its account's count and removes its own record under the address.
 */
import { randomBytes } from 'node:crypto';
import type { Instant } from '../../engine/index.ts';
import type { SignInAttempt, Store } from '../store/index.ts';

export interface ThrottleLimits {
  /** Attempts one account may take within the window (refusals and checks in flight count). */
  perAccount: number;
  /** Attempts from one client address, over all accounts: higher, as an office may share one. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: ThrottleLimits = { perAccount: 5, perAddress: 50, windowMs: 15 * 60_000 };

export type AttemptVerdict =
  | { allowed: true; succeeded(): Promise<void> }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Given the attempts still counting under one key (earliest expiry first, this one excluded),
 * how long until one more is allowed: zero if it is allowed now.
 */
export function waitFor(others: SignInAttempt[], limit: number, now: Instant): number {
  if (others.length < limit) return 0;
  // Once all but limit - 1 of them have expired there is room again.
  const room = others[others.length - limit]!.expiresAt;
  return Math.max(1, Math.ceil((Date.parse(room) - Date.parse(now)) / 1000));
}

/** Counts one sign-in attempt for `email` from `address` (unknown only outside a real server). */
export async function beginSignInAttempt(store: Store, now: Instant, limits: ThrottleLimits, who: { email: string; address: string | undefined }): Promise<AttemptVerdict> {
  const id = randomBytes(12).toString('base64url');
  const expiresAt = new Date(Date.parse(now) + limits.windowMs).toISOString();
  const keys: Array<[string, number]> = [[`account:${who.email.trim().toLowerCase()}`, limits.perAccount]];
  if (who.address !== undefined) keys.push([`address:${who.address}`, limits.perAddress]);
  const mine = keys.map(([key], i) => ({ id: `${id}.${i}`, key, at: now, expiresAt }));
  await store.recordSignInAttempts(mine);

  const waits = await Promise.all(
    keys.map(async ([key, limit], i) => waitFor((await store.listSignInAttempts(key, now)).filter((a) => a.id !== mine[i]!.id), limit, now)),
  );
  const retryAfterSeconds = Math.max(...waits);
  if (retryAfterSeconds > 0) {
    await store.deleteSignInAttempts(mine.map((a) => a.id));
    return { allowed: false, retryAfterSeconds };
  }
  return {
    allowed: true,
    async succeeded() {
      await store.clearSignInAttempts(keys[0]![0]);
      await store.deleteSignInAttempts(mine.slice(1).map((a) => a.id));
    },
  };
}

/** "Try again in 10 minutes.": whole minutes, rounded up, never "0 minutes". */
export function throttleMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts to sign in. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
