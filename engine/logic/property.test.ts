import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { checkRule } from './check.ts';
import { LogicError, evaluate } from './index.ts';

const OPERATORS = [
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and', '>', '>=', '<', '<=',
  'max', 'min', '+', '-', '*', '/', '%', 'in', 'cat', 'substr', 'merge', 'map', 'filter', 'reduce', 'all', 'none', 'some',
  'method', 'log',
];
const PATHS = [
  '', 'a', 'a.b', 'xs', 'xs.0', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'constructor', 'constructor.constructor',
  'a.__proto__.polluted', 'prototype', 'polluted', 'current', 'accumulator', 'xs.length', 'xs.map', 's.big',
];

/** Rule-shaped values: mostly allowed operators over attack-flavoured paths, with some junk. */
const { rule } = fc.letrec<{ rule: unknown }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constantFrom(...PATHS), fc.integer({ min: -2, max: 3 }), fc.boolean(), fc.constant(null)),
    fc.constantFrom(...PATHS).map((path) => ({ var: path })),
    fc.tuple(fc.constantFrom(...OPERATORS), fc.array(tie('rule'), { maxLength: 4 })).map(([op, args]) => ({ [op]: args })),
    fc.tuple(fc.constantFrom(...OPERATORS), tie('rule')).map(([op, arg]) => ({ [op]: arg })),
    fc.array(tie('rule'), { maxLength: 3 }),
  ),
}));

const data = fc.oneof(
  fc.jsonValue(),
  fc.record({ a: fc.jsonValue(), xs: fc.array(fc.jsonValue(), { maxLength: 4 }), s: fc.string() }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "a": {"__proto__": {"polluted": 1}}}') as unknown),
);

function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, String.prototype, Function.prototype]
    .map((proto) => Object.getOwnPropertyNames(proto).sort().join(','))
    .join('|');
}

describe('sandbox properties', () => {
  it('checkRule never throws on arbitrary JSON or rule-shaped values', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), rule), (value) => {
      expect(Array.isArray(checkRule(value, ''))).toBe(true);
    }), { numRuns: 1000 });
  });

  it('evaluate returns or throws an Error, and never pollutes prototypes', () => {
    const before = prototypeSnapshot();
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), rule), data, (value, input) => {
      try {
        const result = evaluate(value, input);
        expect(typeof result).not.toBe('function');
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: 2000 });
    expect(prototypeSnapshot()).toBe(before);
  });

  it('refused rules throw LogicError carrying the same problems as checkRule', () => {
    fc.assert(fc.property(rule, (value) => {
      const problems = checkRule(value, '');
      if (problems.length === 0) return;
      expect(() => evaluate(value, {})).toThrow(LogicError);
    }), { numRuns: 500 });
  });
});

describe('comparisons evaluated natively', () => {
  const jsonScalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('', '0', '1', 'a', '2026-12-24', '2027-01-04'), fc.boolean(), fc.constant(null));
  const operand = fc.oneof(jsonScalar, fc.array(jsonScalar, { maxLength: 3 }), fc.string({ maxLength: 3 }));

  it('agree with json-logic-js on every JSON operand, as it ran them before', () => {
    fc.assert(fc.property(fc.constantFrom('==', '===', '!=', '!==', '>', '>=', '<', '<=', '!', '!!', 'in'), operand, operand, (op, a, b) => {
      const rule = { [op]: op === '!' || op === '!!' ? [{ var: '0' }] : [{ var: '0' }, { var: '1' }] };
      expect(evaluate(rule, [a, b])).toEqual(jsonLogic.apply(rule as Parameters<typeof jsonLogic.apply>[0], [a, b]));
    }), { numRuns: 3000 });
  });
});
