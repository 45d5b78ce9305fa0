import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addMonths as fnsAddMonths } from 'date-fns';
import {
  addDays, addMonths, compareLocalDates, diffDays, fromDayNumber, isLocalDate, isoWeekday, ordinalOf, parseLocalDate,
  toDayNumber, weekday,
} from './local-date.ts';

describe('local dates', () => {
  it('parses and validates YYYY-MM-DD', () => {
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    for (const bad of ['2027-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', '2026-01-01T00:00', '', '0000-01-01', '2026/01/01']) {
      expect(isLocalDate(bad), bad).toBe(false);
      expect(() => parseLocalDate(bad), bad).toThrow(RangeError);
    }
    expect(isLocalDate(20260101)).toBe(false);
  });

  it('knows weekdays', () => {
    expect(weekday('2026-12-25')).toBe('friday');
    expect(weekday('2026-12-15')).toBe('tuesday');
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-28')).toBe(7);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-05-05', 0)).toBe('2026-05-05');
    expect(() => addDays('2026-05-05', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('compares and diffs', () => {
    expect(compareLocalDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareLocalDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareLocalDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(diffDays('2026-12-25', '2027-01-01')).toBe(7);
    expect(() => compareLocalDates('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });

  it('gives a packed ordinal (year * 1000 + day of year)', () => {
    expect(ordinalOf('2026-01-01')).toBe(2026000);
    expect(ordinalOf('2026-12-31')).toBe(2026364);
    expect(ordinalOf('2028-12-31')).toBe(2028365);
    expect(ordinalOf('2028-03-01')).toBe(2028060);
    expect(ordinalOf('nope')).toBe(-1);
  });

  const dateArb = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('day numbers round-trip and agree with Date.UTC', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        expect(fromDayNumber(toDayNumber(d))).toBe(d);
        expect(toDayNumber(d) * 86_400_000).toBe(Date.parse(`${d}T00:00:00Z`));
        expect(isoWeekday(d)).toBe(((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('addMonths matches date-fns addMonths', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const { year, month, day } = parseLocalDate(d);
        const r = fnsAddMonths(new Date(year, month - 1, day, 12), n);
        const expected = `${r.getFullYear()}-${String(r.getMonth() + 1).padStart(2, '0')}-${String(r.getDate()).padStart(2, '0')}`;
        expect(addMonths(d, n)).toBe(expected);
      }),
    );
  });
});
