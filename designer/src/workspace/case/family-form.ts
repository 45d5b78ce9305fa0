import type { FormInput } from '../../lib/forms/model.ts';

/** The family and children as a form, so they get the same GOV.UK questions, repeats and date inputs. */
export const FAMILY_FORM: FormInput = {
  title: 'The family',
  schema: {
    type: 'object',
    properties: {
      familyName: { type: 'string', title: 'Family name', maxLength: 200 },
      children: {
        type: 'array',
        title: 'Children',
        minItems: 1,
        maxItems: 30,
        items: { type: 'object', title: 'Child', properties: { name: { type: 'string', title: 'Full name', maxLength: 200 }, dateOfBirth: { type: 'string', format: 'date', title: 'Date of birth' } } },
      },
    },
  },
  layout: {
    sections: [
      {
        id: 'family',
        title: 'The family',
        fields: [
          { field: 'familyName', hint: 'The surname the case is known by' },
          { field: 'children', widget: 'repeat', itemLabel: 'Child', fields: [{ field: 'name' }, { field: 'dateOfBirth', label: 'Date of birth (optional)' }] },
        ],
      },
    ],
  },
};
