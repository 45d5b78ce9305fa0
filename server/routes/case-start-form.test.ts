/**
 * The start form's printable answers: the intake as people read it, an audited read, and nothing
 * for another authority or a case started without a form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { family } from '../../test/camden/given.ts';
import type { Api } from '../../test/support/api.ts';
import { camdenHarness, json, startedCase } from './case-test-support.ts';

let api: Api;
beforeEach(async () => {
  api = await camdenHarness();
});
afterEach(async () => api.close());

describe('GET /api/cases/:id/start-form', () => {
  it('Given a CIN step down started with its final review date, Then its answers read as recorded, by whom and when, and the read is audited', async () => {
    const sam = await api.signIn('social_worker@camden.example');
    const started = await json(sam.post('/api/cases', { definition: 'camden', entry: 'cin_review', subject: family, data: { finalReviewDate: '2027-01-18' } }));
    const body = await json(sam.get(`/api/cases/${started.id}/start-form`));
    expect(body.case).toEqual({ id: started.id, reference: (started.id as string).slice(0, 8).toUpperCase(), familyName: 'Okafor', definition: { id: 'camden', name: expect.any(String) } });
    expect(body.form).toMatchObject({ node: 'cin_review', task: null, form: { id: 'cin_step_down_start' }, completedAt: '2026-12-16T09:00:00.000Z', completedBy: { id: 'camden.social_worker' } });
    const rows = (body.form.sections as Array<{ rows: Array<{ label: string; value: unknown }> }>).flatMap((s) => s.rows);
    expect(rows).toContainEqual({ label: expect.stringMatching(/final CIN review/i), value: '18 January 2027' });
    const reads = (await api.store.listAudit(started.id)).filter((a) => a.action === 'case_read' && a.detail.what === 'start_form');
    expect(reads).toHaveLength(1);
  });

  it('Given a case started without a form, or another authority’s case, Then it answers 404', async () => {
    const { sam, caseId } = await startedCase(api);
    expect((await sam.get(`/api/cases/${caseId}/start-form`)).status).toBe(404);
    const sue = await api.signIn('social_worker@graft.example');
    const cin = await json(sam.post('/api/cases', { definition: 'camden', entry: 'cin_review', subject: family, data: { finalReviewDate: '2027-01-18' } }));
    const outsider = await sue.get(`/api/cases/${cin.id}/start-form`);
    expect(outsider.status).toBe(404);
    expect((await api.store.listAudit(cin.id)).filter((a) => a.actor === 'graft.social_worker')).toEqual([]);
  });
});
