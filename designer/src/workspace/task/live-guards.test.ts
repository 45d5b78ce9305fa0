import { describe, expect, it, vi } from 'vitest';
import { caseData, withAnswers, type CaseData } from '../../../../engine/runtime/data.ts';
import type { CaseState } from '../../../../engine/runtime/state.ts';
import { costlyGuards } from '../../../../engine/logic/costly-rules.fixture.ts';
import type { GuardCheck, NextActionView, TaskForm } from '../../lib/api-types.ts';
import { liveGuards } from './live-guards.ts';

const guard = (rule: unknown, message: string, passes: boolean | null = false): GuardCheck => ({ rule, message, passes, mayDependOnAnswers: true });
const action = (id: string, guards: GuardCheck[]): NextActionView => ({
  id, label: id, to: { id, name: id, kind: 'user_task' }, irreversible: null, chosenBy: null, passTo: null, requires: [], scheduledDate: null, defaultPriority: null, guards, available: false,
});
// As in the build (designer/vite.config.ts): the engine's calendar counts with the holidays the server sent.
vi.mock('../../../../engine/calendar/holiday-source.ts', () => import('./bank-holidays.ts'));
type Source = typeof import('../../../../engine/calendar/holiday-source.ts');
const real = await vi.importActual<Source>('../../../../engine/calendar/holiday-source.ts');
const sent = (years: number[]) => years.flatMap((y) => real.readBankHolidays(y).map(({ date, name }) => ({ date, name })));
const proposed = { var: 'form.offer.proposedOn' };

/** Camden's consultation offer, as the server sends it on Friday 18 December 2026: the e-mail went on the 17th. */
const offer = {
  task: { status: 'open' },
  evaluation: {
    node: 'offer',
    data: { done: { email_step_down_inbox: '2026-12-17T10:00:00.000Z' }, today: '2026-12-18' },
    calendar: { timeZone: 'Europe/London', closureDays: [{ date: '2026-12-31', name: 'Council closure' }], bankHolidays: sent([2025, 2026, 2027, 2028, 2029]) },
  },
  guards: [guard({ is_working_day: [proposed] }, 'Propose a working day.')],
  actions: [
    action('offer', [guard({ '<=': [{ working_days_between: [{ var: 'done.email_step_down_inbox' }, proposed] }, 5] }, 'Within 5 working days of the e-mail.')]),
    action('pass', [guard({ '==': [{ var: 'choices.pass.passTo.team' }, 'kte'] }, 'Pass it to KTE.')]),
  ],
} as unknown as TaskForm;

const passes = (view: TaskForm) => [view.guards.map((g) => g.passes), ...view.actions.map((a) => [a.available, ...a.guards.map((g) => g.passes)])];

describe('guards evaluated as the person types', () => {
  it('Given the answers as typed, Then working days count with England’s bank holidays and the authority’s closure days, as the server sent them', () => {
    // Thursday 24 December: a working day, the fifth after the e-mail.
    expect(passes(liveGuards(offer, { proposedOn: '2026-12-24' }, []))).toEqual([[true], [true, true], [false, false]]);
    // Christmas Day is no working day (so no action is available, though it is within 5 working days);
    // Tuesday 29 December is the sixth (Boxing Day's substitute on the 28th).
    expect(passes(liveGuards(offer, { proposedOn: '2026-12-25' }, []))).toEqual([[false], [false, true], [false, false]]);
    expect(passes(liveGuards(offer, { proposedOn: '2026-12-29' }, []))).toEqual([[true], [false, false], [false, false]]);
    expect(liveGuards(offer, { proposedOn: '2026-12-31' }, []).guards[0]!.passes).toBe(false);
  });

  it('Given next actions chosen with what goes with them, Then `chosen` and `choices` are laid over as on submit', () => {
    const view = liveGuards(offer, { proposedOn: '2026-12-24' }, [{ action: 'pass', passTo: { team: 'kte' } }]);
    expect(view.actions[1]).toMatchObject({ available: true, guards: [{ passes: true }] });
    expect(liveGuards(offer, { proposedOn: '2026-12-24' }, [{ action: 'pass', passTo: { team: 'ktw' } }]).actions[1]!.available).toBe(false);
  });

  it('Given a rule that throws (a year whose bank holidays were not sent, a rule over its limits), Then it keeps the server’s verdict and the page goes on', () => {
    const costly = { ...offer, guards: [...offer.guards, guard({ map: [{ var: 'form.offer.many' }, { cat: [{ var: '' }, { var: '' }, { var: '' }] }] }, 'Too costly.', null)] };
    const view = liveGuards(costly, { proposedOn: '2031-01-06', many: Array.from({ length: 200_000 }, () => 'x') }, []);
    expect(view.guards.map((g) => g.passes)).toEqual([false, null]);
    expect(view.actions[0]!.guards[0]!.passes).toBe(false);
    const broken = { ...offer, evaluation: { ...offer.evaluation, calendar: { ...offer.evaluation.calendar, timeZone: 'Not/AZone' } } };
    expect(liveGuards(broken, { proposedOn: '2026-12-24' }, [])).toBe(broken);
  });

  it('Given more guards than one budget holds, each within its own limit, Then those past it are undecided, as on the server, and a keystroke never freezes the page', () => {
    // The server decided them all (as a version before the budget did): the page does not take its word past the budget.
    const costly = { ...offer, guards: [...offer.guards, ...costlyGuards(400).map((g) => guard(g.rule, g.message, false))] };
    const view = liveGuards(costly, { proposedOn: '2026-12-24' }, []);
    // The first guard is cheap; 2,000,000 steps then hold 22 of the costly ones (none holds), and the rest are not run.
    expect(view.guards.map((g) => g.passes)).toEqual([true, ...Array<boolean>(22).fill(false), ...Array<null>(378).fill(null)]);
    expect(view.actions.map((a) => [a.available, ...a.guards.map((g) => g.passes)])).toEqual([[false, null], [false, null]]);
  });

  it('The overlay is the engine’s own: over the whole case it gives the data view the engine builds on submit', () => {
    const state = {
      id: 'c1', entry: 'sw_assessment', startedAt: '2026-12-16T09:00:00.000Z', subject: { familyName: 'Okafor', children: [{ name: 'Ada Okafor' }] },
      form: { referral: { familyAgreed: true }, offer: { proposedOn: '2026-12-20' } }, done: {}, entered: {}, action: {}, passedTo: {},
    } as unknown as CaseState;
    const answers = { node: 'offer', data: { proposedOn: '2026-12-24' }, chosen: [{ action: 'pass', passTo: { team: 'kte' }, priority: 'urgent' as const }] };
    const now = '2026-12-18T10:00:00.000Z';
    expect(withAnswers(caseData(state, now, '2026-12-18'), answers)).toEqual(caseData(state, now, '2026-12-18', answers));
    const pruned: { form?: CaseData['form']; today: string } = { today: '2026-12-18' };
    expect(withAnswers(pruned, answers)).toEqual({ today: '2026-12-18', form: { offer: { proposedOn: '2026-12-24' } }, chosen: ['pass'], choices: { pass: { passTo: { team: 'kte' }, priority: 'urgent' } } });
    expect(withAnswers(pruned, { node: 'offer', data: {} })).toEqual({ today: '2026-12-18', form: { offer: {} } });
  });
});
