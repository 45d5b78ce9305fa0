/**
 * One evaluation budget shared by every condition of one engine step (`Run`) or one task page.
 * `MAX_STEPS` bounds a rule; a budget bounds the request, so that a definition with hundreds of
 * rules, each within its own limit, cannot hold the server for seconds.
 */
import { Refusal } from '../problems.ts';
import { MAX_STEPS_TOGETHER } from './shape.ts';

export class Budget {
  /** Evaluation steps spent so far by the rules evaluated against this budget. */
  spent = 0;

  constructor(readonly limit: number = MAX_STEPS_TOGETHER) {}

  /** The steps still to spend; a spent budget stays spent, and refuses every rule after it at once. */
  get left(): number {
    return Math.max(0, this.limit - this.spent);
  }
}

/**
 * Thrown by `evaluate` once a shared budget is spent. A refusal, not a `LogicError`: the rule is
 * not at fault (callers that count a failing rule as false must not take a branch or pass a check
 * because the budget ran out), and whatever it escapes from is refused with a stable code. The
 * engine names the step whose conditions spent it (`Run.withinBudget`); a task page shows such
 * guards as undecided (`passes: null`).
 */
export class BudgetSpent extends Refusal {
  constructor(readonly budget: Budget) {
    super(
      'logic_too_costly',
      `These conditions together took more than ${budget.limit.toLocaleString('en-GB')} steps to evaluate, so they were stopped. Simplify them, or use fewer.`,
      { limit: budget.limit },
    );
  }
}
