import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screening } from '../../test/camden/given.ts';
import type { Api } from '../../test/support/api.ts';
import { camdenHarness, json, referredCase, type Json } from './case-test-support.ts';

let api: Api;
beforeEach(async () => {
  api = await camdenHarness();
});
afterEach(async () => api.close());

const kte = 'ieys_kte_duty_manager';
const toKte = { action: 'contact_team', passTo: { team: kte } };

/** Given a second front door manager, Dee, with the same role and team as the demo one. */
async function secondFrontDoorManager() {
  const demo = (await api.store.findUserByEmail('eh_front_door_manager@camden.example'))!;
  await api.store.saveUser({ ...demo, id: 'camden.dee', name: 'Dee Front Door', email: 'dee@camden.example' });
  return api.signIn('dee@camden.example');
}

describe('completing a task', () => {
  it('Given the screening, When the front door completes it, Then the case moves on, its version goes up and the answers are in the case', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const view = await json(dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [{ ...toKte, priority: 'urgent', note: 'Known to KTE' }], expectedVersion: 2 }));
    expect(view).toMatchObject({ version: 3, stages: [{ node: 'asm_offer_consultation', stage: 'Allocation' }], openTasks: [{ node: 'asm_offer_consultation', priority: 'urgent', note: 'Known to KTE', assignee: { id: kte } }] });
    expect(view.map.done).toEqual(expect.arrayContaining(['asm_screen', 'asm_team_identified', 'asm_tell_sw_team']));
    expect(view.map.active).toEqual(['asm_offer_consultation']);
    expect((await api.store.getCase(caseId))?.form.asm_screen).toEqual(screening('team'));
  });

  it('Given Prefer: return=minimal, When the front door completes the screening, Then the answer says where the work went without the case page, and the case moved on all the same', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const prefer = { prefer: 'return=minimal', 'idempotency-key': 'screening-1' };
    const sent = await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [toKte] }, prefer);
    expect([sent.status, sent.headers.get('preference-applied'), sent.headers.get('content-location')]).toEqual([200, 'return=minimal', `/api/cases/${caseId}`]);
    const answer = await json(sent);
    expect(Object.keys(answer).sort()).toEqual(['completion', 'id', 'reference', 'status', 'version']);
    expect(answer).toMatchObject({ id: caseId, version: 3, status: 'open', completion: { completed: true, closed: false, nextTasks: [{ node: 'asm_offer_consultation', assignee: { id: kte } }] } });
    expect((await json(dora.get(`/api/cases/${caseId}`))).openTasks).toEqual([expect.objectContaining({ node: 'asm_offer_consultation' })]);
    // A retry with the same key gets the same short answer; the same key without Prefer is another request.
    const retried = await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [toKte] }, prefer);
    expect([retried.headers.get('idempotent-replayed'), retried.headers.get('preference-applied'), await json(retried)]).toEqual(['true', 'return=minimal', answer]);
    const withoutPrefer = await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [toKte] }, { 'idempotency-key': 'screening-1' });
    expect((await json(withoutPrefer)).code).toBe('idempotency_key_reused');
  });

  it('Given answers or choices the protocol refuses, Then each refusal is the engine’s, with its status, and the task stays open', async () => {
    const { sam, dora, caseId, screenId } = await referredCase(api);
    const path = `/api/cases/${caseId}/tasks/${screenId}/complete`;
    const missing = await json(dora.post(path, { data: { ehTeam: kte }, actions: [toKte] }));
    expect(missing).toMatchObject({ status: 422, code: 'form_invalid', errors: [{ pointer: '/outcome', keyword: 'required' }, { pointer: '/rationale', keyword: 'required' }] });
    // The screening decision chooses what happens next: another next action is refused, naming the one it chooses.
    const notChosen = await json(dora.post(path, { data: screening('advice'), actions: [toKte] }));
    expect(notChosen).toMatchObject({ status: 422, code: 'action_not_chosen', expected: ['send_advice'] });
    // Passed to another team than the one the front door identified.
    expect(await json(dora.post(path, { data: screening('team'), actions: [{ action: 'contact_team', passTo: { team: 'ieys_ktw_duty_manager' } }] }))).toMatchObject({
      status: 422,
      code: 'pass_to_not_allowed',
      expected: kte,
    });
    // No team answered: the form says so, once.
    const noTeam = await json(dora.post(path, { data: screening('team', { ehTeam: undefined }), actions: [{ action: 'contact_team' }] }));
    expect(noTeam).toMatchObject({ status: 422, code: 'form_invalid', errors: [{ pointer: '/ehTeam', keyword: 'required' }] });
    expect(noTeam.actionErrors).toBeUndefined();
    expect(await json(dora.post(path, { data: screening('team'), actions: [{ action: 'shred' }] }))).toMatchObject({ status: 422, code: 'unknown_action' });
    expect(await json(sam.post(path, { data: screening('team'), actions: [toKte] }))).toMatchObject({ status: 403, code: 'not_allowed' });
    expect(await json(dora.post(path, { data: screening('team'), actions: [toKte], expectedVersion: 1 }))).toMatchObject({ status: 409, code: 'stale_version' });
    const shape = await json(dora.post(path, { data: [], actions: [{ action: 'contact_team', passTo: { team: kte, worker: 'x' }, priority: 'high', scheduledFor: '2027-02-30' }] }));
    expect(shape).toMatchObject({ status: 422, code: 'request_invalid' });
    expect(shape.errors.map((e: Json) => e.pointer)).toEqual(['/data', '/actions/0/passTo', '/actions/0/priority', '/actions/0/scheduledFor']);
    expect(shape.errors[1].message).toBe('Pass it to a worker or a team, not both');
    // Nothing answered and nothing chosen: the unanswered decision is the form's error alone, not "choose a next action" too.
    const blank = await json(dora.post(path, { data: {}, actions: [] }));
    expect(blank).toMatchObject({ status: 422, code: 'form_invalid', errors: [{ pointer: '/outcome' }, { pointer: '/rationale' }] });
    expect(blank.actionErrors).toBeUndefined();
    // Every problem at once: two actions on a step that takes one, one of them not its own, in one refusal.
    const everything = await json(dora.post(path, { data: screening('team'), actions: [{ action: 'contact_team' }, { action: 'shred' }] }));
    expect(everything).toMatchObject({ status: 422, code: 'form_invalid', errors: [] });
    expect(everything.actionErrors.map((e: Json) => e.code)).toEqual(expect.arrayContaining(['invalid_event', 'unknown_action']));
    expect(await json(dora.post(path, { data: {}, actions: [{ action: 'contact_team', passTo: { worker: 'graft.ffp' } }] }))).toMatchObject({
      status: 422,
      errors: [{ pointer: '/actions/0/passTo/worker', message: 'Select a person in your authority' }],
    });
    expect((await dora.post(`/api/cases/${caseId}/tasks/${caseId}.t99/complete`, { data: {}, actions: [toKte] })).status).toBe(404);
    expect((await json(dora.get(`/api/cases/${caseId}`))).openTasks).toEqual([expect.objectContaining({ id: screenId, status: 'open' })]);
  });

  it('Given the front door manager’s submit went through but its answer was lost, When she sends it again without a key, Then she hears it was saved, not "Someone else already did this"', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const body = { data: screening('team'), actions: [toKte] };
    expect((await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, body)).status).toBe(200);
    const again = await json(dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, body));
    expect(again).toMatchObject({ status: 409, code: 'task_not_open', byYou: true, completedBy: dora.user.id, detail: 'You have already completed this task: your earlier submit was saved.' });
    const state = (await api.store.getCase(caseId))!;
    expect(state.history.filter((h) => h.type === 'task_completed' && h.node === 'asm_screen')).toHaveLength(1);
  });

  it('Given two front door managers completing the same screening at once, Then exactly one succeeds and the other hears "Someone else already did this"', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const dee = await secondFrontDoorManager();
    const body = { data: screening('team'), actions: [toKte] };
    const responses = await Promise.all([dora, dee].map((who) => who.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, body)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = await json(responses.find((r) => r.status === 409)!);
    expect(loser).toMatchObject({ status: 409, code: 'task_not_open', taskStatus: 'completed', detail: expect.stringContaining('Someone else already did this') });
    const state = (await api.store.getCase(caseId))!;
    expect(state.history.filter((h) => h.type === 'task_completed' && h.node === 'asm_screen')).toHaveLength(1);
    expect(state.version).toBe(3);
  });
});

describe('reassigning a task', () => {
  it('Given the screening, When a front door manager takes it or an EH service manager passes it on, Then it moves; a social worker may not', async () => {
    const { sam, dora, caseId, screenId } = await referredCase(api);
    const path = `/api/cases/${caseId}/tasks/${screenId}/reassign`;
    expect(await json(sam.post(path, { to: { worker: 'camden.social_worker' } }))).toMatchObject({ status: 403, code: 'not_allowed' });
    const taken = await json(dora.post(path, { to: { worker: dora.user.id }, reason: 'On duty today' }));
    expect(taken.openTasks).toEqual([expect.objectContaining({ id: screenId, assignee: { kind: 'worker', id: 'camden.eh_front_door_manager', name: expect.any(String) } })]);
    const manager = await api.signIn('eh_service_manager@camden.example');
    const passed = await json(manager.post(path, { to: { team: 'eh_panel' } }));
    expect(passed.openTasks[0].assignee).toMatchObject({ kind: 'team', id: 'eh_panel' });
    expect((await api.store.getCase(caseId))?.history.filter((h) => h.type === 'task_reassigned').map((h) => h.by)).toEqual(['camden.eh_front_door_manager', 'camden.eh_service_manager']);
  });

  it('Given a bad target or a closed task, Then the reassignment is refused', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const path = `/api/cases/${caseId}/tasks/${screenId}/reassign`;
    expect(await json(dora.post(path, { to: { team: 'nowhere' } }))).toMatchObject({ status: 422, code: 'pass_to_not_allowed' });
    expect(await json(dora.post(path, { to: { worker: 'clinic.social_worker' } }))).toMatchObject({ status: 422, errors: [{ pointer: '/to/worker' }] });
    expect(await json(dora.post(path, { to: {}, reason: 'x'.repeat(501) }))).toMatchObject({ status: 422, code: 'request_invalid' });
    await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [toKte] });
    expect(await json(dora.post(path, { to: { worker: dora.user.id } }))).toMatchObject({ status: 409, code: 'task_not_open' });
  });
});

describe('tenancy', () => {
  it('Given a Camden case, Then a Graft practitioner gets 404 from every case and task endpoint, exactly as for an unknown id, and nothing changes', async () => {
    const { caseId, screenId } = await referredCase(api);
    const before = (await api.store.getCase(caseId))!;
    const outsider = await api.signIn('duty_eh_team_manager@graft.example');
    const task = `/api/cases/${caseId}/tasks/${screenId}`;
    const calls: Array<[string, Response | Promise<Response>]> = [
      ['page', outsider.get(`/api/cases/${caseId}`)],
      ['timeline', outsider.get(`/api/cases/${caseId}/timeline`)],
      ['withdraw', outsider.post(`/api/cases/${caseId}/withdraw`, { reason: 'Not ours' })],
      ['task form', outsider.get(task)],
      ['draft', outsider.put(`${task}/draft`, { data: {} })],
      ['complete', outsider.post(`${task}/complete`, { data: screening('team'), actions: [toKte] })],
      ['reassign', outsider.post(`${task}/reassign`, { to: { worker: outsider.user.id } })],
    ];
    for (const [what, call] of calls) expect(await json(call), what).toMatchObject({ status: 404, code: 'not_found', detail: 'There is no such case.' });
    expect(await json(outsider.get('/api/cases/no-such-case'))).toMatchObject({ status: 404, detail: 'There is no such case.' });
    expect((await json(outsider.get('/api/cases'))).cases).toEqual([]);
    expect((await json(outsider.get('/api/work'))).tasks).toEqual([]);
    expect(await api.store.getCase(caseId)).toEqual(before);
  });
});
