import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { editDraft, nodeOf } from './definition-test-kit.ts';

let api: Api;
beforeEach(async () => {
  api = await apiHarness('2026-11-02T09:00:00Z');
});
afterEach(async () => api.close());

/**
 * Camden protocol §3: the front door replies within 2 working days; the draft makes it 3, with the
 * wording practitioners read (its deadline and escalation messages), as a draft must to be published.
 */
const screenChange = {
  path: '/nodes/asm_screen/due/after/amount',
  kind: 'changed',
  category: 'timescale',
  before: 2,
  after: 3,
};
const paths = ['/nodes/asm_screen/due/after/amount', '/nodes/asm_screen/due/label', '/nodes/asm_screen/escalations'];
/** The same changes as practitioners would say them. */
const screenWords = [
  {
    topic: 'deadline',
    kind: 'changed',
    about: 'Screen the step down referral',
    text: 'due within 3 working days (was 2); its wording now reads “within 3 working days” (was “within 2 working days”)',
    paths: paths.slice(0, 2),
  },
  {
    topic: 'deadline',
    kind: 'changed',
    about: 'Screen the step down referral',
    text: expect.stringMatching(/^the escalation messages now read “The Early Help front door has not responded to the social worker within 3 working days\.” and “.+”$/),
    paths: paths.slice(2),
  },
];
const threeTimescale = { node: 0, timescale: 3, form: 0, team: 0, role: 0, other: 0, total: 3 };

async function givenCamdenDraft() {
  const admin = await api.signIn('admin@camden.example');
  const saved = await editDraft(admin, 'camden', (d) => {
    const screen = nodeOf(d, 'asm_screen') as unknown as { due: { after: { amount: number }; label: string }; escalations: Array<{ message: string }> };
    screen.due.after.amount = 3;
    screen.due.label = 'within 3 working days';
    for (const rung of screen.escalations) rung.message = rung.message.replace('2 working days', '3 working days');
  });
  expect(saved.status).toBe(200);
  return admin;
}

describe('what changed between versions', () => {
  it('Given the Camden draft changes one timescale, When the admin diffs version 1 with the draft, Then there is exactly that one change, in the timescale category', async () => {
    const admin = await givenCamdenDraft();
    const diff = await (await admin.get('/api/definitions/camden/diff?from=1&to=draft')).json();
    expect(diff).toMatchObject({ id: 'camden', from: 1, to: 'draft', summary: threeTimescale, described: screenWords });
    expect((diff as { changes: Array<{ path: string }> }).changes.map((c) => c.path)).toEqual(paths);
    expect((diff as { changes: unknown[] }).changes[0]).toEqual(screenChange);
    // The defaults are the latest version and the draft: "what would I publish?"
    expect(await (await admin.get('/api/definitions/camden/diff')).json()).toEqual(diff);
  });

  it('Given that draft published as version 2, When a practitioner diffs 1 and 2, Then they see the same change; the other way round, it is reversed', async () => {
    const admin = await givenCamdenDraft();
    expect((await admin.post('/api/definitions/camden/publish', { note: 'Front door screening: 3 working days' })).status).toBe(201);
    const worker = await api.signIn('social_worker@camden.example');
    expect(await (await worker.get('/api/definitions/camden/diff?from=1&to=2')).json()).toMatchObject({ id: 'camden', from: 1, to: 2, summary: threeTimescale, described: screenWords });
    expect(await (await worker.get('/api/definitions/camden/diff?from=2&to=1')).json()).toMatchObject({
      described: [{ text: 'due within 2 working days (was 3); its wording now reads “within 2 working days” (was “within 3 working days”)' }, {}],
      changes: [{ ...screenChange, before: 3, after: 2 }, {}, {}],
    });
    expect(await (await worker.get('/api/definitions/camden/diff?from=2&to=2')).json()).toMatchObject({ summary: { total: 0 }, changes: [] });
  });

  it('Given a practitioner asking for the draft, bad or unknown versions, or another authority, Then 403, 422 with pointers, 404, 404', async () => {
    const worker = await api.signIn('social_worker@camden.example');
    expect(await (await worker.get('/api/definitions/camden/diff?from=1&to=draft')).json()).toMatchObject({ status: 403, code: 'admin_only' });
    expect(await (await worker.get('/api/definitions/camden/diff')).json()).toMatchObject({ status: 403 });
    const bad = (await (await worker.get('/api/definitions/camden/diff?from=latest&to=next&by=me')).json()) as { status: number; errors: Array<{ pointer: string }> };
    expect(bad.status).toBe(422);
    expect(bad.errors.map((e) => e.pointer)).toEqual(['/query/from', '/query/to', '/query/by']);
    expect(await (await worker.get('/api/definitions/camden/diff?from=1&to=4')).json()).toMatchObject({ status: 404, code: 'version_not_found' });
    const clinicAdmin = await api.signIn('admin@clinic.example');
    expect(await (await clinicAdmin.get('/api/definitions/camden/diff?from=1&to=draft')).json()).toMatchObject({ status: 404, code: 'definition_not_found' });
  });
});
