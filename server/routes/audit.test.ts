import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, checkedRequests, type Api } from '../../test/support/api.ts';
import { createApp } from '../app.ts';
import { DEFAULT_CONFIG } from '../http/env.ts';
import { verifyChain } from '../store/audit-chain.ts';
import type { Store } from '../store/index.ts';
import { givenCamdenStepDowns } from './report-given.ts';

interface Entry {
  seq: number;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  detail: Record<string, unknown>;
}

let api: Api;
beforeAll(async () => {
  api = await apiHarness();
  await givenCamdenStepDowns(api);
});
afterAll(async () => api.close());

describe('Given the Okafor case, worked from 2 to 10 November 2026', () => {
  it('When an EH service manager reads its audit trail, Then every entry comes in order with who did it, and the read itself is the last entry', async () => {
    const manager = await api.signIn('eh_service_manager@camden.example');
    const response = await manager.get('/api/cases/case-okafor/audit');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { caseId: string; familyName: string; status: string; entries: Entry[] };
    expect(body).toMatchObject({ caseId: 'case-okafor', familyName: 'Okafor', status: 'open', definition: { id: 'camden', version: 2 } });
    expect(body.entries.map((e) => e.seq)).toEqual(body.entries.map((_, i) => i + 1));
    expect(body.entries[0]).toMatchObject({ seq: 1, at: '2026-11-02T09:00:00.000Z', actor: 'camden.social_worker', actorName: 'Demo Social worker (CIN social worker)', action: 'case_started' });
    expect(body.entries.filter((e) => e.action === 'task_completed').map((e) => e.actor)).toEqual(['camden.social_worker', 'camden.eh_front_door_manager', 'camden.kate', 'camden.kate']);
    expect(body.entries.at(-1)).toEqual({ seq: body.entries.length, at: '2026-12-21T09:00:00.000Z', actor: 'camden.eh_service_manager', actorName: 'Demo Early Help service manager', action: 'case_read', detail: { what: 'audit' } });
    // Details hold ids and codes only: the family's name is on the case, never in its log.
    expect(JSON.stringify(body.entries)).not.toContain('Okafor');

    const again = (await (await manager.get('/api/cases/case-okafor/audit')).json()) as { entries: Entry[] };
    expect(again.entries).toHaveLength(body.entries.length + 1);
  });

  it('When they verify it, Then the chain checks out, its own read included', async () => {
    const admin = await api.signIn('admin@camden.example');
    const verdict = (await (await admin.get('/api/cases/case-okafor/audit/verify')).json()) as Record<string, unknown>;
    const stored = await api.store.listAudit('case-okafor');
    expect(verdict).toEqual({ caseId: 'case-okafor', checkedAt: '2026-12-21T09:00:00.000Z', ok: true, entries: stored.length });
    expect(stored.at(-1)).toMatchObject({ actor: 'camden.admin', action: 'case_read', detail: { what: 'audit_verify' } });
  });

  it('When a copy of its log is altered or an entry removed, Then the chain check names the first entry that does not check out', async () => {
    // The stores' triggers forbid changing the real log, so tamper with a copy and check it the way verifyAudit does.
    const entries = await api.store.listAudit('case-okafor');
    const head = { count: entries.length, hash: entries.at(-1)!.hash };
    const key = api.auditKey;
    expect(verifyChain(entries, head, key)).toEqual({ ok: true, entries: entries.length });
    const edited = entries.map((e) => (e.seq === 3 ? { ...e, actor: 'camden.eh_head_of_service' } : e));
    expect(verifyChain(edited, head, key)).toEqual({ ok: false, brokenAt: 3, reason: 'entry 3 was changed after it was written', entries: entries.length });
    expect(verifyChain(entries.filter((e) => e.seq !== 2), head, key)).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry 2 is missing' });
    expect(verifyChain(entries.slice(0, -1), head, key)).toMatchObject({ ok: false, reason: `the log ends at entry ${entries.length - 1} but the case records ${entries.length}` });

    // And the endpoint passes such a verdict on as it is.
    const broken: Store = Object.create(api.store, { verifyAudit: { value: async () => verifyChain(edited, head, key) } });
    const app = createApp({ store: broken, runner: api.runner, clock: api.clock, config: { ...DEFAULT_CONFIG, secureCookies: false } });
    const manager = await api.signIn('eh_service_manager@camden.example');
    const response = await checkedRequests(app)('/api/cases/case-okafor/audit/verify', { headers: { cookie: manager.cookie } });
    expect(await response.json()).toMatchObject({ ok: false, brokenAt: 3, reason: 'entry 3 was changed after it was written' });
  });
});

describe('Who may read an audit trail', () => {
  it('Given a social worker or the EH front door manager, Then 403 for the trail and the check, whatever the case', async () => {
    for (const email of ['social_worker@camden.example', 'eh_front_door_manager@camden.example']) {
      const who = await api.signIn(email);
      for (const path of ['/api/cases/case-okafor/audit', '/api/cases/case-okafor/audit/verify', '/api/cases/no-such-case/audit']) {
        expect(await (await who.get(path)).json()).toMatchObject({ status: 403, code: 'not_allowed' });
      }
    }
  });

  it('Given a Graft manager, Then Camden’s case answers 404 exactly like a case that does not exist, and nothing is added to its log', async () => {
    const before = (await api.store.listAudit('case-okafor')).length;
    const graft = await api.signIn('sc_team_manager@graft.example');
    const other = await graft.get('/api/cases/case-okafor/audit');
    const missing = await graft.get('/api/cases/no-such-case/audit');
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual(await missing.json());
    expect((await graft.get('/api/cases/case-okafor/audit/verify')).status).toBe(404);
    expect(await api.store.listAudit('case-okafor')).toHaveLength(before);
    expect((await graft.get('/api/cases/case-graft/audit')).status).toBe(200);
  });

  it('Given no session, Then 401', async () => {
    expect((await api.request('/api/cases/case-okafor/audit')).status).toBe(401);
  });
});
