import { describe, expect, it } from 'vitest';
import type { FieldLayout, Form } from '../schema/definition.types.ts';
import { checkForm, fieldExists, formFields } from './inspect-form.ts';
import { assessmentForm } from './test-fixtures.ts';

const AT = '/forms/cf_assessment';

function withLayout(...fields: FieldLayout[][]): Form {
  const form = assessmentForm();
  form.layout = { sections: fields.map((f, i) => ({ id: `s${i}`, title: `Section ${i}`, fields: f })) };
  return form;
}

const codes = (form: Form) => checkForm(form, AT).map(({ code, path }) => ({ code, path }));

describe('checkForm', () => {
  it('finds nothing wrong with a good form', () => {
    expect(checkForm(assessmentForm(), AT)).toEqual([]);
  });

  it('flags a schema that is not valid 2020-12', () => {
    const form: Form = { title: 'T', schema: { type: 'objekt' } };
    const [problem, ...rest] = checkForm(form, AT);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'invalid_form_schema', path: `${AT}/schema` });
    expect(problem?.message).toMatch(/^The form schema is not valid JSON Schema 2020-12: .*type/);
  });

  it('flags a schema that does not compile, with Ajv\'s reason', () => {
    const form: Form = {
      title: 'T',
      schema: { type: 'object', properties: { notes: { type: 'string', widget: 'textarea' } } },
    };
    const problems = checkForm(form, AT);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'invalid_form_schema', path: `${AT}/schema` });
    expect(problems[0]?.message).toMatch(/does not compile: .*unknown keyword: "widget"\.$/);
  });

  it('flags a schema whose top level is not an object', () => {
    expect(codes({ title: 'T', schema: { type: 'array', items: { type: 'string' } } })).toEqual([
      { code: 'invalid_form_schema', path: `${AT}/schema` },
    ]);
  });

  it('flags layout fields the schema does not have, inside repeats too', () => {
    const form = withLayout(
      [{ field: 'dateOfClosure' }, { field: 'dateOfClousre' }],
      [{ field: 'children', widget: 'repeat', fields: [{ field: 'name' }, { field: 'nhsNumber' }] }],
    );
    const problems = checkForm(form, AT);
    expect(problems.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'layout_field_unknown', path: `${AT}/layout/sections/0/fields/1/field` },
      { code: 'layout_field_unknown', path: `${AT}/layout/sections/1/fields/0/fields/1/field` },
    ]);
    expect(problems[1]?.message).toBe('The layout shows "nhsNumber", but the form schema has no such property inside "children".');
  });

  it('flags reveals by an unknown field, by a field without options, and by values that are not options', () => {
    const form = withLayout([
      { field: 'reasonOther', revealedBy: { field: 'reason', values: ['other'] } },
      { field: 'reasonOther', revealedBy: { field: 'reasonForClosure', values: ['other', 'RC99'] } },
      { field: 'reasonOther', revealedBy: { field: 'dateOfClosure', values: ['2026-01-01'] } },
      { field: 'reasonOther', revealedBy: { field: 'consentRecorded', values: [false] } },
      { field: 'reasonOther', revealedBy: { field: 'factorsIdentified', values: ['2A'] } },
    ]);
    expect(codes(form)).toEqual([
      { code: 'revealed_by_unknown', path: `${AT}/layout/sections/0/fields/0/revealedBy/field` },
      { code: 'revealed_by_unknown', path: `${AT}/layout/sections/0/fields/1/revealedBy/values/1` },
      { code: 'revealed_by_unknown', path: `${AT}/layout/sections/0/fields/2/revealedBy/field` },
    ]);
  });

  it('only looks for the revealing field at the same level', () => {
    const form = withLayout([
      { field: 'children', fields: [{ field: 'name', revealedBy: { field: 'reasonForClosure', values: ['other'] } }] },
    ]);
    expect(codes(form)).toEqual([
      { code: 'revealed_by_unknown', path: `${AT}/layout/sections/0/fields/0/fields/0/revealedBy/field` },
    ]);
  });

  it('flags a repeat over something that is not an array of items', () => {
    const form = withLayout([
      { field: 'reasonOther', widget: 'repeat' },
      { field: 'factorsIdentified', widget: 'repeat' },
      { field: 'children', widget: 'repeat' },
      { field: 'provisionalVisitDates', widget: 'repeat' },
    ]);
    expect(codes(form)).toEqual([
      { code: 'repeat_without_items', path: `${AT}/layout/sections/0/fields/0/widget` },
      { code: 'repeat_without_items', path: `${AT}/layout/sections/0/fields/1/widget` },
    ]);
  });

  it('flags a section id used twice', () => {
    const form = withLayout([], [], []);
    form.layout!.sections[2]!.id = 's0';
    expect(codes(form)).toEqual([{ code: 'duplicate_section_id', path: `${AT}/layout/sections/2/id` }]);
  });

  it('never throws on a malformed form', () => {
    const form = { title: 'T', schema: null, layout: { sections: [{ id: 'a', title: 'A', fields: null }] } };
    expect(codes(form as unknown as Form)).toEqual([{ code: 'invalid_form_schema', path: `${AT}/schema` }]);
  });
});

describe('formFields', () => {
  const fields = formFields(assessmentForm());

  it('lists the top-level fields in layout order, then schema order', () => {
    expect([...fields.keys()]).toEqual([
      'reasonForClosure', 'reasonOther', 'dateOfClosure', 'children', 'serviceTakingLead',
      'outlineStepDownPlan', 'factorsIdentified', 'provisionalVisitDates', 'consentRecorded',
    ]);
  });

  it('describes each field', () => {
    expect(fields.get('dateOfClosure')).toEqual({
      name: 'dateOfClosure', label: 'Date of closure', type: 'string', format: 'date', isDate: true, widget: 'date',
    });
    const reason = fields.get('reasonForClosure');
    expect(reason).toMatchObject({ label: 'Reason for closure', type: 'string', isDate: false, widget: 'radios' });
    expect(reason?.options?.[0]).toEqual({ value: 'RC1', label: 'RC1 Adopted' });
    expect(reason?.options).toHaveLength(10);
    expect(fields.get('serviceTakingLead')).toMatchObject({ widget: 'select', type: 'string' });
    expect(fields.get('outlineStepDownPlan')).toMatchObject({ label: 'Outline the step-down plan', widget: 'textarea' });
    expect(fields.get('factorsIdentified')).toMatchObject({ type: 'array', widget: 'checkboxes' });
    expect(fields.get('factorsIdentified')?.options?.map((o) => o.value)).toEqual(['1A', '2A', '3A']);
    expect(fields.get('children')).toEqual({ name: 'children', label: 'Children', type: 'array', isDate: false, widget: 'repeat' });
    expect(fields.get('consentRecorded')).toEqual({
      name: 'consentRecorded', label: 'Consent recorded', type: 'boolean', isDate: false, widget: 'yesno',
      options: [{ value: true, label: 'Yes' }, { value: false, label: 'No' }],
    });
  });
});

describe('fieldExists', () => {
  const form = assessmentForm();
  it.each([
    ['dateOfClosure', true],
    ['children', true],
    ['children.0', true],
    ['children.0.name', true],
    ['children.name', true],
    ['children.12.dateOfBirth', true],
    ['provisionalVisitDates.0', true],
    ['children.0.age', false],
    ['children.0.name.first', false],
    ['dateOfClosure.year', false],
    ['dateOfClousre', false],
    ['children..name', false],
    ['', false],
  ])('%s → %s', (path, expected) => {
    expect(fieldExists(form, path)).toBe(expected);
  });
});
