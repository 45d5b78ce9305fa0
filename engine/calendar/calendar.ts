/**
 * The authority's working-day calendar: Monday to Friday, minus England & Wales bank holidays
 * (substitute days included) and the authority's own closure days, in Europe/London time.
 */
import type { Duration, Instant, LocalDate, WeeklySlot } from '../time.ts';
import { bankHolidayName, bankHolidays, type BankHoliday } from './holidays.ts';
import { addDays, addMonths, isoWeekday, parseLocalDate } from './local-date.ts';
import { findNextSlot } from './slots.ts';
import {
  DEFAULT_TIME_ZONE, assertTimeZone, endOfLocalDay, instantAt, localDateOfMs, localTimeOfMs, parseInstant, startOfLocalDay,
} from './zone.ts';
import { WorkingDays } from './working-days.ts';

export interface ClosureDay {
  date: LocalDate;
  name: string;
}

export interface CalendarConfig {
  /** IANA time zone; default `Europe/London`. */
  timeZone?: string;
  /** Extra non-working days the authority adds (e.g. the days between Christmas and New Year). */
  closureDays?: ClosureDay[];
}

const UNITS: ReadonlySet<string> = new Set(['working_days', 'days', 'weeks', 'months']);
const END_OF_DAY_CACHE_LIMIT = 50_000;

export class WorkingCalendar {
  private static readonly cache = new Map<string, WorkingCalendar>();

  /** A shared instance per distinct configuration. */
  static for(config: CalendarConfig = {}): WorkingCalendar {
    const closures = [...(config.closureDays ?? [])].map((c) => [c.date, c.name]).sort();
    const key = JSON.stringify([config.timeZone ?? DEFAULT_TIME_ZONE, closures]);
    let calendar = WorkingCalendar.cache.get(key);
    if (!calendar) {
      calendar = new WorkingCalendar(config);
      WorkingCalendar.cache.set(key, calendar);
    }
    return calendar;
  }

  readonly timeZone: string;
  private readonly closures = new Map<LocalDate, string>();
  private readonly days: WorkingDays;
  private readonly endOfDayCache = new Map<LocalDate, Instant>();

  constructor(config: CalendarConfig = {}) {
    this.timeZone = config.timeZone ?? DEFAULT_TIME_ZONE;
    assertTimeZone(this.timeZone);
    for (const { date, name } of config.closureDays ?? []) {
      parseLocalDate(date);
      if (typeof name !== 'string' || name.trim() === '') {
        throw new RangeError(`Closure day ${date} needs a name`);
      }
      if (!this.closures.has(date)) this.closures.set(date, name);
    }
    this.days = new WorkingDays(this.closures);
  }

  get closureDays(): ClosureDay[] {
    return [...this.closures].map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  isWorkingDay(d: LocalDate): boolean {
    return this.days.isWorkingDay(d);
  }

  /** Why a day is not a working day: the bank holiday or closure name, or 'Saturday'/'Sunday'. */
  nonWorkingReason(d: LocalDate): string | undefined {
    if (this.days.isWorkingDay(d)) return undefined;
    const wd = isoWeekday(d);
    return bankHolidayName(d) ?? this.closures.get(d) ?? (wd === 6 ? 'Saturday' : wd === 7 ? 'Sunday' : undefined);
  }

  /** The nth working day after d (n < 0: before); d is day 0, so n = 0 returns d unchanged. */
  addWorkingDays(d: LocalDate, n: number): LocalDate {
    return this.days.add(d, n);
  }

  /** Working days after a up to and including b; negative (working days in [b, a)) when b < a. */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    return this.days.between(a, b);
  }

  localDate(instant: Instant): LocalDate {
    return localDateOfMs(parseInstant(instant), this.timeZone);
  }

  /** The local time of an instant as `HH:mm`. */
  localTime(instant: Instant): string {
    return localTimeOfMs(parseInstant(instant), this.timeZone);
  }

  /** The last millisecond of a local day, as a UTC instant. */
  endOfDay(d: LocalDate): Instant {
    let end = this.endOfDayCache.get(d);
    if (end === undefined) {
      end = endOfLocalDay(d, this.timeZone);
      if (this.endOfDayCache.size >= END_OF_DAY_CACHE_LIMIT) this.endOfDayCache.clear();
      this.endOfDayCache.set(d, end);
    }
    return end;
  }

  startOfDay(d: LocalDate): Instant {
    return startOfLocalDay(d, this.timeZone);
  }

  /** A local date and `HH:mm` time as a UTC instant. */
  at(d: LocalDate, hhmm: string): Instant {
    return instantAt(d, hhmm, this.timeZone);
  }

  /** Moves a local date by a duration; negative amounts count backwards. */
  shift(d: LocalDate, duration: Duration): LocalDate {
    const amount = duration?.amount;
    const unit = duration?.unit;
    if (typeof unit !== 'string' || !UNITS.has(unit) || !Number.isSafeInteger(amount)) {
      throw new RangeError(`Invalid duration ${JSON.stringify(duration)}: expected a whole amount and a known unit`);
    }
    if (unit === 'working_days') return this.addWorkingDays(d, amount);
    if (unit === 'months') return addMonths(d, amount);
    return addDays(d, unit === 'weeks' ? amount * 7 : amount);
  }

  /** End of the local day reached by moving the anchor's local date by the duration. */
  deadline(anchor: Instant, duration: Duration): Instant {
    return this.endOfDay(this.shift(this.localDate(anchor), duration));
  }

  /** "Every 6–8 weeks": opens at 00:00 on the earliest day, closes at the deadline for the latest. */
  window(anchor: Instant, earliest: Duration, latest: Duration): { opens: Instant; closes: Instant } {
    const date = this.localDate(anchor);
    const opens = this.startOfDay(this.shift(date, earliest));
    const closes = this.endOfDay(this.shift(date, latest));
    if (opens > closes) {
      throw new RangeError(`Invalid window: earliest ${JSON.stringify(earliest)} is after latest ${JSON.stringify(latest)}`);
    }
    return { opens, closes };
  }

  /** The first slot starting strictly after `after`, skipping non-working days unless workingDaysOnly is false. */
  nextSlot(after: Instant, slot: WeeklySlot): { start: Instant; end: Instant } {
    return findNextSlot(this, after, slot);
  }

  /** Bank holidays from a to b inclusive (empty when b < a), for display. */
  bankHolidaysBetween(a: LocalDate, b: LocalDate): BankHoliday[] {
    const from = parseLocalDate(a).year;
    const to = parseLocalDate(b).year;
    const result: BankHoliday[] = [];
    for (let y = from; y <= to; y++) {
      for (const h of bankHolidays(y)) if (h.date >= a && h.date <= b) result.push(h);
    }
    return result;
  }
}
