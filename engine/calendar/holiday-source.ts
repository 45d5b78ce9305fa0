/**
 * Reads England & Wales bank holidays from `date-holidays`: the only module that touches it.
 * The browser build puts designer/src/workspace/task/bank-holidays.ts in its place (see
 * designer/vite.config.ts), which reads the list the server sent instead of bundling every
 * country's data.
 *
 * `date-holidays` (GB/ENG) tags bank holidays as type `public`, including substitute days
 * (`"Boxing Day (substitute day)"`, flagged `substitute: true`) and one-off days such as
 * jubilees, the 2022 state funeral and the 2023 coronation. Mothering Sunday, Easter Sunday
 * and Father's Day come back as `observance` and are dropped here.
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

/** The bank holidays of `year` (already checked to be 1 to 9999), in date order. */
export function readBankHolidays(year: number): BankHoliday[] {
  source ??= new Holidays('GB', 'ENG');
  const seen = new Set<LocalDate>();
  const list: BankHoliday[] = [];
  for (const h of source.getHolidays(year, 'en')) {
    if (!BANK_HOLIDAY_TYPES.has(h.type)) continue;
    const date = h.date.slice(0, 10); // "2026-12-28 00:00:00" is already local
    if (seen.has(date) || date.slice(0, 4) !== String(year).padStart(4, '0')) continue;
    seen.add(date);
    list.push({ date, name: h.name, substitute: h.substitute === true });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
