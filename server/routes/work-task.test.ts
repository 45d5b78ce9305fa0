import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { screening } from '../../test/camden/given.ts';
import type { Api } from '../../test/support/api.ts';
import { camdenHarness, json, referredCase, startedCase, type Json } from './case-test-support.ts';
import { taskForm } from './work-form.ts';

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
    // Decided once: the screening decision chooses the action, and the team answered is where it goes.
    expect(action(form, 'contact_team')).toMatchObject({
      label: 'Contact the social worker and the relevant Early Help team manager',
      to: { id: 'asm_team_identified', kind: 'parallel' },
      chosenBy: { field: 'outcome', values: ['team'] },
      passTo: { required: true, workers: false, teamFromAnswer: 'ehTeam', teams: expect.arrayContaining([{ id: kte, name: expect.any(String) }]) },
      scheduledDate: null,
      defaultPriority: null,
      guards: [],
      available: true,
    });
    expect(action(form, 'refer_to_panel')).toMatchObject({ chosenBy: { field: 'outcome', values: ['panel'] }, passTo: null });
    const reads = (await api.store.listAudit(caseId)).filter((a) => a.detail.what === `task_form:${screenId}`);
    expect(reads).toEqual([expect.objectContaining({ actor: 'camden.eh_front_door_manager', action: 'case_read' })]);
  });

  it('Given a saved draft, Then it is the saver’s alone, every team is still listed for the answer to name, and completing the task removes it', async () => {
    const { sam, dora, caseId, screenId } = await referredCase(api);
    const draft = { outcome: 'team', ehTeam: kte };
    expect((await dora.put(`/api/cases/${caseId}/tasks/${screenId}/draft`, { data: draft })).status).toBe(204);
    const form = await json(dora.get(`/api/cases/${caseId}/tasks/${screenId}`));
    expect(form.draft).toEqual({ data: draft, savedAt: '2026-12-17T10:00:00.000Z' });
    expect(action(form, 'contact_team').passTo.teams.length).toBeGreaterThan(1);
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
    expect(action(form, 'raise').passTo).toEqual({ required: true, workers: true, workerRoles: [{ id: 'eh_senior_practitioner', name: 'Early Help Senior Practitioner' }], teams: [{ id: 'eh_family_worker_team', name: expect.any(String) }], teamFromAnswer: null });
    expect(form.people).toContainEqual({ id: 'clinic.eh_senior_practitioner', name: expect.any(String), roles: [{ id: 'eh_senior_practitioner', name: expect.any(String) }] });
    expect(form.people.map((p: Json) => p.id)).not.toContain('clinic.admin');
    expect(form.people.every((p: Json) => p.id.startsWith('clinic.'))).toBe(true);
  });

  it('Given the referral, Then the page gets the guards’ rules and, of the case, only what they read beyond this task’s answers: the route the case came in by', async () => {
    const { sam, caseId, view } = await startedCase(api);
    const referralId = view.openTasks[0].id as string;
    expect((await sam.put(`/api/cases/${caseId}/tasks/${referralId}/draft`, { data: { familyAgreed: false } })).status).toBe(204);
    const form = await json(sam.get(`/api/cases/${caseId}/tasks/${referralId}`));
    // With the draft as the answers: the family do not agree, so closing is available and sending is not.
    expect(action(form, 'family_did_not_agree')).toMatchObject({ available: true, guards: [{ rule: { '==': [{ var: 'form.referral.familyAgreed' }, false] }, passes: true, mayDependOnAnswers: true }] });
    expect(action(form, 'send_referral')).toMatchObject({ available: false, guards: expect.arrayContaining([expect.objectContaining({ passes: false, mayDependOnAnswers: true })]) });
    // The draft and the prefill are the page's to lay over; the family, the children and every other path no rule reads stay on the server.
    expect(form.evaluation).toMatchObject({ node: 'referral', data: { case: { entry: 'sw_assessment' } } });
    expect(Object.keys(form.evaluation.data)).toEqual(['case']);
    expect(Object.keys(form.evaluation.data.case)).toEqual(['entry']);
    const { calendar } = form.evaluation;
    expect(calendar).toMatchObject({ timeZone: 'Europe/London', closureDays: expect.any(Array) });
    expect(calendar.bankHolidays).toContainEqual({ date: '2026-12-28', name: 'Boxing Day (substitute day)' });
    // Last year to three years ahead, whole years.
    const years = [...new Set((calendar.bankHolidays as Json[]).map((h) => h.date.slice(0, 4)))];
    expect(years).toEqual(['2025', '2026', '2027', '2028', '2029']);
  });

  it('Given the team opens the consultation offer, Then the page gets only the case data its rules read (when the screening and the e-mail were done, and today), never the rest of the case', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    await api.runClockTo('2026-12-18T09:00:00Z');
    await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [{ action: 'contact_team', passTo: { team: kte } }] });
    const state = (await api.store.getCase(caseId))!;
    const offer = Object.values(state.tasks).find((t) => t.node === 'asm_offer_consultation')!;
    const form = await json(dora.get(`/api/cases/${caseId}/tasks/${offer.id}`));
    expect(form.evaluation.data).toEqual({ done: { asm_screen: state.done['asm_screen'], email_step_down_inbox: state.done['email_step_down_inbox'] }, today: '2026-12-18' });
    // No path no rule reads: not the family, not the referral's or the screening's answers.
    expect(JSON.stringify(form.evaluation.data)).not.toMatch(/Okafor|form|case|entered/);
  });

  it('Given actions chosen by an answer, and a team named by an answer on the same form, Then each action says which question chooses it and which answers the team', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const state = (await api.store.getCase(caseId))!;
    const definition = structuredClone((await api.store.getDefinition(state.definition.id, state.definition.version))!.definition) as WorkflowDefinition;
    const node = definition.nodes.find((n) => n.id === 'asm_screen')!;
    if (node.kind !== 'user_task') throw new Error('asm_screen is a user task');
    const values: Record<string, string> = { contact_team: 'team', refer_to_panel: 'panel', send_advice: 'advice' };
    for (const a of node.nextActions ?? []) a.chosenBy = { field: 'outcome', values: [values[a.id]!] };
    node.nextActions![0]!.passTo = { ...node.nextActions![0]!.passTo, teamFrom: 'form.asm_screen.ehTeam' };
    node.nextActions![1]!.passTo = { teams: ['ieys_kte_duty_manager'], teamFrom: 'form.referral.currentEarlyHelpTeam' };
    const user = (await api.store.getUser(dora.user.id))!;
    const draft = { caseId, taskId: screenId, userId: user.id, authority: 'camden', data: { outcome: 'team', ehTeam: 'ieys_ktw_duty_manager' }, savedAt: '2026-12-17T10:00:00.000Z' };
    const form = taskForm(state, definition, state.tasks[screenId]!, { user, people: new Map(), draft, now: '2026-12-17T10:00:00.000Z' }) as Json;
    expect(form.actions.map((a: Json) => [a.id, a.chosenBy])).toEqual([
      ['contact_team', { field: 'outcome', values: ['team'] }], ['refer_to_panel', { field: 'outcome', values: ['panel'] }], ['send_advice', { field: 'outcome', values: ['advice'] }],
    ]);
    // The team follows the answer as typed, so every team is listed for the page to name it.
    expect(action(form, 'contact_team').passTo).toMatchObject({ teamFromAnswer: 'ehTeam', teams: expect.arrayContaining([{ id: kte, name: expect.any(String) }]) });
    expect(action(form, 'contact_team').passTo.teams.length).toBeGreaterThan(1);
    expect(action(form, 'refer_to_panel').passTo).toMatchObject({ teamFromAnswer: null });
    expect(action(form, 'send_advice').passTo).toBeNull();
  });
});

