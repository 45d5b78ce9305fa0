export { WorkingCalendar, type CalendarConfig, type ClosureDay } from './calendar.ts';
export { bankHolidays, bankHolidayName, type BankHoliday } from './holidays.ts';
export {
  addDays, addMonths, compareLocalDates, diffDays, isLocalDate, isoWeekday, parseLocalDate, weekday, type DateParts,
} from './local-date.ts';
export {
  DEFAULT_TIME_ZONE, endOfLocalDay, instantAt, localDateOf, parseInstant, parseTimeOfDay, startOfLocalDay,
} from './zone.ts';
export { londonLongTime, londonTime } from './london-words.ts';
