/**
 * England & Wales bank holidays. The only module that touches `date-holidays`.
 *
 * `date-holidays` (GB/ENG) tags bank holidays as type `public`, including substitute days
 * (`"Boxing Day (substitute day)"`, flagged `substitute: true`) and one-off days such as
 * jubilees, the 2022 state funeral and the 2023 coronation. Mothering Sunday, Easter Sunday
 * and Father's Day come back as `observance` and are dropped here.
 *
 * The original day of a holiday that falls at a weekend (e.g. Christmas Day on a Saturday) is
 * kept in the list next to its substitute Monday/Tuesday; it is not a working day either way.
 */
import Holidays from 'date-holidays';
import type { LocalDate } from '../time.ts';

export interface BankHoliday {
  date: LocalDate;
  name: string;
  /** True for a substitute day ("Boxing Day (substitute day)"). */
  substitute: boolean;
}

const BANK_HOLIDAY_TYPES: ReadonlySet<string> = new Set(['public', 'bank']);

let source: Holidays | undefined;
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
  source ??= new Holidays('GB', 'ENG');
  const seen = new Set<LocalDate>();
  const list: BankHoliday[] = [];
  for (const h of source.getHolidays(year, 'en')) {
    if (!BANK_HOLIDAY_TYPES.has(h.type)) continue;
    const date = h.date.slice(0, 10); // "2026-12-28 00:00:00" is already local
    if (seen.has(date) || date.slice(0, 4) !== String(year).padStart(4, '0')) continue;
    seen.add(date);
    list.push(Object.freeze({ date, name: h.name, substitute: h.substitute === true }));
  }
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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
