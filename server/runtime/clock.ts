/**
 * Time comes in through a clock, never `Date.now()` in the runtime, so tests and the
 * two-process and crash tests can drive time by hand (XState's simulated clock idea).
 */
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
