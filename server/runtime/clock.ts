/**
 * Time comes in through a clock, never `Date.now()` in the runtime, so tests and the
 * two-process and crash tests can drive time by hand (XState's simulated clock idea).
 */
import { readFileSync } from 'node:fs';
import type { Instant } from '../../engine/index.ts';

export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock that only moves when told to. */
export class SimulatedClock implements Clock {
  private current: number;

  constructor(start: Instant) {
    this.current = Date.parse(start);
    if (Number.isNaN(this.current)) throw new RangeError(`Not an instant: ${start}`);
  }

  now(): Instant {
    return new Date(this.current).toISOString();
  }

  set(at: Instant): void {
    this.current = Date.parse(at);
  }

  advance(ms: number): Instant {
    this.current += ms;
    return this.now();
  }
}

/**
 * A simulated clock another process can set: the instant is read from a file at each call. Only
 * for the browser tests, which run the real server as a child process and move its time by
 * rewriting the file (the entry point uses it when STEPWISE_CLOCK_FILE is set).
 */
export class FileClock implements Clock {
  constructor(private readonly path: string) {}

  now(): Instant {
    const at = readFileSync(this.path, 'utf8').trim();
    if (Number.isNaN(Date.parse(at))) throw new RangeError(`Not an instant in ${this.path}: ${at}`);
    return new Date(at).toISOString();
  }
}
