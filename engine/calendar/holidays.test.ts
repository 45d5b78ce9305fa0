import { describe, it, expect } from 'vitest';
import { bankHolidayName, bankHolidays } from './holidays.ts';

describe('bankHolidays (England & Wales)', () => {
  it('lists 2026 bank holidays with the Boxing Day substitute', () => {
    expect(bankHolidays(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      "2026-01-01 New Year's Day",
      '2026-04-03 Good Friday',
      '2026-04-06 Easter Monday',
      '2026-05-04 Early May bank holiday',
      '2026-05-25 Spring bank holiday',
      '2026-08-31 Summer bank holiday',
      '2026-12-25 Christmas Day',
      '2026-12-26 Boxing Day',
      '2026-12-28 Boxing Day (substitute day)',
    ]);
    expect(bankHolidays(2026).find((h) => h.date === '2026-12-28')?.substitute).toBe(true);
  });

  it('knows Easter 2027 and both Christmas 2027 substitute days', () => {
    expect(bankHolidayName('2027-03-26')).toBe('Good Friday');
    expect(bankHolidayName('2027-03-29')).toBe('Easter Monday');
    expect(bankHolidayName('2027-12-27')).toBe('Christmas Day (substitute day)');
    expect(bankHolidayName('2027-12-28')).toBe('Boxing Day (substitute day)');
  });

  it('includes one-off bank holidays', () => {
    expect(bankHolidayName('2022-09-19')).toBe("Queen Elizabeth's Funeral Day");
    expect(bankHolidayName('2023-05-08')).toBe("King Charles III's Coronation");
    expect(bankHolidayName('2020-05-08')).toBe('Early May bank holiday (VE day)');
    expect(bankHolidayName('2020-05-04')).toBeUndefined(); // moved to VE day that year
  });

  it('leaves out observances such as Mothering Sunday, Easter Sunday and Father\'s Day', () => {
    expect(bankHolidayName('2026-03-15')).toBeUndefined();
    expect(bankHolidayName('2026-04-05')).toBeUndefined();
    expect(bankHolidayName('2026-06-21')).toBeUndefined();
    for (let y = 2000; y <= 2060; y++) {
      for (const h of bankHolidays(y)) expect(h.name).not.toMatch(/Mother|Father|Easter Sunday/);
    }
  });

  it('caches and freezes the list', () => {
    expect(bankHolidays(2026)).toBe(bankHolidays(2026));
    expect(Object.isFrozen(bankHolidays(2026))).toBe(true);
  });

  it('rejects a bad year', () => {
    expect(() => bankHolidays(0)).toThrow(RangeError);
    expect(() => bankHolidays(2026.5)).toThrow(RangeError);
  });
});
