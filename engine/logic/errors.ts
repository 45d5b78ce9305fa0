/** The problems this module reports: codes, messages, and the error `evaluate` throws. */
import type { Problem } from '../problems.ts';
import { MAX_DEPTH, MAX_NODES, MAX_STEPS, forbiddenSegment, type LogicProblemCode } from './shape.ts';

/** Thrown by `evaluate` for a rule that fails `checkRule` or runs too long. */
export class LogicError extends Error {
  override readonly name = 'LogicError';
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join(' ') || 'This condition was refused.');
  }
}

export function problem(code: LogicProblemCode, path: string, message: string): Problem {
  return { code, path, message };
}

export const TOO_DEEP = `This condition is nested more than ${MAX_DEPTH} levels deep, so simplify it.`;
export const TOO_LARGE = `This condition has more than ${MAX_NODES} parts, so split it up or simplify it.`;
export const NOT_A_LIST = 'The second argument of "missing_some" must be a list of field paths.';
export const TOO_COSTLY = `This condition took more than ${MAX_STEPS} steps to evaluate, so simplify it.`;

export function notAllowed(op: string): string {
  if (op === 'log') return 'The operator "log" is not allowed in conditions: it writes to the server log.';
  if (op === 'method' || op.includes('.') || forbiddenSegment(op) !== undefined) {
    return `The operator "${op}" is not allowed in conditions: it could reach into the engine's internals.`;
  }
  return `The operator "${op}" is not one of the operators conditions may use.`;
}

export function wrongArity(op: string, min: number, max: number, given: number): string {
  const noun = (n: number): string => (n === 1 ? 'argument' : 'arguments');
  const wanted = min === max ? `${min} ${noun(min)}` : max === Infinity ? `at least ${min} ${noun(min)}` : `${min} to ${max} arguments`;
  return `The operator "${op}" takes ${wanted} but was given ${given}.`;
}

export function notJson(value: unknown): string {
  const found = typeof value === 'number' ? String(value)
    : typeof value === 'object' && value !== null ? 'an object that is not plain JSON' : `a ${typeof value}`;
  return `This part of the condition is not a JSON value (found ${found}).`;
}

export function computedPath(op: string): string {
  return `The field path in "${op}" must be written out as text or a number, not computed by another operator.`;
}

export function internalPath(path: string | number, segment: string): string {
  return `The field path "${path}" uses "${segment}", which could reach into the engine's internals.`;
}

export function notOneKey(count: number): string {
  return `An operator must be an object with exactly one key, but this object has ${count}.`;
}
