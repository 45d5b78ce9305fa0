/**
 * Instants are stored in UTC and shown in Europe/London, the protocols' clock.
 * A deadline is the end of a working day (23:59:59.999 London), so it reads as a date alone.
 */
const LONDON = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: 'numeric', minute: '2-digit', hour12: true });
const partsFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `Monday 4 January 2027`. */
export const londonDate = (iso: string) => dateFormat.format(new Date(iso)).replace(',', '');

/** `9:30am`. */
export const londonTime = (iso: string) => timeFormat.format(new Date(iso)).replace(/\s/g, '').toLowerCase();

/** `Monday 4 January 2027 at 9:30am`. */
export const londonDateTime = (iso: string) => `${londonDate(iso)} at ${londonTime(iso)}`;

/** A due instant as people read it: the date, with a time only when it is not the end of the day. */
export function dueText(iso: string): string {
  const endOfDay = partsFormat.format(new Date(iso)) === '23:59';
  return endOfDay ? londonDate(iso) : londonDateTime(iso);
}

/** `Hassan` → `Hassan family`; a name that already says "family" is left alone. */
export function familyLabel(familyName: string): string {
  const name = familyName.trim();
  return /family$/i.test(name) ? name : `${name} family`;
}
