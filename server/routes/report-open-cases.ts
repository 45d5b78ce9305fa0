/**
 * Open cases by stage and by team. A case counts once in each stage and each team where it has
 * an open task (a case at two parallel steps counts in both), so rows can add up to more than
 * the number of open cases; `totals.openCases` is the number of cases.
 */
import type { Instant } from '../../engine/index.ts';
import type { Store } from '../store/index.ts';
import { definitionVersion } from './case-context.ts';
import { REPORT_LIMIT, teamsOf, type ReportContext } from './report-access.ts';
import type { Cell } from './report-csv.ts';
import type * as Api from './api-types.gen.ts';

/** Stage of a case with no open task: waiting on a timer, a sub-case or a join. */
export const NO_OPEN_TASK = 'No open task (waiting on a date or another case)';

/** `shown` collects the ids of the cases counted, for the reader's access log. */
export async function openCasesReport(store: Store, context: ReportContext, now: Instant, shown = new Set<string>()): Promise<Api.OpenCasesReport> {
  const { authority } = context;
  const [cases, tasks] = await Promise.all([
    store.findCases({ authority, status: 'open', limit: REPORT_LIMIT }),
    store.listTasks({ authority, status: 'open', limit: REPORT_LIMIT }),
  ]);
  const open = new Map(cases.map((c) => [c.id, c]));
  for (const id of open.keys()) shown.add(id);
  const stages = new Map<string, Set<string>>();
  const teams = new Map<string, { team: string | null; teamName: string; cases: Set<string> }>();
  const withTask = new Set<string>();
  for (const row of tasks) {
    const summary = open.get(row.caseId);
    if (!summary) continue; // a task row of a case closed meanwhile
    withTask.add(row.caseId);
    const definition = await definitionVersion(store, summary.definition.id, summary.definition.version);
    const stage = definition?.nodes.find((n) => n.id === row.node)?.stage ?? row.name;
    add(stages, stage, row.caseId);
    for (const group of teamsOf(row, context)) {
      const key = group.team ?? '';
      const entry = teams.get(key) ?? { ...group, cases: new Set<string>() };
      entry.cases.add(row.caseId);
      teams.set(key, entry);
    }
  }
  const waiting = cases.filter((c) => !withTask.has(c.id)).length;
  const byStage = [...stages].map(([stage, ids]) => ({ stage, cases: ids.size }));
  if (waiting > 0) byStage.push({ stage: NO_OPEN_TASK, cases: waiting });
  return {
    report: 'open-cases',
    authority,
    asOf: now,
    totals: { openCases: cases.length, withoutOpenTask: waiting },
    byStage: byStage.sort(byCountThenName((r) => r.cases, (r) => r.stage)),
    byTeam: [...teams.values()].map(({ cases: ids, ...group }) => ({ ...group, cases: ids.size })).sort(byCountThenName((r) => r.cases, (r) => r.teamName)),
    truncated: cases.length >= REPORT_LIMIT || tasks.length >= REPORT_LIMIT,
  };
}

export const openCasesCsv = (report: Api.OpenCasesReport): { header: string[]; rows: Cell[][] } => ({
  header: ['dimension', 'key', 'name', 'open_cases'],
  rows: [
    ['total', null, 'All open cases', report.totals.openCases],
    ...report.byStage.map((r): Cell[] => ['stage', r.stage, r.stage, r.cases]),
    ...report.byTeam.map((r): Cell[] => ['team', r.team, r.teamName, r.cases]),
  ],
});

function add(map: Map<string, Set<string>>, key: string, value: string) {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

export function byCountThenName<T>(count: (row: T) => number, name: (row: T) => string) {
  return (a: T, b: T) => count(b) - count(a) || name(a).localeCompare(name(b), 'en-GB');
}
