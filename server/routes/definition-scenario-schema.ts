/**
 * The JSON Schema of an engine `Scenario` (engine/scenario/scenario.ts), for the simulate
 * endpoint's request body. Each step does exactly one thing — start, complete, reassign,
 * withdraw, subflowEnded, or `until` (let the clock run) — and every step but `until` says when.
 *
 * "Exactly one of" is written as `oneOf` with one branch per kind, each branch saying "this key
 * is present and the others are not" through `not`/`false` rather than `required`: a failed
 * `required` branch would report every other kind as a missing field, while this way a step
 * with no kind, or two, gets one error on the step itself.
 */
import { subjectSchema } from './subject-schema.ts';

const KINDS = ['start', 'complete', 'reassign', 'withdraw', 'subflowEnded', 'until'] as const;

const MAX_TEXT = 2000;
const text = (title: string, maxLength = MAX_TEXT) => ({ type: 'string', title, minLength: 1, maxLength });
const idText = (title: string) => text(title, 200);
const instant = (title: string) => ({ type: 'string', title, format: 'date-time', maxLength: 40 });
/** Form answers: their shape is the definition's form's business, checked by the engine. */
const answers = { type: 'object', title: 'Answers', maxProperties: 500 };

const passTo = {
  type: 'object',
  title: 'Pass to',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: { worker: idText('Worker'), team: idText('Team') },
};

const chosenAction = {
  type: 'object',
  title: 'Next action',
  additionalProperties: false,
  required: ['action'],
  properties: {
    action: idText('Action'),
    passTo,
    priority: { type: 'string', title: 'Priority', enum: ['urgent', 'normal', 'low'] },
    scheduledFor: { type: 'string', title: 'Scheduled date', format: 'date' },
    note: text('Note'),
  },
};

const subject = subjectSchema(text('Family name', 200), {
  required: ['name'],
  properties: { name: text('Name', 200), dateOfBirth: { type: 'string', title: 'Date of birth', format: 'date' }, personId: idText('Person ID') },
});

const object = (title: string, required: string[], properties: Record<string, unknown>) => ({ type: 'object', title, additionalProperties: false, required, properties });

const stepKinds = {
  start: object('Start', ['entry', 'subject', 'by'], { entry: idText('Entry'), subject, data: answers, by: idText('By') }),
  complete: object('Complete', ['task', 'by', 'actions'], {
    task: idText('Task'),
    by: idText('By'),
    data: answers,
    actions: { type: 'array', title: 'Next actions', maxItems: 20, items: chosenAction },
  }),
  reassign: object('Reassign', ['task', 'by', 'to'], { task: idText('Task'), by: idText('By'), to: passTo, reason: text('Reason') }),
  withdraw: object('Withdraw', ['by', 'reason'], { by: idText('By'), reason: text('Reason') }),
  subflowEnded: object('Sub-flow ended', ['child', 'outcome'], { child: idText('Child case'), outcome: idText('Outcome') }),
  until: instant('Run the clock until'),
};

const others = (kind: string) => Object.fromEntries(KINDS.filter((k) => k !== kind).map((k) => [k, false]));

const step = {
  type: 'object',
  title: 'Step',
  additionalProperties: false,
  properties: { at: instant('When'), expectRefusal: idText('Expected refusal'), ...stepKinds },
  oneOf: KINDS.map((kind) => ({ title: kind, not: { properties: { [kind]: false } }, properties: others(kind) })),
  // An event happens at a moment; `until` is itself the moment the clock runs to.
  dependentRequired: Object.fromEntries(KINDS.filter((k) => k !== 'until').map((k) => [k, ['at']])),
  dependentSchemas: { until: { properties: { at: false, expectRefusal: false } } },
};

export const MAX_SCENARIO_STEPS = 500;

export const scenarioSchema = {
  type: 'object',
  title: 'Scenario',
  additionalProperties: false,
  required: ['users', 'steps'],
  properties: {
    // Where editors find this schema (engine/scenario/scenario.schema.json); not read by the engine.
    $schema: { type: 'string', title: 'Schema', maxLength: 500 },
    name: text('Name', 200),
    description: text('Description'),
    definition: idText('Definition'),
    caseId: idText('Case ID'),
    users: {
      type: 'object',
      title: 'People',
      maxProperties: 100,
      propertyNames: { maxLength: 200 },
      additionalProperties: object('Person', ['roles'], {
        name: text('Name', 200),
        roles: { type: 'array', title: 'Roles', maxItems: 50, items: idText('Role') },
        teams: { type: 'array', title: 'Teams', maxItems: 50, items: idText('Team') },
      }),
    },
    steps: { type: 'array', title: 'Steps', minItems: 1, maxItems: MAX_SCENARIO_STEPS, items: step },
  },
};

/** Messages for the errors the schema's structure would otherwise word vaguely. */
export const scenarioMessages = (prefix: string): Record<string, Record<string, string>> => {
  const oneKind = `Give each step exactly one of ${KINDS.join(', ')}`;
  const passToOne = 'Pass it to a worker or a team: one of the two';
  const notWithUntil = 'A step that runs the clock "until" a moment has no "at" or "expectRefusal" of its own';
  return {
    [`${prefix}/steps/*`]: { oneOf: oneKind, not: oneKind },
    ...Object.fromEntries(KINDS.map((k) => [`${prefix}/steps/*/${k}`, { 'false schema': oneKind }])),
    [`${prefix}/steps/*/at`]: { required: 'Enter when the step happens', 'false schema': notWithUntil },
    [`${prefix}/steps/*/expectRefusal`]: { 'false schema': notWithUntil },
    [`${prefix}/steps/*/complete/actions/*/passTo`]: { minProperties: passToOne, maxProperties: passToOne },
    [`${prefix}/steps/*/reassign/to`]: { minProperties: passToOne, maxProperties: passToOne },
  };
};
