import { describe, expect, it } from 'vitest';
import { assessmentForm } from '../../../../engine/forms/test-fixtures.ts';
import { validateFormData } from '../../../../engine/forms/validate-form.ts';
import { fieldId, fieldIssues, refineErrors, summaryItems } from './errors.ts';
import { buildFormModel } from './model.ts';

const form = assessmentForm();
const model = buildFormModel(form);

describe('placing the server’s errors', () => {
  it('keeps the sharpened wording however the answers change afterwards', () => {
    const sent = { dateOfClosure: '2027--05' };
    const [error] = refineErrors(model, sent, [{ pointer: '/dateOfClosure', keyword: 'format', message: 'Date of closure must be a real date' }]);
    expect(error).toEqual({ pointer: '/dateOfClosure', keyword: 'format', message: 'Date of closure must include a month', parts: ['month'] });
    expect(refineErrors(model, { dateOfClosure: '2027-02-30' }, [error!])[0]?.parts).toEqual(['day', 'month', 'year']);
  });

  it('makes ids that are safe in links', () => {
    expect(fieldId('f', '/children/0/name')).toBe('f-children-0-name');
    expect(fieldId('f', '/a b/c~1d')).toBe('f-a_20b-c_2fd');
  });

  it('links each error to the first box of its question, in the server’s order', () => {
    const data = { dateOfClosure: '2027--05', children: [{ name: 'Amira', dateOfBirth: '2016-02-30' }], provisionalVisitDates: ['2027-01-04'] };
    const errors = refineErrors(model, data, validateFormData(form, data));
    const issues = fieldIssues(errors);
    expect(summaryItems(model, issues, 'f')).toEqual([
      { text: 'Select the reason for closing the case', href: '#f-reasonForClosure' },
      { text: 'Date of closure must include a month', href: '#f-dateOfClosure-month' },
      { text: 'Amira’s date of birth must be a real date, like 27 3 2019', href: '#f-children-0-dateOfBirth-day' },
      { text: 'Add at least 3 provisional visit dates', href: '#f-provisionalVisitDates-0-day' },
      { text: 'Select consent recorded', href: '#f-consentRecorded' },
    ]);
    expect(issues.get('/dateOfClosure')?.parts).toEqual(['month']);
    expect(issues.get('/children/0/dateOfBirth')?.parts).toEqual(['day', 'month', 'year']);
  });

  it('links a repeat of objects to the first question of its first item', () => {
    const issues = fieldIssues([{ pointer: '/children', keyword: 'required', message: 'Add at least one child' }]);
    expect(summaryItems(model, issues, 'f')[0]?.href).toBe('#f-children-0-dateOfBirth-day');
  });

  it('lists an error about no question on the page without a link', () => {
    const issues = fieldIssues([{ pointer: '/nhsNumber', keyword: 'additionalProperties', message: 'nhsNumber is not a question on this form' }]);
    expect(summaryItems(model, issues, 'f')).toEqual([{ text: 'nhsNumber is not a question on this form' }]);
  });
});
