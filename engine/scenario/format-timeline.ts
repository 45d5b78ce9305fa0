/** The scenario timeline as a readable table, in Europe/London time. */
import { localDateOf, instantAt } from '../calendar/index.ts';
import type { ScenarioResult, TimelineEntry } from './run-scenario.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `Tue 01 Dec 2026 09:00` in London time. */
export function londonTime(instant: string): string {
  const date = localDateOf(instant);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const minutes = Math.floor((Date.parse(instant) - Date.parse(instantAt(date, '00:00'))) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${weekday} ${String(d).padStart(2, '0')} ${month} ${y} ${hh}:${mm}`;
}

function recipients(to: unknown): string {
  return (to as Array<Record<string, string>>).map((r) => r.name ?? Object.values(r)[0]).join(', ');
}

function describe(entry: TimelineEntry): string {
  const d = entry.detail;
  switch (entry.type) {
    case 'task_created':
      return `${entry.node} → ${d.assignee}, ${d.priority}${d.due ? `, due ${londonTime(String(d.due))}` : ''}`;
    case 'task_completed':
      return `${entry.node} by ${entry.by} → ${(d.actions as string[]).join(', ')}${d.overdue ? ' (late)' : ''}`;
    case 'notification_sent':
      return `"${d.subject}" to ${recipients(d.to)}`;
    case 'escalated':
      return `${entry.node} level ${d.level}, told ${recipients(d.to)}`;
    case 'timer_scheduled':
      return `${entry.node} fires ${londonTime(String(d.fireAt))}${d.label ? ` (${d.label})` : ''}`;
    case 'deadline_passed':
      return `${entry.node} was due ${londonTime(String(d.due))}`;
    case 'refused':
      return `${d.code}: ${d.message}`;
    default: {
      const parts = Object.entries(d).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
      return [entry.node, ...parts].filter(Boolean).join(' ');
    }
  }
}

export function formatTimeline(result: ScenarioResult): string {
  const rows = result.timeline.map((e) => [londonTime(e.at), e.type, describe(e)]);
  const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length), 4));
  const lines = rows.map((r) => `${r[0]!.padEnd(width[0]!)}  ${r[1]!.padEnd(width[1]!)}  ${r[2]}`);
  const state = result.caseState;
  lines.push('', `Final state: ${state ? `${state.status}${state.outcome ? ` (${state.outcome.id})` : ''}, version ${state.version}` : 'no case'}`);
  for (const item of result.upcoming) {
    lines.push(`Upcoming: ${londonTime(item.at)}  ${item.type === 'task_due' ? `"${item.name}" due` : `timer at ${item.node}`}`);
  }
  for (const failure of result.failures) lines.push(`FAILED step ${failure.step}: ${failure.message}`);
  return lines.join('\n');
}
