/**
 * England & Wales bank holidays, cached per year, and their names by date. Read from
 * `date-holidays` by holiday-source.ts (the browser build reads the server's list instead).
 *
 * The original day of a holiday that falls at a weekend (e.g. Christmas Day on a Saturday) is
 * kept in the list next to its substitute Monday/Tuesday; it is not a working day either way.
 */
import type { LocalDate } from '../time.ts';
import { readBankHolidays, type BankHoliday } from './holiday-source.ts';

export type { BankHoliday };

const byYear = new Map<number, readonly BankHoliday[]>();
const namesByYear = new Map<number, ReadonlyMap<LocalDate, string>>();

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Invalid year ${year}: expected a whole number from 1 to 9999`);
  }
}

/** England & Wales bank holidays in a year, in date order. Cached; the result is frozen. */
export function bankHolidays(year: number): readonly BankHoliday[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  checkYear(year);
  const list = readBankHolidays(year).map((h) => Object.freeze({ ...h }));
  const frozen = Object.freeze(list);
  byYear.set(year, frozen);
  return frozen;
}

/** Bank holiday names by date for a year. Cached. */
export function bankHolidayNames(year: number): ReadonlyMap<LocalDate, string> {
  let names = namesByYear.get(year);
  if (!names) {
    names = new Map(bankHolidays(year).map((h) => [h.date, h.name]));
    namesByYear.set(year, names);
  }
  return names;
}

/** The bank holiday's name on a date, or undefined. */
export function bankHolidayName(date: LocalDate): string | undefined {
  return bankHolidayNames(Number(date.slice(0, 4))).get(date);
}
