import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessmentForm } from '../../../../engine/forms/test-fixtures.ts';
import { buildFormModel, findField, topLevelFields, type FormInput } from './model.ts';

const camden = JSON.parse(readFileSync(new URL('../../../../definitions/camden.json', import.meta.url), 'utf8')) as { forms: Record<string, FormInput> };
const names = (fields: Array<{ name: string }>) => fields.map((f) => f.name);

describe('buildFormModel', () => {
  const model = buildFormModel(assessmentForm());

  it('keeps the layout’s sections and order, with revealed questions under the one that reveals them', () => {
    expect(model.sections.map((s) => s.title)).toEqual(['Closure', 'Children', 'Plan', undefined]);
    expect(names(model.sections[0]!.fields)).toEqual(['reasonForClosure', 'dateOfClosure']);
    expect(names(model.sections[0]!.fields[0]!.reveals)).toEqual(['reasonOther']);
    // consentRecorded is in the schema but not the layout: still asked, after the sections.
    expect(names(model.sections[3]!.fields)).toEqual(['consentRecorded']);
  });

  it('works out labels, widgets, options and limits as the engine does', () => {
    const [reason, date] = model.sections[0]!.fields;
    expect(reason).toMatchObject({ label: 'Reason for closure', widget: 'radios' });
    expect(reason!.options[8]).toEqual({ value: 'RC9', label: 'RC9 Case closed after assessment, referred to early help' });
    expect(date).toMatchObject({ label: 'Date of closure', widget: 'date' });
    expect(reason!.reveals[0]).toMatchObject({ widget: 'textarea', maxLength: 500, revealedBy: { field: 'reasonForClosure', values: ['other'] } });
    const plan = model.sections[2]!.fields;
    expect(plan.map((f) => f.widget)).toEqual(['select', 'textarea', 'checkboxes', 'repeat']);
    expect(plan[1]!.label).toBe('Outline the step-down plan');
    expect(model.sections[3]!.fields[0]).toMatchObject({ widget: 'yesno', options: [{ value: true, label: 'Yes' }, { value: false, label: 'No' }] });
  });

  it('describes repeats: objects with their own item layout, and plain values', () => {
    const children = model.sections[1]!.fields[0]!;
    expect(children).toMatchObject({ widget: 'repeat', itemLabel: 'Child', minItems: 1 });
    expect(names(children.itemFields!)).toEqual(['dateOfBirth', 'name']);
    const visits = model.sections[2]!.fields[3]!;
    expect(visits).toMatchObject({ itemLabel: 'Provisional visit date', minItems: 3 });
    expect(visits.itemField).toMatchObject({ widget: 'date' });
  });

  it('reads Camden’s referral form: reveals by a yes/no, a long option list as a select, hints from the layout', () => {
    const referral = buildFormModel(camden.forms['step_down_referral']!);
    const all = topLevelFields(referral);
    const agreed = all.find((f) => f.name === 'familyAgreed')!;
    expect(agreed.widget).toBe('yesno');
    expect(names(agreed.reveals)).toEqual(['agreementDate', 'agreementRecorded']);
    expect(all.find((f) => f.name === 'currentEarlyHelpTeam')).toMatchObject({ widget: 'select' });
    expect(all.find((f) => f.name === 'provisionalVisitDates')!.hint).toMatch(/^At least 3 provisional dates/);
  });

  it('shows a question plainly when reveals go round in a circle or name nothing', () => {
    const model = buildFormModel({
      title: 'T',
      schema: { type: 'object', properties: { a: { type: 'boolean' }, b: { type: 'boolean' }, c: { type: 'string' } } },
      layout: { sections: [{ id: 's', title: 'S', fields: [
        { field: 'a', revealedBy: { field: 'b', values: [true] } },
        { field: 'b', revealedBy: { field: 'a', values: [true] } },
        { field: 'c', revealedBy: { field: 'nothing', values: ['x'] } },
      ] }] },
    });
    expect(names(topLevelFields(model))).toEqual(['a', 'b', 'c']);
  });

  it('finds the question behind a pointer, inside repeats too', () => {
    expect(findField(model, ['children', '1', 'name'])?.label).toBe('Full name');
    expect(findField(model, ['provisionalVisitDates', '2'])?.widget).toBe('date');
    expect(findField(model, ['reasonOther'])?.name).toBe('reasonOther');
    expect(findField(model, ['children'])?.widget).toBe('repeat');
    expect(findField(model, ['factorsIdentified', '0'])).toBeUndefined();
    expect(findField(model, ['nope'])).toBeUndefined();
  });
});
