/** A Mosaic-like form used by the tests: Camden's "Child and family assessment" closure step. */
import type { Form } from '../schema/definition.types.ts';

const REASONS: Array<[string, string]> = [
  ['RC1', 'RC1 Adopted'],
  ['RC2', 'RC2 Died'],
  ['RC3', 'RC3 Child arrangements order'],
  ['RC4', 'RC4 Special guardianship order'],
  ['RC5', 'RC5 Transferred to another local authority'],
  ['RC6', 'RC6 Transferred to adult social care'],
  ['RC7', 'RC7 Moved permanently abroad'],
  ['RC8', 'RC8 Case closed after assessment, no further action'],
  ['RC9', 'RC9 Case closed after assessment, referred to early help'],
  ['other', 'Other'],
];

export function assessmentForm(): Form {
  return {
    title: 'Child and family assessment',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['dateOfClosure', 'reasonForClosure', 'children', 'provisionalVisitDates', 'consentRecorded'],
      properties: {
        dateOfClosure: { type: 'string', format: 'date', title: 'Date of closure' },
        reasonForClosure: {
          title: 'Reason for closure',
          oneOf: REASONS.map(([value, title]) => ({ const: value, title })),
        },
        reasonOther: { type: 'string', title: 'Other reason', maxLength: 500 },
        serviceTakingLead: {
          type: 'string',
          title: 'Service taking the lead',
          enum: ['Early Help', 'Children in Need', 'Child Protection', 'Looked After Children',
            'Youth Justice', 'Adult Social Care', 'Health', 'None'],
        },
        outlineStepDownPlan: { type: 'string', maxLength: 5000 },
        factorsIdentified: {
          type: 'array',
          title: 'Factors identified',
          uniqueItems: true,
          items: {
            oneOf: [
              { const: '1A', title: 'Alcohol misuse: child' },
              { const: '2A', title: 'Drug misuse: child' },
              { const: '3A', title: 'Domestic abuse: child' },
            ],
          },
        },
        children: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'dateOfBirth'],
            properties: {
              name: { type: 'string', title: 'Full name', minLength: 1 },
              dateOfBirth: { type: 'string', format: 'date', title: 'Date of birth' },
            },
          },
        },
        provisionalVisitDates: {
          type: 'array',
          title: 'Provisional visit dates',
          minItems: 3,
          items: { type: 'string', format: 'date' },
        },
        consentRecorded: { type: 'boolean', title: 'Consent recorded' },
      },
      allOf: [
        {
          if: { properties: { reasonForClosure: { const: 'other' } }, required: ['reasonForClosure'] },
          then: { required: ['reasonOther'] },
        },
      ],
    },
    layout: {
      sections: [
        {
          id: 'closure',
          title: 'Closure',
          fields: [
            { field: 'reasonForClosure', widget: 'radios' },
            { field: 'reasonOther', widget: 'textarea', revealedBy: { field: 'reasonForClosure', values: ['other'] } },
            { field: 'dateOfClosure' },
          ],
        },
        {
          id: 'children',
          title: 'Children',
          fields: [
            // Item layout order differs from the schema's on purpose.
            { field: 'children', widget: 'repeat', itemLabel: 'Child', fields: [{ field: 'dateOfBirth' }, { field: 'name' }] },
          ],
        },
        {
          id: 'plan',
          title: 'Plan',
          fields: [
            { field: 'serviceTakingLead' },
            { field: 'outlineStepDownPlan', widget: 'textarea', label: 'Outline the step-down plan' },
            { field: 'factorsIdentified', widget: 'checkboxes' },
            { field: 'provisionalVisitDates', widget: 'repeat', itemLabel: 'Provisional visit date' },
          ],
        },
      ],
    },
    errorMessages: {
      '/reasonForClosure': { required: 'Select the reason for closing the case' },
      '/children/*/dateOfBirth': { format: 'Date of birth must be a real date, like 27 3 2019' },
      '/children/1/name': { required: 'Enter the name of the second child' },
    },
  };
}

/** A complete, valid submission of `assessmentForm()`. */
export function validAnswers(): Record<string, unknown> {
  return {
    dateOfClosure: '2026-03-02',
    reasonForClosure: 'RC8',
    serviceTakingLead: 'Early Help',
    outlineStepDownPlan: 'Family support worker to visit weekly.',
    factorsIdentified: ['1A', '3A'],
    children: [{ name: 'Amira Hassan', dateOfBirth: '2016-05-14' }],
    provisionalVisitDates: ['2026-03-09', '2026-03-16', '2026-03-23'],
    consentRecorded: true,
  };
}
