/**
 * Open tasks by team and by worker: how many are overdue, how many fall due within the next 5
 * working days (today is day 0, so "due soon" ends with the 5th working day after today, in the
 * definition's own calendar: bank holidays and closure days do not count), and how many have no
 * due date at all (a timescale the protocol leaves open, or one counted from a date not yet known).
 */
import type { Instant } from '../../engine/index.ts';
import type { Store, TaskRow } from '../store/index.ts';
import { REPORT_LIMIT, teamsOf, type ReportContext } from './report-access.ts';
import type { Cell } from './report-csv.ts';
import { byCountThenName } from './report-open-cases.ts';
import type * as Api from './api-types.gen.ts';

export const DUE_SOON_WORKING_DAYS = 5;

interface Counts {
  open: number;
  overdue: number;
  dueSoon: number;
  noDueDate: number;
}

const zero = (): Counts => ({ open: 0, overdue: 0, dueSoon: 0, noDueDate: 0 });

/** `shown` collects the ids of the cases whose tasks are counted, for the reader's access log. */
export async function tasksReport(store: Store, context: ReportContext, now: Instant, shown = new Set<string>()): Promise<Api.TasksReport> {
  const rows = await store.listTasks({ authority: context.authority, status: 'open', limit: REPORT_LIMIT });
  for (const row of rows) shown.add(row.caseId);
  const dueSoonUntil: Record<string, Instant> = {};
  const until = (definitionId: string) => {
    if (!dueSoonUntil[definitionId]) {
      const calendar = context.calendarOf(definitionId);
      dueSoonUntil[definitionId] = calendar.endOfDay(calendar.addWorkingDays(calendar.localDate(now), DUE_SOON_WORKING_DAYS));
    }
    return dueSoonUntil[definitionId];
  };
  const totals = zero();
  const teams = new Map<string, { team: string | null; teamName: string } & Counts>();
  const workers = new Map<string, { worker: string | null; workerName: string } & Counts>();
  for (const row of rows) {
    const kind = classify(row, now, until(row.definitionId));
    count(totals, kind);
    for (const group of teamsOf(row, context)) {
      const key = group.team ?? '';
      count(teams.get(key) ?? set(teams, key, { ...group, ...zero() }), kind);
    }
    const worker = row.assigneeKind === 'worker' ? row.assignee : null;
    const workerName = worker ? (context.people.get(worker)?.name ?? worker) : 'Not allocated to a worker';
    count(workers.get(worker ?? '') ?? set(workers, worker ?? '', { worker, workerName, ...zero() }), kind);
  }
  return {
    report: 'tasks',
    authority: context.authority,
    asOf: now,
    dueSoonWorkingDays: DUE_SOON_WORKING_DAYS,
    dueSoonUntil,
    totals,
    byTeam: [...teams.values()].sort(byCountThenName((r) => r.open, (r) => r.teamName)),
    byWorker: [...workers.values()].sort(byCountThenName((r) => r.open, (r) => r.workerName)),
    truncated: rows.length >= REPORT_LIMIT,
  };
}

type Kind = 'overdue' | 'dueSoon' | 'noDueDate' | 'later';

function classify(row: TaskRow, now: Instant, dueSoonUntil: Instant): Kind {
  if (row.due === null) return 'noDueDate';
  // `overdue` is set when the due timer fires; the comparison covers a timer not yet run.
  if (row.overdue || Date.parse(row.due) < Date.parse(now)) return 'overdue';
  return Date.parse(row.due) <= Date.parse(dueSoonUntil) ? 'dueSoon' : 'later';
}

function count(counts: Counts, kind: Kind) {
  counts.open += 1;
  if (kind !== 'later') counts[kind] += 1;
}

function set<V>(map: Map<string, V>, key: string, value: V): V {
  map.set(key, value);
  return value;
}

export const tasksCsv = (report: Api.TasksReport): { header: string[]; rows: Cell[][] } => {
  const numbers = (c: Counts): Cell[] => [c.open, c.overdue, c.dueSoon, c.noDueDate];
  return {
    header: ['dimension', 'key', 'name', 'open', 'overdue', `due_in_next_${DUE_SOON_WORKING_DAYS}_working_days`, 'no_due_date'],
    rows: [
      ['total', null, 'All open tasks', ...numbers(report.totals)],
      ...report.byTeam.map((r): Cell[] => ['team', r.team, r.teamName, ...numbers(r)]),
      ...report.byWorker.map((r): Cell[] => ['worker', r.worker, r.workerName, ...numbers(r)]),
    ],
  };
};
