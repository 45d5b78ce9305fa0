import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../engine/index.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { auditOf, makeCase } from '../store/store-contract-fixtures.ts';

let api: Api;
beforeEach(async () => {
  api = await apiHarness('2026-11-02T09:00:00Z');
});
afterEach(async () => api.close());

const sam: Actor = { id: 'camden.social_worker', roles: ['social_worker'], teams: [] };

/** A case started and withdrawn on 2 November 2026. */
async function withdrawnCase(caseId: string, dateOfBirth: string) {
  await api.runner.startCase({ definition: 'camden', entry: 'sw_assessment', subject: { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth }] }, by: sam, caseId });
  await api.runner.dispatch(caseId, { type: 'case_withdrawn', by: sam, reason: 'Moved away' });
}

interface Report { today: string; due: Array<{ caseId: string; due: string; rule: string }>; held: Array<{ caseId: string; hold: { by: string; reason: string } }>; undated: unknown[]; notYetDue: number }

describe('Given withdrawn Camden cases, one whose child turns 25 today, and a Clinic case due too', () => {
  beforeEach(async () => {
    await withdrawnCase('case-due', '2001-11-02');
    await withdrawnCase('case-later', '2010-05-01');
    // Another authority's case, written through the store as the runner would have left it.
    const clinic = makeCase({ id: 'case-clinic', authority: 'clinic', status: 'withdrawn', definition: { id: 'clinic', version: 1 }, children: [{ name: 'Ada', dateOfBirth: '2001-11-02' }] });
    await api.store.commitStep({ caseState: clinic, expectedVersion: null, audit: [auditOf(clinic)], outbox: [] });
  });

  it('When Camden’s admin reads the retention report, Then only Camden’s due case is listed, with its rule, and nothing changes', async () => {
    const admin = await api.signIn('admin@camden.example');
    const response = await admin.get('/api/retention');
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report).toMatchObject({ today: '2026-11-02', held: [], undated: [], notYetDue: 1 });
    expect(report.due).toMatchObject([{ caseId: 'case-due', due: '2026-11-02', rule: 'kept until the youngest child\'s 25th birthday, then anonymised' }]);
    expect((await api.store.getCase('case-due'))?.subject.familyName).toBe('Okafor');
    const later = (await (await admin.get('/api/retention?on=2035-05-01')).json()) as Report;
    expect(later.due.map((d) => d.caseId)).toEqual(['case-due', 'case-later']);
    expect(await api.store.listAccess({ authority: 'camden', actor: admin.user.id })).toMatchObject([
      { action: 'cases_listed', detail: { what: 'retention_report', cases: ['case-due'] } },
      { action: 'cases_listed', detail: { what: 'retention_report', on: '2035-05-01', cases: ['case-due', 'case-later'] } },
    ]);
  });

  it('When the admin puts the due case on legal hold, Then the report lists it as held, the case’s log says so, and releasing it makes it due again', async () => {
    const admin = await api.signIn('admin@camden.example');
    const put = await admin.post('/api/cases/case-due/legal-hold', { reason: 'Care proceedings' });
    expect(put.status).toBe(201);
    expect(await put.json()).toEqual({ caseId: 'case-due', authority: 'camden', by: admin.user.id, at: '2026-11-02T09:00:00.000Z', reason: 'Care proceedings' });
    expect((await admin.get('/api/cases/case-due/legal-hold')).status).toBe(200);
    const report = (await (await admin.get('/api/retention')).json()) as Report;
    expect(report.due).toEqual([]);
    expect(report.held).toMatchObject([{ caseId: 'case-due', hold: { by: admin.user.id, reason: 'Care proceedings' } }]);
    expect((await api.store.listAudit('case-due')).at(-1)).toMatchObject({ action: 'legal_hold_set', actor: admin.user.id });

    expect((await admin.delete('/api/cases/case-due/legal-hold')).status).toBe(204);
    expect((await api.store.listAudit('case-due')).at(-1)).toMatchObject({ action: 'legal_hold_released', actor: admin.user.id });
    expect(((await (await admin.get('/api/retention')).json()) as Report).due.map((d) => d.caseId)).toEqual(['case-due']);
    const again = await admin.delete('/api/cases/case-due/legal-hold');
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ code: 'not_held' });
  });

  it('Then a practitioner is refused, another authority’s case is not found, and a hold without a reason or a bad date is refused by field', async () => {
    const worker = await api.signIn('social_worker@camden.example');
    expect((await worker.get('/api/retention')).status).toBe(403);
    expect((await worker.post('/api/cases/case-due/legal-hold', { reason: 'x' })).status).toBe(403);
    expect((await worker.delete('/api/cases/case-due/legal-hold')).status).toBe(403);

    const admin = await api.signIn('admin@camden.example');
    expect((await admin.post('/api/cases/case-clinic/legal-hold', { reason: 'x' })).status).toBe(404);
    expect((await admin.delete('/api/cases/case-clinic/legal-hold')).status).toBe(404);
    expect(await api.store.getLegalHold('case-clinic')).toBeNull();
    expect((await admin.post('/api/cases/nope/legal-hold', { reason: 'x' })).status).toBe(404);

    const empty = await admin.post('/api/cases/case-due/legal-hold', {});
    expect(empty.status).toBe(422);
    expect(await empty.json()).toMatchObject({ errors: [{ pointer: '/reason', message: 'Enter why the case must be kept' }] });
    const unknown = await admin.post('/api/cases/case-due/legal-hold', { reason: 'x', until: '2030-01-01' });
    expect(unknown.status).toBe(422);
    const badDate = await admin.get('/api/retention?on=31/01/2027');
    expect(badDate.status).toBe(422);
    expect(await badDate.json()).toMatchObject({ errors: [{ pointer: '/query/on' }] });
  });
});
