/**
 * Sandboxed evaluation of JSONLogic rules. json-logic-js's `var` reads `data[segment]`, inherited
 * members included (`{"var": "toString"}` on `{}` is a function), and its operator table is a
 * shared singleton we must not patch. So everything that reads data or changes scope (var,
 * missing, missing_some, if, ?:, and, or, map, filter, reduce, all, none, some) runs in
 * compiled-rule.ts, with own-property reads only, and only the remaining data-free operators go
 * to json-logic-js (the one module that imports it), with already-evaluated operands.
 */
import { WorkingCalendar } from '../calendar/index.ts';
import { Budget, BudgetSpent } from './budget.ts';
import { checkRule } from './check.ts';
import { compiledRule, isTruthy, type Spending } from './compiled-rule.ts';
import { LogicError } from './errors.ts';
import { MAX_STEPS } from './shape.ts';

/** Rules already checked, by identity: a definition's rules are evaluated many times. */
const checked = new WeakSet<object>();

/**
 * Checks `rule` (normally a `JsonLogic`; any value is accepted because it is checked first), then
 * evaluates it over `data`. Throws `LogicError` if the rule is refused. `data` must be plain JSON
 * values, as case state always is: it is read through own properties only and never copied,
 * because copying the whole case for every guard was most of a step's cost. Working days count
 * with `calendar`, the authority's (England and Wales bank holidays alone when not given).
 * With `budget`, the steps are also charged to it, the budget of the step or page this rule is
 * one of: once it is spent, this throws `BudgetSpent` (a refusal, `logic_too_costly`).
 */
export function evaluate(rule: unknown, data: unknown, calendar: WorkingCalendar = WorkingCalendar.for(), budget?: Budget): unknown {
  if (typeof rule !== 'object' || rule === null || !checked.has(rule)) {
    const problems = checkRule(rule, '');
    if (problems.length > 0) throw new LogicError(problems);
    if (typeof rule === 'object' && rule !== null) checked.add(rule);
  }
  const compiled = compiledRule(rule);
  if (budget === undefined) return compiled(data ?? null, { steps: 0, limit: MAX_STEPS, shared: undefined, calendar });
  const spending: Spending = { steps: 0, limit: Math.min(MAX_STEPS, budget.left), shared: budget, calendar };
  if (spending.limit === 0) throw new BudgetSpent(budget);
  try {
    return compiled(data ?? null, spending);
  } finally {
    budget.spent += spending.steps;
  }
}

/** Evaluates `rule` and applies JSONLogic truthiness (`[]`, `0`, `""`, `null` are false). */
export function truthy(rule: unknown, data: unknown, calendar?: WorkingCalendar, budget?: Budget): boolean {
  return isTruthy(evaluate(rule, data, calendar, budget));
}

