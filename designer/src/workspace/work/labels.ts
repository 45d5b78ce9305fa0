/** How work lists word and colour things: short London dates, priorities, sort orders. */
export type SortKey = 'due' | 'priority' | 'created';

export const SORT_LABELS: Record<SortKey, string> = { due: 'due date', priority: 'priority', created: 'date received' };

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });
// hour12 in en-GB counts 0–11 ("0:00pm" at noon); the h12 cycle says 12:00pm.
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });

/** `3 Dec 2026`, or with the time when a deadline is not the end of the day (London time). */
export function shortDue(iso: string): string {
  const at = new Date(iso);
  const time = timeFormat.format(at).replace(/\s/g, '').toLowerCase();
  return time === '11:59pm' ? dateFormat.format(at) : `${dateFormat.format(at)}, ${time}`;
}

export const PRIORITY_LABEL = { urgent: 'Urgent', normal: 'Normal', low: 'Low' } as const;
/** As the task page's header colours them: only Urgent stands out. */
export const PRIORITY_TAG = { urgent: 'govuk-tag--red', normal: 'govuk-tag--grey', low: 'govuk-tag--grey' } as const;
