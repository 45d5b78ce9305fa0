/**
 * Camden, through the HTTP API only: step down after a Child and Family assessment over
 * Christmas 2026 (25 and 28 December and 1 January are bank holidays). Sam e-mails the Step Down
 * inbox on Thursday 17 December; the front door identifies IEYS Kentish Town East; the team
 * manager takes the tray's work, consults and accepts; the joint visit, the C&F sections and the
 * manager's two next actions follow; Early Help takes the family on and Sam closes to CSSW on
 * Tuesday 5 January 2027 with RC9. Each step is done by the demo person the protocol names,
 * after it has shown up in their inbox; on the way, the family worker trying the team manager's
 * consultation (403) and the closure chosen without the step down (422) are refused.
 *
 * Camden's duty trays name no roles (membership decides, see the definition's notes) and the
 * demo people are members of none, so the tray's work reaches a person the Mosaic way: the EH
 * team manager — a manager role — passes it to a named worker.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../support/api.ts';
import { complete, inInbox, type Json, onCasePage, walkHarness } from '../support/api-walk.ts';
import { accept, cfa, closure, ehRecord, family, offer, referral, screening, visit } from '../camden/given.ts';

const kte = 'ieys_kte_duty_manager';

let api: Api;
beforeEach(async () => {
  api = await walkHarness('2026-12-16T09:00:00Z');
});
afterEach(async () => api.close());

describe('Given Camden’s demo people and the Okafor family after an NFA Child and Family assessment', () => {
  it('When the step down runs through the front door, IEYS Kentish Town East and the manager’s sign-off, Then the family is closed to CSSW with RC9', async () => {
    const sam = await api.signIn('social_worker@camden.example');
    const dora = await api.signIn('eh_front_door_manager@camden.example');
    const kate = await api.signIn('eh_team_manager@camden.example');
    const tina = await api.signIn('sw_team_manager@camden.example');
    const dev = await api.signIn('eh_duty_manager@camden.example');
    const fay = await api.signIn('eh_family_worker@camden.example');

    const started = await sam.post('/api/cases', { definition: 'camden', entry: 'sw_assessment', subject: family });
    expect(started.status).toBe(201);
    const caseId = ((await started.json()) as Json).id as string;

    await api.runClockTo('2026-12-17T10:00:00Z');
    const referralTask = await inInbox(sam, caseId, 'referral');
    const sent = await complete(sam, caseId, referralTask.taskId, referral(), { action: 'send_referral' });
    expect(sent.stages).toEqual([expect.objectContaining({ node: 'asm_screen', stage: 'Front door' })]);

    // The front door replies within 2 working days: by the end of Monday 21 December.
    await api.runClockTo('2026-12-21T11:00:00Z');
    const screen = await inInbox(dora, caseId, 'asm_screen');
    expect(screen).toMatchObject({ via: 'team', assignee: { id: 'eh_front_door' }, due: '2026-12-21T23:59:59.999Z' });
    // Decide once: the screening decision and the team answered choose the next action and its team; nothing else is sent.
    await complete(dora, caseId, screen.taskId, screening('team'));

    // The offer waits in the KTE duty tray, where Kate, an EH team manager, sits in the demo.
    const offerTask = await onCasePage(kate, caseId, 'asm_offer_consultation');
    expect(offerTask).toMatchObject({ assignee: { kind: 'team', id: kte, name: 'IEYS Kentish Town East' }, canAct: true });
    expect((await kate.get(`/api/trays/${kte}`)).status).toBe(200);
    await api.runClockTo('2026-12-22T09:00:00Z');
    expect(await inInbox(kate, caseId, 'asm_offer_consultation')).toMatchObject({ via: 'team', due: '2026-12-22T23:59:59.999Z' });
    // Fay, a family worker who also sits in the tray, cannot offer the team manager's consultation.
    const byFay = await fay.post(`/api/cases/${caseId}/tasks/${offerTask.id}/complete`, { data: offer('2026-12-22'), actions: [{ action: 'offer' }] });
    expect(byFay.status).toBe(403);
    expect(await byFay.json()).toMatchObject({ code: 'not_allowed', detail: expect.stringMatching(/^Only an Early Help team manager can do/i) });
    await complete(kate, caseId, offerTask.id, offer('2026-12-22'), { action: 'offer' });

    // The consultation is due within 5 working days of the e-mail: Thursday 24 December.
    await api.runClockTo('2026-12-23T15:00:00Z');
    const consultation = await inInbox(kate, caseId, 'asm_consultation');
    expect(consultation.due).toBe('2026-12-24T23:59:59.999Z');
    const { familyWorkerName: _name, ...unnamed } = accept('2026-12-23');
    const refused = await kate.post(`/api/cases/${caseId}/tasks/${consultation.taskId}/complete`, { data: unnamed, actions: [{ action: 'accept' }] });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      code: 'form_invalid',
      errors: [{ pointer: '/familyWorkerName', message: 'Enter the name of the allocated Early Help Family Worker' }],
    });
    await complete(kate, caseId, consultation.taskId, accept('2026-12-23'), { action: 'accept' });

    // Joint visit and the step down episode within 10 working days of the e-mail: Tuesday 5 January.
    await api.runClockTo('2026-12-30T14:00:00Z');
    const visitTask = await inInbox(sam, caseId, 'asm_joint_visit');
    expect(visitTask.due).toBe('2027-01-05T23:59:59.999Z');
    await complete(sam, caseId, visitTask.taskId, visit('2026-12-30'), { action: 'visited' });
    await api.runClockTo('2026-12-31T10:00:00Z');
    await complete(sam, caseId, (await inInbox(sam, caseId, 'asm_cfa_sections')).taskId, cfa(), { action: 'submit' });

    await api.runClockTo('2027-01-04T09:00:00Z');
    const authorise = await inInbox(tina, caseId, 'asm_cfa_authorise');
    expect(authorise).toMatchObject({ via: 'role', assignee: { kind: 'role', id: 'sw_team_manager' } });
    const form = (await (await tina.get(`/api/cases/${caseId}/tasks/${authorise.taskId}`)).json()) as Json;
    expect(form).toMatchObject({ multipleActions: true, actions: [{ id: 'step_down_to_eh', available: true, passTo: { required: true, workers: false } }, { id: 'progress_to_closure', available: true }, { id: 'return_to_sw', available: false }] });
    // The closure alone would close the family to social care without stepping it down.
    const closureAlone = await tina.post(`/api/cases/${caseId}/tasks/${authorise.taskId}/complete`, { data: { signedOffOn: '2027-01-04' }, actions: [{ action: 'progress_to_closure' }] });
    expect(closureAlone.status).toBe(422);
    expect(await closureAlone.json()).toMatchObject({ code: 'actions_incomplete' });
    await complete(tina, caseId, authorise.taskId, { signedOffOn: '2027-01-04' }, { action: 'step_down_to_eh', passTo: { team: kte } }, { action: 'progress_to_closure' });

    // The step down record lands in the KTE tray; Kate passes it to Dev, the duty manager.
    await api.runClockTo('2027-01-04T11:00:00Z');
    const record = await onCasePage(kate, caseId, 'eh_record');
    expect((await kate.post(`/api/cases/${caseId}/tasks/${record.id}/reassign`, { to: { worker: dev.user.id } })).status).toBe(200);
    expect(await inInbox(dev, caseId, 'eh_record')).toMatchObject({ via: 'me', due: '2027-01-06T23:59:59.999Z' });
    const recordForm = (await (await dev.get(`/api/cases/${caseId}/tasks/${record.id}`)).json()) as Json;
    expect(recordForm.prefill).toMatchObject({ caseSteppedDownFrom: 'sw_assessment', circumstancesReferBack: 'Any disclosure of harm, or attendance below 80%.' });
    expect(recordForm.people.map((p: Json) => p.id)).toContain(fay.user.id);
    await complete(dev, caseId, record.id, ehRecord, { action: 'eh_assessment_required', passTo: { worker: fay.user.id } });

    await api.runClockTo('2027-01-05T10:00:00Z');
    const work = await inInbox(fay, caseId, 'eh_work');
    expect(work).toMatchObject({ via: 'me', due: '2027-01-18T23:59:59.999Z', dueLabel: 'engagement within 2 weeks' });
    await complete(fay, caseId, work.taskId, { workType: 'eh_assessment_required', familyEngaged: true, safeguardingConcerns: false }, { action: 'engaged' });

    await api.runClockTo('2027-01-05T15:00:00Z');
    const close = await inInbox(sam, caseId, 'asm_close');
    const closed = await complete(sam, caseId, close.taskId, closure(), { action: 'close' });
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: { id: 'stepped_down', node: 'asm_closed', closureReason: 'RC9', at: '2027-01-05T15:00:00.000Z' },
      closures: [{ node: 'asm_closed', closureReason: 'RC9' }],
      openTasks: [],
    });
    const found = (await (await dora.get('/api/cases?status=closed&q=okafor')).json()) as Json;
    expect(found.cases).toEqual([expect.objectContaining({ id: caseId, openTasks: 0, nextDue: null })]);
  });
});
