/**
 * How pressing a task is, in the words a tray uses: "due today", "due tomorrow", "overdue by 2
 * working days". Worked out here, with the server's clock and the protocol's own calendar (its
 * time zone, bank holidays and closure days), so every list and the case page agree.
 */
import { WorkingCalendar, type Instant, type LocalDate, type WorkflowDefinition } from '../../engine/index.ts';
import type * as Api from './api-types.gen.ts';
import { isOverdue } from './case-context.ts';

const nextDay = (d: LocalDate): LocalDate => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function dueTag(task: { overdue: boolean; due?: Instant | null }, definition: WorkflowDefinition | undefined, now: Instant): Api.WorkItem['dueTag'] {
  if (task.due == null && !task.overdue) return null;
  const calendar = WorkingCalendar.for(definition?.calendar);
  const today = calendar.localDate(now);
  if (isOverdue(task, now)) {
    // Working days after the due day up to today: due Wednesday 23 December 2026 and still open on
    // Tuesday 29th is 2 (24th and 29th; Christmas Day and the Boxing Day holiday on the 28th do not count).
    const workingDays = task.due == null ? 0 : Math.max(0, calendar.workingDaysBetween(calendar.localDate(task.due), today));
    return { kind: 'overdue', workingDays };
  }
  const day = calendar.localDate(task.due!);
  if (day === today) return { kind: 'today' };
  if (day === nextDay(today)) return { kind: 'tomorrow' };
  return null;
}
