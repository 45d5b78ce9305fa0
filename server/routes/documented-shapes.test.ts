/**
 * The response shapes the document once had wrong (outbox jobs, migration blockers, the
 * subject-access outcome and missing facts, timescale percentages, the task form), each produced
 * by a real route and checked against /api/openapi.json by the harness: a schema that says
 * otherwise fails these tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { screening, toKte } from '../../test/camden/given.ts';
import { cafMeeting, closure, decision, family as mensah, lpAgreed, proposal, tmAgrees, tmQa } from '../../test/caf-ehm/given.ts';
import { caseNote, family as achterberg, identification, stepOne, stepTwo } from '../../test/graft-lcs/given.ts';
import { complete, inInbox, walkHarness } from '../../test/support/api-walk.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { camdenHarness, json, referredCase, type Json } from './case-test-support.ts';
import { editDraft } from './definition-test-kit.ts';
import { givenCamdenStepDowns, KTE } from './report-given.ts';

let api: Api | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('Given a CAF / EHM case whose decision was agreed late, closed stepped down to CAF, and whose file transfer to EHM is still a pending job', () => {
  it('When the admin opens the outbox, Then the start_subflow job is listed beside the escalation e-mail, with its delivery state and none of an e-mail’s contents', async () => {
    api = await walkHarness('2026-12-01T10:00:00Z');
    const sam = await api.signIn('social_worker@caf-ehm.example');
    const tara = await api.signIn('sw_team_manager@caf-ehm.example');
    const cleo = await api.signIn('caf_link_worker@caf-ehm.example');
    const caseId = (await json(sam.post('/api/cases', { definition: 'caf-ehm', entry: 'decision_to_step_down', subject: mensah, data: decision('2027-01-04') }))).id as string;
    // The Team Manager agrees a day late (due within 2 working days): the escalation e-mails the service manager.
    await api.runClockTo('2026-12-04T10:00:00Z');
    await complete(tara, caseId, (await inInbox(tara, caseId, 'tm_agree_decision')).taskId, tmAgrees, { action: 'agreed' });
    await api.runClockTo('2026-12-10T14:00:00Z');
    await complete(sam, caseId, (await inInbox(sam, caseId, 'share_proposal')).taskId, proposal(), { action: 'views_recorded' });
    await api.runClockTo('2026-12-15T11:00:00Z');
    await complete(sam, caseId, (await inInbox(sam, caseId, 'identify_lp')).taskId, lpAgreed, { action: 'lp_agreed' });
    await api.runClockTo('2027-01-04T15:00:00Z');
    await complete(sam, caseId, (await inInbox(sam, caseId, 'final_cin_meeting')).taskId, cafMeeting('2027-01-04', '2027-01-28'), { action: 'step_down_caf' });
    await api.runClockTo('2027-01-07T10:00:00Z');
    await complete(sam, caseId, (await inInbox(sam, caseId, 'case_closure')).taskId, closure('caf'), { action: 'send_to_tm' });
    await api.runClockTo('2027-01-08T10:00:00Z');
    await complete(tara, caseId, (await inInbox(tara, caseId, 'tm_quality_assurance')).taskId, tmQa(), { action: 'authorise_caf' });
    await api.runClockTo('2027-01-11T10:00:00Z');
    const closed = await complete(cleo, caseId, (await inInbox(cleo, caseId, 'clw_quality_assurance')).taskId, { cafQualityAssured: true }, { action: 'authorise' });
    expect(closed.status).toBe('closed');

    const admin = await api.signIn('admin@caf-ehm.example');
    const outbox = await json(admin.get(`/api/outbox?caseId=${caseId}`));
    const job = (outbox.messages as Json[]).find((m) => m.kind === 'start_subflow');
    expect(job).toEqual({
      id: expect.stringMatching(new RegExp(`^${caseId}.*:start$`)),
      kind: 'start_subflow',
      caseId,
      status: 'pending',
      attempts: 0,
      createdAt: '2027-01-11T10:00:00.000Z',
      availableAt: expect.any(String),
      doneAt: null,
      lastError: null,
    });
    expect(outbox.messages).toHaveLength(2);
    expect((outbox.messages as Json[]).find((m) => m.kind === 'notify')).toMatchObject({
      caseId,
      reason: 'escalation:tm_agree_decision:1',
      body: expect.stringContaining('The Team Manager has not yet agreed the decision to step down to CAF.'),
      to: [{ kind: 'role', id: 'csc_service_manager' }],
    });
    expect(await json(admin.get(`/api/outbox?caseId=${caseId}&kind=start_subflow`))).toMatchObject({ total: 1, messages: [{ kind: 'start_subflow' }] });
  });
});

describe('Given a Camden case waiting at the join before the formal consultation', () => {
  it('When version 2 renames that join and the admin plans the move, Then the case is blocked by join_node_missing, a blocker with no ref', async () => {
    api = await camdenHarness();
    const { dora, caseId, screenId } = await referredCase(api);
    const screened = await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [{ action: 'contact_team', passTo: toKte }] });
    expect(screened.status).toBe(200);
    expect(Object.keys((await api.store.getCase(caseId))!.joins)).toEqual(['asm_consultation_ready']);

    const admin = await api.signIn('admin@camden.example');
    const renamed = await editDraft(admin, 'camden', (d) => Object.assign(d, JSON.parse(JSON.stringify(d).replaceAll('"asm_consultation_ready"', '"asm_ready_to_consult"'))));
    expect(renamed.status).toBe(200);
    expect((await admin.post('/api/definitions/camden/publish', { note: 'Changed for this test' })).status).toBe(201);

    const plan = await json(admin.get('/api/definitions/camden/migrations/plan?from=1&to=2'));
    expect(plan.cases).toEqual([{ caseId, version: expect.any(Number), migratable: false, blockers: [{ code: 'join_node_missing', node: 'asm_consultation_ready' }] }]);
    expect(plan.summary).toEqual({ cases: 1, migratable: 0, blocked: 1 });
  });
});

describe('Given a Graft case closed at Step One, about a child with no date of birth or case-system ID', () => {
  it('When the admin previews and exports what is held as JSON, Then the outcome is an object with its name, reason and time, and the child’s missing facts are null', async () => {
    api = await walkHarness('2026-11-30T10:00:00Z');
    const sam = await api.signIn('social_worker@graft.example');
    const subject = { familyName: 'Achterberg', children: [{ name: 'Noor Achterberg' }] };
    const started = await json(sam.post('/api/cases', { definition: 'graft-lcs', entry: 'identified', subject, data: identification }));
    const caseId = started.id as string;
    await api.runClockTo('2026-12-01T14:00:00Z');
    const stepOneTask = await inInbox(sam, caseId, 'step_one_family_discussion');
    const answers = stepOne({ familyConsent: false, assessments: [{ name: 'Noor Achterberg', assessmentCompletedDate: '2026-11-20' }] });
    expect(await complete(sam, caseId, stepOneTask.taskId, answers, { action: 'cannot_progress' })).toMatchObject({ status: 'closed' });

    const admin = await api.signIn('admin@graft.example');
    expect((await admin.get(`/api/cases/${caseId}/subject-access`)).status).toBe(200);
    const bundle = await json(admin.get(`/api/cases/${caseId}/subject-access/export?format=json`));
    expect(bundle.case).toMatchObject({
      status: 'closed',
      outcome: { name: 'Step down cannot progress (no consent or no clear plan)', closureReason: null, at: '2026-12-01T14:00:00.000Z' },
      children: [{ name: 'Noor Achterberg', dateOfBirth: null, personId: null }],
    });
  });
});

describe('Given six Camden step downs', () => {
  it('When the timescales report covers November and December, Then a team that met 5 of its 6 timescales shows 83.3 per cent, not a whole number', async () => {
    api = await apiHarness();
    await givenCamdenStepDowns(api);
    const manager = await api.signIn('eh_service_manager@camden.example');
    const report = await json(manager.get('/api/reports/timescales?from=2026-11&to=2026-12'));
    expect((report.totals.byTeam as Json[]).find((t) => t.team === KTE)).toMatchObject({ completed: 6, met: 5, late: 1, metPercent: 83.3 });
  });
});

describe('Given a Graft case whose Referral to EHM is in the Strengthening Families tray', () => {
  it('When the EH team manager opens the referral, then the tray allocation, a step with no form, Then the first comes with its form’s layout and the second with form null', async () => {
    api = await walkHarness('2026-11-30T10:00:00Z');
    const sam = await api.signIn('social_worker@graft.example');
    const tara = await api.signIn('sc_team_manager@graft.example');
    const dina = await api.signIn('duty_eh_team_manager@graft.example');
    const ellie = await api.signIn('eh_team_manager@graft.example');
    const caseId = (await json(sam.post('/api/cases', { definition: 'graft-lcs', entry: 'identified', subject: achterberg, data: identification }))).id as string;
    await api.runClockTo('2026-12-01T14:00:00Z');
    await complete(sam, caseId, (await inInbox(sam, caseId, 'step_one_family_discussion')).taskId, stepOne(), { action: 'request_duty_eh_discussion', passTo: { worker: tara.user.id } });
    await api.runClockTo('2026-12-02T11:00:00Z');
    const duty = await inInbox(tara, caseId, 'step_two_duty_eh_discussion');
    await complete(tara, caseId, duty.taskId, stepTwo, { action: 'step_down_agreed' });
    await complete(dina, caseId, duty.taskId, stepTwo, { action: 'step_down_agreed' });
    await api.runClockTo('2026-12-03T10:00:00Z');
    const taf = await inInbox(ellie, caseId, 'step_three_taf_decision', '/api/trays/taf_team');
    await complete(ellie, caseId, taf.taskId, { tafDiscussionDate: '2026-12-03', decisionReasons: 'TAF plan agreed.' }, { action: 'taf_plan_agreed' });
    await api.runClockTo('2026-12-04T10:00:00Z');
    await complete(ellie, caseId, (await inInbox(ellie, caseId, 'step_three_case_note_allocation')).taskId, caseNote, { action: 'case_note_added' });
    await api.runClockTo('2026-12-07T10:00:00Z');
    const referral = await inInbox(tara, caseId, 'step_four_sw_tm_referral');
    const referralForm = await json(tara.get(`/api/cases/${caseId}/tasks/${referral.taskId}`));
    expect(referralForm.form).toMatchObject({ id: 'ehm_referral', layout: { sections: expect.any(Array) } });
    await complete(tara, caseId, referral.taskId, { referralDate: '2026-12-07' }, { action: 'referral_to_ehm', passTo: { team: 'strengthening_families' } });

    await api.runClockTo('2026-12-08T10:00:00Z');
    const tray = await inInbox(ellie, caseId, 'step_four_tray_allocation', '/api/trays/strengthening_families?sort=priority');
    const trayForm = await json(ellie.get(`/api/cases/${caseId}/tasks/${tray.taskId}`));
    expect(trayForm.task).toMatchObject({ id: tray.taskId, node: 'step_four_tray_allocation' });
    expect(trayForm.form).toBeNull();
  });
});
