/**
 * Working-day arithmetic over per-year tables. Each year is built once per calendar: a
 * Uint8Array of working-day flags, a prefix count of working days, and the year's date
 * strings, so counting needs no Date objects and returns interned strings.
 */
import type { LocalDate } from '../time.ts';
import { bankHolidayNames } from './holidays.ts';
import { dayNumberOf, fromDayNumber, isoWeekdayOfDayNumber, isLeapYear, ordinalOf } from './local-date.ts';

interface YearTable {
  /** 1 for a working day, by zero-based day of the year. */
  working: Uint8Array;
  /** prefix[k] = working days among the first k days of the year. */
  prefix: Int32Array;
  total: number;
  dates: LocalDate[];
}

function badDate(d: unknown): RangeError {
  return new RangeError(`Invalid local date ${JSON.stringify(d)}: expected a real date as YYYY-MM-DD`);
}

/** First k in 1..len with prefix[k] >= target (target must be 1..total). */
function lowerBound(prefix: Int32Array, target: number): number {
  let lo = 1;
  let hi = prefix.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (prefix[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class WorkingDays {
  private readonly tables = new Map<number, YearTable>();

  constructor(private readonly closures: ReadonlyMap<LocalDate, string>) {}

  private table(year: number): YearTable {
    const cached = this.tables.get(year);
    if (cached) return cached;
    if (year < 1 || year > 9999) throw new RangeError(`Date out of range: year ${year} is outside 0001–9999`);
    const len = isLeapYear(year) ? 366 : 365;
    const first = dayNumberOf(year, 1, 1);
    const holidays = bankHolidayNames(year);
    const working = new Uint8Array(len);
    const prefix = new Int32Array(len + 1);
    const dates: LocalDate[] = new Array<LocalDate>(len);
    for (let i = 0; i < len; i++) {
      const date = fromDayNumber(first + i);
      dates[i] = date;
      const w = isoWeekdayOfDayNumber(first + i) <= 5 && !holidays.has(date) && !this.closures.has(date);
      working[i] = w ? 1 : 0;
      prefix[i + 1] = prefix[i]! + working[i]!;
    }
    const table: YearTable = { working, prefix, total: prefix[len]!, dates };
    this.tables.set(year, table);
    return table;
  }

  isWorkingDay(d: LocalDate): boolean {
    const ord = ordinalOf(d);
    if (ord < 0) throw badDate(d);
    return this.table(Math.floor(ord / 1000)).working[ord % 1000] === 1;
  }

  /** The nth working day after d (n > 0) or before it (n < 0); d itself is day 0. */
  add(d: LocalDate, n: number): LocalDate {
    const ord = ordinalOf(d);
    if (ord < 0) throw badDate(d);
    if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkingDays: ${n} is not a whole number of days`);
    if (n === 0) return d;
    let year = Math.floor(ord / 1000);
    const i = ord % 1000;
    let t = this.table(year);
    let target: number;
    if (n > 0) {
      target = t.prefix[i + 1]! + n;
      while (target > t.total) {
        target -= t.total;
        t = this.table(++year);
      }
    } else {
      target = t.prefix[i]! + n + 1;
      while (target < 1) {
        t = this.table(--year);
        target += t.total;
      }
    }
    return t.dates[lowerBound(t.prefix, target) - 1]!;
  }

  /**
   * Working days after a up to and including b when b >= a; when b < a, minus the working
   * days from b up to but excluding a. So add(a, n) = b implies between(a, b) = n.
   */
  between(a: LocalDate, b: LocalDate): number {
    const oa = ordinalOf(a);
    const ob = ordinalOf(b);
    if (oa < 0) throw badDate(a);
    if (ob < 0) throw badDate(b);
    if (oa === ob) return 0;
    const forward = oa < ob;
    const [lo, hi] = forward ? [oa, ob] : [ob, oa];
    const shift = forward ? 1 : 0; // count (a, b] forwards, [b, a) backwards
    const yLo = Math.floor(lo / 1000);
    const yHi = Math.floor(hi / 1000);
    let count = this.table(yHi).prefix[(hi % 1000) + shift]! - this.table(yLo).prefix[(lo % 1000) + shift]!;
    for (let y = yLo; y < yHi; y++) count += this.table(y).total;
    return forward ? count : -count;
  }
}
