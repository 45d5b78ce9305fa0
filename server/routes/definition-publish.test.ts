import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import clinicJson from '../../definitions/clinic.json' with { type: 'json' };
import { apiHarness, type Api } from '../../test/support/api.ts';
import { breakTransferForm, editDraft, loadDraft, nodeOf, startClinicCase } from './definition-test-kit.ts';

let api: Api;
type Problem = { status: number; code: string };
beforeEach(async () => {
  api = await apiHarness('2026-11-02T09:00:00Z');
});
afterEach(async () => api.close());

const NOTE = { note: 'Transfer form: 5 working days, agreed at the clinic review' };
/** 5 working days for the transfer form, its wording with it (a deadline whose words say otherwise cannot be published). */
const longerTransfer = (d: Parameters<typeof nodeOf>[0]) => {
  const due = nodeOf(d, 'transfer_form').due as { after: { amount: number }; label: string };
  due.after.amount = 5;
  due.label = due.label.replace('2 working days', '5 working days');
};

describe('publishing a draft', () => {
  it('Given a draft with a problem, When the admin publishes, Then it is refused 422 listing each problem’s code and path, also as errors[], and version 1 stays the latest', async () => {
    const admin = await api.signIn('admin@clinic.example');
    await editDraft(admin, 'clinic', breakTransferForm);
    type Refused = { status: number; code: string; problems: Array<{ code: string; path: string; message: string }>; errors: unknown[] };
    const refused = (await (await admin.post('/api/definitions/clinic/publish', NOTE)).json()) as Refused;
    expect(refused).toMatchObject({ status: 422, code: 'definition_has_problems' });
    expect(refused.problems).toContainEqual({ code: 'unknown_node', path: '/nodes/8/nextActions/0/to', message: expect.any(String) });
    // The same list in the shape of every other 422: each problem at its pointer in the definition.
    expect(refused.errors).toEqual(refused.problems.map((p) => ({ pointer: p.path, keyword: p.code, message: p.message })));
    expect(await (await admin.get('/api/definitions/clinic')).json()).toMatchObject({ version: 1, latestVersion: 1 });
  });

  it('Given a draft no different from version 1, Then there is nothing to publish (409)', async () => {
    const admin = await api.signIn('admin@clinic.example');
    expect(await (await admin.post('/api/definitions/clinic/publish', NOTE)).json()).toMatchObject({ status: 409, code: 'nothing_to_publish', latestVersion: 1 });
  });

  it('Given a changed draft, When published, Then it is version 2; editing the draft afterwards changes neither version 1 nor version 2', async () => {
    const admin = await api.signIn('admin@clinic.example');
    await editDraft(admin, 'clinic', longerTransfer);
    api.clock.set('2026-11-02T10:00:00Z');
    const published = await admin.post('/api/definitions/clinic/publish', NOTE);
    expect(published.status).toBe(201);
    expect(published.headers.get('location')).toBe('/api/definitions/clinic?version=2');
    expect(await published.json()).toEqual({ id: 'clinic', version: 2, previousVersion: 1, publishedAt: '2026-11-02T10:00:00.000Z', publishedBy: 'clinic.admin', name: clinicJson.name, note: NOTE.note });
    expect((await loadDraft(admin, 'clinic')).unpublishedChanges).toBe(0);

    await editDraft(admin, 'clinic', (d) => {
      d.name = 'Renamed in the draft';
      nodeOf(d, 'transfer_form').due!.after!.amount = 9;
    });
    const v1 = (await (await admin.get('/api/definitions/clinic?version=1')).json()) as { definition: unknown };
    const v2 = (await (await admin.get('/api/definitions/clinic?version=2')).json()) as { definition: Parameters<typeof nodeOf>[0] };
    expect(v1.definition).toEqual({ ...clinicJson, version: 1 });
    expect(v2.definition.name).toBe(clinicJson.name);
    expect(nodeOf(v2.definition, 'transfer_form').due!.after!.amount).toBe(5);
    // There is no way to write a published version: only the draft takes a PUT.
    const put = await admin.put('/api/definitions/clinic', v2.definition);
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).not.toContain('PUT');
  });

  it('Given a case started on version 1, When version 2 is published, Then the case stays on version 1 and new cases start on version 2', async () => {
    const before = await startClinicCase(api);
    const admin = await api.signIn('admin@clinic.example');
    await editDraft(admin, 'clinic', longerTransfer);
    expect((await admin.post('/api/definitions/clinic/publish', NOTE)).status).toBe(201);
    expect((await api.store.getCase(before.id))?.definition).toEqual({ id: 'clinic', version: 1 });
    // The clinic meets on Thursday 5 November: the case moves on, still on version 1.
    await api.runClockTo('2026-11-05T09:30:00Z');
    const after = await api.store.getCase(before.id);
    expect(after).toMatchObject({ definition: { id: 'clinic', version: 1 }, status: 'open' });
    expect(Object.values(after!.tasks).map((t) => t.node)).toEqual(['case_discussion']);
    expect((await startClinicCase(api)).definition).toEqual({ id: 'clinic', version: 2 });
  });

  it('Given If-Match with a stale token, Then publishing is refused 409; with the current token it goes through', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const stale = (await loadDraft(admin, 'clinic')).savedAt!;
    const saved = await editDraft(admin, 'clinic', longerTransfer);
    expect(await (await admin.post('/api/definitions/clinic/publish', NOTE, { 'if-match': stale })).json()).toMatchObject({ status: 409, code: 'stale_version' });
    expect((await admin.post('/api/definitions/clinic/publish', NOTE, { 'if-match': saved.headers.get('etag')! })).status).toBe(201);
  });

  it('Given two publishes of the same draft at the same moment, Then one makes version 2 and the other is refused 409', async () => {
    const admin = await api.signIn('admin@clinic.example');
    await editDraft(admin, 'clinic', longerTransfer);
    const answers = await Promise.all([admin.post('/api/definitions/clinic/publish', NOTE), admin.post('/api/definitions/clinic/publish', NOTE)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    // Which refusal depends on whether the second read the draft before the first published.
    expect(['nothing_to_publish', 'already_published']).toContain(((await answers.find((r) => r.status === 409)!.json()) as Problem).code);
    expect(await (await admin.get('/api/definitions/clinic')).json()).toMatchObject({ latestVersion: 2 });
  });

  it('Given the draft is saved again, with a problem, after this publish checked it, Then 409 draft_changed and nothing is published', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const saved = await editDraft(admin, 'clinic', longerTransfer);
    const broken = structuredClone((await loadDraft(admin, 'clinic')).definition);
    breakTransferForm(broken);
    // Another server process saves between this one's check and its publish.
    const publish = api.store.publish.bind(api.store);
    api.store.publish = async (id, options) => {
      await api.store.saveDraft(broken, { by: 'clinic.admin', at: api.clock.now(), expectedSavedAt: options.draftSavedAt });
      return publish(id, options);
    };
    const refused = await admin.post('/api/definitions/clinic/publish', NOTE, { 'if-match': saved.headers.get('etag')! });
    expect(await refused.json()).toMatchObject({ status: 409, code: 'draft_changed', savedBy: 'clinic.admin' });
    expect(await (await admin.get('/api/definitions/clinic')).json()).toMatchObject({ latestVersion: 1 });
    expect((await loadDraft(admin, 'clinic')).problems).not.toEqual([]);
  });

  it('Given a practitioner, another authority’s admin, or an unknown id, Then 403, 404, 404; a definition never published can be published as version 1', async () => {
    expect(await (await (await api.signIn('eh_team_manager@clinic.example')).post('/api/definitions/clinic/publish', NOTE)).json()).toMatchObject({ status: 403, code: 'admin_only' });
    const camden = await api.signIn('admin@camden.example');
    expect(await (await camden.post('/api/definitions/clinic/publish', NOTE)).json()).toMatchObject({ status: 404, code: 'definition_not_found' });
    expect((await camden.post('/api/definitions/nope/publish', NOTE)).status).toBe(404);
    const admin = await api.signIn('admin@clinic.example');
    await admin.post('/api/definitions', { ...clinicJson, id: 'clinic-pilot' });
    expect(await (await admin.post('/api/definitions/clinic-pilot/publish', NOTE)).json()).toMatchObject({ id: 'clinic-pilot', version: 1, previousVersion: null });
  });
});

describe('the change note', () => {
  type Refusal = { status: number; code: string; errors: Array<{ pointer: string; message: string }> };
  const refusal = async (response: Response) => (await response.json()) as Refusal;

  it('Given no note, a blank one or one too long, Then 422 names /note in GOV.UK words and nothing is published', async () => {
    const admin = await api.signIn('admin@clinic.example');
    await editDraft(admin, 'clinic', longerTransfer);
    for (const body of [undefined, {}, { note: '' }, { note: ' \n ' }]) {
      expect(await refusal(await admin.post('/api/definitions/clinic/publish', body))).toMatchObject({
        status: 422, code: 'request_invalid', errors: [{ pointer: '/note', message: 'Enter a change note' }],
      });
    }
    expect((await refusal(await admin.post('/api/definitions/clinic/publish', { note: 'x'.repeat(1001) }))).errors).toEqual([
      expect.objectContaining({ pointer: '/note', message: 'Change note must be 1,000 characters or less' }),
    ]);
    expect((await refusal(await admin.post('/api/definitions/clinic/publish', { note: 'ok', by: 'me' }))).errors.map((e) => e.pointer)).toEqual(['/by']);
    // With no body at all (no Content-Type), the same answer as a body without a note.
    const bare = await admin.send('POST', '/api/definitions/clinic/publish');
    expect(await refusal(bare)).toMatchObject({ status: 422, errors: [{ pointer: '/note' }] });
    expect(await (await admin.get('/api/definitions/clinic')).json()).toMatchObject({ latestVersion: 1 });
  });

  it('Given a note, Then it is kept with the version, trimmed, and the history lists each version’s note, start-up publishing included', async () => {
    const admin = await api.signIn('admin@clinic.example');
    await editDraft(admin, 'clinic', longerTransfer);
    expect(await (await admin.post('/api/definitions/clinic/publish', { note: '  Longer transfer timescale  ' })).json()).toMatchObject({ version: 2, note: 'Longer transfer timescale' });
    const history = (await (await admin.get('/api/definitions/clinic/versions')).json()) as { versions: Array<{ version: number; note: string | null }> };
    expect(history.versions.map((v) => [v.version, v.note])).toEqual([
      [2, 'Longer transfer timescale'],
      [1, 'Published from definitions/clinic.json at start-up'],
    ]);
  });
});
