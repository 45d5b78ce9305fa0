import { describe, expect, it } from 'vitest';
import { defaultWidget, humanise, lowerFirst, plural } from './schema-info.ts';

const opts = (n: number) => ({ oneOf: Array.from({ length: n }, (_, i) => ({ const: `v${i}`, title: `V${i}` })) });

describe('defaultWidget', () => {
  it.each([
    [{ type: 'boolean' }, 'yesno'],
    [{ type: 'string', format: 'date' }, 'date'],
    [{ type: 'string', format: 'date-time' }, 'date'],
    [{ type: 'string', format: 'email' }, 'email'],
    [{ type: 'string' }, 'text'],
    [{ type: 'string', maxLength: 5000 }, 'text'],
    [{ type: 'integer' }, 'number'],
    [{ type: 'number' }, 'number'],
    [opts(6), 'radios'],
    [{ type: 'string', enum: ['a', 'b'] }, 'radios'],
    [opts(7), 'select'],
    [opts(20), 'select'],
    [opts(21), 'autocomplete'],
    [{ type: 'array', items: opts(3) }, 'checkboxes'],
    [{ type: 'array', items: { enum: ['a'] } }, 'checkboxes'],
    [{ type: 'array', items: { type: 'object', properties: {} } }, 'repeat'],
    [{ type: 'array', items: { type: 'string', format: 'date' } }, 'repeat'],
  ])('%j → %s', (schema, widget) => {
    expect(defaultWidget(schema)).toBe(widget);
  });
});

describe('wording helpers', () => {
  it.each([
    ['dateOfBirth', 'Date of birth'],
    ['reason_for_closure', 'Reason for closure'],
    ['nhsNumber', 'Nhs number'],
    ['childNHSNumber', 'Child NHS number'],
    ['outlineStepDownPlan', 'Outline step down plan'],
  ])('humanise(%s) → %s', (name, label) => {
    expect(humanise(name)).toBe(label);
  });

  it('lowers the first letter unless it starts an acronym', () => {
    expect(lowerFirst('Date of closure')).toBe('date of closure');
    expect(lowerFirst('NHS number')).toBe('NHS number');
    expect(lowerFirst('A')).toBe('a');
  });

  it('makes simple plurals', () => {
    expect(['child', 'visit date', 'family', 'address', 'person', 'day'].map(plural)).toEqual([
      'children', 'visit dates', 'families', 'addresses', 'people', 'days',
    ]);
  });
});
