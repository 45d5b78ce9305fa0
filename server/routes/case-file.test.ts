/**
 * The case file: the front door screens a referral it can see; each next step shows the forms its
 * definition names, in that order, rendered as people read them; without `caseFile`, every
 * recorded form, newest first. The case page's timeline lists the forms and the e-mails as sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screening, toKte } from '../../test/camden/given.ts';
import type { Api } from '../../test/support/api.ts';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { caseFileFor } from './case-file.ts';
import { camdenHarness, json, referredCase, type Json } from './case-test-support.ts';

let api: Api;
beforeEach(async () => {
  api = await camdenHarness();
});
afterEach(async () => api.close());

const rows = (entry: Json) => (entry.sections as Json[]).flatMap((s) => s.rows as Json[]);
const row = (entry: Json, label: string) => rows(entry).find((r) => r.label === label);

describe('the case file on a task form', () => {
  it('Given the social worker sent the referral, When the front door opens the screening, Then it shows the referral’s answers with labels, long dates and each child by name', async () => {
    const { dora, caseId, screenId, view } = await referredCase(api);
    const form = await json(dora.get(`/api/cases/${caseId}/tasks/${screenId}`));
    expect(form.caseFile).toHaveLength(1);
    const [referral] = form.caseFile as Json[];
    expect(referral).toMatchObject({
      node: 'referral',
      task: expect.any(String),
      name: 'Get the family’s agreement and e-mail the Early Help Step Down inbox',
      form: { id: 'step_down_referral', title: 'Step down referral to the Early Help Step Down inbox' },
      completedAt: '2026-12-17T10:00:00.000Z',
      completedBy: { id: 'camden.social_worker', name: expect.any(String) },
    });
    expect(referral!.task).not.toBe(view.openTasks[0].id);
    expect(referral!.sections[0]).toEqual({
      title: 'Agreement to referral',
      rows: [
        { label: 'Has the family agreed to a referral being made to Early Help Services on their behalf?', value: 'Yes' },
        { label: 'Date the family agreed', value: '16 December 2026' },
        { label: 'Has the family’s agreement been recorded?', value: 'Yes' },
      ],
    });
    expect(row(referral!, 'Provisional dates for a joint visit')?.value).toEqual(['22 December 2026', '23 December 2026', '30 December 2026']);
    const children = row(referral!, 'Children')!;
    expect(children.items.map((i: Json) => i.label)).toEqual(['Ada Okafor', 'Ben Okafor']);
    expect(children.items[0].rows).toContainEqual({ label: 'Date of birth', value: '2 April 2015' });
    // No raw values: the stored answers never appear as they were sent.
    expect(JSON.stringify(form.caseFile)).not.toMatch(/"(true|false|2026-12-16)"/);
  });

  it('Given the front door screened it to a team, When the team opens the consultation offer, Then screening then referral show, in the order the definition names them, with option titles', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const done = await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [{ action: 'contact_team', passTo: toKte }] });
    expect(done.status).toBe(200);
    const state = (await api.store.getCase(caseId))!;
    const offer = Object.values(state.tasks).find((t) => t.node === 'asm_offer_consultation' && t.status === 'open')!;
    // Anyone in the authority may read the task; the team it is with acts on it.
    const form = await json(dora.get(`/api/cases/${caseId}/tasks/${offer.id}`));
    expect((form.caseFile as Json[]).map((e) => e.node)).toEqual(['asm_screen', 'referral']);
    const screened = (form.caseFile as Json[])[0]!;
    expect(screened.completedBy).toEqual({ id: 'camden.eh_front_door_manager', name: expect.any(String) });
    const outcome = rows(screened)[0]!;
    expect(outcome.value).not.toBe('team');
    expect(JSON.stringify(screened)).not.toContain('"ieys_kte_duty_manager"');
  });

  it('Given a step whose definition names no forms, Then every other recorded form shows, newest first', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    await api.runClockTo('2026-12-18T09:00:00Z');
    await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [{ action: 'contact_team', passTo: toKte }] });
    const state = (await api.store.getCase(caseId))!;
    const definition = structuredClone((await api.store.getDefinition(state.definition.id, state.definition.version))!.definition) as WorkflowDefinition;
    const node = definition.nodes.find((n) => n.id === 'asm_offer_consultation');
    if (node?.kind === 'user_task') delete node.caseFile;
    const offer = Object.values(state.tasks).find((t) => t.node === 'asm_offer_consultation')!;
    const file = caseFileFor(state, definition, offer, new Map());
    expect(file.map((e) => [e.node, e.completedAt])).toEqual([['asm_screen', '2026-12-18T09:00:00.000Z'], ['referral', '2026-12-17T10:00:00.000Z']]);
  });
});

describe('the case file on the case page', () => {
  it('Given the referral was sent, When the timeline is read, Then it lists the recorded form and the e-mail with its subject and body as sent', async () => {
    const { sam, caseId } = await referredCase(api);
    const timeline = await json(sam.get(`/api/cases/${caseId}/timeline`));
    expect(timeline.forms).toEqual([expect.objectContaining({ node: 'referral', task: expect.any(String), form: expect.objectContaining({ id: 'step_down_referral' }) })]);
    const sent = (timeline.history as Json[]).filter((h) => h.type === 'notification_sent');
    expect(sent.length).toBeGreaterThan(0);
    for (const entry of sent) expect(entry.email).toEqual({ subject: expect.any(String), body: expect.any(String) });
    expect(sent[0]!.email.body.length).toBeGreaterThan(20);
    const reads = (await api.store.listAudit(caseId)).filter((a) => a.detail.what === 'timeline');
    expect(reads).toHaveLength(1);
  });
});
