import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import type { AccessRecord } from '../store/index.ts';
import { givenCamdenStepDowns } from './report-given.ts';

let api: Api;
beforeAll(async () => {
  api = await apiHarness();
  await givenCamdenStepDowns(api);
});
afterAll(async () => api.close());

const CAMDEN = ['case-brown', 'case-hughes', 'case-lewis', 'case-nowak', 'case-okafor', 'case-patel'];
type Json = Record<string, unknown>;

/** Reads `path` as `email`; returns the answer and the reader's access-log entries the read added. */
async function read(email: string, path: string): Promise<{ body: Json; added: AccessRecord[] }> {
  const who = await api.signIn(email);
  const mine = () => api.store.listAccess({ authority: 'camden', actor: who.user.id });
  const before = (await mine()).length;
  const response = await who.get(path);
  expect(response.status).toBe(200);
  const body = (response.headers.get('content-type') ?? '').includes('json') ? ((await response.json()) as Json) : {};
  return { body, added: (await mine()).slice(before) };
}

describe('Given six Camden step downs, every list of children’s cases is one audit entry naming the cases shown', () => {
  it('When the front door lists open cases, Then one entry names exactly the cases listed, with the filters', async () => {
    const { body, added } = await read('eh_front_door_manager@camden.example', '/api/cases?status=open');
    const listed = (body.cases as Array<{ id: string }>).map((c) => c.id);
    expect(listed.length).toBeGreaterThan(0);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ authority: 'camden', action: 'cases_listed', at: '2026-12-21T09:00:00.000Z', detail: { what: 'case_list', status: 'open', cases: [...listed].sort() } });
  });

  it('When they search by name, Then the entry says it was a search and names the cases found, but never the words searched for', async () => {
    const { body, added } = await read('eh_front_door_manager@camden.example', '/api/cases?q=okafor');
    expect((body.cases as Array<{ id: string }>).map((c) => c.id)).toEqual(['case-okafor']);
    // Exactly this: no `q`, so the name searched for is nowhere in the log.
    expect(added.map((e) => e.detail)).toEqual([{ what: 'case_search', cases: ['case-okafor'] }]);
  });

  it('When the front door opens My work and its tray, Then each is one entry naming the cases of the tasks shown', async () => {
    const mine = await read('eh_front_door_manager@camden.example', '/api/work');
    const shown = [...new Set((mine.body.tasks as Array<{ caseId: string }>).map((t) => t.caseId))].sort();
    expect(shown.length).toBeGreaterThan(0);
    expect(mine.added.map((e) => e.detail)).toEqual([{ what: 'my_work', cases: shown }]);
    const tray = await read('eh_front_door_manager@camden.example', '/api/trays/eh_front_door?overdue=true');
    const inTray = [...new Set((tray.body.tasks as Array<{ caseId: string }>).map((t) => t.caseId))].sort();
    expect(tray.added.map((e) => e.detail)).toEqual([{ what: 'tray', team: 'eh_front_door', overdue: 'true', cases: inTray }]);
  });

  it('When the admin reads the outbox, whose e-mails quote referrals, Then one entry names the cases of the messages shown', async () => {
    const { body, added } = await read('admin@camden.example', '/api/outbox?kind=notify');
    const shown = [...new Set((body.messages as Array<{ caseId: string }>).map((m) => m.caseId))].sort();
    expect(shown).toEqual(CAMDEN.filter((id) => shown.includes(id)));
    expect(added.map((e) => e.detail)).toEqual([{ what: 'outbox', kind: 'notify', cases: shown }]);
    // The entry holds ids: no subject, body or address.
    expect(JSON.stringify(added)).not.toMatch(/@|Overdue|referral/i);
  });

  it('When a manager runs each report, as JSON or CSV, Then one entry each names the report, its period and the Camden cases it counted', async () => {
    const manager = 'eh_service_manager@camden.example';
    const open = await read(manager, '/api/reports/open-cases');
    expect(open.added.map((e) => e.detail)).toEqual([{ what: 'report', report: 'open-cases', format: 'json', cases: CAMDEN }]);
    const tasks = await read(manager, '/api/reports/tasks?format=csv');
    expect(tasks.added).toHaveLength(1);
    expect(tasks.added[0]?.detail).toMatchObject({ what: 'report', report: 'tasks', format: 'csv' });
    expect((tasks.added[0]?.detail.cases as string[]).every((id) => CAMDEN.includes(id))).toBe(true);
    const timescales = await read(manager, '/api/reports/timescales?from=2026-11&to=2026-12');
    expect(timescales.added.map((e) => e.detail)).toEqual([{ what: 'report', report: 'timescales', from: '2026-11', to: '2026-12', format: 'json', cases: expect.arrayContaining(['case-okafor', 'case-patel']) }]);
    expect(timescales.added[0]?.detail.cases).not.toContain('case-graft');
  });

  it('Then every reader’s access log checks out under the audit key', async () => {
    for (const entry of await api.store.listAccess({ authority: 'camden' })) {
      expect(await api.store.verifyLog({ authority: 'camden', actor: entry.actor })).toMatchObject({ ok: true });
    }
  });
});
