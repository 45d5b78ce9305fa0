import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Duration, LocalDate } from '../time.ts';
import { WorkingCalendar } from './calendar.ts';
import { addDays, fromDayNumber } from './local-date.ts';

const plain = new WorkingCalendar();
const closed = new WorkingCalendar({
  closureDays: [
    { date: '2026-12-29', name: 'Closure' },
    { date: '2026-12-30', name: 'Closure' },
    { date: '2026-12-31', name: 'Closure' },
    { date: '2027-06-01', name: 'Training day' },
  ],
});
const calendars = fc.constantFrom(plain, closed);

// 2015-01-01 .. 2040-12-31 as day numbers
const dateArb: fc.Arbitrary<LocalDate> = fc.integer({ min: 16436, max: 25932 }).map(fromDayNumber);
const workingDateArb = fc.tuple(calendars, dateArb).filter(([c, d]) => c.isWorkingDay(d));
const nArb = fc.integer({ min: -400, max: 400 });
const nonZeroArb = nArb.filter((n) => n !== 0);

/** Reference implementation: step one calendar day at a time. */
function naiveAdd(c: WorkingCalendar, d: LocalDate, n: number): LocalDate {
  let date = d;
  for (let left = Math.abs(n); left > 0; ) {
    date = addDays(date, Math.sign(n));
    if (c.isWorkingDay(date)) left--;
  }
  return date;
}

describe('working-day properties', () => {
  it('agrees with a day-by-day reference', () => {
    fc.assert(fc.property(calendars, dateArb, fc.integer({ min: -40, max: 40 }), (c, d, n) => {
      expect(c.addWorkingDays(d, n)).toBe(naiveAdd(c, d, n));
    }));
  });

  it('lands on a working day for n ≠ 0', () => {
    fc.assert(fc.property(calendars, dateArb, nonZeroArb, (c, d, n) => {
      expect(c.isWorkingDay(c.addWorkingDays(d, n))).toBe(true);
    }));
  });

  it('returns to a working day after +n then -n', () => {
    fc.assert(fc.property(workingDateArb, nArb, ([c, d], n) => {
      expect(c.addWorkingDays(c.addWorkingDays(d, n), -n)).toBe(d);
    }));
  });

  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(fc.property(calendars, dateArb, nArb, (c, d, n) => {
      expect(c.workingDaysBetween(d, c.addWorkingDays(d, n))).toBe(n);
    }));
  });

  it('workingDaysBetween counts (a, b] forwards and [b, a) backwards', () => {
    fc.assert(fc.property(calendars, dateArb, fc.integer({ min: -60, max: 60 }), (c, a, k) => {
      const b = addDays(a, k);
      // Visits a+1 .. a+k going forwards, or a-1 .. a-|k| = [b, a) going backwards.
      let count = 0;
      for (let i = 1; i <= Math.abs(k); i++) if (c.isWorkingDay(addDays(a, Math.sign(k) * i))) count++;
      expect(c.workingDaysBetween(a, b)).toBe(k >= 0 ? count : -count);
    }));
  });

  it('is strictly monotonic in n', () => {
    fc.assert(fc.property(calendars, dateArb, nArb, nArb, (c, d, m, n) => {
      fc.pre(m !== n);
      const [lo, hi] = m < n ? [m, n] : [n, m];
      expect(c.addWorkingDays(d, lo) < c.addWorkingDays(d, hi)).toBe(true);
    }));
  });
});

describe('deadline properties', () => {
  const instantArb = fc
    .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2040, 11, 31) })
    .map((ms) => new Date(ms).toISOString());
  const durationArb: fc.Arbitrary<Duration> = fc.record({
    amount: fc.integer({ min: 0, max: 300 }),
    unit: fc.constantFrom('working_days', 'days', 'weeks', 'months'),
  });

  it('is never before the anchor for non-negative durations', () => {
    fc.assert(fc.property(calendars, instantArb, durationArb, (c, anchor, duration) => {
      const deadline = c.deadline(anchor, duration);
      expect(deadline >= anchor).toBe(true);
      expect(deadline.endsWith('59:59.999Z')).toBe(true);
      expect(c.localDate(deadline)).toBe(c.shift(c.localDate(anchor), duration));
    }));
  });

  it('ends the local day: one millisecond later is the next local date', () => {
    fc.assert(fc.property(dateArb, (d) => {
      const end = plain.endOfDay(d);
      expect(plain.localDate(end)).toBe(d);
      expect(plain.localDate(new Date(Date.parse(end) + 1).toISOString())).toBe(addDays(d, 1));
    }));
  });
});
