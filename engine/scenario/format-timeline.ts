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

/** The priority a task had just before `at`, and the one it was given at `at` (escalation effects carry the task as it became). */
function priorityChange(result: ScenarioResult, task: string | undefined, at: string): { from: unknown; to: unknown } | undefined {
  const writes = result.effects.filter((e) => (e.type === 'create_task' || e.type === 'update_task') && e.task.id === task) as Array<{ at: string; task: { priority?: unknown } }>;
  const now = writes.filter((e) => e.at === at).at(-1);
  const before = writes.filter((e) => e.at < at).at(-1) ?? writes.find((e) => e.at === at);
  if (!now || !before || before.task.priority === now.task.priority) return undefined;
  return { from: before.task.priority, to: now.task.priority };
}

/** The census reason recorded when the case reached end `node` at `at`, if it gives one. */
function censusReason(result: ScenarioResult, node: string | undefined, at: string): string | undefined {
  return result.caseState?.closures?.find((c) => c.node === node && c.at === at)?.closureReason;
}

function describe(entry: TimelineEntry, result: ScenarioResult): string {
  const d = entry.detail;
  switch (entry.type) {
    case 'escalated': {
      const change = priorityChange(result, entry.task, entry.at);
      return `${entry.node} level ${d.level}, told ${recipients(d.to)}${change ? `; priority raised from ${String(change.from)} to ${String(change.to)}` : ''}`;
    }
    case 'path_ended': {
      const reason = censusReason(result, entry.node, entry.at);
      return `${entry.node} outcome ${String(d.outcome)}${reason ? `, census reason ${reason}` : ''}`;
    }
    case 'task_created':
      return `${entry.node} → ${d.assignee}, ${d.priority}${d.due ? `, due ${londonTime(String(d.due))}` : ''}`;
    case 'task_completed':
      return `${entry.node} by ${entry.by} → ${(d.actions as string[]).join(', ')}${d.overdue ? ' (late)' : ''}`;
    case 'notification_sent':
      return `"${d.subject}" to ${recipients(d.to)}`;
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
  const rows = result.timeline.map((e) => [londonTime(e.at), e.type, describe(e, result)]);
  const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length), 4));
  // A description of several lines (a refusal's field errors) continues under its own column.
  const indent = '\n' + ' '.repeat(width[0]! + width[1]! + 4);
  const lines = rows.map((r) => `${r[0]!.padEnd(width[0]!)}  ${r[1]!.padEnd(width[1]!)}  ${r[2]!.split('\n').join(indent)}`);
  const state = result.caseState;
  const outcome = state?.outcome ? ` (${state.outcome.id}${state.outcome.closureReason ? `, census reason ${state.outcome.closureReason}` : ''})` : '';
  lines.push('', `Final state: ${state ? `${state.status}${outcome}, version ${state.version}` : 'no case'}`);
  for (const item of result.upcoming) {
    lines.push(`Upcoming: ${londonTime(item.at)}  ${item.type === 'task_due' ? `"${item.name}" due` : `timer at ${item.node}`}`);
  }
  for (const item of result.overdue) lines.push(`Overdue: "${item.name}" was due ${londonTime(item.at)}`);
  for (const failure of result.failures) lines.push(`FAILED step ${failure.step}: ${failure.message}`);
  return lines.join('\n');
}
