/**
 * Static check of a JSONLogic rule from a definition. Walks the rule with an explicit stack
 * (a 1000-deep rule must not blow the call stack), stops at MAX_NODES, never throws.
 */
import { pointer, type Problem } from '../problems.ts';
import {
  NOT_A_LIST, TOO_DEEP, TOO_LARGE, computedPath, internalPath, notAllowed, notJson, notOneKey, problem, wrongArity,
} from './errors.ts';
import {
  ALLOWED_OPERATORS, MAX_DEPTH, MAX_NODES, argList, forbiddenSegment, isLiteralPath, isPlainObject,
  type LogicProblemCode,
} from './shape.ts';

interface Frame {
  node: unknown;
  path: string;
  /** How many objects and arrays enclose this node. */
  depth: number;
}

interface Walk {
  problems: Problem[];
  stack: Frame[];
  nodes: number;
}

/** Operand counts, after unary sugar, for operators where a wrong count is cheap to spot. */
const ARITY: Readonly<Record<string, readonly [number, number]>> = {
  var: [0, 2], missing_some: [2, 2], and: [1, Infinity], or: [1, Infinity],
  '==': [2, 2], '===': [2, 2], '!=': [2, 2], '!==': [2, 2], '>': [2, 2], '>=': [2, 2], '<': [2, 3], '<=': [2, 3],
  '!': [1, 1], '!!': [1, 1], '-': [1, 2], '*': [1, Infinity], '/': [2, 2], '%': [2, 2], in: [2, 2], substr: [2, 3],
  map: [2, 2], filter: [2, 2],
  days_between: [2, 2], weekday: [1, 1], add_days: [2, 2], working_days_between: [2, 2], add_working_days: [2, 2],
  is_working_day: [1, 1], time_of: [1, 1], all: [2, 2], none: [2, 2], some: [2, 2], reduce: [2, 3],
};

/** Every problem with `rule`, each pointing (from `path`) at the offending sub-node. */
export function checkRule(rule: unknown, path: string): Problem[] {
  try {
    const walk: Walk = { problems: [], stack: [{ node: rule, path, depth: 0 }], nodes: 0 };
    for (let frame = walk.stack.pop(); frame !== undefined; frame = walk.stack.pop()) {
      walk.nodes += 1;
      visit(walk, frame);
      if (walk.nodes > MAX_NODES) {
        return [problem('logic_too_large', path, TOO_LARGE)];
      }
    }
    return walk.problems;
  } catch {
    return [problem('logic_malformed', path, 'This condition could not be read as plain JSON.')];
  }
}

function visit(walk: Walk, { node, path, depth }: Frame): void {
  if (node === null || typeof node === 'string' || typeof node === 'boolean') return;
  if (typeof node === 'number' && Number.isFinite(node)) return;
  if (!Array.isArray(node) && !isPlainObject(node)) {
    report(walk, 'logic_malformed', path, notJson(node));
  } else if (depth >= MAX_DEPTH) {
    report(walk, 'logic_too_deep', path, TOO_DEEP);
  } else if (Array.isArray(node)) {
    pushAll(walk, node, (i) => path + pointer(i), depth + 1);
  } else {
    const keys = Object.keys(node);
    const op = keys[0];
    if (keys.length !== 1 || op === undefined) {
      report(walk, 'logic_malformed', path, notOneKey(keys.length));
    } else {
      visitOperator(walk, op, node[op], path + pointer(op), depth);
    }
  }
}

function visitOperator(walk: Walk, op: string, args: unknown, at: string, depth: number): void {
  if (!ALLOWED_OPERATORS.has(op)) {
    report(walk, 'logic_operator_not_allowed', at, notAllowed(op));
    return;
  }
  const list = argList(args);
  const wrapped = Array.isArray(args);
  if (wrapped && depth + 1 >= MAX_DEPTH) {
    report(walk, 'logic_too_deep', at, TOO_DEEP);
    return;
  }
  if (wrapped) walk.nodes += 1;
  if (walk.nodes + list.length > MAX_NODES) {
    walk.nodes = MAX_NODES + 1;
    return;
  }
  const argAt = (i: number): string => (wrapped ? at + pointer(i) : at);
  const argDepth = wrapped ? depth + 2 : depth + 1;
  const [min, max] = ARITY[op] ?? [0, Infinity];
  if (list.length < min || list.length > max) {
    report(walk, 'logic_malformed', at, wrongArity(op, min, max, list.length));
    if (op === 'missing_some') return;
  }
  if (op === 'var') {
    if (list.length > 0 && list[0] !== null) checkPath(walk, op, list[0], argAt(0));
    pushAll(walk, list.slice(1), (i) => argAt(i + 1), argDepth);
  } else if (op === 'missing') {
    const nested = list.length === 1 && Array.isArray(list[0]);
    const keys = nested && Array.isArray(list[0]) ? list[0] : list;
    const keyAt = (i: number): string => (nested ? at + pointer(0, i) : argAt(i));
    checkPaths(walk, op, keys, keyAt);
  } else if (op === 'missing_some') {
    pushAll(walk, list.slice(0, 1), argAt, argDepth);
    const options = list[1];
    if (Array.isArray(options)) checkPaths(walk, op, options, (i) => argAt(1) + pointer(i));
    else if (isLiteralPath(options)) report(walk, 'logic_malformed', argAt(1), NOT_A_LIST);
    else checkPath(walk, op, options, argAt(1));
  } else {
    pushAll(walk, list, argAt, argDepth);
  }
}

function checkPaths(walk: Walk, op: string, keys: readonly unknown[], keyAt: (i: number) => string): void {
  if (walk.nodes + keys.length > MAX_NODES) walk.nodes = MAX_NODES + 1;
  else keys.forEach((key, i) => checkPath(walk, op, key, keyAt(i)));
}

function checkPath(walk: Walk, op: string, key: unknown, at: string): void {
  walk.nodes += 1;
  if (!isLiteralPath(key)) {
    report(walk, 'logic_unsafe_path', at, computedPath(op));
    return;
  }
  const segment = forbiddenSegment(key);
  if (segment !== undefined) {
    report(walk, 'logic_unsafe_path', at, internalPath(key, segment));
  }
}

/** Pushes `nodes` so that they pop in document order; a list too long to check ends the walk. */
function pushAll(walk: Walk, nodes: readonly unknown[], pathOf: (i: number) => string, depth: number): void {
  if (walk.nodes + nodes.length > MAX_NODES) {
    walk.nodes = MAX_NODES + 1;
    return;
  }
  for (let i = nodes.length - 1; i >= 0; i -= 1) walk.stack.push({ node: nodes[i], path: pathOf(i), depth });
}

function report(walk: Walk, code: LogicProblemCode, path: string, message: string): void {
  walk.problems.push(problem(code, path, message));
}
