/**
 * Sandboxed evaluation of JSONLogic rules; the only file that imports `json-logic-js`.
 * Its `var` reads `data[segment]`, inherited members included (`{"var": "toString"}` on `{}`
 * is a function), and its operator table is a shared singleton we must not patch. So this file
 * runs everything that reads data or changes scope itself (var, missing, missing_some, if, ?:,
 * and, or, map, filter, reduce, all, none, some), with own-property reads only, and hands the
 * remaining data-free operators to json-logic-js with already-evaluated operands.
 */
import jsonLogic from 'json-logic-js';
import { WorkingCalendar } from '../calendar/index.ts';
import { DATE_OPERATORS } from './dates.ts';
import { checkRule } from './check.ts';
import { LogicError, TOO_COSTLY, problem } from './errors.ts';
import { MAX_STEPS, SCOPED_OPERATORS, argList, operatorOf } from './shape.ts';

/** One evaluation's spending so far, and the calendar its working-day operators count with. */
type Budget = { steps: number; calendar: WorkingCalendar };

/** Rules already checked, by identity: a definition's rules are evaluated many times. */
const checked = new WeakSet<object>();

/**
 * Checks `rule` (normally a `JsonLogic`; any value is accepted because it is checked first), then
 * evaluates it over `data`. Throws `LogicError` if the rule is refused. `data` must be plain JSON
 * values, as case state always is: it is read through own properties only and never copied,
 * because copying the whole case for every guard was most of a step's cost. Working days count
 * with `calendar`, the authority's (England and Wales bank holidays alone when not given).
 */
export function evaluate(rule: unknown, data: unknown, calendar: WorkingCalendar = WorkingCalendar.for()): unknown {
  if (typeof rule !== 'object' || rule === null || !checked.has(rule)) {
    const problems = checkRule(rule, '');
    if (problems.length > 0) throw new LogicError(problems);
    if (typeof rule === 'object' && rule !== null) checked.add(rule);
  }
  return run(rule, data ?? null, { steps: 0, calendar });
}

/** Evaluates `rule` and applies JSONLogic truthiness (`[]`, `0`, `""`, `null` are false). */
export function truthy(rule: unknown, data: unknown, calendar?: WorkingCalendar): boolean {
  return isTruthy(evaluate(rule, data, calendar));
}

function isTruthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}

/** Spends `steps` of the budget; strings and arrays built by operators cost by their size. */
function charge(budget: Budget, steps: number): void {
  budget.steps += steps;
  if (budget.steps > MAX_STEPS) throw new LogicError([problem('logic_too_costly', '', TOO_COSTLY)]);
}

function run(logic: unknown, data: unknown, budget: Budget): unknown {
  charge(budget, 1);
  if (Array.isArray(logic)) return logic.map((item: unknown) => run(item, data, budget));
  const operator = operatorOf(logic);
  if (operator === undefined) return logic;
  const { op } = operator;
  const values = argList(operator.args);
  const each = (value: unknown): unknown => run(value, data, budget);
  switch (op) {
    case 'if':
    case '?:':
      return runIf(values, each);
    case 'and':
    case 'or': {
      let current: unknown;
      for (const value of values) {
        current = each(value);
        if (isTruthy(current) === (op === 'or')) return current;
      }
      return current;
    }
    case 'var':
      return readVar(data, values[0], values.length > 1 ? each(values[1]) : undefined);
    case 'missing':
      return missing(data, values);
    case 'missing_some': {
      const need = each(values[0]) as number;
      const options = Array.isArray(values[1]) ? (values[1] as unknown[]) : [];
      const absent = missing(data, options);
      return options.length - absent.length >= need ? [] : absent;
    }
    default:
      if (SCOPED_OPERATORS.has(op)) return runScoped(op, values, data, budget);
      if (Object.hasOwn(DATE_OPERATORS, op)) return DATE_OPERATORS[op]!(values.map(each), budget.calendar);
      return applyOperator(op, values.map(each), budget);
  }
}

function runIf(values: readonly unknown[], each: (value: unknown) => unknown): unknown {
  let i = 0;
  for (; i < values.length - 1; i += 2) {
    if (isTruthy(each(values[i]))) return each(values[i + 1]);
  }
  return values.length === i + 1 ? each(values[i]) : null;
}

function runScoped(op: string, values: readonly unknown[], data: unknown, budget: Budget): unknown {
  const items = run(values[0], data, budget);
  const logic = values[1];
  if (op === 'reduce') {
    const initial = values[2] === undefined ? null : run(values[2], data, budget);
    if (!Array.isArray(items)) return initial;
    return items.reduce((accumulator: unknown, current: unknown) => run(logic, { current, accumulator }, budget), initial);
  }
  if (!Array.isArray(items)) return op === 'none' ? true : op === 'map' || op === 'filter' ? [] : false;
  const test = (item: unknown): boolean => isTruthy(run(logic, item, budget));
  switch (op) {
    case 'map':
      return items.map((item: unknown) => run(logic, item, budget));
    case 'filter':
      return items.filter(test);
    case 'all':
      return items.length > 0 && items.every(test);
    case 'none':
      return !items.some(test);
    default:
      return items.some(test);
  }
}

/** `var`, reading own properties only: inherited members (`toString`, `__proto__`) are "not found". */
function readVar(data: unknown, path: unknown, fallback: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === null || path === '') return data;
  let current = data;
  for (const segment of String(path).split('.')) {
    if (current === null || current === undefined || !Object.hasOwn(current, segment)) return notFound;
    current = (current as Record<string, unknown>)[segment];
    if (current === undefined) return notFound;
  }
  // Case data is JSON; anything else (a function slipped in by a caller) reads as absent.
  return typeof current === 'function' ? notFound : current;
}

/** `missing`: the keys whose value is null, absent or "". One array argument is the key list. */
function missing(data: unknown, values: readonly unknown[]): unknown[] {
  const keys: readonly unknown[] = Array.isArray(values[0]) ? values[0] : values;
  return keys.filter((key) => {
    const value = readVar(data, key, undefined);
    return value === null || value === '';
  });
}

/**
 * Runs a data-free json-logic-js operator on evaluated operands. The operands travel as the
 * data (`{"cat": [{"var": 0}, {"var": 1}]}` over `[a, b]`) so that values which look like
 * rules are never re-interpreted as rules.
 */
function applyOperator(op: string, operands: unknown[], budget: Budget): unknown {
  const refs = operands.map((_, index) => ({ var: index }));
  const result = jsonLogic.apply({ [op]: refs } as Parameters<typeof jsonLogic.apply>[0], operands) as unknown;
  charge(budget, typeof result === 'string' ? Math.floor(result.length / 64) : Array.isArray(result) ? result.length : 0);
  return result;
}
