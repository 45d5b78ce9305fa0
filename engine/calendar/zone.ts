/**
 * Conversions between UTC instants and local dates/times in a named time zone
 * (Europe/London by default), using the zone data behind `@date-fns/tz`.
 *
 * Local times that do not exist (the hour skipped when clocks go forward) move forward by
 * the gap: 01:30 on the last Sunday in March is 02:30 BST. Local times that happen twice
 * (when clocks go back) resolve to the earlier one (BST). This matches Temporal's
 * "compatible" disambiguation.
 */
import { tzOffset } from '@date-fns/tz';
import type { Instant, LocalDate } from '../time.ts';
import { dayNumberOf, fromDayNumber, parseLocalDate, tryParseLocalDate, ymdAt } from './local-date.ts';

export const DEFAULT_TIME_ZONE = 'Europe/London';

const DAY_MS = 86_400_000;
const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Throws a RangeError unless `timeZone` is an IANA zone name the runtime knows. */
export function assertTimeZone(timeZone: string): void {
  if (typeof timeZone !== 'string' || timeZone === '' || Number.isNaN(tzOffset(timeZone, new Date(0)))) {
    throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`);
  }
}

/** Epoch milliseconds of an ISO 8601 instant with `Z` or a `±HH:MM` offset; RangeError when malformed. */
export function parseInstant(instant: Instant): number {
  const canonical = canonicalMs(instant);
  if (!Number.isNaN(canonical)) return canonical;
  const m = typeof instant === 'string' ? INSTANT_RE.exec(instant) : null;
  if (!m || !tryParseLocalDate(m[1])) throw badInstant(instant);
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) throw badInstant(instant);
  const zone = m[6] ?? 'Z';
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) throw badInstant(instant);
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw badInstant(instant);
  return ms;
}

/**
 * The instant in its canonical UTC form, `2026-12-01T09:30:00.000Z`; one already in that form (as
 * every instant the engine writes is) is returned as it is. RangeError when malformed.
 */
export function canonicalInstant(instant: Instant): Instant {
  return Number.isNaN(canonicalMs(instant)) ? formatInstant(parseInstant(instant)) : instant;
}

/**
 * Epoch milliseconds of `instant` as `Date.parse` reads it (NaN when it cannot), with the
 * canonical form read without a Date: for comparing instants a case holds, which may be anything.
 */
export function instantMs(instant: unknown): number {
  const canonical = canonicalMs(instant);
  return Number.isNaN(canonical) ? Date.parse(instant as string) : canonical;
}

function badInstant(instant: unknown): RangeError {
  return new RangeError(`Invalid instant ${JSON.stringify(instant)}: expected ISO 8601 like 2026-12-01T09:30:00.000Z`);
}

/** The `count` decimal digits from `at` as a number, or -1 when one is not a digit. */
function digitsAt(s: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Epoch milliseconds of an instant in the canonical form, read digit by digit; NaN for anything
 * else (`parseInstant` then reads it the general way). Every instant in a case is in this form, and
 * a step reads several, so neither a RegExp nor a Date is made for them.
 */
function canonicalMs(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 24 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46 || s.charCodeAt(23) !== 90) {
    return NaN;
  }
  const ymd = ymdAt(s, 0);
  const hours = digitsAt(s, 11, 2);
  const minutes = digitsAt(s, 14, 2);
  const seconds = digitsAt(s, 17, 2);
  const millis = digitsAt(s, 20, 3);
  if (ymd < 0 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || millis < 0) return NaN;
  const day = dayNumberOf(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100);
  return day * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

/** Canonical UTC form, `2026-12-01T09:30:00.000Z`. */
export function formatInstant(ms: number): Instant {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Instant out of range: ${ms}`);
  return d.toISOString();
}

/** Parses `HH:mm` (00:00–23:59) into minutes after midnight; RangeError when malformed. */
export function parseTimeOfDay(hhmm: string): number {
  const m = typeof hhmm === 'string' ? HHMM_RE.exec(hhmm) : null;
  if (!m) throw new RangeError(`Invalid time of day ${JSON.stringify(hhmm)}: expected HH:mm from 00:00 to 23:59`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Offsets by zone and quarter hour: every zone's offset changes only on a quarter hour, and asking
 * Intl for it was a twentieth of a step's time. Bounded, so a long-running server cannot grow it.
 */
const QUARTER_HOUR = 900_000;
const OFFSET_CACHE_LIMIT = 100_000;
/** By zone, then by quarter hour since 1970: numbers, so that a look-up builds no string key. */
const offsets = new Map<string, Map<number, number>>();

function offsetMs(timeZone: string, ms: number): number {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(ms)) * 60_000;
    if (zone.size >= OFFSET_CACHE_LIMIT) zone.clear();
    zone.set(quarter, offset);
  }
  return offset;
}

/** The local date at an epoch-millisecond instant. */
export function localDateOfMs(ms: number, timeZone: string): LocalDate {
  return fromDayNumber(Math.floor((ms + offsetMs(timeZone, ms)) / DAY_MS));
}

/** The local wall-clock time at an epoch-millisecond instant, as `HH:mm`. */
export function localTimeOfMs(ms: number, timeZone: string): string {
  const minutes = Math.floor((((ms + offsetMs(timeZone, ms)) % DAY_MS) + DAY_MS) % DAY_MS / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The local calendar date of an instant in a time zone. */
export function localDateOf(instant: Instant, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  return localDateOfMs(parseInstant(instant), timeZone);
}

/** Epoch milliseconds of a local date + minutes after midnight in a time zone. */
export function msAt(date: LocalDate, minutes: number, timeZone: string): number {
  const { year, month, day } = parseLocalDate(date);
  const wall = dayNumberOf(year, month, day) * DAY_MS + minutes * 60_000;
  const before = offsetMs(timeZone, wall - DAY_MS);
  const after = offsetMs(timeZone, wall + DAY_MS);
  let best: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const t = wall - offset;
    if (offsetMs(timeZone, t) === offset && (best === undefined || t < best)) best = t;
  }
  // No valid reading means the wall time falls in a spring-forward gap: read it with the old offset.
  return best ?? wall - before;
}

/** The instant of a local date and `HH:mm` time in a time zone. */
export function instantAt(date: LocalDate, hhmm: string, timeZone: string = DEFAULT_TIME_ZONE): Instant {
  return formatInstant(msAt(date, parseTimeOfDay(hhmm), timeZone));
}

/** The first millisecond of a local day (00:00 local). */
export function startOfLocalDay(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Instant {
  return formatInstant(msAt(date, 0, timeZone));
}

/** The last millisecond of a local day, e.g. `2026-12-14T23:59:59.999Z` (GMT) or `…22:59:59.999Z` (BST). */
export function endOfLocalDay(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Instant {
  const { year, month, day } = parseLocalDate(date);
  const next = fromDayNumber(dayNumberOf(year, month, day) + 1);
  return formatInstant(msAt(next, 0, timeZone) - 1);
}
