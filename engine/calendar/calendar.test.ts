import { describe, it, expect } from 'vitest';
import type { WeeklySlot } from '../time.ts';
import { WorkingCalendar } from './calendar.ts';

const cal = new WorkingCalendar();
const wd = (amount: number) => ({ amount, unit: 'working_days' as const });

describe('WorkingCalendar: working days', () => {
  it('treats weekends, bank holidays and closure days as non-working', () => {
    expect(cal.isWorkingDay('2026-12-24')).toBe(true);
    expect(cal.nonWorkingReason('2026-12-24')).toBeUndefined();
    expect(cal.nonWorkingReason('2026-12-19')).toBe('Saturday');
    expect(cal.nonWorkingReason('2026-12-20')).toBe('Sunday');
    expect(cal.nonWorkingReason('2026-12-25')).toBe('Christmas Day');
    expect(cal.nonWorkingReason('2026-12-26')).toBe('Boxing Day'); // a Saturday: the holiday name wins
    expect(cal.nonWorkingReason('2026-12-28')).toBe('Boxing Day (substitute day)');
    expect(cal.nonWorkingReason('2026-03-15')).toBe('Sunday'); // Mothering Sunday is not a bank holiday
  });

  it('skips Christmas 2026 (25th and substitute 28th)', () => {
    // Fri 18 Dec + 5: Mon 21, Tue 22, Wed 23, Thu 24, (Fri 25, Sat, Sun, Mon 28 off) Tue 29.
    expect(cal.addWorkingDays('2026-12-18', 5)).toBe('2026-12-29');
    expect(cal.addWorkingDays('2026-12-18', 7)).toBe('2026-12-31');
    expect(cal.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(cal.addWorkingDays('2026-12-29', -1)).toBe('2026-12-24');
    expect(cal.workingDaysBetween('2026-12-18', '2026-12-29')).toBe(5);
  });

  it('puts a 10-working-day deadline from Wed 16 Dec 2026 at the end of Mon 4 Jan 2027', () => {
    expect(cal.deadline('2026-12-16T09:00:00Z', wd(10))).toBe('2027-01-04T23:59:59.999Z');
  });

  it('skips Easter 2026 and 2027', () => {
    expect(cal.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07'); // Good Friday 3rd, Easter Monday 6th
    expect(cal.addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    expect(cal.addWorkingDays('2027-03-25', 1)).toBe('2027-03-30'); // Good Friday 26th, Easter Monday 29th
    expect(cal.nonWorkingReason('2027-03-26')).toBe('Good Friday');
    expect(cal.nonWorkingReason('2027-03-29')).toBe('Easter Monday');
  });

  it('skips the early May, spring and summer bank holidays', () => {
    expect(cal.addWorkingDays('2026-05-01', 1)).toBe('2026-05-05');
    expect(cal.addWorkingDays('2026-05-22', 1)).toBe('2026-05-26');
    expect(cal.addWorkingDays('2026-08-28', 1)).toBe('2026-09-01');
    expect(cal.workingDaysBetween('2026-05-01', '2026-05-29')).toBe(18);
  });

  it('counts from a non-working day: day 0 may be a weekend', () => {
    expect(cal.addWorkingDays('2026-12-19', 1)).toBe('2026-12-21');
    expect(cal.addWorkingDays('2026-12-19', -1)).toBe('2026-12-18');
    expect(cal.addWorkingDays('2026-12-19', 0)).toBe('2026-12-19');
    expect(cal.workingDaysBetween('2026-12-19', '2026-12-21')).toBe(1);
    expect(cal.workingDaysBetween('2026-12-19', '2026-12-18')).toBe(-1);
  });

  it('counts backwards ("at least 20 working days before the review")', () => {
    // Jan 19..4 (12), Dec 31, 30, 29 (15), Dec 24..21 (19), Fri 18 Dec (20).
    expect(cal.addWorkingDays('2027-01-20', -20)).toBe('2026-12-18');
    expect(cal.workingDaysBetween('2027-01-20', '2026-12-18')).toBe(-20);
    expect(cal.deadline('2027-01-20T10:00:00Z', wd(-20))).toBe('2026-12-18T23:59:59.999Z');
  });

  it('adds closure days', () => {
    const closed = WorkingCalendar.for({
      closureDays: [
        { date: '2026-12-29', name: 'Council closure' },
        { date: '2026-12-30', name: 'Council closure' },
        { date: '2026-12-31', name: 'Council closure' },
      ],
    });
    expect(closed.isWorkingDay('2026-12-30')).toBe(false);
    expect(closed.nonWorkingReason('2026-12-30')).toBe('Council closure');
    expect(closed.addWorkingDays('2026-12-24', 1)).toBe('2027-01-04');
    expect(closed.workingDaysBetween('2026-12-24', '2027-01-04')).toBe(1);
    expect(cal.isWorkingDay('2026-12-30')).toBe(true);
    expect(closed.closureDays).toHaveLength(3);
  });

  it('crosses many years', () => {
    const d = cal.addWorkingDays('2026-01-05', 2000);
    expect(cal.workingDaysBetween('2026-01-05', d)).toBe(2000);
    expect(cal.addWorkingDays(d, -2000)).toBe('2026-01-05');
  });

  it('rejects malformed input', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('26-12-01', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-12-01', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-13-01', 0)).toThrow(RangeError);
    expect(() => cal.workingDaysBetween('2026-12-01', 'tomorrow')).toThrow(RangeError);
    expect(() => cal.deadline('2026-12-01', wd(1))).toThrow(RangeError);
    expect(() => cal.deadline('2026-12-01T09:00:00Z', { amount: 1, unit: 'fortnights' as 'days' })).toThrow(RangeError);
    expect(() => cal.at('2026-12-01', '9am')).toThrow(RangeError);
    expect(() => new WorkingCalendar({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ closureDays: [{ date: '2026-31-12', name: 'x' }] })).toThrow(RangeError);
  });

  it('caches instances by configuration', () => {
    expect(WorkingCalendar.for({})).toBe(WorkingCalendar.for({ timeZone: 'Europe/London' }));
    expect(WorkingCalendar.for({ closureDays: [{ date: '2026-12-29', name: 'A' }] })).not.toBe(WorkingCalendar.for({}));
  });
});

describe('WorkingCalendar: deadlines, windows and times', () => {
  it('handles calendar days, weeks and months', () => {
    expect(cal.deadline('2026-12-16T09:00:00Z', { amount: 28, unit: 'days' })).toBe('2027-01-13T23:59:59.999Z');
    expect(cal.deadline('2026-12-16T09:00:00Z', { amount: 4, unit: 'weeks' })).toBe('2027-01-13T23:59:59.999Z');
    expect(cal.deadline('2027-01-31T12:00:00Z', { amount: 1, unit: 'months' })).toBe('2027-02-28T23:59:59.999Z');
    expect(cal.deadline('2026-06-15T12:00:00Z', { amount: 12, unit: 'months' })).toBe('2027-06-15T22:59:59.999Z');
  });

  it('uses the local date of the anchor (23:30Z in summer is the next day)', () => {
    expect(cal.localDate('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(cal.deadline('2026-06-30T23:30:00Z', { amount: 0, unit: 'days' })).toBe('2026-07-01T22:59:59.999Z');
  });

  it('ends days correctly around the clock changes', () => {
    expect(cal.endOfDay('2026-03-29')).toBe('2026-03-29T22:59:59.999Z');
    expect(cal.endOfDay('2026-10-25')).toBe('2026-10-25T23:59:59.999Z');
    expect(cal.deadline('2026-03-27T10:00:00Z', wd(1))).toBe('2026-03-30T22:59:59.999Z');
    expect(cal.deadline('2026-10-23T10:00:00Z', wd(1))).toBe('2026-10-26T23:59:59.999Z');
  });

  it('opens and closes a 6–8 week window', () => {
    expect(cal.window('2026-12-01T10:00:00Z', { amount: 6, unit: 'weeks' }, { amount: 8, unit: 'weeks' })).toEqual({
      opens: '2027-01-12T00:00:00.000Z',
      closes: '2027-01-26T23:59:59.999Z',
    });
    expect(cal.window('2026-04-01T10:00:00Z', { amount: 6, unit: 'weeks' }, { amount: 8, unit: 'weeks' })).toEqual({
      opens: '2026-05-12T23:00:00.000Z',
      closes: '2026-05-27T22:59:59.999Z',
    });
    expect(() => cal.window('2026-12-01T10:00:00Z', { amount: 8, unit: 'weeks' }, { amount: 6, unit: 'weeks' })).toThrow(RangeError);
  });

  it('gives local times as UTC instants', () => {
    expect(cal.at('2026-12-15', '10:00')).toBe('2026-12-15T10:00:00.000Z');
    expect(cal.at('2026-06-16', '10:00')).toBe('2026-06-16T09:00:00.000Z');
  });

  it('lists bank holidays between two dates, inclusive', () => {
    expect(cal.bankHolidaysBetween('2026-12-25', '2027-01-01').map((h) => h.date)).toEqual([
      '2026-12-25', '2026-12-26', '2026-12-28', '2027-01-01',
    ]);
    expect(cal.bankHolidaysBetween('2027-01-02', '2027-03-25')).toEqual([]);
    expect(cal.bankHolidaysBetween('2027-01-02', '2026-01-01')).toEqual([]);
  });
});

describe('WorkingCalendar: weekly slots', () => {
  const panel: WeeklySlot = { days: ['tuesday'], start: '10:00' };

  it('finds the same-day Tuesday panel from Tuesday 09:00', () => {
    expect(cal.nextSlot('2026-12-15T09:00:00Z', panel)).toEqual({
      start: '2026-12-15T10:00:00.000Z',
      end: '2026-12-15T23:59:59.999Z',
    });
  });

  it('goes to next week from Tuesday 11:00, or exactly at 10:00 (strictly after)', () => {
    expect(cal.nextSlot('2026-12-15T11:00:00Z', panel).start).toBe('2026-12-22T10:00:00.000Z');
    expect(cal.nextSlot('2026-12-15T10:00:00.000Z', panel).start).toBe('2026-12-22T10:00:00.000Z');
    expect(cal.nextSlot('2026-12-15T09:59:59.999Z', panel).start).toBe('2026-12-15T10:00:00.000Z');
  });

  it('uses local time in summer', () => {
    expect(cal.nextSlot('2026-06-16T08:30:00Z', panel).start).toBe('2026-06-16T09:00:00.000Z');
    expect(cal.nextSlot('2026-06-16T09:30:00Z', panel).start).toBe('2026-06-23T09:00:00.000Z');
  });

  it('skips a Tuesday that is a bank holiday or closure day, unless told not to', () => {
    // Tue 2027-12-28 is the Boxing Day substitute.
    expect(cal.nextSlot('2027-12-22T12:00:00Z', panel).start).toBe('2028-01-04T10:00:00.000Z');
    expect(cal.nextSlot('2027-12-22T12:00:00Z', { ...panel, workingDaysOnly: false }).start).toBe('2027-12-28T10:00:00.000Z');
    const closed = WorkingCalendar.for({ closureDays: [{ date: '2026-12-22', name: 'Staff training' }] });
    expect(closed.nextSlot('2026-12-15T11:00:00Z', panel).start).toBe('2026-12-29T10:00:00.000Z');
  });

  it('handles multi-day slots with an end time', () => {
    const mornings: WeeklySlot = { days: ['tuesday', 'wednesday', 'thursday'], start: '09:00', end: '12:00' };
    expect(cal.nextSlot('2026-12-17T09:30:00Z', mornings)).toEqual({
      start: '2026-12-22T09:00:00.000Z',
      end: '2026-12-22T12:00:00.000Z',
    });
    expect(cal.nextSlot('2026-12-23T09:30:00Z', mornings).start).toBe('2026-12-24T09:00:00.000Z');
    expect(cal.nextSlot('2026-12-24T09:30:00Z', mornings).start).toBe('2026-12-29T09:00:00.000Z');
  });

  it('rejects bad slots', () => {
    expect(() => cal.nextSlot('2026-12-15T09:00:00Z', { days: [], start: '10:00' })).toThrow(RangeError);
    expect(() => cal.nextSlot('2026-12-15T09:00:00Z', { days: ['funday' as 'monday'], start: '10:00' })).toThrow(RangeError);
    expect(() => cal.nextSlot('2026-12-15T09:00:00Z', { days: ['tuesday'], start: '10:00', end: '09:00' })).toThrow(RangeError);
    expect(() => cal.nextSlot('2026-12-15T09:00:00Z', { days: ['tuesday'], start: '25:00' })).toThrow(RangeError);
  });
});
