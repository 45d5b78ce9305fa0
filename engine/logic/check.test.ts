import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRule } from './check.ts';

const codes = (rule: unknown, path = ''): string[] => checkRule(rule, path).map((p) => `${p.code} ${p.path}`);

/** `{"!": {"!": ... true}}` with `levels` operator objects. */
function nested(levels: number): unknown {
  let rule: unknown = true;
  for (let i = 0; i < levels; i += 1) rule = { '!': rule };
  return rule;
}

describe('checkRule', () => {
  it('accepts every allowed operator in ordinary use', () => {
    const rule = {
      and: [
        { '==': [{ var: 'form.triage.outcome' }, 'open'] },
        { '<=': [{ var: ['case.startedAt', '1970-01-01'] }, '2026-12-01'] },
        { some: [{ var: 'form.family.children' }, { '<': [{ var: 'age' }, 5] }] },
        { reduce: [{ var: 'xs' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] },
        { '!': { missing: ['a', 'b.c'] } },
        { missing_some: [1, ['a', 'b']] },
        { missing: [['a', 'b']] },
        { if: [{ in: ['x', { var: 'tags' }] }, { cat: ['a', 'b'] }, { substr: ['abc', 1] }] },
        { '?:': [true, { merge: [[1], 2] }, { map: [[1, 2], { '*': [{ var: '' }, 2] }] }] },
        { '!!': [{ max: [1, 2] }] }, { '!==': [{ min: [1] }, { '%': [5, { '/': [4, { '-': [1] }] }] }] },
        { or: [{ '===': [1, 1] }, { '!=': [1, 2] }, { '>': [2, 1] }, { '>=': [2, 2] }] },
        { all: [[1], { filter: [[1], true] }] }, { none: [[], false] }, { var: null }, { var: 0 },
      ],
    };
    expect(checkRule(rule, '/guards/0/rule')).toEqual([]);
  });

  it('refuses method, log and unknown operators with the pointer to the operator key', () => {
    expect(checkRule({ and: [true, { method: ['abc', 'toUpperCase'] }] }, '/nodes/3/guard')).toEqual([{
      code: 'logic_operator_not_allowed',
      path: '/nodes/3/guard/and/1/method',
      message: 'The operator "method" is not allowed in conditions: it could reach into the engine\'s internals.',
    }]);
    expect(codes({ or: [{ log: 1 }, { frobnicate: [] }, { 'var.prototype': [] }] })).toEqual([
      'logic_operator_not_allowed /or/0/log',
      'logic_operator_not_allowed /or/1/frobnicate',
      'logic_operator_not_allowed /or/2/var.prototype',
    ]);
  });

  it('finds method hidden inside map and filter item logic', () => {
    const rule = { map: [{ var: 'xs' }, { method: [{ var: '' }, 'constructor'] }] };
    expect(codes(rule, '/r')).toEqual(['logic_operator_not_allowed /r/map/1/method']);
    expect(codes({ filter: [[1], { '==': [{ method: ['a', 'toString'] }, 'a'] }] })).toEqual([
      'logic_operator_not_allowed /filter/1/==/0/method',
    ]);
  });

  it('escapes JSON pointer segments', () => {
    expect(codes({ 'a/b~c': 1 }, '/x')).toEqual(['logic_operator_not_allowed /x/a~1b~0c']);
  });

  it('refuses prototype-reaching and computed paths', () => {
    expect(codes({ and: [{ var: '__proto__' }, { var: 'constructor.constructor' }, { var: 'a.__proto__.polluted' }] }))
      .toEqual(['logic_unsafe_path /and/0/var', 'logic_unsafe_path /and/1/var', 'logic_unsafe_path /and/2/var']);
    expect(codes({ var: ['x.prototype', 1] })).toEqual(['logic_unsafe_path /var/0']);
    expect(codes({ var: { cat: ['__pro', 'to__'] } })).toEqual(['logic_unsafe_path /var']);
    expect(codes({ var: [{ cat: ['a', 'b'] }] })).toEqual(['logic_unsafe_path /var/0']);
    expect(codes({ var: true })).toEqual(['logic_unsafe_path /var']);
    expect(codes({ missing: ['a', 'constructor'] })).toEqual(['logic_unsafe_path /missing/1']);
    expect(codes({ missing: [['a', '__proto__']] })).toEqual(['logic_unsafe_path /missing/0/1']);
    expect(codes({ missing: { merge: ['a'] } })).toEqual(['logic_unsafe_path /missing']);
    expect(codes({ missing_some: [1, ['ok', 'prototype']] })).toEqual(['logic_unsafe_path /missing_some/1/1']);
    expect(codes({ missing_some: [1, { var: 'keys' }] })).toEqual(['logic_unsafe_path /missing_some/1']);
    expect(checkRule({ var: 'a.__proto__.polluted' }, '')[0]?.message)
      .toBe('The field path "a.__proto__.polluted" uses "__proto__", which could reach into the engine\'s internals.');
  });

  it('still checks the default value of var', () => {
    expect(codes({ var: ['a', { var: 'constructor' }] })).toEqual(['logic_unsafe_path /var/1/var']);
  });

  it('refuses malformed operators', () => {
    expect(codes({ and: [{ '==': 1, '!=': 2 }] })).toEqual(['logic_malformed /and/0']);
    expect(codes({})).toEqual(['logic_malformed ']);
    expect(codes({ '==': [1, 2, 3] })).toEqual(['logic_malformed /==']);
    expect(codes({ '!': [] })).toEqual(['logic_malformed /!']);
    expect(codes({ and: [] })).toEqual(['logic_malformed /and']);
    expect(codes({ var: ['a', 1, 2] })).toEqual(['logic_malformed /var']);
    expect(codes({ missing_some: ['a'] })).toEqual(['logic_malformed /missing_some']);
    expect(codes({ map: [[1]] })).toEqual(['logic_malformed /map']);
    expect(codes({ missing_some: [1, 'a'] })).toEqual(['logic_malformed /missing_some/1']);
    expect(checkRule({ '==': [1] }, '')[0]?.message).toBe('The operator "==" takes 2 arguments but was given 1.');
  });

  it('refuses values that are not JSON', () => {
    expect(codes([1, undefined, () => 1, Number.NaN, new Date(0), 10n])).toEqual([
      'logic_malformed /1', 'logic_malformed /2', 'logic_malformed /3', 'logic_malformed /4', 'logic_malformed /5',
    ]);
  });

  it('allows 32 levels of nesting and refuses 33', () => {
    expect(checkRule(nested(32), '')).toEqual([]);
    const path = '/!'.repeat(32);
    expect(codes(nested(33), '')).toEqual([`logic_too_deep ${path}`]);
    expect(codes({ and: [nested(31)] })).toEqual([`logic_too_deep /and/0${'/!'.repeat(30)}`]);
  });

  it('survives a rule nested 1000 and 100000 deep without blowing the stack', () => {
    expect(codes(nested(1000))).toEqual([`logic_too_deep ${'/!'.repeat(32)}`]);
    let arrays: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) arrays = [arrays];
    expect(codes(arrays)).toEqual([`logic_too_deep ${'/0'.repeat(32)}`]);
  });

  it('refuses a rule with more than 2000 nodes, quickly', () => {
    expect(checkRule({ and: Array.from({ length: 1990 }, () => true) }, '')).toEqual([]);
    const huge = { or: Array.from({ length: 100_000 }, (_, i) => ({ '==': [{ var: `f${i}` }, i] })) };
    const started = performance.now();
    const problems = checkRule(huge, '/rule');
    expect(performance.now() - started).toBeLessThan(200);
    expect(problems).toEqual([{
      code: 'logic_too_large',
      path: '/rule',
      message: 'This condition has more than 2000 parts, so split it up or simplify it.',
    }]);
    expect(codes({ missing: Array.from({ length: 5000 }, (_, i) => `k${i}`) })).toEqual(['logic_too_large ']);
    expect(codes(new Array(1e9))).toEqual(['logic_too_large ']);
  });

  it('terminates on cyclic input and on objects whose traps throw', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.and = [cyclic];
    expect(codes(cyclic)[0]).toMatch(/^logic_too_(deep|large)/);
    const hostile = new Proxy({}, { ownKeys() { throw new Error('boom'); } });
    expect(codes({ and: [hostile] })).toEqual(['logic_malformed ']);
  });

  it('never throws on arbitrary JSON, and every problem has a known code and a pointer under the path', () => {
    const known = new Set(['logic_operator_not_allowed', 'logic_too_deep', 'logic_too_large', 'logic_unsafe_path', 'logic_malformed']);
    fc.assert(fc.property(fc.jsonValue(), (rule) => {
      for (const problem of checkRule(rule, '/p')) {
        expect(known.has(problem.code)).toBe(true);
        expect(problem.path.startsWith('/p')).toBe(true);
        expect(problem.message).toMatch(/^[A-Z].*\.$/);
      }
    }), { numRuns: 500 });
  });
});
