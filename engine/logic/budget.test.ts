import { describe, expect, it } from 'vitest';
import { Refusal } from '../problems.ts';
import { costlyRule } from './costly-rules.fixture.ts';
import { Budget, BudgetSpent, LogicError, MAX_STEPS, MAX_STEPS_TOGETHER, evaluate, truthy } from './index.ts';

/** What `run` throws; fails the test when it throws nothing. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

describe('one budget for the conditions of a step or a page', () => {
  it('Given the costly rule of the fixtures, Then it is within its own limit, close to it', () => {
    const budget = new Budget();
    expect(truthy(costlyRule(), {}, undefined, budget)).toBe(false);
    expect(budget.spent).toBeGreaterThan(0.9 * MAX_STEPS);
    expect(budget.spent).toBeLessThanOrEqual(MAX_STEPS);
    expect(MAX_STEPS_TOGETHER).toBe(20 * MAX_STEPS);
  });

  it('Given rules sharing a budget, each within its own limit, When together they go past it, Then the one that does is refused, and every one after it at once', () => {
    const budget = new Budget();
    let evaluated = 0;
    const error = thrown(() => {
      for (let i = 0; i < 400; i++) {
        truthy(costlyRule(), {}, undefined, budget);
        evaluated += 1;
      }
    });
    expect(error).toBeInstanceOf(BudgetSpent);
    // Twenty-two rules of about 90,000 steps fit in 2,000,000; the twenty-third is stopped part way.
    expect(evaluated).toBe(22);
    expect(budget.spent).toBeGreaterThan(MAX_STEPS_TOGETHER);
    expect(budget.spent).toBeLessThanOrEqual(MAX_STEPS_TOGETHER + 1);
    // Spent stays spent: even the cheapest rule is refused now, without being run.
    expect(thrown(() => evaluate(true, {}, undefined, budget))).toBeInstanceOf(BudgetSpent);
    expect(budget.spent).toBeLessThanOrEqual(MAX_STEPS_TOGETHER + 1);
  });

  it('Given a spent budget, Then the refusal is a typed refusal (`logic_too_costly`), not a fault of the rule', () => {
    const budget = new Budget(1000);
    const error = thrown(() => evaluate(costlyRule(), {}, undefined, budget)) as BudgetSpent;
    expect(error).toBeInstanceOf(Refusal);
    expect(error).not.toBeInstanceOf(LogicError);
    expect(error.code).toBe('logic_too_costly');
    expect(error.message).toBe('These conditions together took more than 1,000 steps to evaluate, so they were stopped. Simplify them, or use fewer.');
    expect(error.details).toEqual({ limit: 1000 });
  });

  it('Given a rule over its own limit with plenty of budget left, Then it is still the rule that is refused (`LogicError`), and what it spent is charged', () => {
    const budget = new Budget();
    const many = { map: [{ var: 'items' }, { cat: [{ var: '' }, 'x'] }] };
    const error = thrown(() => evaluate(many, { items: Array.from({ length: 60_000 }, () => 'a') }, undefined, budget));
    expect(error).toBeInstanceOf(LogicError);
    expect((error as LogicError).problems.map((p) => p.code)).toEqual(['logic_too_costly']);
    expect(budget.spent).toBe(MAX_STEPS + 1);
    expect(evaluate({ '+': [1, 2] }, {}, undefined, budget)).toBe(3);
  });

  it('Given no budget, Then every rule has its own limit only, as before', () => {
    for (let i = 0; i < 25; i++) expect(truthy(costlyRule(), {})).toBe(false);
  });
});
