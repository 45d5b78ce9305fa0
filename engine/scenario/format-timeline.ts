/** The scenario timeline as a readable table, in Europe/London time. */
import { londonLongTime, londonTime } from '../calendar/index.ts';
import type { FieldError } from '../problems.ts';
import type { ScenarioResult, TimelineEntry } from './run-scenario.ts';

/** An ISO 8601 instant inside a sentence (a refusal message). */
const INSTANT_IN_TEXT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** A refusal's message with its instants in London time, and everything it carries to correct, one per line. */
function refusal(d: Record<string, unknown>): string {
  const message = String(d['message']).replace(INSTANT_IN_TEXT, (instant) => (Number.isNaN(Date.parse(instant)) ? instant : londonLongTime(instant)));
  const lines = [`${d['code']}: ${message}`];
  for (const e of (d['fieldErrors'] ?? []) as FieldError[]) lines.push(`  ${e.pointer || '/'}: ${e.message}`);
  for (const m of (d['guardMessages'] ?? []) as string[]) lines.push(`  guard: ${m}`);
  for (const a of (d['actionErrors'] ?? []) as Array<{ code: string; message: string; action?: string }>) {
    lines.push(`  next action${a.action ? ` ${a.action}` : 's'}: ${a.code}: ${a.message}`);
  }
  return lines.join('\n');
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
      return refusal(d);
    default: {
      const parts = Object.entries(d).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
      return [entry.node, ...parts].filter(Boolean).join(' ');
    }
  }
}

export function formatTimeline(result: ScenarioResult): string {
  const rows = result.timeline.map((e) => [londonTime(e.at), e.type, describe(e)]);
  const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length), 4));
  // A description of several lines (a refusal's field errors) continues under its own column.
  const indent = '\n' + ' '.repeat(width[0]! + width[1]! + 4);
  const lines = rows.map((r) => `${r[0]!.padEnd(width[0]!)}  ${r[1]!.padEnd(width[1]!)}  ${r[2]!.split('\n').join(indent)}`);
  const state = result.caseState;
  lines.push('', `Final state: ${state ? `${state.status}${state.outcome ? ` (${state.outcome.id})` : ''}, version ${state.version}` : 'no case'}`);
  for (const item of result.upcoming) {
    lines.push(`Upcoming: ${londonTime(item.at)}  ${item.type === 'task_due' ? `"${item.name}" due` : `timer at ${item.node}`}`);
  }
  for (const item of result.overdue) lines.push(`Overdue: "${item.name}" was due ${londonTime(item.at)}`);
  for (const failure of result.failures) lines.push(`FAILED step ${failure.step}: ${failure.message}`);
  return lines.join('\n');
}
