/**
 * Date operators for conditions, which JSONLogic lacks: protocols compare dates in days and by
 * weekday ("a meeting within 4 weeks", "discussed on a Tuesday, Wednesday or Thursday").
 * Operands are form dates (`YYYY-MM-DD`) or instants (read as their Europe/London date);
 * anything else makes the result `null`. Note that JSONLogic reads null as 0 in `<` and `>`, so a
 * rule comparing a date that may be blank checks it is there first (`{"!!": [{"var": …}]}`).
 */
import { addDays, diffDays, isLocalDate, weekday } from '../calendar/local-date.ts';
import { localDateOf } from '../calendar/zone.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function dateOf(value: unknown): string | undefined {
  if (isLocalDate(value)) return value;
  if (typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return localDateOf(value);
  return undefined;
}

export const DATE_OPERATORS: Readonly<Record<string, (operands: unknown[]) => unknown>> = {
  /** `{"days_between": [a, b]}`: calendar days from a to b (negative when b is earlier). */
  days_between: ([a, b]) => {
    const from = dateOf(a);
    const to = dateOf(b);
    return from && to ? diffDays(from, to) : null;
  },
  /** `{"weekday": [d]}`: "monday" … "sunday". */
  weekday: ([d]) => {
    const date = dateOf(d);
    return date ? weekday(date) : null;
  },
  /** `{"add_days": [d, n]}`: the date n calendar days after d. */
  add_days: ([d, n]) => {
    const date = dateOf(d);
    return date && typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= 36_600 ? addDays(date, n) : null;
  },
};
