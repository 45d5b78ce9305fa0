import { describe, expect, it } from 'vitest';
import type { Form } from '../schema/definition.types.ts';
import { validateFormData } from './validate-form.ts';

/** Camden's step-down form asks, for each child on the case, the child's MOSAIC ID number. */
const form: Form = {
  title: 'Children',
  schema: {
    type: 'object',
    properties: {
      children: {
        type: 'array',
        items: { type: 'object', required: ['childName', 'mosaicId'], properties: { childName: { type: 'string' }, mosaicId: { type: 'string' }, dob: { type: 'string', format: 'date' } } },
      },
    },
  },
  layout: {
    sections: [{ id: 'children', title: 'Children', fields: [{ field: 'children', widget: 'repeat', eachChild: { nameField: 'childName' }, fields: [{ field: 'childName', label: 'Name' }, { field: 'mosaicId', label: 'MOSAIC ID number' }, { field: 'dob', label: 'Date of birth', widget: 'date' }] }] }],
  },
};

describe('errors inside a repeated item', () => {
  it('put the child’s name in place of “the child’s”', () => {
    const worded = { ...form, errorMessages: { '/children/*/mosaicId': { required: 'Enter the child’s MOSAIC ID number' } } };
    expect(validateFormData(worded, { children: [{ childName: 'Ben Okafor' }] }).map((e) => e.message)).toEqual(['Enter Ben Okafor’s MOSAIC ID number']);
  });

  it('name the child they are about, by the repeat’s name question', () => {
    const children = [{ childName: 'Ben Okafor', dob: '2019-02-31' }, { childName: ' Ada  Okafor ' }, {}];
    expect(validateFormData(form, { children }).map((e) => e.message)).toEqual([
      'Enter MOSAIC ID number for Ben Okafor',
      'Ben Okafor’s date of birth must be a real date',
      'Enter MOSAIC ID number for Ada Okafor',
      // No name given: nothing to name it by.
      'Enter name',
      'Enter MOSAIC ID number',
    ]);
  });
});
