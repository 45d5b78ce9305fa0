import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/index.ts';
import type { Form, WorkflowDefinition } from '../schema/definition.types.ts';
import { exampleAnswers, visibleOnly } from './example-answers.ts';
import { validateFormData } from './validate-form.ts';

const dir = new URL('../../definitions/', import.meta.url);
const definitions = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as WorkflowDefinition);
const children = [
  { name: 'Ada Okafor', dateOfBirth: '2015-04-02', personId: '2075012' },
  { name: 'Ben Okafor', dateOfBirth: '2018-09-30' },
];

/**
 * A case on `definition` that went through every other step a fortnight before `today`: each
 * step's answers are its own example answers of that day, so the checks that compare with an
 * earlier step ("not before the referral") have something to compare with.
 */
function caseBefore(definition: WorkflowDefinition, today: string, choice: number) {
  const calendar = WorkingCalendar.for(definition.calendar);
  const earlier = calendar.addWorkingDays(today, -10);
  const at = `${earlier}T10:00:00.000Z`;
  const withForms = definition.nodes.filter((n) => (n.kind === 'user_task' || n.kind === 'start') && n.form);
  const form = Object.fromEntries(withForms.map((n) => [n.id, exampleAnswers(definition.forms[(n as { form: string }).form]!, { children, today: earlier, calendar })]));
  const done = Object.fromEntries(definition.nodes.map((n) => [n.id, at]));
  const entry = definition.nodes.find((n) => n.kind === 'start')!.id;
  // Each earlier step chose its `choice`th next action (or its last): checks read what was chosen.
  const action = Object.fromEntries(definition.nodes.flatMap((n) => (n.kind === 'user_task' && n.nextActions.length > 0 ? [[n.id, n.nextActions[Math.min(choice, n.nextActions.length - 1)]!.id]] : [])));
  const caseData = {
    case: { id: 'example-1', entry, startedAt: at, familyName: 'Okafor', children, childCount: children.length },
    form, done, entered: done, action, passedTo: {}, now: `${today}T11:00:00.000Z`, today,
  };
  return { calendar, caseData, withForms };
}

describe('example answers (the what-if runs start from them)', () => {
  for (const definition of definitions) {
    it(`Given every form of ${definition.id}, When answered with its example answers on a case, Then the schema and the form's own checks accept them`, () => {
      const today = '2026-12-14';
      // A form whose checks read what earlier steps chose is tried on the routes where they chose their first, second or third next action.
      const routes = [0, 1, 2].map((choice) => caseBefore(definition, today, choice));
      const refused = routes[0]!.withForms.flatMap((node) => {
        const form = definition.forms[(node as { form: string }).form]!;
        const tries = routes.map(({ calendar, caseData }) => {
          const context = { children, today, calendar, caseData: { ...caseData, node: node.id } };
          return validateFormData(form, exampleAnswers(form, context), context);
        });
        return tries.some((errors) => errors.length === 0) ? [] : tries[0]!.map((e) => `${node.id}${e.pointer}: ${e.message}`);
      });
      expect(refused).toEqual([]);
    });
  }

  const form: Form = {
    title: 'Visit',
    schema: {
      type: 'object',
      required: ['visitDate', 'reason', 'children'],
      properties: {
        visitDate: { type: 'string', format: 'date', title: 'Date of the visit' },
        reason: { enum: ['planned', 'other'] },
        otherReason: { type: 'string', minLength: 1 },
        children: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, seen: { type: 'boolean' } } } },
      },
      if: { properties: { reason: { const: 'other' } } },
      then: { required: ['otherReason'] },
    },
    layout: {
      sections: [
        {
          fields: [
            { field: 'visitDate' },
            { field: 'reason', widget: 'radios' },
            { field: 'otherReason', revealedBy: { field: 'reason', values: ['other'] } },
            { field: 'children', widget: 'repeat', eachChild: { nameField: 'name' }, fields: [{ field: 'name' }, { field: 'seen' }] },
          ],
        },
      ],
    },
    // The visit was on a working day, the day before today at the latest, and for another reason than planned.
    checks: [
      { field: '/visitDate', rule: { and: [{ is_working_day: [{ var: 'answers.visitDate' }] }, { '<': [{ var: 'answers.visitDate' }, { var: 'today' }] }] }, message: 'The visit must be on a working day before today' },
      { field: '/reason', rule: { '==': [{ var: 'answers.reason' }, 'other'] }, message: 'Only unplanned visits are recorded here' },
    ],
  } as unknown as Form;

  it('Given checks the first answers break, When example answers are made, Then other answers are found that pass, hidden questions are left out and each child has an item', () => {
    const calendar = WorkingCalendar.for({ timeZone: 'Europe/London' });
    // Monday 4 January 2027: the working day before it is Thursday 31 December (New Year's Day is a bank holiday).
    const context = { children, today: '2027-01-04', calendar, caseData: { today: '2027-01-04' } };
    const answers = exampleAnswers(form, context);
    expect(validateFormData(form, answers, context)).toEqual([]);
    expect(answers).toMatchObject({ visitDate: '2026-12-31', reason: 'other', otherReason: expect.any(String) });
    expect((answers['children'] as Array<{ name: string }>).map((c) => c.name)).toEqual(['Ada Okafor', 'Ben Okafor']);
  });

  it('leaves out the answers to questions not revealed, as the form renderer does when it sends a form', () => {
    const layouts = form.layout!.sections[0]!.fields;
    expect(visibleOnly(layouts, { reason: 'planned', otherReason: 'x' })).toEqual({ reason: 'planned' });
    expect(visibleOnly(layouts, { reason: 'other', otherReason: 'x' })).toEqual({ reason: 'other', otherReason: 'x' });
  });
});
