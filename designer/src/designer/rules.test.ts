import { describe, expect, it } from 'vitest';
import { describeRule, fromLogic, parseValue, toLogic, type RuleModel } from './rules.ts';

describe('the rule builder and JSONLogic', () => {
  const models: RuleModel[] = [
    { combine: 'all', conditions: [{ field: 'form.raise_worries.childProtectionConcerns', op: 'true', value: true }] },
    { combine: 'all', conditions: [{ field: 'form.screen.route', op: '==', value: 'panel' }, { field: 'case.childCount', op: '>', value: 2 }] },
    { combine: 'any', conditions: [{ field: 'form.a.x', op: '!=', value: 'no' }, { field: 'form.a.n', op: '<', value: 5 }, { field: 'form.a.r', op: 'in', value: ['a', 'b'] }, { field: 'form.a.ok', op: 'false', value: false }] },
  ];

  it('Given builder rows, When turned into JSONLogic and back, Then the rows are the same', () => {
    for (const m of models) expect(fromLogic(toLogic(m))).toEqual(m);
  });

  it('Given JSONLogic the builder can show, When turned into rows and back, Then the rule is the same', () => {
    const rules = [
      { '==': [{ var: 'form.a.x' }, true] },
      { and: [{ '==': [{ var: 'form.a.x' }, 'yes'] }, { in: [{ var: 'form.a.y' }, [1, 2]] }] },
      { or: [{ '<': [{ var: 'a' }, 3] }, { '>': [{ var: 'b' }, 4] }] },
    ];
    for (const rule of rules) expect(toLogic(fromLogic(rule)!)).toEqual(rule);
  });

  it('leaves rules it cannot show as rows to the raw view', () => {
    expect(fromLogic({ '!!': { var: 'form.su_marf.rationale' } })).toBeNull();
    expect(fromLogic({ and: [{ '==': [{ var: 'a' }, 1] }, { '!': { var: 'b' } }] })).toBeNull();
    expect(fromLogic({ '==': [1, 1] })).toBeNull();
    expect(fromLogic(undefined)).toEqual({ combine: 'all', conditions: [] });
    expect(toLogic({ combine: 'all', conditions: [] })).toBeUndefined();
  });

  it('types what was typed by the field’s type, and reads back in words', () => {
    expect(parseValue('3', '>', 'integer')).toBe(3);
    expect(parseValue('3', '==', 'string')).toBe('3');
    expect(parseValue('a, b ,', 'in', 'string')).toEqual(['a', 'b']);
    expect(parseValue('', 'true', 'boolean')).toBe(true);
    expect(describeRule(models[1]!, (p) => p.split('.').pop()!)).toBe('route is panel and childCount is more than 2');
  });
});
