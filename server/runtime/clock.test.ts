import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileClock } from './clock.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('FileClock', () => {
  it('Given a file with an instant, Then now is that instant, and moves when the file is rewritten', () => {
    dir = mkdtempSync(join(tmpdir(), 'stepwise-clock-'));
    const path = join(dir, 'now');
    writeFileSync(path, '2026-12-29T09:00:00Z\n');
    const clock = new FileClock(path);
    expect(clock.now()).toBe('2026-12-29T09:00:00.000Z');
    writeFileSync(path, '2026-12-30T09:00:00.000Z');
    expect(clock.now()).toBe('2026-12-30T09:00:00.000Z');
    writeFileSync(path, 'tomorrow');
    expect(() => clock.now()).toThrow(RangeError);
  });
});
