/**
 * A sign-in on its way to the council's provider and back. What the callback must check — the
 * `state`, the `nonce` and the PKCE code verifier — travels in a short-lived cookie, sealed
 * (AES-256-GCM under the SSO settings' `stateKey`), so any server process can finish a sign-in
 * another began and nobody can read or change it on the way. Each `state` is used once: the
 * callback records it in the store (as a sign-in attempt under its own key), and a second
 * callback with the same state is refused, whichever process it reaches.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Instant } from '../../engine/index.ts';
import type { Store } from '../store/index.ts';

export const SSO_COOKIE = 'stepwise_sso';
/** How long a person has to sign in at their provider and come back. */
export const PENDING_LIFETIME_MS = 10 * 60_000;

export interface PendingSignIn {
  authority: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go once signed in: a path on this site. */
  next: string;
  expiresAt: Instant;
}

const keyOf = (stateKey: string) => createHash('sha256').update(`stepwise sso state\0${stateKey}`).digest();

export function sealPending(pending: PendingSignIn, stateKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(stateKey), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(pending), 'utf8'), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

/** The sign-in the cookie carries, or null when it is missing, altered, sealed under another key, or past its time. */
export function openPending(sealed: string | undefined, stateKey: string, now: Instant): PendingSignIn | null {
  const parts = sealed?.split('.') ?? [];
  if (parts.length !== 3) return null;
  try {
    const [iv, body, tag] = parts.map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
    const decipher = createDecipheriv('aes-256-gcm', keyOf(stateKey), iv);
    decipher.setAuthTag(tag);
    const pending = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as PendingSignIn;
    return Date.parse(pending.expiresAt) > Date.parse(now) ? pending : null;
  } catch {
    return null;
  }
}

/**
 * Marks `state` used; false if it was used before (or is being used at this moment by another
 * request: of two at once, both see the other and both are refused). Kept until the sign-in
 * would have expired anyway; the purge removes it after (server/auth/purge.ts).
 */
export async function useStateOnce(store: Store, state: string, now: Instant, expiresAt: Instant): Promise<boolean> {
  const key = `sso-state:${createHash('sha256').update(state).digest('base64url')}`;
  const id = `${key}:${randomBytes(9).toString('base64url')}`;
  await store.recordSignInAttempts([{ id, key, at: now, expiresAt }]);
  const others = (await store.listSignInAttempts(key, now)).filter((attempt) => attempt.id !== id);
  return others.length === 0;
}

/** A path on this site to return to after signing in; anything else (another site, `//host`) goes to My work. */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n]/.test(next)) return '/work';
  return next;
}
