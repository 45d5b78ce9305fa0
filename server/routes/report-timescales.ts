/**
 * How often each timescale in the protocol is met: every user task node with a `due`, named by
 * the due's `label` as the protocol words it ("within 2 working days").
 *
 * Which tasks count: those COMPLETED in the period (from the first day of `from` to the end of
 * `to`, London time, half-open so consecutive periods never count a task twice; the way the DfE
 * counts "assessments completed within 45 working days"). A task is met if it was completed at
 * or before its due instant, late otherwise. Months are the month each task was DUE, so a task
 * due on 30 November and completed late on 2 December counts under November in a report for
 * December. `openOverdue` is a snapshot as of now: tasks still open whose due instant has passed
 * and fell before the end of the period, whenever it was (the backlog).
 */
import { WorkingCalendar, type Instant } from '../../engine/index.ts';
import type { Store, TaskRow } from '../store/index.ts';
import { REPORT_LIMIT, teamsOf, type ReportContext } from './report-access.ts';
import { percent, type Cell } from './report-csv.ts';
import type * as Api from './api-types.gen.ts';

interface Tally {
  completed: number;
  met: number;
  late: number;
  metPercent: number | null;
  openOverdue: number;
}

class Counter {
  private readonly rows = new Map<string, Tally>();

  constructor(private readonly sort: (a: string, b: string) => number) {}

  add(key: string, fields: object, outcome: 'met' | 'late' | 'openOverdue') {
    const row = this.rows.get(key) ?? { ...fields, completed: 0, met: 0, late: 0, metPercent: null, openOverdue: 0 };
    row[outcome] += 1;
    if (outcome !== 'openOverdue') row.completed += 1;
    row.metPercent = percent(row.met, row.completed);
    this.rows.set(key, row);
  }

  list<T>(): Array<T & Tally> {
    return [...this.rows].sort(([a], [b]) => this.sort(a, b)).map(([, row]) => row as T & Tally);
  }
}

const byKey = (a: string, b: string) => a.localeCompare(b, 'en-GB');

interface Timescale {
  definitionId: string;
  node: string;
  name: string;
  stage: string | null;
  label: string;
  totals: Counter;
  byTeam: Counter;
  byMonth: Counter;
}

/** The first instant of a `YYYY-MM` month in London, and of the month after `to`. */
export function periodOf(from: string, to: string): { start: Instant; end: Instant } {
  const london = WorkingCalendar.for({});
  const [year, month] = to.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return { start: london.startOfDay(`${from}-01`), end: london.startOfDay(`${next}-01`) };
}

/** `shown` collects the ids of the cases whose tasks are counted, for the reader's access log. */
export async function timescalesReport(store: Store, context: ReportContext, now: Instant, from: string, to: string, shown = new Set<string>()): Promise<Api.TimescalesReport> {
  const { authority } = context;
  const period = periodOf(from, to);
  const openBefore = Date.parse(now) < Date.parse(period.end) ? now : period.end;
  const [completed, open] = await Promise.all([
    store.listTasks({ authority, status: 'completed', completedFrom: period.start, completedTo: period.end, limit: REPORT_LIMIT }),
    store.listTasks({ authority, status: 'open', dueBefore: openBefore, limit: REPORT_LIMIT }),
  ]);
  const timescales = new Map<string, Timescale>();
  const entry = (definitionId: string, node: string, name: string, stage: string | null, label: string | null) => {
    const key = `${definitionId}/${node}`;
    let found = timescales.get(key);
    if (!found) {
      found = { definitionId, node, name, stage, label: label ?? name, totals: new Counter(byKey), byTeam: new Counter(byKey), byMonth: new Counter(byKey) };
      timescales.set(key, found);
    }
    return found;
  };
  // Every timescale of the protocol is listed, even one nothing has counted against yet.
  for (const definition of context.definitions.values()) {
    for (const node of definition.nodes) {
      if (node.kind === 'user_task' && node.due) entry(definition.id, node.id, node.name, node.stage ?? null, node.due.label ?? null);
    }
  }
  const overall = { totals: new Counter(byKey), byTeam: new Counter(byKey), byMonth: new Counter(byKey) };
  const tally = (row: TaskRow & { due: string }, outcome: 'met' | 'late' | 'openOverdue') => {
    shown.add(row.caseId);
    const timescale = entry(row.definitionId, row.node, row.name, null, row.dueLabel);
    const month = context.calendarOf(row.definitionId).localDate(row.due).slice(0, 7);
    for (const target of [timescale, overall]) {
      target.totals.add('', {}, outcome);
      for (const group of teamsOf(row, context)) target.byTeam.add(group.team ?? '', group, outcome);
      target.byMonth.add(month, { month }, outcome);
    }
  };
  for (const row of completed) {
    if (row.due === null || row.completedAt === null) continue; // no timescale applied to it
    tally({ ...row, due: row.due }, Date.parse(row.completedAt) <= Date.parse(row.due) ? 'met' : 'late');
  }
  for (const row of open) if (row.due !== null) tally({ ...row, due: row.due }, 'openOverdue');

  const view = (t: { totals: Counter; byTeam: Counter; byMonth: Counter }) => ({
    ...(t.totals.list<object>()[0] ?? { completed: 0, met: 0, late: 0, metPercent: null, openOverdue: 0 }),
    byTeam: t.byTeam.list<{ team: string | null; teamName: string }>(),
    byMonth: t.byMonth.list<{ month: string }>(),
  });
  return {
    report: 'timescales',
    authority,
    asOf: now,
    from,
    to,
    period,
    totals: view(overall),
    timescales: [...timescales.values()].map(({ totals, byTeam, byMonth, ...about }) => ({ ...about, ...view({ totals, byTeam, byMonth }) })),
    truncated: completed.length >= REPORT_LIMIT || open.length >= REPORT_LIMIT,
  };
}

export function timescalesCsv(report: Api.TimescalesReport): { header: string[]; rows: Cell[][] } {
  const numbers = (t: Tally): Cell[] => [t.completed, t.met, t.late, t.metPercent, t.openOverdue];
  const rows: Cell[][] = [];
  const emit = (about: Cell[], t: Api.TimescalesReport['totals']) => {
    rows.push([...about, 'all', null, 'All', ...numbers(t)]);
    for (const r of t.byTeam) rows.push([...about, 'team', r.team, r.teamName, ...numbers(r)]);
    for (const r of t.byMonth) rows.push([...about, 'month_due', r.month, r.month, ...numbers(r)]);
  };
  emit([null, null, 'All timescales'], report.totals);
  for (const t of report.timescales) emit([t.definitionId, t.node, t.label], t);
  return { header: ['definition', 'node', 'timescale', 'dimension', 'key', 'name', 'completed', 'met', 'late', 'met_percent', 'open_overdue'], rows };
}
