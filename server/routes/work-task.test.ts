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
const action = (form: Json, id: string) => (form.actions as Json[]).find((a) => a.id === id)!;

describe('the task form', () => {
  it('Given a referral from a family already open to Early Help, When the front door opens the screening, Then the form, the copied answers and the next actions come in one audited read', async () => {
    const { dora, caseId, screenId } = await referredCase(api, { alreadyOpenToEarlyHelp: true, currentEarlyHelpTeam: kte });
    const form = await json(dora.get(`/api/cases/${caseId}/tasks/${screenId}`));
    expect(form).toMatchObject({
      case: { id: caseId, version: 2, familyName: 'Okafor', definition: { id: 'camden', version: 1 } },
      task: { id: screenId, name: 'Screen the step down referral', stage: 'Front door', assignee: { kind: 'team', id: 'eh_front_door' }, due: '2026-12-21T23:59:59.999Z', priority: 'normal', note: null, scheduledFor: null, canAct: true },
      form: { id: 'front_door_screening', title: 'Early Help front door screening', schema: { required: ['outcome', 'rationale'] } },
      prefill: { ehTeam: kte },
      prefilled: ['ehTeam'],
      draft: null,
      multipleActions: false,
      people: [],
      priorities: [{ id: 'urgent', label: 'Urgent' }, { id: 'normal', label: 'Normal' }, { id: 'low', label: 'Low' }],
    });
    expect(form.form.layout.sections.length).toBeGreaterThan(0);
    expect(action(form, 'contact_team')).toMatchObject({
      label: 'Contact the social worker and the relevant Early Help team manager',
      to: { id: 'asm_team_identified', kind: 'parallel' },
      passTo: { required: true, workers: false, teams: expect.arrayContaining([{ id: kte, name: 'Ieys Kte Duty Manager (Kentish Town East)' }]) },
      scheduledDate: null,
      defaultPriority: null,
      // Suitable for step down, and passed to the team identified: both read this task's answers.
      guards: [{ message: expect.any(String), passes: false, mayDependOnAnswers: true }, { message: expect.stringContaining('the Early Help team you identified'), passes: true, mayDependOnAnswers: true }],
      available: false,
    });
    const reads = (await api.store.listAudit(caseId)).filter((a) => a.detail.what === `task_form:${screenId}`);
    expect(reads).toEqual([expect.objectContaining({ actor: 'camden.eh_front_door_manager', action: 'case_read' })]);
  });

  it('Given a saved draft, Then the guards are evaluated with it; the draft is the saver’s alone; completing the task removes it', async () => {
    const { sam, dora, caseId, screenId } = await referredCase(api);
    const draft = { outcome: 'team', ehTeam: kte };
    expect((await dora.put(`/api/cases/${caseId}/tasks/${screenId}/draft`, { data: draft })).status).toBe(204);
    const form = await json(dora.get(`/api/cases/${caseId}/tasks/${screenId}`));
    expect(form.draft).toEqual({ data: draft, savedAt: '2026-12-17T10:00:00.000Z' });
    expect(action(form, 'contact_team')).toMatchObject({ available: true, guards: [{ passes: true }, { passes: true }] });
    expect(action(form, 'send_advice')).toMatchObject({ available: false, guards: [{ passes: false, mayDependOnAnswers: true }] });
    expect((await json(sam.get(`/api/cases/${caseId}/tasks/${screenId}`))).draft).toBeNull();

    await api.runClockTo('2026-12-18T09:00:00Z');
    const replaced = { ...draft, rationale: 'Fits KTE.' };
    expect((await dora.put(`/api/cases/${caseId}/tasks/${screenId}/draft`, { data: replaced })).status).toBe(204);
    expect((await json(dora.get(`/api/cases/${caseId}/tasks/${screenId}`))).draft).toEqual({ data: replaced, savedAt: '2026-12-18T09:00:00.000Z' });
    const done = await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [{ action: 'contact_team', passTo: { team: kte } }] });
    expect(done.status).toBe(200);
    expect(await api.store.getTaskDraft(screenId, 'camden.eh_front_door_manager')).toBeNull();
    const after = await json(dora.get(`/api/cases/${caseId}/tasks/${screenId}`));
    expect(after).toMatchObject({
      draft: null,
      task: { status: 'completed', completedBy: { id: 'camden.eh_front_door_manager', name: 'Demo Early Help front door team manager' }, canAct: false },
      answers: screening('team'),
    });
    expect(await json(dora.put(`/api/cases/${caseId}/tasks/${screenId}/draft`, { data: draft }))).toMatchObject({ status: 409, code: 'task_not_open' });
  });

  it('Given bad drafts, or someone whose task it is not, Then each is refused and nothing is saved', async () => {
    const { sam, dora, caseId, screenId } = await referredCase(api);
    const path = `/api/cases/${caseId}/tasks/${screenId}/draft`;
    expect(await json(dora.put(path, { data: ['team'] }))).toMatchObject({ status: 422, errors: [{ pointer: '/data' }] });
    expect(await json(dora.put(path, { data: {}, extra: 1 }))).toMatchObject({ status: 422, errors: [{ pointer: '/extra' }] });
    expect((await dora.put(path, 'data', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await dora.put(path, { data: { rationale: 'x'.repeat(300_000) } })).status).toBe(413);
    expect(await json(sam.put(path, { data: { outcome: 'team' } }))).toMatchObject({ status: 403, code: 'not_allowed' });
    expect((await dora.put(`/api/cases/${caseId}/tasks/${caseId}.t99/draft`, { data: {} })).status).toBe(404);
    expect(await api.store.getTaskDraft(screenId, 'camden.social_worker')).toBeNull();
    expect(await api.store.getTaskDraft(screenId, 'camden.eh_front_door_manager')).toBeNull();
  });

  it('Given an action that may pass to a worker, Then the form lists the practitioners of the protocol in the authority, not its admin', async () => {
    const fern = await api.signIn('eh_family_worker@clinic.example');
    const started = await json(fern.post('/api/cases', { definition: 'clinic', entry: 'step_up', subject: { familyName: 'Okafor', children: [{ name: 'Ada Okafor' }] }, data: { latestCaseSummary: 'Weekly sessions since January.' } }));
    const form = await json(fern.get(`/api/cases/${started.id}/tasks/${started.openTasks[0].id}`));
    expect(action(form, 'raise').passTo).toEqual({ required: true, workers: true, workerRoles: [{ id: 'eh_senior_practitioner', name: 'Early Help Senior Practitioner' }], teams: [{ id: 'eh_family_worker_team', name: expect.any(String) }] });
    expect(form.people).toContainEqual({ id: 'clinic.eh_senior_practitioner', name: expect.any(String), roles: [{ id: 'eh_senior_practitioner', name: expect.any(String) }] });
    expect(form.people.map((p: Json) => p.id)).not.toContain('clinic.admin');
    expect(form.people.every((p: Json) => p.id.startsWith('clinic.'))).toBe(true);
  });
});
