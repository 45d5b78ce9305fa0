/**
 * "Not available yet" as the person types: the task's guards and its next actions' guards are
 * evaluated again in the browser on every change, with the engine's own sandboxed `truthy` (it
 * never uses eval, so the page's CSP stays `script-src 'self'`), over the case data the server
 * sent (`evaluation`) with the answers as typed and the next actions as chosen laid over it by the
 * engine's own `withAnswers` — what the engine does on submit, so the two cannot drift.
 */
import { WorkingCalendar } from '../../../../engine/calendar/calendar.ts';
import { Budget, BudgetSpent } from '../../../../engine/logic/budget.ts';
import { truthy } from '../../../../engine/logic/rules.ts';
import { withAnswers, type CaseData } from '../../../../engine/runtime/data.ts';
import type { ChosenAction, GuardCheck, TaskForm } from '../../lib/api-types.ts';
import type { Data } from '../../lib/forms/values.ts';
import { useBankHolidays } from './bank-holidays.ts';

/**
 * The view with every guard's `passes` (and each action's `available`) as the answers and the
 * choices stand. A rule that throws (over its limits; a year whose bank holidays were not sent)
 * keeps the server's verdict; nothing here can break the page. All the guards of one pass share
 * one budget, as on the server: past it a guard is undecided (`passes: null`), and a keystroke
 * never freezes the page.
 */
export function liveGuards(view: TaskForm, answers: Data, chosen: ChosenAction[]): TaskForm {
  let check: (guard: GuardCheck) => GuardCheck;
  try {
    const { node, data, calendar } = view.evaluation;
    useBankHolidays(calendar.bankHolidays);
    const working = WorkingCalendar.for({ timeZone: calendar.timeZone, closureDays: calendar.closureDays });
    const typed = withAnswers(data as { form?: CaseData['form'] }, { node, data: answers, chosen });
    const budget = new Budget();
    check = (guard) => {
      try {
        return { ...guard, passes: truthy(guard.rule, typed, working, budget) };
      } catch (error) {
        return error instanceof BudgetSpent ? { ...guard, passes: null } : guard;
      }
    };
  } catch {
    return view;
  }
  const guards = view.guards.map(check);
  const actions = view.actions.map((action) => {
    const own = action.guards.map(check);
    return { ...action, guards: own, available: [...guards, ...own].every((g) => g.passes === true) };
  });
  return { ...view, guards, actions };
}
