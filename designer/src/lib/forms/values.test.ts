import { describe, expect, it } from 'vitest';
import { assessmentForm, validAnswers } from '../../../../engine/forms/test-fixtures.ts';
import { buildFormModel } from './model.ts';
import { numberAnswer, submittableData, valueAt, visibleData, withAnswer, withoutBlankItems } from './values.ts';

const model = buildFormModel(assessmentForm());

describe('answers as typed', () => {
  it('drops a blank answer rather than sending an empty string', () => {
    expect(withAnswer({ a: 1, b: 'x' }, 'b', undefined)).toEqual({ a: 1 });
    expect(withAnswer({}, 'b', 'y')).toEqual({ b: 'y' });
  });

  it('reads numbers, and keeps text that is not one for the server to refuse', () => {
    expect(numberAnswer(' 12 ')).toBe(12);
    expect(numberAnswer('-2.5')).toBe(-2.5);
    expect(numberAnswer('twelve')).toBe('twelve');
    expect(numberAnswer('  ')).toBeUndefined();
  });
});

describe('what is sent', () => {
  it('leaves out answers to questions that are not shown', () => {
    const data = { ...validAnswers(), reasonOther: 'typed before changing my mind' };
    expect(visibleData(model, data)).not.toHaveProperty('reasonOther');
    expect(visibleData(model, { ...data, reasonForClosure: 'other' })).toHaveProperty('reasonOther', 'typed before changing my mind');
  });

  it('leaves out repeated items nobody filled in, and the whole list when none is', () => {
    const data = { children: [{ name: 'Amira' }, {}, { name: ' ', dateOfBirth: '' }], provisionalVisitDates: ['', ''] };
    expect(withoutBlankItems(model, data)).toEqual({ children: [{ name: 'Amira' }] });
  });

  it('hides revealed questions inside repeated items by their own item’s answers', () => {
    const form = {
      title: 'T',
      schema: { type: 'object', properties: { people: { type: 'array', items: { type: 'object', properties: { known: { type: 'boolean' }, name: { type: 'string' } } } } } },
      layout: { sections: [{ id: 's', title: 'S', fields: [{ field: 'people', widget: 'repeat' as const, fields: [{ field: 'known' }, { field: 'name', revealedBy: { field: 'known', values: [true] as [unknown] } }] }] }] },
    };
    const people = buildFormModel(form);
    expect(submittableData(people, { people: [{ known: false, name: 'x' }, { known: true, name: 'y' }, {}] })).toEqual({ people: [{ known: false }, { known: true, name: 'y' }] });
  });

  it('reads a value by pointer segments', () => {
    expect(valueAt(validAnswers(), ['children', '0', 'name'])).toBe('Amira Hassan');
    expect(valueAt(validAnswers(), ['children', '3', 'name'])).toBeUndefined();
    expect(valueAt({ a: 'x' }, ['a', 'b'])).toBeUndefined();
  });
});
