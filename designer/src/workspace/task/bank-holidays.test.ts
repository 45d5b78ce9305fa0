import { describe, expect, it } from 'vitest';
import * as engine from '../../../../engine/calendar/holiday-source.ts';
import * as browser from './bank-holidays.ts';

// The build puts one in the other's place: the browser's module reads as the engine's does.
const _sameReader: typeof engine.readBankHolidays = browser.readBankHolidays;

/** What the server sends: the engine's own list, names and dates only. */
const sent = [2025, 2026, 2027, 2028, 2029].flatMap((y) => engine.readBankHolidays(y).map(({ date, name }) => ({ date, name })));

describe('bank holidays in the browser', () => {
  it('Given the list the server sent, Then every year it covers reads as date-holidays does, substitute days included', () => {
    browser.useBankHolidays(sent);
    for (const year of [2025, 2026, 2027, 2028, 2029]) expect(browser.readBankHolidays(year)).toEqual(engine.readBankHolidays(year));
    expect(browser.readBankHolidays(2027).filter((h) => h.substitute).map((h) => h.date)).toEqual(['2027-12-27', '2027-12-28']);
  });

  it('Given a year the server did not send, Then it says so rather than count as if there were no holidays', () => {
    browser.useBankHolidays(sent);
    expect(() => browser.readBankHolidays(2031)).toThrow(/Bank holidays for 2031 were not sent/);
  });

  it('Given a new list, Then the old one is forgotten', () => {
    browser.useBankHolidays(sent.filter((h) => h.date.startsWith('2026')));
    expect(browser.readBankHolidays(2026).map((h) => h.name)).toContain('Christmas Day');
    expect(() => browser.readBankHolidays(2027)).toThrow(RangeError);
  });
});
