import { describe, expect, it } from 'vitest';
import { checkForm, validateFormData } from '../../../engine/forms/index.ts';
import { addField, fieldName, isRequired, moveField, newForm, optionsOf, removeField, renameField, setErrorMessage, setLabel, setOptions, setRequired, setReveal, typeOfField } from './forms.ts';

function visitForm() {
  const form = newForm('Joint visit');
  const date = renameField(form, addField(form, 'date'), 'dateOfVisit');
  setLabel(form, date, 'Date of joint visit');
  setRequired(form, date, true);
  setErrorMessage(form, date, 'required', 'Enter the date of the joint visit');
  const who = renameField(form, addField(form, 'radios'), 'who attended');
  setOptions(form, who, [{ value: '', label: 'Social Worker' }, { value: '', label: 'Someone else' }]);
  setRequired(form, who, true);
  const other = renameField(form, addField(form, 'text'), 'whoElse');
  setReveal(form, other, { field: who, values: ['someone_else'] });
  setRequired(form, other, true);
  return { form, date, who, other };
}

describe('the form designer’s edits', () => {
  it('Given questions added from the palette, Then the engine accepts the form and the layout lists them in order', () => {
    const { form, date, who, other } = visitForm();
    expect([date, who, other]).toEqual(['dateOfVisit', 'whoAttended', 'whoElse']);
    expect(checkForm(form, '/forms/visit')).toEqual([]);
    expect(form.layout!.sections[0]!.fields.map((f) => f.field)).toEqual([date, who, other]);
    expect(optionsOf(form, who)).toEqual([{ value: 'social_worker', label: 'Social Worker' }, { value: 'someone_else', label: 'Someone else' }]);
    expect(typeOfField(form, who)).toBe('radios');
  });

  it('Given a question revealed under an answer and required, Then it is required only when revealed (allOf if/then)', () => {
    const { form, other } = visitForm();
    expect(form.schema['required']).toEqual(['dateOfVisit', 'whoAttended']);
    expect(form.schema['allOf']).toEqual([{ if: { properties: { whoAttended: { const: 'someone_else' } }, required: ['whoAttended'] }, then: { required: [other] } }]);
    expect(isRequired(form, other)).toBe(true);
    expect(validateFormData(form, { dateOfVisit: '2026-11-02', whoAttended: 'social_worker' })).toEqual([]);
    expect(validateFormData(form, { dateOfVisit: '2026-11-02', whoAttended: 'someone_else' }).map((e) => e.pointer)).toEqual([`/${other}`]);
    expect(validateFormData(form, {}).map((e) => e.message)).toContain('Enter the date of the joint visit');
  });

  it('moves, un-reveals and removes questions, keeping the rules in step', () => {
    const { form, date, who, other } = visitForm();
    moveField(form, date, 1);
    expect(form.layout!.sections[0]!.fields.map((f) => f.field)).toEqual([who, date, other]);
    setReveal(form, other, null);
    expect(form.schema['allOf']).toBeUndefined();
    expect(form.schema['required']).toContain(other);
    removeField(form, date);
    expect(Object.keys(form.schema['properties'] as object)).toEqual([who, other]);
    expect(form.errorMessages).toBeUndefined();
    expect(checkForm(form, '/forms/visit')).toEqual([]);
  });

  it('makes field names from what was typed', () => {
    expect(fieldName('Date of visit')).toBe('dateOfVisit');
    expect(fieldName('childProtectionConcerns')).toBe('childProtectionConcerns');
    expect(fieldName('2 reasons')).toBe('field2Reasons');
  });
});
