/**
 * Management reports for an authority's admins and managers (see report-access.ts for who counts
 * as a manager): open cases by stage and team, open tasks by due state, and how often each
 * timescale is met. Each is JSON for the workspace, or CSV with `?format=csv`.
 */
import { Hono, type Context } from 'hono';
import { WorkingCalendar } from '../../engine/index.ts';
import type { AppEnv } from '../http/env.ts';
import { invalidQuery, queryParameters, readQuery, type QueryShape } from './case-params.ts';
import { errors, type Operation, type Paths } from './openapi-types.ts';
import { recordListRead } from './access-audit.ts';
import { managerContext } from './report-access.ts';
import { csvResponse, type Cell } from './report-csv.ts';
import { openCasesCsv, openCasesReport } from './report-open-cases.ts';
import { tasksCsv, tasksReport } from './report-tasks.ts';
import { timescalesCsv, timescalesReport } from './report-timescales.ts';
import type * as Api from './api-types.gen.ts';

/** A month from 2000-01 to 2099-12: before that, counting back from `to` left four-digit years (0597-02 was a 500). */
const MONTH = '^20[0-9]{2}-(0[1-9]|1[0-2])$';
/** Longest period one timescales report covers, in months. */
const MAX_MONTHS = 24;
const DEFAULT_MONTHS = 3;

const format = { type: 'string', title: 'Format', enum: ['json', 'csv'] };
const formatOnly: QueryShape = { title: 'Report', schema: { type: 'object', additionalProperties: false, properties: { format } } };
const period: QueryShape = {
  title: 'Report',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      format,
      from: { type: 'string', title: 'First month', pattern: MONTH },
      to: { type: 'string', title: 'Last month', pattern: MONTH },
    },
  },
  errorMessages: {
    '/from': { pattern: 'Enter the first month as a year and month, like 2026-11' },
    '/to': { pattern: 'Enter the last month as a year and month, like 2027-01' },
  },
};

type Output = { header: string[]; rows: Cell[][] };

/**
 * A report shows counts, not cases, but the counts are of children's cases: the read is recorded
 * naming the cases counted (`shown`), like any list (access-audit.ts).
 */
async function send<T extends Api.OpenCasesReport | Api.TasksReport | Api.TimescalesReport>(c: Context<AppEnv>, report: T, shown: Set<string>, csv: (r: T) => Output, wantCsv: boolean, period = {}) {
  await recordListRead(c, 'report', shown, { report: report.report, ...period, format: wantCsv ? 'csv' : 'json' });
  if (!wantCsv) return c.json(report satisfies Api.OpenCasesReport | Api.TasksReport | Api.TimescalesReport);
  const { header, rows } = csv(report);
  return csvResponse(c, `stepwise-${report.report}-${report.authority}-${report.asOf.slice(0, 10)}.csv`, header, rows);
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export const reportRoutes = new Hono<AppEnv>()
  .get('/api/reports/open-cases', async (c) => {
    const context = await managerContext(c);
    const query = readQuery<{ format?: string }>(c, formatOnly);
    const { store, clock } = c.get('deps');
    const shown = new Set<string>();
    return send(c, await openCasesReport(store, context, clock.now(), shown), shown, openCasesCsv, query.format === 'csv');
  })
  .get('/api/reports/tasks', async (c) => {
    const context = await managerContext(c);
    const query = readQuery<{ format?: string }>(c, formatOnly);
    const { store, clock } = c.get('deps');
    const shown = new Set<string>();
    return send(c, await tasksReport(store, context, clock.now(), shown), shown, tasksCsv, query.format === 'csv');
  })
  .get('/api/reports/timescales', async (c) => {
    const context = await managerContext(c);
    const query = readQuery<{ format?: string; from?: string; to?: string }>(c, period);
    const { store, clock } = c.get('deps');
    const now = clock.now();
    const to = query.to ?? WorkingCalendar.for({}).localDate(now).slice(0, 7);
    const from = query.from ?? monthOf(monthIndex(to) - (DEFAULT_MONTHS - 1));
    if (monthIndex(from) > monthIndex(to)) {
      throw invalidQuery([{ pointer: '/query/from', keyword: 'maximum', message: 'The first month must be the same as or before the last month' }]);
    }
    if (monthIndex(to) - monthIndex(from) >= MAX_MONTHS) {
      throw invalidQuery([{ pointer: '/query/from', keyword: 'minimum', message: `A report covers at most ${MAX_MONTHS} months: choose a later first month` }]);
    }
    const shown = new Set<string>();
    return send(c, await timescalesReport(store, context, now, from, to, shown), shown, timescalesCsv, query.format === 'csv', { from, to });
  });

const formatNote = '`csv` for a spreadsheet download (text/csv, header row, RFC 4180 quoting); JSON otherwise';
const report = (summary: string, query: QueryShape = formatOnly, notes: Record<string, string> = {}): { get: Operation } => ({
  get: {
    summary,
    tags: ['Reports'],
    parameters: queryParameters(query, { format: formatNote, ...notes }),
    responses: { '200': { description: 'The report as JSON, or as CSV with `format=csv`' }, ...errors(401, 403, 422) },
  },
});

export const reportPaths: Paths = {
  '/api/reports/open-cases': report('Open cases by stage and by team (admins and managers)'),
  '/api/reports/tasks': report(`Open tasks by team and by worker: overdue, due in the next 5 working days, no due date (admins and managers)`),
  '/api/reports/timescales': report('How often each timescale was met, by team and by month due, for tasks completed in a period (admins and managers)', period, {
    from: `First month (YYYY-MM, London time); defaults to ${DEFAULT_MONTHS - 1} months before \`to\`; not after \`to\``,
    to: `Last month (YYYY-MM), included; defaults to this month. At most ${MAX_MONTHS} months in all`,
  }),
};
