/**
 * Pure arithmetic on `YYYY-MM-DD` local dates. No `Date` objects: dates are converted to a
 * day number (days since 1970-01-01) with integer civil-calendar formulas and back.
 */
import type { LocalDate, Weekday } from '../time.ts';

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** ISO order: index 0 is Monday. */
export const WEEKDAYS: readonly Weekday[] = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
];

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** `YYYY-MM-DD` (years 0001–9999) as the integer yyyymmdd, or -1 when malformed or not a real date. */
export function ymdOf(s: unknown): number {
  return typeof s === 'string' && s.length === 10 ? ymdAt(s, 0) : -1;
}

/** The `YYYY-MM-DD` that starts at `at` in `s` as yyyymmdd, or -1: an instant's date, read where it is. */
export function ymdAt(s: string, at: number): number {
  if (s.charCodeAt(at + 4) !== 45 || s.charCodeAt(at + 7) !== 45) return -1;
  const y0 = digit(s, at), y1 = digit(s, at + 1), y2 = digit(s, at + 2), y3 = digit(s, at + 3);
  const m0 = digit(s, at + 5), m1 = digit(s, at + 6), d0 = digit(s, at + 8), d1 = digit(s, at + 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Allocation-free: `year * 1000 + zero-based day of the year`, or -1 when malformed. */
export function ordinalOf(s: unknown): number {
  const ymd = ymdOf(s);
  if (ymd < 0) return -1;
  const year = Math.floor(ymd / 10000);
  const month = Math.floor(ymd / 100) % 100;
  const leap = month > 2 && isLeapYear(year) ? 1 : 0;
  return year * 1000 + DAYS_BEFORE_MONTH[month - 1]! + leap + (ymd % 100) - 1;
}

/** Parses `YYYY-MM-DD` (years 0001–9999); returns undefined when malformed or not a real date. */
export function tryParseLocalDate(s: unknown): DateParts | undefined {
  const ymd = ymdOf(s);
  if (ymd < 0) return undefined;
  return { year: Math.floor(ymd / 10000), month: Math.floor(ymd / 100) % 100, day: ymd % 100 };
}

/** Parses `YYYY-MM-DD`; throws a RangeError when malformed. */
export function parseLocalDate(s: LocalDate): DateParts {
  const parts = tryParseLocalDate(s);
  if (!parts) throw new RangeError(`Invalid local date ${JSON.stringify(s)}: expected a real date as YYYY-MM-DD`);
  return parts;
}

export function isLocalDate(s: unknown): s is LocalDate {
  return tryParseLocalDate(s) !== undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Date out of range: year ${year} is outside 0001–9999`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 (may be negative). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function partsOfDayNumber(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function toDayNumber(d: LocalDate): number {
  const { year, month, day } = parseLocalDate(d);
  return dayNumberOf(year, month, day);
}

export function fromDayNumber(n: number): LocalDate {
  const { year, month, day } = partsOfDayNumber(n);
  return formatLocalDate(year, month, day);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOfDayNumber(n: number): number {
  return (((n + 3) % 7) + 7) % 7 + 1; // 1970-01-01 was a Thursday
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  return isoWeekdayOfDayNumber(toDayNumber(d));
}

export function weekday(d: LocalDate): Weekday {
  return WEEKDAYS[isoWeekday(d) - 1] as Weekday;
}

export function addDays(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: ${n} is not a whole number of days`);
  return n === 0 ? (parseLocalDate(d), d) : fromDayNumber(toDayNumber(d) + n);
}

/** date-fns `addMonths` semantics: same day of month, clamped to the last day of the target month. */
export function addMonths(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`addMonths: ${n} is not a whole number of months`);
  const { year, month, day } = parseLocalDate(d);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatLocalDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Calendar days from a to b (positive when b is later). */
export function diffDays(a: LocalDate, b: LocalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** -1, 0 or 1. Both inputs are validated. */
export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  parseLocalDate(a);
  parseLocalDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
