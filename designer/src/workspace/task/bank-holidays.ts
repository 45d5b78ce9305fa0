/**
 * engine/calendar/holiday-source.ts in the browser: the build puts this module in its place
 * (designer/vite.config.ts says why), so the engine's working-day operators count with the bank
 * holidays the server sent with the task (`evaluation.calendar.bankHolidays`) instead of bundling
 * `date-holidays`. The engine's holidays.ts caches and names them as it does on the server; a year
 * the server did not send throws, and the page keeps the server's verdict for a rule that throws.
 */
import type { BankHoliday } from '../../../../engine/calendar/holiday-source.ts';
import type { LocalDate } from '../../../../engine/time.ts';

export type { BankHoliday };

const byYear = new Map<number, BankHoliday[]>();
let given: readonly { date: LocalDate; name: string }[] | undefined;

/**
 * The bank holidays to count with, as the server sent them (England and Wales have at least
 * eight a year, so a year is known when the list holds any day of it). The list is the same for
 * every authority; setting it again is free.
 */
export function useBankHolidays(list: readonly { date: LocalDate; name: string }[]): void {
  if (list === given) return;
  given = list;
  byYear.clear();
  for (const { date, name } of list) {
    const year = Number(date.slice(0, 4));
    // date-holidays names a substitute day so ("Boxing Day (substitute day)"); the server sends the name alone.
    byYear.set(year, [...(byYear.get(year) ?? []), { date, name, substitute: /\(substitute day\)/i.test(name) }]);
  }
}

/** The bank holidays of `year`, in date order; throws for a year the server did not send. */
export function readBankHolidays(year: number): BankHoliday[] {
  const known = byYear.get(year);
  if (!known) {
    throw new RangeError(`Bank holidays for ${year} were not sent with this page: the server sends them from last year to three years ahead.`);
  }
  return [...known].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
