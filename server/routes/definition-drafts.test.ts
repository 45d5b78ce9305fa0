import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import clinicJson from '../../definitions/clinic.json' with { type: 'json' };
import { apiHarness, type Api } from '../../test/support/api.ts';
import { breakTransferForm, editDraft, loadDraft } from './definition-test-kit.ts';

let api: Api;
beforeEach(async () => {
  api = await apiHarness('2026-11-02T09:00:00Z');
});
afterEach(async () => api.close());

type Problem = { status: number; code: string; errors?: Array<{ pointer: string; message: string }> };

describe('editing a draft', () => {
  it('Given the clinic admin, When they open the draft, Then they get the definition, no problems, and its savedAt as the If-Match token', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const response = await admin.get('/api/definitions/clinic/draft');
    const draft = (await response.json()) as Record<string, unknown>;
    expect(draft).toMatchObject({ id: 'clinic', authority: 'clinic', savedBy: 'system', latestVersion: 1, unpublishedChanges: 0, problems: [] });
    expect(draft['definition']).toEqual(clinicJson);
    expect(response.headers.get('etag')).toBe(`"${String(draft['savedAt'])}"`);
  });

  it('Given a change that breaks the definition, When the admin saves it, Then it is saved anyway and the answer lists the problem with its code and path', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const response = await editDraft(admin, 'clinic', breakTransferForm);
    expect(response.status).toBe(200);
    const saved = (await response.json()) as { savedBy: string; unpublishedChanges: number; problems: Array<{ code: string; path: string }> };
    expect(saved).toMatchObject({ savedBy: 'clinic.admin', unpublishedChanges: 1 });
    expect(saved.problems).toContainEqual({ code: 'unknown_node', path: '/nodes/8/nextActions/0/to', message: '"Complete transfer form" leads to "nowhere", but no step has that ID (was it deleted or renamed?): choose the step it leads to.' });
    expect((await loadDraft(admin, 'clinic')).problems).toEqual(saved.problems);
  });

  it('Given two admins opened the same draft, When the second saves after the first, Then the second is refused 409 stale_version; without If-Match, 428', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const { savedAt, definition } = await loadDraft(admin, 'clinic');
    const renamed = (name: string) => ({ ...definition, name });
    // The clock does not move: the token must still change with every save.
    const first = await admin.put('/api/definitions/clinic/draft', renamed('First'), { 'if-match': savedAt! });
    expect(first.status).toBe(200);
    const second = await admin.put('/api/definitions/clinic/draft', renamed('Second'), { 'if-match': `"${savedAt}"` });
    expect(await second.json()).toMatchObject({ status: 409, code: 'stale_version', savedBy: 'clinic.admin' });
    expect(await (await admin.put('/api/definitions/clinic/draft', renamed('Third'))).json()).toMatchObject({ status: 428, code: 'if_match_required', errors: [{ pointer: '/headers/if-match', keyword: 'required' }] });
    expect((await loadDraft(admin, 'clinic')).definition.name).toBe('First');
    const again = await admin.put('/api/definitions/clinic/draft', renamed('Second'), { 'if-match': first.headers.get('etag')! });
    expect(again.status).toBe(200);
  });

  it('Given two saves with the same token sent at the same moment, Then exactly one is saved and the other is refused 409', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const { savedAt, definition } = await loadDraft(admin, 'clinic');
    const save = (name: string) => admin.put('/api/definitions/clinic/draft', { ...definition, name }, { 'if-match': savedAt! });
    const statuses = (await Promise.all([save('A'), save('B')])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 409]);
  });

  it('Given bodies that name another definition or authority, or are not a definition at all, Then each gets its own problem', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const { savedAt } = await loadDraft(admin, 'clinic');
    const put = async (body: unknown) => (await (await admin.put('/api/definitions/clinic/draft', body, { 'if-match': savedAt! })).json()) as Problem;
    expect((await put({ ...clinicJson, id: 'camden' })).errors).toEqual([{ pointer: '/id', keyword: 'const', message: 'Definition ID must be clinic, the definition this is sent to' }]);
    expect((await put({ ...clinicJson, authority: { id: 'camden', name: 'Camden' } })).errors).toEqual([
      { pointer: '/authority/id', keyword: 'const', message: 'Authority ID must be clinic, your own authority' },
    ]);
    expect((await put({ ...clinicJson, colour: 'red', nodes: {} })).errors!.map((e) => e.pointer)).toEqual(['/nodes', '/colour']);
    expect((await put([clinicJson])).status).toBe(422);
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect((await put({ ...clinicJson, notes: deep })).errors).toEqual([expect.objectContaining({ keyword: 'maxDepth' })]);
    expect(await put('{"id":')).toMatchObject({ status: 400, code: 'malformed_json' });
    const notJson = await admin.put('/api/definitions/clinic/draft', 'id=clinic', { 'content-type': 'text/plain', 'if-match': savedAt! });
    expect(notJson.status).toBe(415);
    const huge = { ...clinicJson, description: 'x'.repeat(5_000_000) };
    expect(await (await admin.put('/api/definitions/clinic/draft', huge, { 'if-match': savedAt! })).json()).toMatchObject({ status: 413, code: 'body_too_large' });
    const noCsrf = await api.request('/api/definitions/clinic/draft', { method: 'PUT', headers: { cookie: admin.cookie, 'content-type': 'application/json', 'if-match': savedAt! }, body: JSON.stringify(clinicJson) });
    expect(noCsrf.status).toBe(403);
    expect((await api.request('/api/definitions/clinic/draft')).status).toBe(401);
    expect((await loadDraft(admin, 'clinic')).savedAt).toBe(savedAt);
  });

  it('Given a practitioner, another authority’s admin, or an unknown id, Then 403, 404 and 404, for reading and saving alike', async () => {
    const worker = await api.signIn('sw_team_manager@clinic.example');
    expect(await (await worker.get('/api/definitions/clinic/draft')).json()).toMatchObject({ status: 403, code: 'admin_only' });
    expect(await (await worker.put('/api/definitions/clinic/draft', clinicJson)).json()).toMatchObject({ status: 403, code: 'admin_only' });
    const camden = await api.signIn('admin@camden.example');
    for (const id of ['clinic', 'nope']) {
      expect(await (await camden.get(`/api/definitions/${id}/draft`)).json()).toMatchObject({ status: 404, code: 'definition_not_found' });
      expect(await (await camden.put(`/api/definitions/${id}/draft`, { ...clinicJson, id, authority: { id: 'camden', name: 'Camden' } })).json()).toMatchObject({ status: 404 });
    }
    expect((await loadDraft(await api.signIn('admin@clinic.example'), 'clinic')).savedBy).toBe('system');
  });
});

describe('creating a definition', () => {
  it('Given an imported definition with a new id, When the admin creates it, Then it is a draft with its problems, and the id is then taken', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const created = await admin.post('/api/definitions', { ...clinicJson, id: 'clinic-pilot', name: 'Pilot' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/definitions/clinic-pilot/draft');
    expect(await created.json()).toMatchObject({ id: 'clinic-pilot', savedBy: 'clinic.admin', latestVersion: null, unpublishedChanges: null, problems: [] });
    expect(await (await admin.post('/api/definitions', { ...clinicJson, id: 'clinic-pilot' })).json()).toMatchObject({
      status: 409,
      code: 'definition_exists',
      errors: [{ pointer: '/id', keyword: 'unique', message: 'Choose an ID that has not been used before' }],
    });
    // Another authority's id is just as taken, and the answer says nothing more about it.
    expect(await (await admin.post('/api/definitions', { ...clinicJson, id: 'camden' })).json()).toMatchObject({ status: 409, code: 'definition_exists' });
  });

  it('Given a definition for another authority, a missing id, or a practitioner, Then 422 naming /authority/id, 422 naming /id, and 403', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const other = (await (await admin.post('/api/definitions', { ...clinicJson, id: 'x', authority: { id: 'camden', name: 'Camden' } })).json()) as Problem;
    expect(other).toMatchObject({ status: 422, errors: [{ pointer: '/authority/id' }] });
    const { id: _id, ...withoutId } = clinicJson;
    expect(await (await admin.post('/api/definitions', withoutId)).json()).toMatchObject({ status: 422, errors: [{ pointer: '/id' }] });
    expect(await (await admin.post('/api/definitions', { ...clinicJson, id: 'Not An Id' })).json()).toMatchObject({ status: 422, errors: [{ pointer: '/id' }] });
    const worker = await api.signIn('social_worker@clinic.example');
    expect(await (await worker.post('/api/definitions', { ...clinicJson, id: 'mine' })).json()).toMatchObject({ status: 403, code: 'admin_only' });
  });
});

describe('checking a definition without saving it', () => {
  it('Given any JSON object, Then 200 with its problems; nothing is saved', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const check = async (body: unknown) => (await (await admin.post('/api/definitions/clinic/validate', body)).json()) as { valid: boolean; problems: Array<{ code: string; path: string }> };
    expect(await check(clinicJson)).toEqual({ id: 'clinic', valid: true, problems: [] });
    const broken = await check({ ...clinicJson, id: 'other', authority: { id: 'camden', name: 'Camden' }, colour: 'red' });
    expect(broken.valid).toBe(false);
    expect(broken.problems.map((p) => [p.code, p.path])).toEqual(expect.arrayContaining([['id_mismatch', '/id'], ['authority_mismatch', '/authority/id']]));
    expect(broken.problems.some((p) => p.path === '/colour')).toBe(true);
    expect((await check({})).problems.length).toBeGreaterThan(0);
    expect((await loadDraft(admin, 'clinic')).unpublishedChanges).toBe(0);
    expect((await admin.post('/api/definitions/clinic/validate', [1])).status).toBe(422);
    expect((await (await api.signIn('social_worker@clinic.example')).post('/api/definitions/clinic/validate', clinicJson)).status).toBe(403);
    expect((await (await api.signIn('admin@camden.example')).post('/api/definitions/clinic/validate', clinicJson)).status).toBe(404);
  });
});
