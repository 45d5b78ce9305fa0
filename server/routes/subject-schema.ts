/**
 * The family a case is about (the engine's `Subject`) as a JSON Schema: a family name and up to
 * 30 children, nothing more. Starting a case (cases.ts) and a scenario's `start` step
 * (definition-scenario-schema.ts) share this shape; each gives its own family name and child
 * fields, since starting a case leaves names and dates to the engine while a scenario is checked
 * whole before any step runs.
 */
export const subjectSchema = (familyName: object, child: { required?: string[]; properties: Record<string, unknown> }) => ({
  type: 'object',
  title: 'Family',
  additionalProperties: false,
  required: ['familyName', 'children'],
  properties: {
    familyName,
    children: {
      type: 'array',
      title: 'Children',
      maxItems: 30,
      items: { type: 'object', title: 'Child', additionalProperties: false, ...child },
    },
  },
});
