import { describe, expect, it } from 'vitest';
import { varsRead } from './vars.ts';

describe('varsRead', () => {
  it('lists var, missing and missing_some paths once, in first-seen order', () => {
    const rule = {
      and: [
        { '==': [{ var: 'form.triage.outcome' }, 'open'] },
        { missing: ['case.source', 'form.triage.outcome'] },
        { missing_some: [1, ['form.a', 'form.b']] },
        { '<': [{ var: ['done.triage', '9999'] }, { var: 'case.startedAt' }] },
        { missing: [['form.c']] },
        { var: 0 },
      ],
    };
    expect(varsRead(rule)).toEqual([
      'form.triage.outcome', 'case.source', 'form.a', 'form.b', 'done.triage', 'case.startedAt', 'form.c', '0',
    ]);
  });

  it('includes the var default value and plain {"var": ["x"]}', () => {
    expect(varsRead({ var: ['a.b', 0] })).toEqual(['a.b']);
    expect(varsRead({ var: ['a', { var: 'b' }] })).toEqual(['a', 'b']);
    expect(varsRead({ var: ['x'] })).toEqual(['x']);
    expect(varsRead({ var: 'x' })).toEqual(['x']);
  });

  it('skips whole-data reads', () => {
    expect(varsRead({ var: '' })).toEqual([]);
    expect(varsRead({ var: null })).toEqual([]);
    expect(varsRead({ var: [] })).toEqual([]);
  });

  it('includes the array argument of map/filter/reduce/all/none/some but not their item logic', () => {
    const rule = {
      or: [
        { some: [{ var: 'form.family.children' }, { '<': [{ var: 'age' }, { var: 'limit' }] }] },
        { all: [{ var: 'form.x' }, { var: 'y' }] },
        { none: [{ var: 'form.z' }, { missing: ['q'] }] },
        { map: [{ filter: [{ var: 'form.list' }, { var: 'keep' }] }, { some: [{ var: 'inner' }, true] }] },
        { reduce: [{ var: 'form.nums' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, { var: 'form.start' }] },
      ],
    };
    expect(varsRead(rule)).toEqual(['form.family.children', 'form.x', 'form.z', 'form.list', 'form.nums', 'form.start']);
  });

  it('looks inside computed paths and unary sugar', () => {
    expect(varsRead({ var: { cat: ['form.', { var: 'which' }] } })).toEqual(['which']);
    expect(varsRead({ '!': { var: 'a' } })).toEqual(['a']);
    expect(varsRead({ some: { var: 'list' } })).toEqual(['list']);
    expect(varsRead({ missing: 'one' })).toEqual(['one']);
  });

  it('ignores literals and survives huge, deep and cyclic input', () => {
    expect(varsRead('form.a')).toEqual([]);
    expect(varsRead([{ var: 'a' }, [{ var: 'b' }]])).toEqual(['a', 'b']);
    let deep: unknown = { var: 'bottom' };
    for (let i = 0; i < 100_000; i += 1) deep = { '!': deep };
    expect(varsRead(deep)).toEqual([]);
    expect(varsRead(new Array(1e9))).toEqual([]);
    const cyclic: Record<string, unknown> = { var: 'c' };
    const loop: Record<string, unknown> = {};
    loop.and = [cyclic, loop];
    expect(varsRead(loop)).toEqual(['c']);
  });
});
