/** The answers `exampleAnswers` tries: dates around today, text that fits a pattern, and setting an answer deep in the form data. */
import type { WorkingCalendar } from '../calendar/index.ts';
import type { LocalDate } from '../time.ts';
import { formatOf, type JsonSchema } from './schema-info.ts';

const DAY = 24 * 60 * 60 * 1000;

function addDays(d: LocalDate, n: number): LocalDate {
  return new Date(Date.parse(`${d}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/**
 * Dates to try, most likely first: today, the next working days, the last ones, then every day
 * for ten weeks either side (a Tuesday panel, a date before the referral).
 */
export function dateCandidates(schema: JsonSchema | undefined, today: LocalDate, calendar?: WorkingCalendar): string[] {
  const dates = [today];
  if (calendar) {
    for (let n = 1; n <= 15; n++) dates.push(calendar.addWorkingDays(today, n));
    for (let n = 1; n <= 15; n++) dates.push(calendar.addWorkingDays(today, -n));
  }
  for (let n = 1; n <= 70; n++) dates.push(addDays(today, n), addDays(today, -n));
  const unique = [...new Set(dates)];
  return formatOf(schema) === 'date-time' ? unique.map((d) => `${d}T09:00:00Z`) : unique;
}

function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

/** Text to try: a plain answer, or the usual answers that fit the question's format or pattern. */
export function textCandidates(schema: JsonSchema | undefined): string[] {
  const format = formatOf(schema);
  if (format === 'email') return ['someone@example.org'];
  if (format === 'time') return ['09:30'];
  const plain = ['Example answer', 'Example answer given for this question, with enough words to say what happened.', '09:30', 'AB12 3CD', '1', 'someone@example.org'];
  const pattern = typeof schema?.['pattern'] === 'string' ? schema['pattern'] : undefined;
  const min = typeof schema?.['minLength'] === 'number' ? schema['minLength'] : 0;
  const max = typeof schema?.['maxLength'] === 'number' ? schema['maxLength'] : Infinity;
  const fits = plain.filter((t) => (!pattern || matches(pattern, t)) && t.length >= min && t.length <= max);
  return fits.length > 0 ? fits : [plain[0]!.padEnd(Math.max(1, min), '.').slice(0, Math.max(1, Math.min(max, plain[0]!.length)))];
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function valueAt(data: unknown, segments: readonly string[]): unknown {
  let at = data;
  for (const s of segments) {
    if (Array.isArray(at)) at = at[Number(s)];
    else if (isRecord(at)) at = at[s];
    else return undefined;
  }
  return at;
}

/** A copy of `data` with the answer at `segments` set (undefined: taken out), making the objects and lists on the way. */
export function withValue(data: Record<string, unknown>, segments: readonly string[], value: unknown): Record<string, unknown> {
  const set = (level: unknown, i: number): unknown => {
    const key = segments[i]!;
    const last = i === segments.length - 1;
    if (Array.isArray(level) || (/^\d+$/.test(key) && !isRecord(level))) {
      const list = Array.isArray(level) ? [...level] : [];
      const n = Number(key);
      if (last && value === undefined) list.splice(n, 1);
      else list[n] = last ? value : set(list[n], i + 1);
      return list;
    }
    const obj = isRecord(level) ? { ...level } : {};
    if (last && value === undefined) delete obj[key];
    else obj[key] = last ? value : set(obj[key], i + 1);
    return obj;
  };
  return segments.length === 0 ? data : (set(data, 0) as Record<string, unknown>);
}
