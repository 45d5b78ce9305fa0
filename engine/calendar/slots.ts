/** Weekly slots: "the next Tuesday panel at 10:00", "Tuesday–Thursday mornings 09:00–12:00". */
import type { Instant, LocalDate, WeeklySlot } from '../time.ts';
import { fromDayNumber, isoWeekdayOfDayNumber, toDayNumber, WEEKDAYS } from './local-date.ts';
import { formatInstant, localDateOfMs, msAt, parseInstant, parseTimeOfDay } from './zone.ts';

/** How far to look before giving up (ten years of days). */
const SEARCH_DAYS = 3660;

export interface SlotCalendar {
  readonly timeZone: string;
  isWorkingDay(d: LocalDate): boolean;
  endOfDay(d: LocalDate): Instant;
}

/**
 * The first slot whose start is strictly after `after`, on one of `slot.days`, skipping
 * non-working days unless `slot.workingDaysOnly === false`.
 */
export function findNextSlot(cal: SlotCalendar, after: Instant, slot: WeeklySlot): { start: Instant; end: Instant } {
  const afterMs = parseInstant(after);
  const wanted = new Set((slot.days ?? []).map((day) => WEEKDAYS.indexOf(day) + 1));
  if (wanted.size === 0 || wanted.has(0)) {
    throw new RangeError(`Invalid slot days ${JSON.stringify(slot.days)}: expected weekday names like "tuesday"`);
  }
  const startMin = parseTimeOfDay(slot.start);
  const endMin = slot.end === undefined ? undefined : parseTimeOfDay(slot.end);
  if (endMin !== undefined && endMin <= startMin) {
    throw new RangeError(`Invalid slot: end ${slot.end} is not after start ${slot.start}`);
  }
  const first = toDayNumber(localDateOfMs(afterMs, cal.timeZone));
  for (let dn = first; dn < first + SEARCH_DAYS; dn++) {
    if (!wanted.has(isoWeekdayOfDayNumber(dn))) continue;
    const d = fromDayNumber(dn);
    if (slot.workingDaysOnly !== false && !cal.isWorkingDay(d)) continue;
    const startMs = msAt(d, startMin, cal.timeZone);
    if (startMs <= afterMs) continue;
    const end = endMin === undefined ? cal.endOfDay(d) : formatInstant(msAt(d, endMin, cal.timeZone));
    return { start: formatInstant(startMs), end };
  }
  throw new RangeError(`No ${slot.days.join('/')} slot within ${SEARCH_DAYS} days of ${after}`);
}
