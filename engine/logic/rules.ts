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
import { Budget, BudgetSpent } from './budget.ts';
import { DATE_OPERATORS } from './dates.ts';
import { checkRule } from './check.ts';
import { LogicError, TOO_COSTLY, problem } from './errors.ts';
import { MAX_STEPS, SCOPED_OPERATORS, argList, operatorOf } from './shape.ts';

/**
 * One evaluation's spending so far, the most it may spend (its own `MAX_STEPS`, or less when a
 * shared budget has less left), the shared budget if any, and the calendar its working-day
 * operators count with. One plain object per evaluation: `charge` runs for every node.
 */
type Spending = { steps: number; limit: number; shared: Budget | undefined; calendar: WorkingCalendar };

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
  if (budget === undefined) return run(rule, data ?? null, { steps: 0, limit: MAX_STEPS, shared: undefined, calendar });
  const spending: Spending = { steps: 0, limit: Math.min(MAX_STEPS, budget.left), shared: budget, calendar };
  if (spending.limit === 0) throw new BudgetSpent(budget);
  try {
    return run(rule, data ?? null, spending);
  } finally {
    budget.spent += spending.steps;
  }
}

/** Evaluates `rule` and applies JSONLogic truthiness (`[]`, `0`, `""`, `null` are false). */
export function truthy(rule: unknown, data: unknown, calendar?: WorkingCalendar, budget?: Budget): boolean {
  return isTruthy(evaluate(rule, data, calendar, budget));
}

function isTruthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}

/**
 * Spends `steps`; strings and arrays built by operators cost by their size. Over the limit, the
 * rule is refused (`LogicError`) when the limit was its own, the request (`BudgetSpent`) when it
 * was what the shared budget had left.
 */
function charge(spending: Spending, steps: number): void {
  spending.steps += steps;
  if (spending.steps > spending.limit) {
    throw spending.shared && spending.limit < MAX_STEPS ? new BudgetSpent(spending.shared) : new LogicError([problem('logic_too_costly', '', TOO_COSTLY)]);
  }
}

function run(logic: unknown, data: unknown, spending: Spending): unknown {
  charge(spending, 1);
  if (Array.isArray(logic)) return runAll(logic, data, spending);
  const parsed = parse(logic);
  if (parsed === undefined) return logic;
  const { op, values } = parsed;
  // No closures here: this runs once per node of every rule, and allocating one each time showed.
  switch (op) {
    case 'if':
    case '?:': {
      let i = 0;
      for (; i < values.length - 1; i += 2) {
        if (isTruthy(run(values[i], data, spending))) return run(values[i + 1], data, spending);
      }
      return values.length === i + 1 ? run(values[i], data, spending) : null;
    }
    case 'and':
    case 'or': {
      let current: unknown;
      for (const value of values) {
        current = run(value, data, spending);
        if (isTruthy(current) === (op === 'or')) return current;
      }
      return current;
    }
    case 'var':
      return readVar(data, values[0], values.length > 1 ? run(values[1], data, spending) : undefined);
    case 'missing':
      return missing(data, values);
    case 'missing_some': {
      const need = run(values[0], data, spending) as number;
      const options = Array.isArray(values[1]) ? (values[1] as unknown[]) : [];
      const absent = missing(data, options);
      return options.length - absent.length >= need ? [] : absent;
    }
    default:
      if (SCOPED_OPERATORS.has(op)) return runScoped(op, values, data, spending);
      if (Object.hasOwn(DATE_OPERATORS, op)) return DATE_OPERATORS[op]!(runAll(values, data, spending), spending.calendar);
      return applyOperator(op, runAll(values, data, spending), spending);
  }
}

function runAll(values: readonly unknown[], data: unknown, spending: Spending): unknown[] {
  const results = new Array<unknown>(values.length);
  for (let i = 0; i < values.length; i++) results[i] = run(values[i], data, spending);
  return results;
}

function runScoped(op: string, values: readonly unknown[], data: unknown, spending: Spending): unknown {
  const items = run(values[0], data, spending);
  const logic = values[1];
  if (op === 'reduce') {
    const initial = values[2] === undefined ? null : run(values[2], data, spending);
    if (!Array.isArray(items)) return initial;
    return items.reduce((accumulator: unknown, current: unknown) => run(logic, { current, accumulator }, spending), initial);
  }
  if (!Array.isArray(items)) return op === 'none' ? true : op === 'map' || op === 'filter' ? [] : false;
  const test = (item: unknown): boolean => isTruthy(run(logic, item, spending));
  switch (op) {
    case 'map':
      return items.map((item: unknown) => run(logic, item, spending));
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

/** Rule nodes already taken apart, by identity: a definition's rules are the same objects every time. */
const parsedNodes = new WeakMap<object, { op: string; values: readonly unknown[] } | null>();

function parse(logic: unknown): { op: string; values: readonly unknown[] } | undefined {
  if (typeof logic !== 'object' || logic === null) return undefined;
  let parsed = parsedNodes.get(logic);
  if (parsed === undefined) {
    const operator = operatorOf(logic);
    parsed = operator ? { op: operator.op, values: argList(operator.args) } : null;
    parsedNodes.set(logic, parsed);
  }
  return parsed ?? undefined;
}

/** Dotted paths split once: the same few paths are read over and over. */
const splitPaths = new Map<string, readonly string[]>();

function segmentsOf(path: unknown): readonly string[] {
  const key = String(path);
  let segments = splitPaths.get(key);
  if (!segments) {
    segments = key.split('.');
    if (splitPaths.size >= 10_000) splitPaths.clear();
    splitPaths.set(key, segments);
  }
  return segments;
}

/** `var`, reading own properties only: inherited members (`toString`, `__proto__`) are "not found". */
function readVar(data: unknown, path: unknown, fallback: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === null || path === '') return data;
  let current = data;
  for (const segment of segmentsOf(path)) {
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
 * Runs a data-free operator on evaluated operands: the comparisons here, the rest by json-logic-js. The operands travel as the
 * data (`{"cat": [{"var": 0}, {"var": 1}]}` over `[a, b]`) so that values which look like
 * rules are never re-interpreted as rules.
 */
/**
 * Applies a data-free operator. Answers are data, so an operand may be an object whose own
 * `toString` or `valueOf` is not a function (`{"toString": null}`): comparing it throws a
 * TypeError in JavaScript itself, which becomes a refused rule like any other.
 */
function applyOperator(op: string, operands: unknown[], spending: Spending): unknown {
  try {
    return applyPlainOperator(op, operands, spending);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new LogicError([problem('logic_value_not_comparable', '', `A value "${op}" was given cannot be compared: an answer holds an object where a plain value was expected.`)]);
  }
}

function applyPlainOperator(op: string, operands: unknown[], spending: Spending): unknown {
  const [a, b, c] = operands;
  // The comparisons guards are made of, done here as json-logic-js does them: going through its
  // `apply` for each one was most of the time a protocol's rules took.
  switch (op) {
    case '==': return a == b; // JSONLogic's loose equality
    case '===': return a === b;
    case '!=': return a != b; // JSONLogic's loose inequality
    case '!==': return a !== b;
    case '>': return (a as number) > (b as number);
    case '>=': return (a as number) >= (b as number);
    case '<': return c === undefined ? (a as number) < (b as number) : (a as number) < (b as number) && (b as number) < (c as number);
    case '<=': return c === undefined ? (a as number) <= (b as number) : (a as number) <= (b as number) && (b as number) <= (c as number);
    case '!': return !isTruthy(a);
    case '!!': return isTruthy(a);
    // Only strings and arrays are searched; json-logic-js would call an `indexOf` found on any value.
    case 'in': return ((typeof b === 'string' && b !== '') || Array.isArray(b)) && b.indexOf(a as string) !== -1;
    default: break;
  }
  const refs = operands.map((_, index) => ({ var: index }));
  const result = jsonLogic.apply({ [op]: refs } as Parameters<typeof jsonLogic.apply>[0], operands) as unknown;
  charge(spending, typeof result === 'string' ? Math.floor(result.length / 64) : Array.isArray(result) ? result.length : 0);
  return result;
}
