import { describe, expect, it } from 'vitest';
import type { Form } from '../schema/definition.types.ts';
import { assessmentForm, validAnswers } from './test-fixtures.ts';
import { validateFormData } from './validate-form.ts';

const form = assessmentForm();
const answers = (patch: Record<string, unknown>): Record<string, unknown> => ({ ...validAnswers(), ...patch });
const without = (...names: string[]): Record<string, unknown> => {
  const data = validAnswers();
  for (const n of names) delete data[n];
  return data;
};

describe('validateFormData', () => {
  it('accepts a complete submission', () => {
    expect(validateFormData(form, validAnswers())).toEqual([]);
  });

  it('reports every missing answer once, in layout order, with GOV.UK messages', () => {
    expect(validateFormData(form, {})).toEqual([
      { pointer: '/reasonForClosure', keyword: 'required', message: 'Select the reason for closing the case' },
      { pointer: '/dateOfClosure', keyword: 'required', message: 'Enter date of closure' },
      { pointer: '/children', keyword: 'required', message: 'Add at least one child' },
      { pointer: '/provisionalVisitDates', keyword: 'required', message: 'Add at least one provisional visit date' },
      // Not in the layout: after the laid-out fields.
      { pointer: '/consentRecorded', keyword: 'required', message: 'Select consent recorded' },
    ]);
  });

  it('requires the revealed answer only when "Other" is chosen', () => {
    expect(validateFormData(form, answers({ reasonForClosure: 'other' }))).toEqual([
      { pointer: '/reasonOther', keyword: 'required', message: 'Enter other reason' },
    ]);
    expect(validateFormData(form, answers({ reasonForClosure: 'other', reasonOther: 'Family moved' }))).toEqual([]);
    expect(validateFormData(form, answers({ reasonForClosure: 'RC1' }))).toEqual([]);
  });

  it('reports an answer that is not one of the options as one "enum" error', () => {
    expect(validateFormData(form, answers({ reasonForClosure: 'RC10' }))).toEqual([
      { pointer: '/reasonForClosure', keyword: 'enum', message: 'Select reason for closure' },
    ]);
    expect(validateFormData(form, answers({ serviceTakingLead: 'Police' }))).toEqual([
      { pointer: '/serviceTakingLead', keyword: 'enum', message: 'Select service taking the lead' },
    ]);
  });

  it('reports a bad checkbox against the whole group', () => {
    expect(validateFormData(form, answers({ factorsIdentified: ['1A', '9Z'] }))).toEqual([
      { pointer: '/factorsIdentified', keyword: 'enum', message: 'Select factors identified' },
    ]);
  });

  it('says a date that does not exist is not a real date', () => {
    expect(validateFormData(form, answers({ dateOfClosure: '2026-02-30' }))).toEqual([
      { pointer: '/dateOfClosure', keyword: 'format', message: 'Date of closure must be a real date' },
    ]);
    expect(validateFormData(form, answers({ dateOfClosure: '2028-02-29' }))).toEqual([]);
  });

  it('uses custom messages by exact pointer and by `*` pointer, and orders items by layout', () => {
    const children = [
      { name: 'Amira Hassan', dateOfBirth: '2016-13-01' },
      { dateOfBirth: '2018-01-01' },
      {},
    ];
    expect(validateFormData(form, answers({ children }))).toEqual([
      { pointer: '/children/0/dateOfBirth', keyword: 'format', message: 'Amira Hassan’s date of birth must be a real date, like 27 3 2019' },
      { pointer: '/children/1/name', keyword: 'required', message: 'Enter the name of the second child' },
      // Within an item, layout order: date of birth before name.
      { pointer: '/children/2/dateOfBirth', keyword: 'required', message: 'Enter date of birth' },
      { pointer: '/children/2/name', keyword: 'required', message: 'Enter full name' },
    ]);
  });

  it('words minItems and item errors of a repeat with its item label', () => {
    expect(validateFormData(form, answers({ provisionalVisitDates: ['2026-03-09', 'soon'], children: [] }))).toEqual([
      { pointer: '/children', keyword: 'minItems', message: 'Add at least one child' },
      { pointer: '/provisionalVisitDates', keyword: 'minItems', message: 'Add at least 3 provisional visit dates' },
      { pointer: '/provisionalVisitDates/1', keyword: 'format', message: 'Provisional visit date 2 must be a real date' },
    ]);
  });

  it('uses the layout label and reports maxLength', () => {
    expect(validateFormData(form, answers({ outlineStepDownPlan: 'x'.repeat(5001) }))).toEqual([
      { pointer: '/outlineStepDownPlan', keyword: 'maxLength', message: 'Outline the step-down plan must be 5000 characters or less' },
    ]);
  });

  it('rejects answers to questions the form does not ask, after the real questions', () => {
    expect(validateFormData(form, { ...without('dateOfClosure'), riskScore: 3 })).toEqual([
      { pointer: '/dateOfClosure', keyword: 'required', message: 'Enter date of closure' },
      { pointer: '/riskScore', keyword: 'additionalProperties', message: 'riskScore is not a question on this form' },
    ]);
  });

  it('gives the same answers when the cached validator is reused', () => {
    const bad = answers({ dateOfClosure: '2026-02-30' });
    const first = validateFormData(form, bad);
    expect(validateFormData(form, validAnswers())).toEqual([]);
    expect(validateFormData(form, bad)).toEqual(first);
    // A copy of the form with the same schema object shares the validator and gives the same answers.
    expect(validateFormData({ ...form }, bad)).toEqual(first);
  });
});

describe('default messages', () => {
  const small: Form = {
    title: 'Contact',
    schema: {
      type: 'object',
      required: ['dateOfBirth'],
      properties: {
        dateOfBirth: { type: 'string', format: 'date' },
        email: { type: 'string', format: 'email', title: 'Email address' },
        age: { type: 'integer', minimum: 0, maximum: 17, title: 'Age' },
        weight: { type: 'number', exclusiveMinimum: 0, title: 'Weight' },
        postcode: { type: 'string', minLength: 5, title: 'Postcode' },
        nhsNumber: { type: 'string', pattern: '^[0-9]{10}$', title: 'NHS number' },
      },
    },
  };

  it.each([
    [{}, 'required', 'Enter date of birth'],
    [{ email: 'nope' }, 'format', 'Enter an email address in the correct format, like name@example.com'],
    [{ age: 18 }, 'maximum', 'Age must be 17 or less'],
    [{ age: -1 }, 'minimum', 'Age must be 0 or more'],
    [{ age: 1.5 }, 'type', 'Age must be a whole number'],
    [{ weight: 'heavy' }, 'type', 'Weight must be a number'],
    [{ weight: 0 }, 'exclusiveMinimum', 'Weight must be more than 0'],
    [{ postcode: 'N1' }, 'minLength', 'Postcode must be 5 characters or more'],
    [{ nhsNumber: '12' }, 'pattern', 'NHS number is not valid'],
  ])('%j → %s', (patch, keyword, message) => {
    const data = { dateOfBirth: '2010-01-01', ...patch };
    if (keyword === 'required') delete (data as Record<string, unknown>)['dateOfBirth'];
    expect(validateFormData(small, data)).toEqual([expect.objectContaining({ keyword, message })]);
  });
});
