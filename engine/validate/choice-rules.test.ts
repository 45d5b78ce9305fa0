/**
 * "Decide once" lint through `validateDefinition`: next actions chosen by an answer (`chosenBy`)
 * must all be chosen, by one question of the task's own form, with answers it offers, one action
 * per answer on a task that takes one at a time; a question that names the team an action is
 * passed to offers the action's teams under the definition's names. Each case breaks the fixture.
 */
import { describe, expect, it } from 'vitest';
import { DECIDED } from '../nodes/decide-once.fixture.ts';
import type { NextAction, UserTaskNode } from '../schema/definition.types.ts';
import { expectOnly, expectProblems } from './test-kit.ts';
import { validateDefinition } from './validate-definition.ts';

const fresh = () => structuredClone(DECIDED);
const task = (d: typeof DECIDED, id: string) => d.nodes.find((n) => n.id === id) as UserTaskNode;
const action = (d: typeof DECIDED, node: string, id: string) => task(d, node).nextActions.find((a) => a.id === id) as NextAction;
const screen = '/nodes/1';
const services = '/nodes/2';

describe('validateDefinition: next actions chosen by an answer', () => {
  it('Given the fixture, Then it has no problems: several answers may choose the same action, and on a task taking several actions one answer may choose several', () => {
    const d = fresh();
    action(d, 'services', 'school').chosenBy!.values = ['school', 'housing', 'parenting'];
    expect(validateDefinition(d)).toEqual([]);
  });

  it('When one action of the screening is not chosen by the answer, Then chosen_by_partial names it, the step and the question', () => {
    const d = fresh();
    delete action(d, 'screen', 'advice').chosenBy;
    expectOnly(d, 'chosen_by_partial', `${screen}/nextActions/2`, 'Screen the referral', 'Screening decision', 'Send advice');
  });

  it('When one action is chosen by another question, Then chosen_by_fields_differ names both questions', () => {
    const d = fresh();
    action(d, 'screen', 'panel').chosenBy = { field: 'urgent', values: [true] };
    expectOnly(d, 'chosen_by_fields_differ', `${screen}/nextActions/1/chosenBy/field`, 'Refer to the panel', 'Is it urgent?', 'Screening decision');
  });

  it('When the question is not on the form, or the step has no form, Then chosen_by_field_unknown names each action', () => {
    const d = fresh();
    for (const a of task(d, 'screen').nextActions) a.chosenBy!.field = 'decison';
    delete task(d, 'services').form;
    expectProblems(
      d,
      { code: 'chosen_by_field_unknown', path: `${screen}/nextActions/0/chosenBy/field`, mentions: ['Contact the team', 'decison'] },
      { code: 'chosen_by_field_unknown', path: `${screen}/nextActions/1/chosenBy/field`, mentions: ['Refer to the panel', 'decison'] },
      { code: 'chosen_by_field_unknown', path: `${screen}/nextActions/2/chosenBy/field`, mentions: ['Send advice', 'decison'] },
      { code: 'chosen_by_field_unknown', path: `${services}/nextActions/0/chosenBy/field`, mentions: ['Refer to parenting support', 'Refer to services'] },
      { code: 'chosen_by_field_unknown', path: `${services}/nextActions/1/chosenBy/field`, mentions: ['Refer to the school and housing teams', 'Refer to services'] },
    );
  });

  it('When an action is chosen by an answer the question does not offer, Then chosen_by_value_unknown lists the answers it does', () => {
    const d = fresh();
    action(d, 'screen', 'panel').chosenBy!.values = ['panel', 'Panel'];
    action(d, 'services', 'parenting').chosenBy!.values = [true];
    expectProblems(
      d,
      { code: 'chosen_by_value_unknown', path: `${screen}/nextActions/1/chosenBy/values/1`, mentions: ['Panel', 'Screening decision', 'Refer to the panel', 'Refer to the panel'] },
      { code: 'chosen_by_value_unknown', path: `${services}/nextActions/0/chosenBy/values/0`, mentions: ['true', 'Services the family needs', 'Parenting', 'Housing', 'School'] },
    );
  });

  it('When a yes/no question chooses by "yes", Then the answers it offers are Yes and No', () => {
    const d = fresh();
    for (const a of task(d, 'screen').nextActions) a.chosenBy = { field: 'urgent', values: [a.id === 'contact'] };
    action(d, 'screen', 'advice').chosenBy!.values = ['yes'];
    expect(expectOnly(d, 'chosen_by_value_unknown', `${screen}/nextActions/2/chosenBy/values/0`, 'yes', 'Is it urgent?')).toContain('"Yes", "No"');
  });

  it('When one answer chooses two actions of a task that takes one at a time, Then chosen_by_overlap names both', () => {
    const d = fresh();
    action(d, 'screen', 'advice').chosenBy!.values = ['advice', 'panel'];
    expectOnly(d, 'chosen_by_overlap', `${screen}/nextActions/2/chosenBy/values/1`, 'Refer to the panel', 'Screening decision', 'Send advice', 'Screen the referral');
  });
});

describe('validateDefinition: one list of teams, with the definition’s names', () => {
  it('When the team question calls a team by another name than the definition’s teams, Then team_option_names_differ names both', () => {
    const d = fresh();
    d.teams[0]!.name = 'Northern Early Help team';
    expectOnly(d, 'team_option_names_differ', `${screen}/nextActions/0/passTo/teamFrom`, 'Early Help team', 'North Early Help', 'Northern Early Help team', 'Contact the team');
  });

  it('When the team question offers a team the action cannot be passed to, Then team_option_names_differ says to add it or take it out', () => {
    const d = fresh();
    action(d, 'screen', 'contact').passTo!.teams = ['north'];
    const message = expectOnly(d, 'team_option_names_differ', `${screen}/nextActions/0/passTo/teamFrom`, 'Early Help team', 'South Early Help', 'Contact the team', 'Screen the referral');
    expect(message).toContain('add it to the action');
  });

  it('When the team question also offers an answer that is not a team ("Other"), Then that is the form’s business, not this rule’s', () => {
    const d = fresh();
    const team = (d.forms['screen']!.schema as { properties: { team: { oneOf: unknown[] } } }).properties.team;
    team.oneOf.push({ const: 'other', title: 'Other' });
    expect(validateDefinition(d)).toEqual([]);
  });
});
