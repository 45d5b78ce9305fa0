import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screening, toKte } from '../../test/camden/given.ts';
import type { Api } from '../../test/support/api.ts';
import { camdenHarness, json, referredCase, type Json } from './case-test-support.ts';

let api: Api;
beforeEach(async () => {
  api = await camdenHarness();
});
afterEach(async () => api.close());

const tagOf = (list: Json, caseId: string) => (list.tasks as Json[]).find((t) => t.caseId === caseId)?.dueTag;

describe('triage of trays', () => {
  it('Given a screening due Monday 21 December, Then it is due tomorrow on Sunday, due today on Monday, and overdue by working days after Christmas', async () => {
    const { dora, caseId } = await referredCase(api);
    await api.runClockTo('2026-12-20T12:00:00Z');
    expect(tagOf(await json(dora.get('/api/work')), caseId)).toEqual({ kind: 'tomorrow' });
    await api.runClockTo('2026-12-21T09:00:00Z');
    expect(tagOf(await json(dora.get('/api/work')), caseId)).toEqual({ kind: 'today' });
    await api.runClockTo('2026-12-23T09:00:00Z');
    expect(tagOf(await json(dora.get('/api/trays/eh_front_door')), caseId)).toEqual({ kind: 'overdue', workingDays: 2 });
    // Thursday 24th, then Christmas Day and the Boxing Day holiday (Monday 28th) do not count.
    await api.runClockTo('2026-12-29T09:00:00Z');
    expect(tagOf(await json(dora.get('/api/work')), caseId)).toEqual({ kind: 'overdue', workingDays: 4 });
  });

  it('Given work in one locality tray, When the EH duty manager opens their work, Then only that tray has a tab, with its count', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const done = await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [{ action: 'contact_team', passTo: toKte }] });
    expect(done.status).toBe(200);
    const duty = await api.signIn('eh_duty_manager@camden.example');
    const work = await json(duty.get('/api/work'));
    expect(work.teams).toEqual([{ id: toKte.team, name: expect.any(String), kind: 'duty', open: 1 }]);
    // Filtering by the tray keeps every tab's count.
    expect((await json(duty.get(`/api/work?team=${toKte.team}`))).teams).toEqual(work.teams);
    expect(work.tasks[0]).toMatchObject({ caseId, reference: caseId.slice(0, 8).toUpperCase() });
  });

  it('Given a tray, Then whoever holds the step’s role can assign it to themselves, and only managers are offered allocation, to the tray’s people', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [{ action: 'contact_team', passTo: toKte }] });
    const duty = await api.signIn('eh_duty_manager@camden.example');
    const manager = await api.signIn('eh_team_manager@camden.example');
    const dutyTray = await json(duty.get(`/api/trays/${toKte.team}`));
    expect(dutyTray.allocate).toBeNull();
    const tray = await json(manager.get(`/api/trays/${toKte.team}`));
    expect(tray.allocate.people.map((p: Json) => p.id)).toEqual(expect.arrayContaining(['camden.eh_duty_manager', 'camden.eh_family_worker']));
    const task = tray.tasks[0] as Json;
    // The step is an Early Help team manager's: the duty manager sees it but cannot take it.
    expect(task.canTake).toBe(true);
    expect(dutyTray.tasks[0].canTake).toBe(false);
    const refused = await duty.post(`/api/cases/${caseId}/tasks/${task.taskId}/reassign`, { to: { worker: 'camden.eh_duty_manager' } });
    expect(await json(refused)).toMatchObject({ status: 422, code: 'pass_to_not_allowed' });
    const mine = await manager.post(`/api/cases/${caseId}/tasks/${task.taskId}/reassign`, { to: { worker: 'camden.eh_team_manager' } });
    expect(mine.status).toBe(200);
    const after = await json(manager.get('/api/work'));
    expect(after.tasks).toEqual([expect.objectContaining({ taskId: task.taskId, via: 'me', canTake: false })]);
    expect(after.teams).toEqual([]);
  });
});

describe('case search', () => {
  it('Given the Okafor family, Then a case is found by a child’s name, Mosaic id, date of birth, reference or look-alike characters', async () => {
    const { dora, caseId } = await referredCase(api);
    const found = async (q: string) => ((await json(dora.get(`/api/cases?q=${encodeURIComponent(q)}`))).cases as Json[]).map((c) => c.id);
    for (const q of ['ben okafor', '2075013', '30/9/2018', '2018-09-30', caseId.slice(0, 8).toUpperCase(), 'Ｏｋａ\u200bｆｏｒ', 'ADA\u00ad OKAFOR']) {
      expect(await found(q)).toEqual([caseId]);
    }
    expect(await found('Okafor 2075013')).toEqual([]);
    expect(((await json(dora.get('/api/cases?q=okafor'))).cases as Json[])[0]).toMatchObject({ reference: caseId.slice(0, 8).toUpperCase() });
  });

  it('Given a family name of zero-width characters only, Then the case is not started and the field is named', async () => {
    const sam = await api.signIn('social_worker@camden.example');
    const refused = await json(sam.post('/api/cases', { definition: 'camden', entry: 'sw_assessment', subject: { familyName: '\u200b\u200d\ufeff', children: [{ name: 'Ada' }] } }));
    expect(refused).toMatchObject({ status: 422, code: 'form_invalid' });
    expect(refused.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/subject/familyName', message: 'Enter the family name' })]));
  });
});
