/**
 * The shape of a JSONLogic rule, and the limits every rule must stay within.
 * Shared by the static check, the evaluator and the variable scan; imports nothing.
 */

/** A JSONLogic rule as written in a definition: any JSON value. */
export type JsonLogic = null | boolean | number | string | JsonLogic[] | { [key: string]: JsonLogic };

export type LogicProblemCode =
  | 'logic_operator_not_allowed'
  | 'logic_too_deep'
  | 'logic_too_large'
  | 'logic_unsafe_path'
  | 'logic_malformed'
  | 'logic_too_costly'
  | 'logic_value_not_comparable';

/** Deepest nesting of objects and arrays a rule may have. */
export const MAX_DEPTH = 32;
/** Most JSON values (operators, arrays and literals) a rule may contain. */
export const MAX_NODES = 2000;
/** Most evaluation steps one `evaluate` call may take before it is stopped. */
export const MAX_STEPS = 100_000;
/**
 * Most evaluation steps all the conditions of one engine step, or of one task page, may take
 * together (a `Budget`): twenty rules at their own limit. `MAX_STEPS` bounds one rule, not a
 * request: 400 guards each within it held a task page, and the server with it, for seconds.
 */
export const MAX_STEPS_TOGETHER = 20 * MAX_STEPS;

/** The operators conditions may use; everything else (`method`, `log`, unknown names) is refused. */
export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'var', 'missing', 'missing_some', 'if', '?:',
  '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%',
  'in', 'cat', 'substr', 'merge',
  'map', 'filter', 'reduce', 'all', 'none', 'some',
  // Ours (engine/logic/dates.ts): JSONLogic has no dates.
  'days_between', 'weekday', 'add_days', 'working_days_between', 'add_working_days', 'is_working_day', 'time_of',
]);

/** Operators whose second argument is evaluated once per array item, with the item as data. */
export const SCOPED_OPERATORS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

/** Path segments that name JavaScript internals rather than data. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A plain `{}` object (or a null-prototype one), the only kind of object JSON produces. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The operator and raw argument of a one-key object; `undefined` for any other value. */
export function operatorOf(node: unknown): { op: string; args: unknown } | undefined {
  if (!isPlainObject(node)) return undefined;
  const keys = Object.keys(node);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) return undefined;
  return { op, args: node[op] };
}

/** JSONLogic's unary sugar: `{"!": x}` means `{"!": [x]}`. */
export function argList(args: unknown): readonly unknown[] {
  return Array.isArray(args) ? args : [args];
}

/** A field path written out in the rule rather than computed: a string or a finite number. */
export function isLiteralPath(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** The first dot-separated segment of `path` that names JavaScript internals, if any. */
export function forbiddenSegment(path: string | number): string | undefined {
  return String(path).split('.').find((segment) => FORBIDDEN_SEGMENTS.has(segment));
}
