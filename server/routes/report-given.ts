/**
 * Test Givens for the report, audit and outbox route tests: six Camden step downs between
 * 2 November and 21 December 2026, worked through the real runner with the simulated clock, so
 * some timescales are met, some missed and some still to come (over Christmas 2026: 25 and 28
 * December are bank holidays). Not a test itself; imported by them.
 *
 * The KTE duty tray is renamed (as camden v2) to `IEYS Kentish Town East "KTE", duty manager`,
 * so the CSV has a team name with a comma and quotes to escape.
 */
import type { Actor, ChosenAction, WorkflowDefinition } from '../../engine/index.ts';
import { accept, offer, referralOn, screening, toKte } from '../../test/camden/given.ts';
import type { Api } from '../../test/support/api.ts';

export const KTE = 'ieys_kte_duty_manager';
export const KTE_NAME = 'IEYS Kentish Town East "KTE", duty manager';

const sam: Actor = { id: 'camden.social_worker', roles: ['social_worker'], teams: [] };
const dora: Actor = { id: 'camden.eh_front_door_manager', roles: ['eh_front_door_manager'], teams: ['eh_front_door', 'eh_panel'] };
export const kate: Actor = { id: 'camden.kate', roles: ['eh_team_manager'], teams: [KTE] };

const child = (name: string, dateOfBirth: string) => ({ name, dateOfBirth, personId: String(2075000 + name.length) });

export async function givenCamdenStepDowns(api: Api) {
  const camden = (await api.store.latestPublished('camden'))!.definition;
  const teams = camden.teams.map((t) => (t.id === KTE ? { ...t, name: KTE_NAME } : t));
  await api.store.saveDraft({ ...camden, teams } as WorkflowDefinition, { by: 'camden.admin', at: api.clock.now() });
  await api.store.publish('camden', { by: 'camden.admin', at: api.clock.now() });
  await api.store.saveUser({ id: kate.id, authority: 'camden', name: 'Kate Osei', email: 'kate.osei@camden.example', roles: kate.roles, teams: kate.teams, passwordHash: 'x' });

  const at = (iso: string) => api.runClockTo(iso);
  async function start(caseId: string, familyName: string, when: string) {
    await at(when);
    const children = [child(`Ada ${familyName}`, '2015-04-02')];
    await api.runner.startCase({ definition: 'camden', entry: 'sw_assessment', subject: { familyName, children }, by: sam, caseId });
    return children;
  }
  async function complete(caseId: string, node: string, when: string, by: Actor, data: Record<string, unknown>, action: string | ChosenAction) {
    await at(when);
    const state = (await api.store.getCase(caseId))!;
    const task = Object.values(state.tasks).find((t) => t.node === node && t.status === 'open');
    if (!task) throw new Error(`${caseId} has no open ${node} task at ${when}`);
    await api.runner.dispatch(caseId, { type: 'task_completed', taskId: task.id, by, data, actions: [typeof action === 'string' ? { action } : action] });
  }
  async function refer(caseId: string, familyName: string, startedAt: string, sentAt: string) {
    const children = await start(caseId, familyName, startedAt);
    const answers = referralOn(sentAt.slice(0, 10), { agreementDate: startedAt.slice(0, 10), children: children.map((c) => ({ ...c, schoolsAttended: 'Argyle Primary School' })) });
    await complete(caseId, 'referral', sentAt, sam, answers, 'send_referral');
  }
  const screen = (caseId: string, when: string) => complete(caseId, 'asm_screen', when, dora, screening('team', { ehTeam: KTE }), { action: 'contact_team', passTo: toKte });
  const offerConsultation = (caseId: string, when: string) => complete(caseId, 'asm_offer_consultation', when, kate, offer(when.slice(0, 10)), 'offer');
  const consult = (caseId: string, when: string) => complete(caseId, 'asm_consultation', when, kate, accept(when.slice(0, 10)), 'accept');

  // Okafor: screened in time (due Thu 5 Nov), consultation offered late (due 5 Nov, done 9 Nov),
  // accepted in time (due 10 Nov); the joint visit (due 17 Nov) is still not done.
  await refer('case-okafor', 'Okafor', '2026-11-02T09:00:00Z', '2026-11-03T10:00:00Z');
  await screen('case-okafor', '2026-11-04T11:00:00Z');
  await offerConsultation('case-okafor', '2026-11-09T09:30:00Z');
  await consult('case-okafor', '2026-11-10T15:00:00Z');
  // Patel: screened late (due Thu 19 Nov, done Mon 23 Nov, escalated meanwhile); offer in time;
  // the consultation (due Tue 24 Nov) is still open.
  await refer('case-patel', 'Patel', '2026-11-16T09:00:00Z', '2026-11-17T10:00:00Z');
  await screen('case-patel', '2026-11-23T10:00:00Z');
  await offerConsultation('case-patel', '2026-11-24T14:00:00Z');
  // Nowak: all in time; the consultation is due at the end of Mon 21 Dec.
  await refer('case-nowak', 'Nowak', '2026-12-14T09:00:00Z', '2026-12-14T11:00:00Z');
  await screen('case-nowak', '2026-12-15T10:00:00Z');
  await offerConsultation('case-nowak', '2026-12-16T10:00:00Z');
  // Lewis: all on Fri 18 Dec; the joint visit is due on Wed 6 Jan 2027, after Christmas.
  await refer('case-lewis', 'Lewis', '2026-12-18T09:00:00Z', '2026-12-18T10:00:00Z');
  await screen('case-lewis', '2026-12-18T14:00:00Z');
  await offerConsultation('case-lewis', '2026-12-18T15:00:00Z');
  await consult('case-lewis', '2026-12-18T16:00:00Z');
  // Hughes: referred on Fri 18 Dec in the afternoon; screening due at the end of Tue 22 Dec.
  await refer('case-hughes', 'Hughes', '2026-12-18T14:00:00Z', '2026-12-18T15:00:00Z');
  // Brown: started this morning; the referral has no timescale (only a CIN review sets one).
  await start('case-brown', 'Brown', '2026-12-21T08:30:00Z');
  await at('2026-12-21T09:00:00Z');

  // Graft's cases are another authority's: no Camden report, audit or outbox may show them.
  const graftSw = { id: 'graft.social_worker', roles: ['social_worker'], teams: [] };
  const intake = { identifiedIn: 'supervision', dateIdentified: '2026-12-14', reasons: 'CIN plan outcomes met; family needs lower-level support.' };
  await api.runner.startCase({ definition: 'graft-lcs', entry: 'identified', subject: { familyName: 'Evans', children: [child('Ben Evans', '2017-01-05')] }, by: graftSw, data: intake, caseId: 'case-graft' });
}
