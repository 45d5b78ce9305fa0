/** Instants as people in England read them: in London time, as a table or a sentence says them. */
import { localDateOf, instantAt } from './zone.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function londonParts(instant: string) {
  const date = localDateOf(instant);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const minutes = Math.floor((Date.parse(instant) - Date.parse(instantAt(date, '00:00'))) / 60_000);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { y, m, d, weekday: WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!, time };
}

/** `Tue 01 Dec 2026 09:00` in London time. */
export function londonTime(instant: string): string {
  const { y, m, d, weekday, time } = londonParts(instant);
  return `${weekday.slice(0, 3)} ${String(d).padStart(2, '0')} ${MONTHS[m - 1]!.slice(0, 3)} ${y} ${time}`;
}

/** `Tuesday 22 December 2026 at 09:00` in London time: how a sentence says a moment. */
export function londonLongTime(instant: string): string {
  const { y, m, d, weekday, time } = londonParts(instant);
  return `${weekday} ${d} ${MONTHS[m - 1]} ${y} at ${time}`;
}
