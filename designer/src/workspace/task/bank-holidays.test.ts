import { describe, expect, it } from 'vitest';
import * as engine from '../../../../engine/calendar/holidays.ts';
import * as browser from './bank-holidays.ts';

// The build puts one in the other's place: every function the engine's module exports, the browser's exports alike.
const _sameExports: typeof engine = browser;

/** What the server sends: the engine's own list, names and dates only. */
const sent = [2025, 2026, 2027, 2028, 2029].flatMap((y) => engine.bankHolidays(y).map(({ date, name }) => ({ date, name })));

describe('bank holidays in the browser', () => {
  it('Given the list the server sent, Then every year it covers answers as the engine does, substitute days included', () => {
    browser.useBankHolidays(sent);
    for (const year of [2025, 2026, 2027, 2028, 2029]) expect(browser.bankHolidays(year)).toEqual(engine.bankHolidays(year));
    expect(browser.bankHolidays(2027).filter((h) => h.substitute).map((h) => h.date)).toEqual(['2027-12-27', '2027-12-28']);
    expect(browser.bankHolidayName('2026-12-28')).toBe('Boxing Day (substitute day)');
    expect(browser.bankHolidayName('2026-12-29')).toBeUndefined();
    expect(browser.bankHolidayNames(2026)).toEqual(engine.bankHolidayNames(2026));
  });

  it('Given a year the server did not send, Then it says so rather than count as if there were no holidays', () => {
    browser.useBankHolidays(sent);
    expect(() => browser.bankHolidays(2031)).toThrow(/Bank holidays for 2031 were not sent/);
    expect(() => browser.bankHolidayName('2024-12-25')).toThrow(RangeError);
  });

  it('Given a new list, Then the old one is forgotten', () => {
    browser.useBankHolidays(sent.filter((h) => h.date.startsWith('2026')));
    expect(browser.bankHolidayName('2026-12-25')).toBe('Christmas Day');
    expect(() => browser.bankHolidays(2027)).toThrow(RangeError);
  });
});
