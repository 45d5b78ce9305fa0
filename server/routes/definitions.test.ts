import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import clinicJson from '../../definitions/clinic.json' with { type: 'json' };
import { apiHarness, type Api } from '../../test/support/api.ts';
import { breakTransferForm, editDraft, loadDraft, nodeOf } from './definition-test-kit.ts';

let api: Api;
beforeEach(async () => {
  api = await apiHarness();
});
afterEach(async () => api.close());

type Listed = { id: string; latestVersion: number | null; hasDraft: boolean; draft?: { problemCount: number; unpublishedChanges: number | null } | null };

describe('listing the authority’s definitions', () => {
  it('Given the clinic’s social worker, When they list definitions, Then they see only the clinic’s, published, without draft details', async () => {
    const worker = await api.signIn('social_worker@clinic.example');
    const body = (await (await worker.get('/api/definitions')).json()) as { canEdit: boolean; definitions: Listed[] };
    expect(body).toMatchObject({ authority: 'clinic', canEdit: false });
    expect(body.definitions).toEqual([
      { id: 'clinic', name: clinicJson.name, description: clinicJson.description, latestVersion: 1, publishedAt: '2026-11-02T09:00:00.000Z', publishedBy: 'system', hasDraft: false },
    ]);
  });

  it('Given the admin saved a draft with a problem, Then the admin sees the draft, its problem count and unpublished changes; practitioners see only that a draft exists', async () => {
    const admin = await api.signIn('admin@clinic.example');
    await editDraft(admin, 'clinic', breakTransferForm);
    const { problems } = await loadDraft(admin, 'clinic');
    const [listed] = ((await (await admin.get('/api/definitions')).json()) as { definitions: Listed[] }).definitions;
    expect(listed).toMatchObject({ id: 'clinic', latestVersion: 1, hasDraft: true, draft: { savedBy: 'clinic.admin', unpublishedChanges: 1, problemCount: problems.length } });
    expect(problems.length).toBeGreaterThan(0);
    const worker = await api.signIn('social_worker@clinic.example');
    const [seen] = ((await (await worker.get('/api/definitions')).json()) as { definitions: Listed[] }).definitions;
    expect(seen).toMatchObject({ id: 'clinic', hasDraft: true });
    expect(seen).not.toHaveProperty('draft');
  });

  it('Given a definition never published, Then only admins see it', async () => {
    const admin = await api.signIn('admin@clinic.example');
    expect((await admin.post('/api/definitions', { ...clinicJson, id: 'clinic-pilot' })).status).toBe(201);
    const ids = async (client: typeof admin) => ((await (await client.get('/api/definitions')).json()) as { definitions: Listed[] }).definitions.map((d) => d.id);
    expect(await ids(admin)).toEqual(['clinic', 'clinic-pilot']);
    const worker = await api.signIn('social_worker@clinic.example');
    expect(await ids(worker)).toEqual(['clinic']);
    expect(await (await worker.get('/api/definitions/clinic-pilot')).json()).toMatchObject({ status: 404, code: 'definition_not_found' });
    expect(await (await admin.get('/api/definitions/clinic-pilot')).json()).toMatchObject({ status: 404, code: 'version_not_found' });
    expect(await (await admin.get('/api/definitions/clinic-pilot/versions')).json()).toMatchObject({ id: 'clinic-pilot', latestVersion: null, versions: [] });
  });

  it('Given no session or an unknown query parameter, Then 401 and 422', async () => {
    expect((await api.request('/api/definitions')).status).toBe(401);
    const worker = await api.signIn('social_worker@clinic.example');
    expect(await (await worker.get('/api/definitions?mine=1')).json()).toMatchObject({ status: 422, errors: [{ pointer: '/query/mine', message: 'mine is not a query parameter here' }] });
  });
});

describe('reading a published definition', () => {
  it('Given a practitioner of the authority, When they read the clinic definition, Then they get it in full with its version and who published it', async () => {
    const worker = await api.signIn('eh_family_worker@clinic.example');
    const latest = (await (await worker.get('/api/definitions/clinic')).json()) as Record<string, unknown>;
    expect(latest).toMatchObject({ id: 'clinic', authority: 'clinic', version: 1, latestVersion: 1, publishedAt: '2026-11-02T09:00:00.000Z', publishedBy: 'system' });
    expect(latest['definition']).toEqual({ ...clinicJson, version: 1 });
    expect(await (await worker.get('/api/definitions/clinic?version=1')).json()).toEqual(latest);
  });

  it('Given version 2 is published, Then ?version=1 still answers version 1, and the history lists both with what changed', async () => {
    const admin = await api.signIn('admin@clinic.example');
    await editDraft(admin, 'clinic', (d) => {
      const due = nodeOf(d, 'transfer_form').due as { after: { amount: number }; label: string };
      due.after.amount = 5;
      due.label = due.label.replace('2 working days', '5 working days');
    });
    api.clock.set('2026-11-02T11:00:00Z');
    expect((await admin.post('/api/definitions/clinic/publish', { note: 'Transfer form: 5 working days' })).status).toBe(201);
    const worker = await api.signIn('social_worker@clinic.example');
    expect(await (await worker.get('/api/definitions/clinic')).json()).toMatchObject({ version: 2, latestVersion: 2, publishedBy: 'clinic.admin', publishedAt: '2026-11-02T11:00:00.000Z' });
    const v1 = (await (await worker.get('/api/definitions/clinic?version=1')).json()) as { version: number; latestVersion: number; definition: unknown };
    expect(v1).toMatchObject({ version: 1, latestVersion: 2 });
    expect(nodeOf(v1.definition as never, 'transfer_form').due!.after!.amount).toBe(2);
    const history = (await (await worker.get('/api/definitions/clinic/versions')).json()) as { versions: unknown[] };
    expect(history).toMatchObject({ id: 'clinic', latestVersion: 2 });
    expect(history.versions).toEqual([
      { version: 2, name: clinicJson.name, publishedAt: '2026-11-02T11:00:00.000Z', publishedBy: 'clinic.admin', note: 'Transfer form: 5 working days', changes: { node: 0, timescale: 2, form: 0, team: 0, role: 0, other: 0, total: 2 } },
      { version: 1, name: clinicJson.name, publishedAt: '2026-11-02T09:00:00.000Z', publishedBy: 'system', note: 'Published from definitions/clinic.json at start-up', changes: null },
    ]);
  });

  it('Given another authority’s definition, an unknown id, or a version that does not exist, Then 404; a version that is not a number, 422', async () => {
    const camden = await api.signIn('social_worker@camden.example');
    for (const path of ['/api/definitions/clinic', '/api/definitions/clinic/versions', '/api/definitions/clinic/diff?from=1&to=1', '/api/definitions/nope']) {
      expect(await (await camden.get(path)).json()).toMatchObject({ status: 404, code: 'definition_not_found' });
    }
    const worker = await api.signIn('social_worker@clinic.example');
    expect(await (await worker.get('/api/definitions/clinic?version=2')).json()).toMatchObject({ status: 404, code: 'version_not_found', latestVersion: 1 });
    for (const bad of ['0', 'one', '1.5', '-1']) {
      const problem = await (await worker.get(`/api/definitions/clinic?version=${bad}`)).json();
      expect(problem).toMatchObject({ status: 422, code: 'request_invalid', errors: [{ pointer: '/query/version', message: 'Version must be a version number: a whole number, 1 or more' }] });
    }
    expect(await (await worker.get('/api/definitions/clinic?version=1&version=2')).json()).toMatchObject({ status: 422, errors: [{ pointer: '/query/version', message: 'Give version once' }] });
  });
});
