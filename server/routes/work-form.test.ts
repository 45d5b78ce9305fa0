/**
 * What the task page is sent to evaluate guards with: only the case data the task's rules read,
 * and enough of it that the page decides every guard as the engine does on submit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseData, truthy, WorkingCalendar, type ChosenAction, type Guard } from '../../engine/index.ts';
import { withCostlyGuards } from '../../engine/logic/costly-rules.fixture.ts';
import { withAnswers } from '../../engine/runtime/data.ts';
import { camden, readyToAuthorise, screening, toKte } from '../../test/camden/given.ts';
import type { Api } from '../../test/support/api.ts';
import { camdenHarness, json, referredCase, type Json } from './case-test-support.ts';
import { editDraft } from './definition-test-kit.ts';
import { pickPaths, ruleData } from './work-form.ts';

describe('the case data sent with a task', () => {
  const view = { case: { id: 'c1', familyName: 'Okafor', children: [{ name: 'Ada' }] }, form: { referral: { dates: ['2026-12-22', '2026-12-23'], agreed: true }, screen: { outcome: 'team' } }, today: '2026-12-18' };

  it('Given the paths rules read, Then each is kept whole and nothing else, a path inside a kept value adding nothing', () => {
    expect(pickPaths(view, ['form.referral.dates.1', 'today', 'case.familyName', 'form.referral.nothing'])).toEqual({ form: { referral: { dates: { 1: '2026-12-23' } } }, today: '2026-12-18', case: { familyName: 'Okafor' } });
    expect(pickPaths(view, ['form.referral.dates.1', 'form.referral'])).toEqual({ form: { referral: view.form.referral } });
    expect(pickPaths(view, [])).toEqual({});
    // A segment that names JavaScript internals reaches no prototype: it is an own key like any other.
    const odd = pickPaths(JSON.parse('{"__proto__": {"polluted": {"x": 1}}}'), ['__proto__.polluted.x', 'constructor.name']);
    expect(JSON.stringify(odd)).toBe('{"__proto__":{"polluted":{"x":1}}}');
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('Given guards that read this task’s answers and choices, Then those are left for the page to lay over, even when a rule reads every form', () => {
    const guards = [{ rule: { '==': [{ var: 'form.screen.outcome' }, { var: 'choices.send.passTo.team' }] }, message: 'm' }, { rule: { '!!': { var: 'chosen' } }, message: 'm' }];
    expect(ruleData(view as never, 'screen', guards)).toEqual({});
    expect(ruleData(view as never, 'screen', [{ rule: { some: [{ var: 'form' }, true] }, message: 'm' }])).toEqual({ form: { referral: view.form.referral } });
  });

  it('Given every Camden task with guards, over a case well on its way, Then the page’s view decides each guard as the engine’s does, for any answers and choices', () => {
    const state = readyToAuthorise().state!;
    const now = '2026-12-31T12:00:00.000Z';
    const calendar = WorkingCalendar.for(camden.calendar);
    const today = calendar.localDate(now);
    const outcome = (rule: unknown, data: unknown) => {
      try {
        return truthy(rule, data, calendar);
      } catch {
        return 'throws';
      }
    };
    let compared = 0;
    for (const node of camden.nodes) {
      if (node.kind !== 'user_task') continue;
      const guards: Guard[] = [...(node.guards ?? []), ...(node.nextActions ?? []).flatMap((a) => a.guards ?? [])];
      const sent = ruleData(caseData(state, now, today), node.id, guards);
      const answerings = [{}, state.form[node.id] ?? {}, { ehTeam: 'ieys_kte_duty_manager', outcome: 'team', contactedOn: '2026-12-30', proposedConsultationDate: '2027-01-04' }];
      const choosings: ChosenAction[][] = [[], (node.nextActions ?? []).map((a) => ({ action: a.id, passTo: { team: 'ieys_kte_duty_manager' } }))];
      for (const data of answerings) {
        for (const chosen of choosings) {
          const answers = { node: node.id, data, chosen };
          for (const g of guards) {
            expect(outcome(g.rule, withAnswers(sent, answers)), `${node.id}: ${g.message}`).toEqual(outcome(g.rule, caseData(state, now, today, answers)));
            compared += 1;
          }
        }
      }
      // Never the whole case: the family's name travels only when a rule reads it.
      if (!JSON.stringify(guards).includes('case.familyName')) expect(JSON.stringify(sent)).not.toContain('Okafor');
    }
    expect(compared).toBeGreaterThan(200);
  });
});

describe('a task page whose guards cost more together than one budget', () => {
  let api: Api;
  beforeEach(async () => {
    api = await camdenHarness();
  });
  afterEach(async () => api.close());

  // Each guard takes about 90,000 of the 100,000 steps a rule may; 400 of them held the page for seconds.
  const costly = withCostlyGuards(camden, 'asm_screen');

  it('Given a version published before the lint, whose screening has 400 guards each within its own limit, When the front door opens the task, Then the guards past the page’s budget are undecided and nothing is available; completing it is refused as too costly, naming the task', async () => {
    // Straight into the store, as a version published before the lint existed would be.
    await api.store.saveDraft(costly, { by: 'system', at: api.clock.now() });
    await api.store.publish('camden', { by: 'system', at: api.clock.now() });
    const { dora, caseId, screenId } = await referredCase(api);
    const page = await dora.get(`/api/cases/${caseId}/tasks/${screenId}`);
    expect(page.status).toBe(200);
    const form = await json(page);
    expect(form.case.definition.version).toBe(2);
    // 2,000,000 steps hold 22 of them: those are decided (none holds); the other 378 are not run.
    const passes = (form.guards as Json[]).map((g) => g.passes);
    expect(passes).toEqual([...Array<boolean>(22).fill(false), ...Array<null>(378).fill(null)]);
    expect((form.actions as Json[]).map((a) => a.available)).not.toContain(true);

    const completed = await dora.post(`/api/cases/${caseId}/tasks/${screenId}/complete`, { data: screening('team'), actions: [{ action: 'contact_team', passTo: toKte }] });
    expect(completed.status).toBe(500);
    expect(await json(completed)).toMatchObject({ code: 'logic_too_costly', node: 'asm_screen', task: screenId, detail: expect.stringContaining('"Screen the step down referral"') });
  });

  it('Given the same 400 guards in a draft, When the admin publishes it, Then it is refused with a plain sentence', async () => {
    const admin = await api.signIn('admin@camden.example');
    const node = costly.nodes.find((n) => n.id === 'asm_screen')!;
    expect((await editDraft(admin, 'camden', (d) => void (d.nodes[d.nodes.findIndex((n) => n.id === 'asm_screen')] = node))).status).toBe(200);
    const refused = await json(admin.post('/api/definitions/camden/publish', { note: 'Changed for this test' }));
    expect(refused).toMatchObject({ status: 422, code: 'definition_has_problems' });
    expect(refused.problems).toContainEqual(expect.objectContaining({ code: 'too_many_conditions', message: expect.stringContaining('"Screen the step down referral" has 400 conditions') }));
  });
});
