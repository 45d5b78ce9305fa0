import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { referral } from '../../test/camden/given.ts';
import type { Api } from '../../test/support/api.ts';
import { camdenHarness, json, referredCase, startedCase, type Client, type Json } from './case-test-support.ts';

let api: Api;
beforeEach(async () => {
  api = await camdenHarness();
});
afterEach(async () => api.close());

const ids = (list: Json) => (list.tasks as Json[]).map((t) => t.caseId as string);

/** Given two referrals at the front door: one sent on Thursday 17 December, one sent Urgent on Friday 18 December. */
async function twoReferrals(): Promise<{ dora: Client; first: string; urgent: string }> {
  const { dora, caseId: first } = await referredCase(api);
  const { sam, caseId: urgent, view } = await startedCase(api);
  await api.runClockTo('2026-12-18T10:00:00Z');
  const sent = await sam.post(`/api/cases/${urgent}/tasks/${view.openTasks[0].id}/complete`, { data: referral(), actions: [{ action: 'send_referral', priority: 'urgent' }] });
  expect(sent.status).toBe(200);
  return { dora, first, urgent };
}

describe('my work', () => {
  it('Given a referral at the front door, When the front door manager opens their work, Then it is there from their team’s tray with the family, due date and assignee', async () => {
    const { sam, dora, caseId } = await referredCase(api);
    const work = await json(dora.get('/api/work'));
    expect(work.tasks).toEqual([
      {
        caseId,
        reference: caseId.slice(0, 8).toUpperCase(),
        taskId: expect.any(String),
        familyName: 'Okafor',
        name: 'Screen the step down referral',
        node: 'asm_screen',
        stage: 'Front door',
        definition: { id: 'camden', name: 'Camden: Step down to Early Help Services' },
        assignee: { kind: 'team', id: 'eh_front_door', name: 'Early Help front door' },
        via: 'team',
        priority: 'normal',
        due: '2026-12-21T23:59:59.999Z',
        dueLabel: 'within 2 working days',
        overdue: false,
        dueTag: null,
        canTake: true,
        createdAt: '2026-12-17T10:00:00.000Z',
      },
    ]);
    expect(work.counts).toEqual({ total: 1, mine: 0, teams: 1, roles: 0, overdue: 0 });
    // Only trays with work: the panel's empty tray has no tab.
    expect(work.teams).toEqual([{ id: 'eh_front_door', name: 'Early Help front door', kind: 'duty', open: 1 }]);
    expect(work.roles).toEqual([{ id: 'eh_front_door_manager', name: expect.any(String) }]);
    expect((await json(sam.get('/api/work'))).tasks).toEqual([]);
  });

  it('Given two referrals, Then my work sorts by due date, priority or age, and filters overdue work and one team', async () => {
    const { dora, first, urgent } = await twoReferrals();
    expect(ids(await json(dora.get('/api/work')))).toEqual([first, urgent]);
    expect(ids(await json(dora.get('/api/work?sort=priority')))).toEqual([urgent, first]);
    expect(ids(await json(dora.get('/api/work?sort=created')))).toEqual([first, urgent]);
    expect(ids(await json(dora.get('/api/work?team=eh_panel')))).toEqual([]);
    // Tuesday 22 December, 09:00: the first screening was due by the end of Monday.
    await api.runClockTo('2026-12-22T09:00:00Z');
    const overdue = await json(dora.get('/api/work?overdue=true&team=eh_front_door'));
    expect(overdue.tasks).toEqual([expect.objectContaining({ caseId: first, overdue: true })]);
    expect(overdue.counts.overdue).toBe(1);
    expect(ids(await json(dora.get('/api/work?overdue=false')))).toEqual([urgent]);
  });

  it('Given bad parameters or a team that is not mine, Then 422 names the parameter', async () => {
    const dora = await api.signIn('eh_front_door_manager@camden.example');
    const bad = await json(dora.get('/api/work?sort=oldest&overdue=1&page=2'));
    expect(bad).toMatchObject({ status: 422, code: 'request_invalid' });
    expect(bad.errors.map((e: Json) => e.pointer).sort()).toEqual(['/query/overdue', '/query/page', '/query/sort']);
    expect(await json(dora.get('/api/work?team=ieys_kte_duty_manager'))).toMatchObject({ status: 422, errors: [{ pointer: '/query/team', message: 'Select one of your teams' }] });
    expect((await api.request('/api/work')).status).toBe(401);
  });
});

describe('a team’s tray', () => {
  it('Given the front door’s tray, Then its members see it; others get 403; unknown and other authorities’ teams are 404', async () => {
    const { dora, first, urgent } = await twoReferrals();
    const tray = await json(dora.get('/api/trays/eh_front_door?sort=priority'));
    expect(tray).toMatchObject({ team: { id: 'eh_front_door', name: 'Early Help front door', kind: 'duty' }, counts: { total: 2, overdue: 0 } });
    expect(ids(tray)).toEqual([urgent, first]);
    const sam = await api.signIn('social_worker@camden.example');
    expect(await json(sam.get('/api/trays/eh_front_door'))).toMatchObject({ status: 403, code: 'not_allowed' });
    expect(await json(dora.get('/api/trays/no_such_team'))).toMatchObject({ status: 404, code: 'not_found' });
    expect((await dora.get('/api/trays/eh_duty')).status).toBe(404);
    const graftDuty = await api.signIn('duty_eh_team_manager@graft.example');
    expect((await graftDuty.get('/api/trays/eh_front_door')).status).toBe(404);
    expect((await graftDuty.get('/api/trays/eh_duty')).status).toBe(200);
    expect(await json(dora.get('/api/trays/eh_front_door?team=eh_panel'))).toMatchObject({ status: 422, errors: [{ pointer: '/query/team' }] });
  });
});
