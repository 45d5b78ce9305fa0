/**
 * Date operators for conditions, which JSONLogic lacks: protocols compare dates in days, working
 * days and by weekday ("a meeting within 4 weeks", "within 10 working days of the e-mail",
 * "discussed on a Tuesday, Wednesday or Thursday morning"). Working days follow the authority's
 * calendar (bank holidays and its closure days), handed in by whoever evaluates the rule.
 * Operands are form dates (`YYYY-MM-DD`) or instants (read as their local date); anything else
 * makes the result `null`. JSONLogic reads null as 0 in `<` and `>`, so a rule comparing a date
 * that may be blank checks it is there first (`{"!!": [{"var": …}]}`).
 */
import type { WorkingCalendar } from '../calendar/index.ts';
import { addDays, diffDays, isLocalDate, weekday } from '../calendar/local-date.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Far enough for any protocol (a century), small enough that no rule can make us count for ever. */
const MAX_OFFSET = 36_600;

function dateOf(value: unknown, calendar: WorkingCalendar): string | undefined {
  if (isLocalDate(value)) return value;
  if (typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return calendar.localDate(value);
  return undefined;
}

const offset = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= MAX_OFFSET;

type DateOperator = (operands: unknown[], calendar: WorkingCalendar) => unknown;

export const DATE_OPERATORS: Readonly<Record<string, DateOperator>> = {
  /** `{"days_between": [a, b]}`: calendar days from a to b (negative when b is earlier). */
  days_between: ([a, b], calendar) => {
    const from = dateOf(a, calendar);
    const to = dateOf(b, calendar);
    return from && to ? diffDays(from, to) : null;
  },
  /** `{"weekday": [d]}`: "monday" … "sunday". */
  weekday: ([d], calendar) => {
    const date = dateOf(d, calendar);
    return date ? weekday(date) : null;
  },
  /** `{"add_days": [d, n]}`: the date n calendar days after d. */
  add_days: ([d, n], calendar) => {
    const date = dateOf(d, calendar);
    return date && offset(n) ? addDays(date, n) : null;
  },
  /**
   * `{"working_days_between": [a, b]}`: working days after a's day up to and including b's day —
   * a's day is day 0, as deadlines count — so "within N working days of X" is
   * `{"<=": [{"working_days_between": [X, d]}, N]}`. Negative when b is before a.
   */
  working_days_between: ([a, b], calendar) => {
    const from = dateOf(a, calendar);
    const to = dateOf(b, calendar);
    if (!from || !to || Math.abs(diffDays(from, to)) > MAX_OFFSET) return null;
    return calendar.workingDaysBetween(from, to);
  },
  /** `{"add_working_days": [d, n]}`: the nth working day after d (before it when n < 0). */
  add_working_days: ([d, n], calendar) => {
    const date = dateOf(d, calendar);
    return date && offset(n) ? calendar.addWorkingDays(date, n) : null;
  },
  /** `{"is_working_day": [d]}`: not a weekend, bank holiday or closure day of the authority. */
  is_working_day: ([d], calendar) => {
    const date = dateOf(d, calendar);
    return date ? calendar.isWorkingDay(date) : null;
  },
  /** `{"time_of": [instant]}`: the local time of an instant as "HH:MM" ("a morning slot": `< "12:00"`). */
  time_of: ([t], calendar) => (typeof t === 'string' && INSTANT.test(t) && !Number.isNaN(Date.parse(t)) ? calendar.localTime(t) : null),
};
