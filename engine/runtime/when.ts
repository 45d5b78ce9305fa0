/**
 * Turns a definition's `When` ("within 2 working days", "the next Tuesday panel",
 * "every 6 to 8 weeks", "20 working days before the review") into absolute instants.
 */
import type { Timescale, When } from '../schema/definition.types.ts';
import { truthy, type Budget } from '../logic/index.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import type { Instant } from '../time.ts';
import { readPath, type CaseData } from './data.ts';

export type Resolved = { at: Instant; opens?: Instant } | { missing: string };

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The `When` that applies to this case: a plain `When`, or the first choice whose rule holds
 * ("10 working days, or 15 for families referred to the Early Help Panel"). `budget`: the step's.
 */
export function chooseWhen(timescale: Timescale, data: CaseData, calendar: WorkingCalendar, budget?: Budget): When {
  if (!('choose' in timescale)) return timescale;
  return timescale.choose.find((option) => truthy(option.when, data, calendar, budget))?.then ?? timescale.otherwise;
}

/**
 * `use` says what the moment is for: a deadline (`due`) takes the end of a day or slot, a wait
 * (`wait`) its beginning. Without `from`, the anchor is the moment the node was entered.
 */
export function resolveWhen(
  when: When,
  use: 'due' | 'wait',
  data: CaseData,
  enteredAt: Instant,
  calendar: WorkingCalendar,
): Resolved {
  const anchor = when.from === undefined ? { instant: enteredAt } : latestAnchor(data, when.from, calendar);
  if (!anchor) return { missing: [when.from].flat().join(' or ') };
  const { instant, localDate } = anchor;
  if ('after' in when) return { at: calendar.deadline(instant, when.after) };
  if ('before' in when) return { at: calendar.deadline(instant, { ...when.before, amount: -when.before.amount }) };
  if ('at' in when) {
    if (localDate === undefined) return { at: instant };
    return { at: use === 'due' ? calendar.endOfDay(localDate) : instant };
  }
  if ('nextSlot' in when) {
    const slot = calendar.nextSlot(instant, when.nextSlot);
    return use === 'due' ? { at: slot.end, opens: slot.start } : { at: slot.start };
  }
  const { opens, closes } = calendar.window(instant, when.window.earliest, when.window.latest);
  return use === 'due' ? { at: closes, opens } : { at: opens };
}

/** The latest of the anchor dates that are set: one path, or several recorded in different places. */
function latestAnchor(data: CaseData, from: string | string[], calendar: WorkingCalendar) {
  let latest: ReturnType<typeof readAnchor>;
  for (const path of [from].flat()) {
    const anchor = readAnchor(data, path, calendar);
    if (anchor && (!latest || anchor.instant > latest.instant)) latest = anchor;
  }
  return latest;
}

function readAnchor(
  data: CaseData,
  path: string,
  calendar: WorkingCalendar,
): { instant: Instant; localDate?: string } | undefined {
  const value = readPath(data, path);
  if (typeof value !== 'string') return undefined;
  if (LOCAL_DATE.test(value)) return { instant: calendar.at(value, '00:00'), localDate: value };
  if (INSTANT.test(value)) return { instant: new Date(value).toISOString() };
  return undefined;
}
