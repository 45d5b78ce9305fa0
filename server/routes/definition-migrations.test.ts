import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { editDraft, nodeOf, startClinicCase } from './definition-test-kit.ts';

let api: Api;
beforeEach(async () => {
  api = await apiHarness('2026-11-02T09:00:00Z');
});
afterEach(async () => api.close());

type Admin = Awaited<ReturnType<Api['signIn']>>;

/** Version 2 gives the transfer form 5 working days: every node a case can wait at is still there. */
async function publishLongerTransfer(admin: Admin) {
  await editDraft(admin, 'clinic', (d) => {
    // Its wording with it: a deadline whose words say otherwise cannot be published.
    const due = nodeOf(d, 'transfer_form').due as { after: { amount: number }; label: string };
    due.after.amount = 5;
    due.label = due.label.replace('2 working days', '5 working days');
  });
  expect((await admin.post('/api/definitions/clinic/publish', { note: 'Changed for this test' })).status).toBe(201);
}

/** Version 2 renames the agenda cut-off timer, which a newly booked case is waiting at. */
async function publishRenamedTimer(admin: Admin) {
  await editDraft(admin, 'clinic', (d) => {
    const renamed = JSON.parse(JSON.stringify(d).replaceAll('"agenda_closes"', '"agenda_cutoff"')) as WorkflowDefinition;
    Object.assign(d, renamed);
  });
  expect((await admin.post('/api/definitions/clinic/publish', { note: 'Changed for this test' })).status).toBe(201);
}

describe('moving running cases to a new version', () => {
  it('Given a case on version 1 and a compatible version 2, When the admin plans, dry-runs and applies, Then only the apply moves it, and its audit log says who did', async () => {
    const running = await startClinicCase(api);
    const admin = await api.signIn('admin@clinic.example');
    await publishLongerTransfer(admin);

    const plan = await (await admin.get('/api/definitions/clinic/migrations/plan?from=1&to=2')).json();
    expect(plan).toEqual({ definition: 'clinic', from: 1, to: 2, cases: [{ caseId: running.id, version: 1, migratable: true, blockers: [] }], summary: { cases: 1, migratable: 1, blocked: 0 } });
    // `to` defaults to the latest version.
    expect(await (await admin.get('/api/definitions/clinic/migrations/plan?from=1')).json()).toEqual(plan);

    const dryRun = await (await admin.post('/api/definitions/clinic/migrations', { from: 1, to: 2, dryRun: true })).json();
    expect(dryRun).toMatchObject({ dryRun: true, summary: { migratable: 1 }, notInPlan: [] });
    expect((await api.store.getCase(running.id))?.definition.version).toBe(1);

    api.clock.set('2026-11-02T12:00:00Z');
    const applied = await (await admin.post('/api/definitions/clinic/migrations', { from: 1, to: 2, caseIds: [running.id, 'someone-elses'] })).json();
    expect(applied).toMatchObject({ dryRun: false, notInPlan: ['someone-elses'], result: { moved: [running.id], skipped: [] } });
    expect((await api.store.getCase(running.id))?.definition).toEqual({ id: 'clinic', version: 2 });
    expect((await api.store.listAudit(running.id)).at(-1)).toMatchObject({ action: 'case_migrated', actor: 'clinic.admin', detail: { from: 1, to: 2 } });
    expect((await (await admin.get('/api/definitions/clinic/migrations/plan?from=1&to=2')).json()) as { cases: unknown[] }).toMatchObject({ cases: [] });
  });

  it('Given version 2 no longer has the timer the case waits at, Then the plan names the blocker and applying skips the case', async () => {
    const running = await startClinicCase(api);
    const admin = await api.signIn('admin@clinic.example');
    await publishRenamedTimer(admin);
    const plan = await (await admin.get('/api/definitions/clinic/migrations/plan?from=1&to=2')).json();
    expect(plan).toMatchObject({
      cases: [{ caseId: running.id, migratable: false, blockers: [{ code: 'timer_node_missing', node: 'agenda_closes' }] }],
      summary: { cases: 1, migratable: 0, blocked: 1 },
    });
    expect(await (await admin.post('/api/definitions/clinic/migrations', { from: 1, to: 2 })).json()).toMatchObject({ result: { moved: [], skipped: [{ caseId: running.id, reason: 'blocked' }] } });
    expect((await api.store.getCase(running.id))?.definition.version).toBe(1);
  });
});

describe('migrations that are refused', () => {
  it('Given a practitioner, or another authority’s admin, Then 403 and 404 for the plan and the move alike', async () => {
    const worker = await api.signIn('social_worker@clinic.example');
    expect(await (await worker.get('/api/definitions/clinic/migrations/plan?from=1')).json()).toMatchObject({ status: 403, code: 'admin_only' });
    expect(await (await worker.post('/api/definitions/clinic/migrations', { from: 1, to: 2 })).json()).toMatchObject({ status: 403, code: 'admin_only' });
    const camden = await api.signIn('admin@camden.example');
    expect(await (await camden.get('/api/definitions/clinic/migrations/plan?from=1')).json()).toMatchObject({ status: 404, code: 'definition_not_found' });
    expect(await (await camden.post('/api/definitions/clinic/migrations', { from: 1, to: 2 })).json()).toMatchObject({ status: 404, code: 'definition_not_found' });
  });

  it('Given missing, equal, unknown or malformed versions, Then 422 with pointers, or 404', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const plan = async (query: string) => (await (await admin.get(`/api/definitions/clinic/migrations/plan${query}`)).json()) as { status: number; code: string; errors?: Array<{ pointer: string }> };
    expect(await plan('')).toMatchObject({ status: 422, errors: [{ pointer: '/query/from' }] });
    expect(await plan('?from=1')).toMatchObject({ status: 422, errors: [{ pointer: '/query/to' }] });
    expect(await plan('?from=1&to=2')).toMatchObject({ status: 404, code: 'version_not_found' });
    expect(await plan('?from=x&dry=1')).toMatchObject({ status: 422, errors: [{ pointer: '/query/from' }, { pointer: '/query/dry' }] });
    const move = async (body: unknown) => (await (await admin.post('/api/definitions/clinic/migrations', body)).json()) as { status: number; code: string; errors?: Array<{ pointer: string }> };
    expect(await move({ from: 1, to: 1 })).toMatchObject({ status: 422, code: 'request_invalid', errors: [{ pointer: '/to' }] });
    expect(await move({ from: 3, to: 1 })).toMatchObject({ status: 404, code: 'version_not_found' });
    const malformed = await move({ from: '1', dryRun: 'yes', colour: 'red' });
    expect(malformed.errors!.map((e) => e.pointer)).toEqual(['/from', '/to', '/dryRun', '/colour']);
  });
});
