import { describe, expect, it } from 'vitest';
import { LogicError, evaluate, truthy } from './index.ts';

const caseData = {
  case: { startedAt: '2026-03-02T09:00:00.000Z', source: 'police' },
  form: {
    triage: { outcome: 'early_help', reviewBy: '2026-04-01', flags: ['dv', 'housing'], note: '' },
    family: { children: [{ name: 'Amy', age: 3 }, { name: 'Ben', age: 11 }] },
  },
  done: { triage: '2026-03-03T10:00:00.000Z' },
};

function refusal(run: () => unknown): LogicError {
  try {
    run();
  } catch (error) {
    if (error instanceof LogicError) return error;
    throw error;
  }
  throw new Error('expected a LogicError');
}

describe('evaluate', () => {
  it('evaluates and / or / if', () => {
    const rule = {
      if: [
        { and: [{ '==': [{ var: 'form.triage.outcome' }, 'early_help'] }, { or: [false, { var: 'case.source' }] }] },
        'route_eh',
        'route_csc',
      ],
    };
    expect(evaluate(rule, caseData)).toBe('route_eh');
    expect(evaluate(rule, { form: { triage: { outcome: 'nfa' } } })).toBe('route_csc');
    expect(evaluate({ and: [1, 0, 2] }, null)).toBe(0);
    expect(evaluate({ or: [0, '', 'x'] }, null)).toBe('x');
    expect(evaluate({ '?:': [false, 1, 2] }, null)).toBe(2);
    expect(evaluate({ if: [false, 1, false, 2] }, null)).toBeNull();
  });

  it('compares ISO date strings', () => {
    expect(truthy({ '<': [{ var: 'case.startedAt' }, { var: 'done.triage' }] }, caseData)).toBe(true);
    expect(truthy({ '<=': ['2026-03-01', { var: 'form.triage.reviewBy' }, '2026-04-30'] }, caseData)).toBe(true);
    expect(truthy({ '>': [{ var: 'form.triage.reviewBy' }, '2026-04-01'] }, caseData)).toBe(false);
  });

  it('evaluates in, some over children, and the other data-free operators', () => {
    expect(truthy({ in: ['dv', { var: 'form.triage.flags' }] }, caseData)).toBe(true);
    expect(truthy({ in: ['lice', 'police'] }, null)).toBe(true);
    expect(truthy({ some: [{ var: 'form.family.children' }, { '<': [{ var: 'age' }, 5] }] }, caseData)).toBe(true);
    expect(truthy({ all: [{ var: 'form.family.children' }, { '<': [{ var: 'age' }, 5] }] }, caseData)).toBe(false);
    expect(truthy({ none: [{ var: 'form.family.children' }, { '>': [{ var: 'age' }, 17] }] }, caseData)).toBe(true);
    expect(evaluate({ map: [{ var: 'form.family.children' }, { var: 'name' }] }, caseData)).toEqual(['Amy', 'Ben']);
    expect(evaluate({ filter: [[1, 2, 3, 4], { '%': [{ var: '' }, 2] }] }, null)).toEqual([1, 3]);
    expect(evaluate({ reduce: [{ var: 'form.family.children' }, { '+': [{ var: 'accumulator' }, { var: 'current.age' }] }, 0] }, caseData)).toBe(14);
    expect(evaluate({ cat: ['a', { substr: ['hello', -3] }, { max: [1, 7] }] }, null)).toBe('allo7');
    expect(evaluate({ merge: [[1], 2, [[3]]] }, null)).toEqual([1, 2, [3]]);
    expect(evaluate({ '-': 4 }, null)).toBe(-4);
    expect(evaluate({ '+': ['1', 2] }, null)).toBe(3);
  });

  it('evaluates missing and missing_some, counting "" as missing', () => {
    expect(evaluate({ missing: ['form.triage.outcome', 'form.triage.note', 'form.nope'] }, caseData))
      .toEqual(['form.triage.note', 'form.nope']);
    expect(evaluate({ missing: [['case.source', 'x']] }, caseData)).toEqual(['x']);
    expect(evaluate({ missing_some: [1, ['x', 'case.source']] }, caseData)).toEqual([]);
    expect(evaluate({ missing_some: [2, ['x', 'case.source']] }, caseData)).toEqual(['x']);
  });

  it('supports var defaults, whole-data var and the array form {"var": ["x"]}', () => {
    expect(evaluate({ var: ['x'] }, { x: 5 })).toBe(5);
    expect(evaluate({ var: ['x'] }, {})).toBeNull();
    expect(evaluate({ var: ['a.b', 0] }, {})).toBe(0);
    expect(evaluate({ var: ['a', { var: 'b' }] }, { b: 'fallback' })).toBe('fallback');
    expect(evaluate({ var: '' }, { x: 1 })).toEqual({ x: 1 });
    expect(evaluate({ var: 1 }, ['a', 'b'])).toBe('b');
    expect(evaluate({ var: 'name.0' }, { name: 'Amy' })).toBe('A');
  });

  it('never re-reads a data value as a rule', () => {
    expect(evaluate({ '==': [{ var: 'x' }, { var: 'x' }] }, { x: { method: ['a', 'toString'] } })).toBe(true);
    expect(evaluate({ merge: [{ var: 'x' }] }, { x: [{ log: 1 }] })).toEqual([{ log: 1 }]);
  });

  it('reads the data without changing it, and reads anything that is not JSON as absent', () => {
    const data = { xs: [1, 2] };
    expect(evaluate({ merge: [{ var: 'xs' }, 3] }, data)).toEqual([1, 2, 3]);
    expect(data).toEqual({ xs: [1, 2] });
    expect(evaluate({ var: '' }, undefined)).toBeNull();
    expect(evaluate({ var: 'f' }, { f: () => 1 })).toBeNull();
  });

  it('throws LogicError with every problem for refused rules', () => {
    const error = refusal(() => evaluate({ and: [{ method: ['x', 'toUpperCase'] }, { var: '__proto__' }] }, {}));
    expect(error.name).toBe('LogicError');
    expect(error.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'logic_operator_not_allowed /and/0/method',
      'logic_unsafe_path /and/1/var',
    ]);
    expect(() => truthy({ log: 'hi' }, {})).toThrow(LogicError);
  });
});

describe('escape attempts', () => {
  const attempts: unknown[] = [
    { method: ['abc', 'toUpperCase'] },
    { method: [{ var: '' }, 'constructor'] },
    { var: '__proto__' },
    { var: 'constructor.constructor' },
    { var: 'a.__proto__.polluted' },
    { var: ['x.prototype'] },
    { map: [[1], { method: [{ var: '' }, 'toString'] }] },
    { filter: [{ var: 'xs' }, { method: [{ var: '' }, 'valueOf'] }] },
    { 'var.prototype.constructor': [] },
  ];

  it.each(attempts)('refuses %j', (rule) => {
    expect(() => evaluate(rule, { a: {}, xs: [1] })).toThrow(LogicError);
  });

  it('reads inherited members as missing: {"var": "toString"} on {} is null', () => {
    expect(evaluate({ var: 'toString' }, {})).toBeNull();
    expect(evaluate({ var: ['toString', 'none'] }, {})).toBe('none');
    expect(evaluate({ var: 'xs.map' }, { xs: [1] })).toBeNull();
    expect(evaluate({ var: 'name.toUpperCase' }, { name: 'a' })).toBeNull();
    expect(evaluate({ var: 'n.toFixed' }, { n: 1 })).toBeNull();
    expect(evaluate({ var: 'hasOwnProperty' }, [])).toBeNull();
    expect(evaluate({ missing: ['toString', 'valueOf'] }, {})).toEqual(['toString', 'valueOf']);
    expect(evaluate({ map: [{ var: 'xs' }, { var: 'isPrototypeOf' }] }, { xs: [{}] })).toEqual([null]);
    expect(evaluate({ reduce: [[1], { var: 'accumulator.toString' }, 0] }, null)).toBeNull();
  });

  it('keeps a data key named __proto__ inert', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as unknown;
    expect(evaluate({ var: 'polluted' }, data)).toBeNull();
    expect(evaluate({ var: 'x' }, data)).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops a rule that loops too long', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i);
    const rule = { map: [{ var: 'xs' }, { map: [{ var: '' }, { '+': [1, 2] }] }] };
    expect(evaluate(rule, { xs: [[1]] })).toEqual([[3]]);
    const slow = { map: [{ var: 'xs' }, { reduce: [[...xs.slice(0, 100)], { '+': [{ var: 'current' }, 1] }, 0] }] };
    const error = refusal(() => evaluate(slow, { xs }));
    expect(error.problems.map((p) => p.code)).toEqual(['logic_too_costly']);
    const doubling = (op: string, seed: unknown) => ({
      reduce: [{ var: 'xs' }, { [op]: [{ var: 'accumulator' }, { var: 'accumulator' }] }, seed],
    });
    for (const rule of [doubling('cat', 'ab'), doubling('merge', [1])]) {
      expect(refusal(() => evaluate(rule, { xs: xs.slice(0, 60) })).problems[0]?.code).toBe('logic_too_costly');
    }
    expect(evaluate(doubling('cat', 'ab'), { xs: [1, 2] })).toBe('abababab');
  });
});

describe('answers that JavaScript cannot compare', () => {
  it('refuses the rule instead of throwing a TypeError when an answer is an object whose toString is not a function', () => {
    const rule = { '==': [{ var: 'form.a.x' }, 'team'] };
    expect(() => truthy(rule, { form: { a: { x: { toString: null } } } })).toThrow(LogicError);
    expect(() => truthy({ '<': [{ var: 'x' }, 3] }, { x: { valueOf: null, toString: null } })).toThrow(/cannot be compared/);
  });
});
