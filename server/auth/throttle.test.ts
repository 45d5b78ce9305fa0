import { describe, expect, it } from 'vitest';
import { throttleMessage, waitFor } from './throttle.ts';

const attempt = (expiresAt: string) => ({ id: expiresAt, key: 'account:a@b.example', at: expiresAt, expiresAt });

describe('the sliding window', () => {
  const others = ['09:15', '09:16', '09:17', '09:18', '09:19'].map((t) => attempt(`2026-11-02T${t}:00.000Z`));

  it('allows an attempt while fewer than the limit are counting, and else waits for enough of them to expire', () => {
    expect(waitFor(others.slice(0, 4), 5, '2026-11-02T09:05:00.000Z')).toBe(0);
    expect(waitFor(others, 5, '2026-11-02T09:05:00.000Z')).toBe(600);
    expect(waitFor(others, 3, '2026-11-02T09:05:00.000Z')).toBe(720);
    expect(waitFor(others, 5, '2026-11-02T09:14:59.500Z')).toBe(1);
  });

  it('says how long in whole minutes, rounded up', () => {
    expect(throttleMessage(600)).toBe('Too many attempts to sign in. Try again in 10 minutes.');
    expect(throttleMessage(601)).toBe('Too many attempts to sign in. Try again in 11 minutes.');
    expect(throttleMessage(1)).toBe('Too many attempts to sign in. Try again in 1 minute.');
  });
});
