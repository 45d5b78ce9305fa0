/**
 * engine/calendar/holidays.ts in the browser: the build puts this module in its place
 * (designer/vite.config.ts says why), so the engine's working-day operators count with the bank
 * holidays the server sent with the task (`evaluation.calendar.bankHolidays`) instead of bundling
 * `date-holidays`. Same exports, same answers, for the years it was given; any other year throws,
 * and the page keeps the server's verdict for a rule that throws.
 */
import type { BankHoliday } from '../../../../engine/calendar/holidays.ts';
import type { LocalDate } from '../../../../engine/time.ts';

export type { BankHoliday };

const byYear = new Map<number, readonly BankHoliday[]>();
const namesByYear = new Map<number, ReadonlyMap<LocalDate, string>>();
let given: readonly { date: LocalDate; name: string }[] | undefined;

/**
 * The bank holidays to count with, as the server sent them. A year is known when the list holds
 * any day of it: England and Wales have at least eight a year. Setting the same list again is free.
 */
export function useBankHolidays(list: readonly { date: LocalDate; name: string }[]): void {
  if (list === given) return;
  given = list;
  byYear.clear();
  namesByYear.clear();
  const grouped = new Map<number, BankHoliday[]>();
  for (const { date, name } of [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const year = Number(date.slice(0, 4));
    // date-holidays names a substitute day so ("Boxing Day (substitute day)"); the server sends the name alone.
    const holiday = Object.freeze({ date, name, substitute: /\(substitute day\)/i.test(name) });
    grouped.set(year, [...(grouped.get(year) ?? []), holiday]);
  }
  for (const [year, days] of grouped) byYear.set(year, Object.freeze(days));
}

/** England & Wales bank holidays in a year, in date order; throws for a year the server did not send. */
export function bankHolidays(year: number): readonly BankHoliday[] {
  const known = byYear.get(year);
  if (!known) {
    throw new RangeError(`Bank holidays for ${year} were not sent with this page: the server sends them from last year to three years ahead.`);
  }
  return known;
}

/** Bank holiday names by date for a year. */
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
