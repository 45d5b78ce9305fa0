import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
    expect(await verifyPassword('Correct horse battery staple', first)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });

  it('checks against a stored hash, and refuses without one after the same work', async () => {
    const stored = await hashPassword('stepwise-demo');
    expect(await checkPassword('stepwise-demo', stored)).toBe(true);
    expect(await checkPassword('guess', stored)).toBe(false);
    expect(await checkPassword('stepwise-demo', null)).toBe(false);
    expect(await checkPassword('', null)).toBe(false);
  });
});
