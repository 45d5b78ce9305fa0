import { describe, expect, it } from 'vitest';
import { checkForm, validateFormData } from '../../../engine/forms/index.ts';
import type { Form } from '../../../engine/schema/definition.types.ts';
import { addCheck, checkLists, checkRuleFields, checkTargets, itemTextFields, removeCheck, setCheck, setEachChild } from './form-checks.ts';
import { addField, newForm, renameField, setLabel } from './forms.ts';

function meetingForm(): { form: Form; date: string; children: string } {
  const form = newForm('Transfer meeting');
  const date = renameField(form, addField(form, 'date'), 'meetingDate');
  setLabel(form, date, 'Date of the transfer meeting');
  const children = renameField(form, addField(form, 'repeat'), 'children');
  return { form, date, children };
}

describe('the form’s case-aware rules, as the form designer writes them', () => {
  it('Given a repeat marked one for each child, Then the layout names the item’s name question and the engine checks it against the children', () => {
    const { form, children } = meetingForm();
    expect(itemTextFields(form, children)).toEqual([{ value: 'name', label: 'Name' }]);
    setEachChild(form, children, 'name');
    expect(form.layout!.sections[0]!.fields.find((f) => f.field === children)!.eachChild).toEqual({ nameField: 'name' });
    expect(checkForm(form, '/forms/f')).toEqual([]);
    const errors = validateFormData(form, { children: [{ name: 'Ada Okafor' }] }, { children: [{ name: 'Ada Okafor' }, { name: 'Ben Okafor' }] as never });
    expect(errors.map((e) => e.message)).toEqual(['Add the details for Ben Okafor']);
    setEachChild(form, children, null);
    expect(form.layout!.sections[0]!.fields.find((f) => f.field === children)).not.toHaveProperty('eachChild');
  });

  it('Given a check added, worded and given a rule, Then the engine finds nothing wrong with it and reports its message at the question', () => {
    const { form, date } = meetingForm();
    const i = addCheck(form);
    setCheck(form, i, { field: `/${date}`, message: 'The meeting date must be today or later', rule: { '>=': [{ var: `answers.${date}` }, { var: 'today' }] } });
    expect(checkForm(form, '/forms/f')).toEqual([]);
    const errors = validateFormData(form, { meetingDate: '2027-01-01' }, { caseData: { today: '2027-01-04' } });
    expect(errors).toEqual([{ pointer: '/meetingDate', keyword: 'check', message: 'The meeting date must be today or later' }]);
  });

  it('Given a check on each item of a list, When the list changes, Then the question inside the item is cleared; blanks are removed, and the last check removed takes the list', () => {
    const { form, children } = meetingForm();
    const i = addCheck(form);
    setCheck(form, i, { each: `/${children}` });
    setCheck(form, i, { field: '/name' });
    expect(form.checks![i]).toEqual({ rule: true, message: '', each: '/children', field: '/name' });
    setCheck(form, i, { each: '' });
    expect(form.checks![i]).toEqual({ rule: true, message: '' });
    setCheck(form, i, { rule: undefined });
    expect(form.checks![i]!.rule).toBe(true);
    removeCheck(form, i);
    expect(form).not.toHaveProperty('checks');
  });

  it('offers the questions, the lists and what a rule can read', () => {
    const { form, date, children } = meetingForm();
    expect(checkTargets(form)).toEqual([{ value: '/meetingDate', label: 'Date of the transfer meeting' }, { value: '/children', label: 'New question' }]);
    expect(checkTargets(form, `/${children}`)).toEqual([{ value: '/name', label: 'Name' }]);
    expect(checkLists(form)).toEqual([{ value: '/children', label: 'New question' }]);
    const paths = checkRuleFields(form, [], `/${children}`).map((f) => f.path);
    expect(paths).toEqual(['item.name', 'index', `answers.${date}`, `answers.${children}`, 'today', 'now', 'node']);
    expect(checkRuleFields(form, []).map((f) => f.path)).not.toContain('index');
  });
});
