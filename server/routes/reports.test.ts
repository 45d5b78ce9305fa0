import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { givenCamdenStepDowns, KTE, KTE_NAME } from './report-given.ts';

/** RFC 4180 read back: quoted fields, doubled quotes, CRLF rows (enough to check our output). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

let api: Api;
// The reports only read, so one set of cases serves every test here.
beforeAll(async () => {
  api = await apiHarness();
  await givenCamdenStepDowns(api);
});
afterAll(async () => api.close());

const manager = () => api.signIn('eh_service_manager@camden.example');
const json = async (path: string, who = manager()) => (await (await who).get(path)).json() as Promise<Record<string, unknown>>;

describe('Given six Camden step downs, on Monday 21 December 2026 at 09:00', () => {
  it('When an EH service manager opens the open cases report, Then cases are counted by stage (from the node) and by team, and Graft’s case is not among them', async () => {
    expect(await json('/api/reports/open-cases')).toEqual({
      report: 'open-cases',
      authority: 'camden',
      asOf: '2026-12-21T09:00:00.000Z',
      totals: { openCases: 6, withoutOpenTask: 0 },
      byStage: [{ stage: 'Allocation', cases: 2 }, { stage: 'Handover', cases: 2 }, { stage: 'Front door', cases: 1 }, { stage: 'Referral', cases: 1 }],
      byTeam: [
        { team: null, teamName: 'No team', cases: 3 },
        { team: KTE, teamName: KTE_NAME, cases: 2 },
        { team: 'eh_front_door', teamName: 'Early Help front door', cases: 1 },
      ],
      truncated: false,
    });
  });

  it('When they open the tasks report, Then "due soon" runs to the end of Wed 30 Dec (5 working days, skipping Christmas Day and the substitute Boxing Day), and the Lewis visit due on 6 Jan is not in it', async () => {
    const report = await json('/api/reports/tasks');
    expect(report).toMatchObject({
      dueSoonWorkingDays: 5,
      dueSoonUntil: { camden: '2026-12-30T23:59:59.999Z' },
      totals: { open: 6, overdue: 2, dueSoon: 2, noDueDate: 1 },
    });
    expect(report.byWorker).toEqual([
      { worker: 'camden.social_worker', workerName: 'Demo Social worker (CIN social worker)', open: 3, overdue: 1, dueSoon: 0, noDueDate: 1 },
      { worker: 'camden.kate', workerName: 'Kate Osei', open: 2, overdue: 1, dueSoon: 1, noDueDate: 0 },
      { worker: null, workerName: 'Not allocated to a worker', open: 1, overdue: 0, dueSoon: 1, noDueDate: 0 },
    ]);
    expect(report.byTeam).toContainEqual({ team: 'eh_front_door', teamName: 'Early Help front door', open: 1, overdue: 0, dueSoon: 1, noDueDate: 0 });
  });

  it('When they ask how timescales went in November and December, Then met and late are counted per timescale, team and month due, with percentages and the open overdue', async () => {
    const report = (await json('/api/reports/timescales?from=2026-11&to=2026-12')) as { totals: unknown; timescales: Array<Record<string, unknown>>; period: unknown };
    expect(report.period).toEqual({ start: '2026-11-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
    expect(report.totals).toMatchObject({ completed: 10, met: 8, late: 2, metPercent: 80, openOverdue: 2 });
    const screening = report.timescales.find((t) => t.node === 'asm_screen');
    expect(screening).toEqual({
      definitionId: 'camden',
      node: 'asm_screen',
      name: 'Screen the step down referral',
      stage: 'Front door',
      label: 'within 2 working days',
      completed: 4, met: 3, late: 1, metPercent: 75, openOverdue: 0,
      byTeam: [{ team: 'eh_front_door', teamName: 'Early Help front door', completed: 4, met: 3, late: 1, metPercent: 75, openOverdue: 0 }],
      byMonth: [
        { month: '2026-11', completed: 2, met: 1, late: 1, metPercent: 50, openOverdue: 0 },
        { month: '2026-12', completed: 2, met: 2, late: 0, metPercent: 100, openOverdue: 0 },
      ],
    });
    expect(report.timescales.find((t) => t.node === 'asm_consultation')).toMatchObject({ completed: 2, met: 2, openOverdue: 1 });
    // Every timescale of the protocol is listed, even those nothing has reached yet.
    expect(report.timescales.find((t) => t.node === 'daily_discussion')).toMatchObject({ label: 'at the next Daily Discussion (within 1 working day)', completed: 0, metPercent: null });
  });

  it('When they ask for December only, Then only December’s completions count, and November’s still-open overdue work stays visible', async () => {
    const report = (await json('/api/reports/timescales?from=2026-12&to=2026-12')) as { totals: unknown };
    expect(report.totals).toMatchObject({ completed: 5, met: 5, late: 0, metPercent: 100, openOverdue: 2 });
    // Without from/to: the three months to this one (October to December).
    expect(await json('/api/reports/timescales')).toMatchObject({ from: '2026-10', to: '2026-12', totals: { completed: 10, met: 8 } });
  });
});

describe('Reports as CSV', () => {
  it('Given a team name with a comma and quotes, When the open cases report is downloaded, Then it is an attachment with a header row and the name quoted as RFC 4180 says', async () => {
    const response = await (await manager()).get('/api/reports/open-cases?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="stepwise-open-cases-camden-2026-12-21.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const text = new TextDecoder().decode(bytes); // drops the BOM, as spreadsheet programs do
    expect(text.startsWith('dimension,key,name,open_cases\r\n')).toBe(true);
    expect(text).toContain('\r\nteam,ieys_kte_duty_manager,"IEYS Kentish Town East ""KTE"", duty manager",2\r\n');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['dimension', 'key', 'name', 'open_cases']);
    expect(rows).toContainEqual(['team', KTE, KTE_NAME, '2']);
    expect(rows.every((r) => r.length === 4)).toBe(true);
  });

  it('Then the tasks and timescales reports download the same way, every row as wide as the header', async () => {
    const who = await manager();
    for (const [path, width, name] of [['/api/reports/tasks?format=csv', 7, 'tasks'], ['/api/reports/timescales?from=2026-11&to=2026-12&format=csv', 11, 'timescales']] as const) {
      const response = await who.get(path);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="stepwise-${name}-camden-2026-12-21.csv"`);
      const rows = parseCsv(await response.text());
      expect(rows.every((r) => r.length === width)).toBe(true);
      expect(rows.some((r) => r.includes(KTE_NAME))).toBe(true);
    }
    const timescales = parseCsv((await (await who.get('/api/reports/timescales?from=2026-11&to=2026-12&format=csv')).text()));
    expect(timescales[0]).toEqual(['definition', 'node', 'timescale', 'dimension', 'key', 'name', 'completed', 'met', 'late', 'met_percent', 'open_overdue']);
    expect(timescales).toContainEqual(['camden', 'asm_screen', 'within 2 working days', 'month_due', '2026-11', '2026-11', '2', '1', '1', '50', '0']);
  });
});

describe('Who may see reports', () => {
  it('Given a social worker, or the EH front door manager (who manages no role), Then every report is refused with 403', async () => {
    for (const email of ['social_worker@camden.example', 'eh_front_door_manager@camden.example']) {
      const who = await api.signIn(email);
      for (const path of ['/api/reports/open-cases', '/api/reports/tasks', '/api/reports/timescales', '/api/reports/open-cases?format=csv']) {
        const response = await who.get(path);
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'not_allowed' });
      }
    }
  });

  it('Given Camden’s admin, Then they see the reports; given a Graft team manager, Then only Graft’s case; given no session, Then 401', async () => {
    expect(await json('/api/reports/open-cases', api.signIn('admin@camden.example'))).toMatchObject({ totals: { openCases: 6 } });
    expect(await json('/api/reports/open-cases', api.signIn('sc_team_manager@graft.example'))).toMatchObject({ authority: 'graft', totals: { openCases: 1 } });
    expect(await json('/api/reports/timescales?from=2026-11&to=2026-12', api.signIn('sc_team_manager@graft.example'))).toMatchObject({ totals: { completed: 0, openOverdue: 0 } });
    expect((await api.request('/api/reports/tasks')).status).toBe(401);
  });
});

describe('Bad report queries', () => {
  const refused = async (path: string) => {
    const response = await (await manager()).get(path);
    expect(response.status).toBe(422);
    return ((await response.json()) as { errors: Array<{ pointer: string; message: string }> }).errors;
  };

  it('Given a month that is not YYYY-MM, or a first month after the last, or more than 24 months, Then 422 names /query/from', async () => {
    expect(await refused('/api/reports/timescales?from=2026-13&to=2026-12')).toEqual([{ pointer: '/query/from', keyword: 'pattern', message: 'Enter the first month as a year and month, like 2026-11' }]);
    expect((await refused('/api/reports/timescales?from=2027-01&to=2026-12'))[0]).toMatchObject({ pointer: '/query/from', message: 'The first month must be the same as or before the last month' });
    expect((await refused('/api/reports/timescales?from=2024-12&to=2026-12'))[0]).toMatchObject({ pointer: '/query/from', message: 'A report covers at most 24 months: choose a later first month' });
    expect((await refused('/api/reports/timescales?to=December'))[0]).toMatchObject({ pointer: '/query/to' });
    // Found by the generated requests: a year before 1000 counted back to a three-digit year, and was a 500.
    expect((await refused('/api/reports/timescales?to=0597-02'))[0]).toMatchObject({ pointer: '/query/to', keyword: 'pattern' });
  });

  it('Given an unknown format, an unknown parameter or a repeated one, Then 422 names it', async () => {
    expect((await refused('/api/reports/tasks?format=xlsx'))[0]).toMatchObject({ pointer: '/query/format' });
    expect((await refused('/api/reports/open-cases?team=eh_front_door'))[0]).toMatchObject({ pointer: '/query/team' });
    expect((await refused('/api/reports/timescales?from=2026-11&from=2026-12'))[0]).toMatchObject({ pointer: '/query/from' });
  });
});
