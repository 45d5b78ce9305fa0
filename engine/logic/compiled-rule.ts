/**
 * A JSONLogic rule compiled once into a tree of closures, one per node, cached by the rule object:
 * a definition's rules are the same objects every time a step evaluates them, so the rule is taken
 * apart once rather than at each node of each evaluation. Evaluating does what reading the rule
 * afresh did, in the same order and at the same cost in steps (`charge`, one per node visited).
 * `var` and the scoped operators read data here, with own-property reads only; the remaining
 * data-free operators get already-evaluated operands (see rules.ts).
 */
import jsonLogic from 'json-logic-js';
import type { WorkingCalendar } from '../calendar/index.ts';
import { BudgetSpent, type Budget } from './budget.ts';
import { DATE_OPERATORS } from './dates.ts';
import { LogicError, TOO_COSTLY, problem } from './errors.ts';
import { pathSegments } from './path-segments.ts';
import { MAX_STEPS, SCOPED_OPERATORS, argList, operatorOf } from './shape.ts';

/**
 * One evaluation's spending so far, the most it may spend (its own `MAX_STEPS`, or less when a
 * shared budget has less left), the shared budget if any, and the calendar its working-day
 * operators count with. One plain object per evaluation: `charge` runs for every node.
 */
export type Spending = { steps: number; limit: number; shared: Budget | undefined; calendar: WorkingCalendar };

/** A compiled node: its value over `data`, charged to `spending`. */
export type Compiled = (data: unknown, spending: Spending) => unknown;

const compiled = new WeakMap<object, Compiled>();

/** `rule` compiled, once per rule object. The rule must have passed `checkRule`. */
export function compiledRule(rule: unknown): Compiled {
  if (typeof rule !== 'object' || rule === null) return compile(rule);
  let known = compiled.get(rule);
  if (!known) {
    known = compile(rule);
    compiled.set(rule, known);
  }
  return known;
}

export function isTruthy(value: unknown): boolean {
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

function compile(logic: unknown): Compiled {
  if (Array.isArray(logic)) {
    const items = logic.map(compile);
    return (data, spending) => {
      charge(spending, 1);
      return each(items, data, spending);
    };
  }
  const operator = typeof logic === 'object' && logic !== null ? operatorOf(logic) : undefined;
  if (operator === undefined) {
    return (_data, spending) => {
      charge(spending, 1);
      return logic;
    };
  }
  const { op } = operator;
  const values = argList(operator.args);
  const args = values.map(compile);
  switch (op) {
    case 'if':
    case '?:':
      return (data, spending) => {
        charge(spending, 1);
        let i = 0;
        for (; i < args.length - 1; i += 2) {
          if (isTruthy(args[i]!(data, spending))) return args[i + 1]!(data, spending);
        }
        return args.length === i + 1 ? args[i]!(data, spending) : null;
      };
    case 'and':
    case 'or': {
      const stopsOn = op === 'or';
      return (data, spending) => {
        charge(spending, 1);
        let current: unknown;
        for (const arg of args) {
          current = arg(data, spending);
          if (isTruthy(current) === stopsOn) return current;
        }
        return current;
      };
    }
    case 'var': {
      // The path is read as written, never evaluated; only a fallback is.
      const path = values[0];
      const fallback = args.length > 1 ? args[1]! : undefined;
      return (data, spending) => {
        charge(spending, 1);
        return readVar(data, path, fallback ? fallback(data, spending) : undefined);
      };
    }
    case 'missing':
      return (data, spending) => {
        charge(spending, 1);
        return missing(data, values);
      };
    case 'missing_some': {
      const need = args[0] ?? ABSENT;
      const options = Array.isArray(values[1]) ? (values[1] as unknown[]) : [];
      return (data, spending) => {
        charge(spending, 1);
        const wanted = need(data, spending) as number;
        const absent = missing(data, options);
        return options.length - absent.length >= wanted ? [] : absent;
      };
    }
    default:
      if (SCOPED_OPERATORS.has(op)) return scoped(op, args);
      if (Object.hasOwn(DATE_OPERATORS, op)) {
        const apply = DATE_OPERATORS[op]!;
        return (data, spending) => {
          charge(spending, 1);
          return apply(each(args, data, spending), spending.calendar);
        };
      }
      return (data, spending) => {
        charge(spending, 1);
        return applyOperator(op, each(args, data, spending), spending);
      };
  }
}

/** An argument a rule leaves out, evaluated as JSONLogic does: a step that yields `undefined`. */
const ABSENT = compile(undefined);

function each(items: readonly Compiled[], data: unknown, spending: Spending): unknown[] {
  const results = new Array<unknown>(items.length);
  for (let i = 0; i < items.length; i++) results[i] = items[i]!(data, spending);
  return results;
}

/** map, filter, reduce, all, none, some: the second argument runs once per item, with the item as data. */
function scoped(op: string, args: readonly Compiled[]): Compiled {
  const [list = ABSENT, per = ABSENT, initial] = args;
  if (op === 'reduce') {
    return (data, spending) => {
      charge(spending, 1);
      const values = list(data, spending);
      const start = initial === undefined ? null : initial(data, spending);
      if (!Array.isArray(values)) return start;
      return values.reduce((accumulator: unknown, current: unknown) => per({ current, accumulator }, spending), start);
    };
  }
  return (data, spending) => {
    charge(spending, 1);
    const values = list(data, spending);
    if (!Array.isArray(values)) return op === 'none' ? true : op === 'map' || op === 'filter' ? [] : false;
    const test = (item: unknown): boolean => isTruthy(per(item, spending));
    switch (op) {
      case 'map':
        return values.map((item: unknown) => per(item, spending));
      case 'filter':
        return values.filter(test);
      case 'all':
        return values.length > 0 && values.every(test);
      case 'none':
        return !values.some(test);
      default:
        return values.some(test);
    }
  };
}

/** `var`, reading own properties only: inherited members (`toString`, `__proto__`) are "not found". */
function readVar(data: unknown, path: unknown, fallback: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === null || path === '') return data;
  let current = data;
  for (const segment of pathSegments(String(path))) {
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
 * Applies a data-free operator to evaluated operands. Answers are data, so an operand may be an
 * object whose own `toString` or `valueOf` is not a function (`{"toString": null}`): comparing it
 * throws a TypeError in JavaScript itself, which becomes a refused rule like any other.
 */
function applyOperator(op: string, operands: unknown[], spending: Spending): unknown {
  try {
    return applyPlainOperator(op, operands, spending);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new LogicError([problem('logic_value_not_comparable', '', `A value "${op}" was given cannot be compared: an answer holds an object where a plain value was expected.`)]);
  }
}

/**
 * The comparisons guards are made of, done here as json-logic-js does them (going through its
 * `apply` for each one was most of the time a protocol's rules took); the rest by json-logic-js,
 * with the operands travelling as the data (`{"cat": [{"var": 0}, {"var": 1}]}` over `[a, b]`) so
 * that values which look like rules are never re-interpreted as rules.
 */
function applyPlainOperator(op: string, operands: unknown[], spending: Spending): unknown {
  const [a, b, c] = operands;
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
