import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { booking, family as clinicFamily } from '../../test/clinic/clinic-case.ts';
import type { Api } from '../../test/support/api.ts';
import { camdenHarness, camdenStart, json, referredCase, startedCase } from './case-test-support.ts';

let api: Api;
beforeEach(async () => {
  api = await camdenHarness();
});
afterEach(async () => api.close());

describe('starting a case', () => {
  it('Given a Camden social worker, When they start a step down after assessment, Then 201 gives the case page: family, stage, their task and the map', async () => {
    const sam = await api.signIn('social_worker@camden.example');
    const response = await sam.post('/api/cases', camdenStart);
    expect(response.status).toBe(201);
    const view = await json(response);
    expect(response.headers.get('location')).toBe(`/api/cases/${view.id}`);
    expect(view).toMatchObject({
      version: 1,
      status: 'open',
      outcome: null,
      definition: { id: 'camden', version: 1 },
      entry: { id: 'sw_assessment' },
      family: { familyName: 'Okafor', children: [{ name: 'Ada Okafor', personId: '2075012' }, { name: 'Ben Okafor' }] },
      startedBy: { id: 'camden.social_worker' },
      stages: [{ node: 'referral', stage: 'Referral' }],
      openTasks: [{ node: 'referral', assignee: { kind: 'worker', id: 'camden.social_worker' }, priority: 'normal', overdue: false, escalationLevel: 0, canAct: true }],
    });
    expect(view.map.active).toEqual(['referral']);
    expect(view.map.done).toEqual(['sw_assessment']);
    expect(view.map.nodes).toHaveLength(81);
    expect(view.map.edges).toContainEqual({ from: 'referral', to: 'email_step_down_inbox', label: 'Send the referral to the Early Help Step Down inbox' });
  });

  it('Given an intake form with a wrong answer or a family without children, Then the engine refuses with 422 and pointers under /data and /subject', async () => {
    const sam = await api.signIn('social_worker@clinic.example');
    const mash = await sam.post('/api/cases', { definition: 'clinic', entry: 'step_down', subject: clinicFamily, data: booking({ mashReferralAllocatedToEarlyHelp: true, familyAgreed: undefined }) });
    expect(await json(mash)).toMatchObject({ status: 422, code: 'form_invalid', errors: [{ pointer: '/data/familyAgreed' }, { pointer: '/data/mashReferralAllocatedToEarlyHelp' }] });
    const childless = await sam.post('/api/cases', { definition: 'clinic', entry: 'step_down', subject: { familyName: ' ', children: [] }, data: booking() });
    expect(await json(childless)).toMatchObject({
      status: 422,
      code: 'form_invalid',
      errors: [{ pointer: '/subject/familyName', message: 'Enter the family name' }, { pointer: '/subject/children', message: 'Add at least one child' }],
    });
  });

  it('Given the wrong role, way in, protocol or body, Then each gets its own problem and no case is made', async () => {
    const kate = await api.signIn('eh_team_manager@camden.example');
    expect(await json(kate.post('/api/cases', camdenStart))).toMatchObject({ status: 403, code: 'not_allowed' });
    const sam = await api.signIn('social_worker@camden.example');
    expect(await json(sam.post('/api/cases', { ...camdenStart, entry: 'referral' }))).toMatchObject({ status: 422, code: 'unknown_entry' });
    expect(await json(sam.post('/api/cases', { ...camdenStart, definition: 'graft-lcs', entry: 'identified' }))).toMatchObject({ status: 404, code: 'not_found' });
    expect(await json(sam.post('/api/cases', { ...camdenStart, definition: 'nowhere' }))).toMatchObject({ status: 404, code: 'not_found' });
    const invalid = await json(sam.post('/api/cases', { ...camdenStart, subject: { familyName: 'Okafor' }, colour: 'red' }));
    expect(invalid).toMatchObject({ status: 422, code: 'request_invalid' });
    expect(invalid.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/subject/children', '/colour']);
    expect((await sam.post('/api/cases', '{"definition":')).status).toBe(400);
    expect((await sam.post('/api/cases', 'definition=camden', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await api.request('/api/cases', { method: 'POST' })).status).toBe(401);
    expect((await json(sam.get('/api/cases'))).cases).toEqual([]);
  });
});

describe('finding cases', () => {
  it('Given a case at the front door and another with its social worker, When people search and filter, Then they get summaries with open tasks and the next deadline', async () => {
    const { dora, caseId } = await referredCase(api);
    const other = await startedCase(api);
    const all = await json(dora.get('/api/cases?status=open'));
    expect(all.cases.map((c: { id: string }) => c.id).sort()).toEqual([caseId, other.caseId].sort());
    const atFrontDoor = await json(dora.get('/api/cases?team=eh_front_door&stage=asm_screen&q=OKA'));
    expect(atFrontDoor).toMatchObject({
      count: 1,
      cases: [{ id: caseId, familyName: 'Okafor', status: 'open', definition: { id: 'camden', name: 'Camden: Step down to Early Help Services' }, openTasks: 1, nextDue: '2026-12-21T23:59:59.999Z', overdue: false, stages: [{ node: 'asm_screen', stage: 'Front door' }] }],
    });
    expect((await json(other.sam.get('/api/cases?worker=me'))).cases.map((c: { id: string }) => c.id)).toEqual([other.caseId]);
    expect((await json(dora.get('/api/cases?worker=camden.social_worker&definition=camden&limit=5'))).count).toBe(1);
    expect((await json(dora.get('/api/cases?q=Smith'))).cases).toEqual([]);
    await api.runClockTo('2026-12-22T09:00:00Z');
    expect((await json(dora.get('/api/cases?overdue=true'))).cases).toEqual([expect.objectContaining({ id: caseId, overdue: true })]);
  });

  it('Given bad or unknown filter values, Then 422 names each parameter by /query pointer', async () => {
    const sam = await api.signIn('social_worker@camden.example');
    const bad = await json(sam.get('/api/cases?status=lost&overdue=yes&limit=501&colour=red'));
    expect(bad).toMatchObject({ status: 422, code: 'request_invalid' });
    expect(bad.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/query/colour', '/query/limit', '/query/overdue', '/query/status']);
    for (const [query, pointer] of [
      ['team=eh_duty', '/query/team'],
      ['stage=email_step_down_inbox', '/query/stage'],
      ['worker=graft.social_worker', '/query/worker'],
      ['definition=clinic', '/query/definition'],
      ['status=open&status=closed', '/query/status'],
    ]) {
      expect((await json(sam.get(`/api/cases?${query}`))).errors, query).toEqual([expect.objectContaining({ pointer })]);
    }
  });
});

describe('the case page', () => {
  it('Given a case, When someone of the authority opens it, Then the read is in the case’s audit log; another authority or an unknown id gets the same 404', async () => {
    const { caseId } = await startedCase(api);
    const dora = await api.signIn('eh_front_door_manager@camden.example');
    expect(await json(dora.get(`/api/cases/${caseId}`))).toMatchObject({ id: caseId, openTasks: [{ canAct: false }] });
    const reads = (await api.store.listAudit(caseId)).filter((a) => a.action === 'case_read');
    expect(reads).toEqual([expect.objectContaining({ actor: 'camden.eh_front_door_manager', detail: { what: 'case_page' } })]);
    const outsider = await api.signIn('social_worker@clinic.example');
    const foreign = await outsider.get(`/api/cases/${caseId}`);
    const missing = await outsider.get('/api/cases/no-such-case');
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(await json(foreign)).toEqual(await json(missing));
    expect((await api.store.listAudit(caseId)).filter((a) => a.action === 'case_read')).toHaveLength(1);
  });
});

describe('withdrawing a case', () => {
  it('Given the family withdraw, When a practitioner of the protocol records it, Then the case is withdrawn, its tasks cancelled, and it cannot be withdrawn twice', async () => {
    const { dora, caseId } = await referredCase(api);
    expect(await json(dora.post(`/api/cases/${caseId}/withdraw`, { reason: '   ' }))).toMatchObject({ status: 422, errors: [{ pointer: '/reason' }] });
    expect(await json(dora.post(`/api/cases/${caseId}/withdraw`, { reason: 'x'.repeat(501) }))).toMatchObject({ status: 422, errors: [{ pointer: '/reason', keyword: 'maxLength' }] });
    expect(await json(dora.post(`/api/cases/${caseId}/withdraw`, { reason: 'Changed mind', expectedVersion: 1 }))).toMatchObject({ status: 409, code: 'stale_version' });
    const withdrawn = await json(dora.post(`/api/cases/${caseId}/withdraw`, { reason: 'The family have moved to Leeds.' }));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', outcome: { id: 'withdrawn', name: 'Withdrawn' }, openTasks: [], stages: [] });
    expect((await api.store.getCase(caseId))?.history.at(-1)).toMatchObject({ type: 'case_withdrawn', by: 'camden.eh_front_door_manager', reason: 'The family have moved to Leeds.' });
    expect(await json(dora.post(`/api/cases/${caseId}/withdraw`, { reason: 'Again' }))).toMatchObject({ status: 409, code: 'case_closed' });
  });

  it('Given someone of the authority who works no part of this protocol, Then they may not withdraw; an admin may', async () => {
    const { caseId } = await startedCase(api);
    const { passwordHash } = (await api.store.findUserByEmail('social_worker@camden.example'))!;
    await api.store.saveUser({ id: 'camden.analyst', authority: 'camden', name: 'Ann Analyst', email: 'analyst@camden.example', roles: ['performance_analyst'], teams: [], passwordHash });
    const ann = await api.signIn('analyst@camden.example');
    expect(await json(ann.post(`/api/cases/${caseId}/withdraw`, { reason: 'Tidy up' }))).toMatchObject({ status: 403, code: 'not_allowed' });
    const admin = await api.signIn('admin@camden.example');
    expect(await json(admin.post(`/api/cases/${caseId}/withdraw`, { reason: 'Opened in error' }))).toMatchObject({ status: 'withdrawn' });
    const other = await api.signIn('admin@clinic.example');
    expect((await other.post(`/api/cases/${caseId}/withdraw`, { reason: 'Opened in error' })).status).toBe(404);
  });
});
