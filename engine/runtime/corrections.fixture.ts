/**
 * A protocol whose later forms correct the case's facts (`eachChild.updates`): the family's
 * details are checked once the case is open, with one item per child holding the name, date of
 * birth and Mosaic ID the case has, and checked again at the review, which sees any correction.
 * The item's `name` matches it to its child; the name is corrected in a question of its own.
 * Imported by tests only.
 */
import type { WorkflowDefinition } from '../schema/definition.types.ts';

const text = (title: string) => ({ type: 'string', title, maxLength: 200 });

const details = {
  title: 'Family details',
  schema: {
    type: 'object', additionalProperties: false, required: ['children', 'summary'],
    properties: {
      children: {
        type: 'array', title: 'Children',
        items: {
          type: 'object', additionalProperties: false, required: ['name'],
          properties: { name: text('Name on the case'), correctedName: text('Name'), dateOfBirth: { type: 'string', format: 'date', title: 'Date of birth' }, personId: text('Mosaic ID') },
        },
      },
      summary: text('What was checked'),
    },
  },
  layout: { sections: [{ id: 'main', title: 'Family details', fields: [
    {
      field: 'children', widget: 'repeat', itemLabel: 'Child',
      eachChild: { nameField: 'name', updates: { name: 'correctedName', dateOfBirth: 'dateOfBirth', personId: 'personId' } },
      fields: [{ field: 'name' }, { field: 'correctedName' }, { field: 'dateOfBirth' }, { field: 'personId' }],
    },
    { field: 'summary', widget: 'textarea' },
  ] }] },
};

export const CORRECTIONS = {
  id: 'corrections',
  version: 1,
  name: 'Family details corrected',
  authority: { id: 'testshire', name: 'Testshire' },
  calendar: { region: 'england-and-wales' },
  roles: [{ id: 'social_worker', name: 'Social worker' }],
  teams: [],
  outcomes: [{ id: 'checked', name: 'Details checked' }],
  forms: { details },
  nodes: [
    { id: 'start', kind: 'start', name: 'Start', next: 'check', roles: ['social_worker'] },
    { id: 'check', kind: 'user_task', name: 'Check the family’s details', form: 'details', assignee: { role: 'social_worker' }, nextActions: [{ id: 'save', label: 'Save', to: 'review' }] },
    { id: 'review', kind: 'user_task', name: 'Review the family’s details', form: 'details', assignee: { role: 'social_worker' }, nextActions: [{ id: 'done', label: 'Done', to: 'end' }] },
    { id: 'end', kind: 'end', name: 'Details checked', outcome: 'checked' },
  ],
} as unknown as WorkflowDefinition;
