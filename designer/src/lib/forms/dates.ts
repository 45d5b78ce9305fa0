/**
 * The GOV.UK date input's three boxes and the `YYYY-MM-DD` the schema wants. What was typed is
 * kept as typed (`2026--7` for a date without a month) so the server can refuse it and the page
 * can show it back; day and month are padded only when they are one or two digits.
 * Error wording follows https://design-system.service.gov.uk/components/date-input/.
 */
import { upperFirst } from '../../../../engine/forms/schema-info.ts';

export type DatePart = 'day' | 'month' | 'year';
export type DateParts = Record<DatePart, string>;
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

const EMPTY: DateParts = { day: '', month: '', year: '' };

export function splitDate(value: unknown): DateParts {
  if (typeof value !== 'string' || value === '') return { ...EMPTY };
  const match = /^([^-]*)-([^-]*)-([^-]*)$/.exec(value);
  if (!match) return { ...EMPTY, year: value };
  return { year: match[1]!, month: match[2]!, day: match[3]! };
}

/** A hyphen typed into a box would shift the parts, so it is dropped. */
const clean = (part: string) => part.trim().replace(/-/g, '');
const pad = (part: string) => (/^\d$/.test(part) ? `0${part}` : part);

export function joinDate(parts: DateParts): string | undefined {
  const day = clean(parts.day);
  const month = clean(parts.month);
  const year = clean(parts.year);
  if (day === '' && month === '' && year === '') return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export interface DateIssue {
  message: string;
  /** The boxes to mark as wrong. */
  parts: DatePart[];
  /** `incomplete` and `year` are more specific than the server's "must be a real date". */
  kind: 'incomplete' | 'year' | 'not_real';
}

const listed = (parts: DatePart[]) => (parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What is wrong with a date as typed, in GOV.UK's order: missing parts first ("must include a
 * month"), then boxes that cannot be right, then a year without 4 numbers, then a day the month
 * does not have. Undefined when nothing was typed or the date is real.
 */
export function dateIssue(label: string, parts: DateParts): DateIssue | undefined {
  const Label = upperFirst(label);
  const typed = { day: clean(parts.day), month: clean(parts.month), year: clean(parts.year) };
  const missing = DATE_PARTS.filter((p) => typed[p] === '');
  if (missing.length === 3) return undefined;
  if (missing.length > 0) return { message: `${Label} must include a ${listed(missing)}`, parts: missing, kind: 'incomplete' };
  const day = /^\d{1,2}$/.test(typed.day) ? Number(typed.day) : NaN;
  const month = /^\d{1,2}$/.test(typed.month) ? Number(typed.month) : NaN;
  const wrong: DatePart[] = [];
  if (!(day >= 1 && day <= 31)) wrong.push('day');
  if (!(month >= 1 && month <= 12)) wrong.push('month');
  if (!/^\d+$/.test(typed.year)) wrong.push('year');
  if (wrong.length > 0) return { message: `${Label} must be a real date`, parts: wrong, kind: 'not_real' };
  if (typed.year.length !== 4) return { message: `${Label} must include a year with 4 numbers`, parts: ['year'], kind: 'year' };
  if (day > daysIn(month, Number(typed.year))) return { message: `${Label} must be a real date`, parts: [...DATE_PARTS], kind: 'not_real' };
  return undefined;
}

/** `2027-03-05` → `5 March 2027`; anything else as it is. */
export function longDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysIn(m, y)) return value;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
