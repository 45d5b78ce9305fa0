/**
 * Lint for the constructs that hold people to a protocol: every role, step, action, team path and
 * form check they name must exist and make sense, and each problem says what to do about it.
 */
import { describe, expect, it } from 'vitest';
import { ENFORCED } from '../runtime/enforcement.fixture.ts';
import type { Form, NextAction, UserTaskNode } from '../schema/definition.types.ts';
import { expectOnly, expectProblems, loose } from './test-kit.ts';
import { validateDefinition } from './validate-definition.ts';

const fresh = () => structuredClone(ENFORCED);
const task = (d: typeof ENFORCED, id: string) => d.nodes.find((n) => n.id === id) as UserTaskNode;
const at = (id: string) => `/nodes/${ENFORCED.nodes.findIndex((n) => n.id === id)}`;
const action = (d: typeof ENFORCED, node: string, id: string) => task(d, node).nextActions.find((a) => a.id === id) as NextAction;
const referral = (d: typeof ENFORCED) => d.forms['referral'] as Form;

describe('validateDefinition: who may act and what goes together', () => {
  it('Given the fixture, Then it has no problems', () => {
    expect(validateDefinition(ENFORCED)).toEqual([]);
  });

  it('When a step is given to a role, signed by a role, or passed to workers of a role that does not exist, Then each is named', () => {
    const d = fresh();
    task(d, 'visit').roles = ['family_worker'];
    task(d, 'joint_review').signatures = { roles: ['eh_ops_manager', 'mash_manager'] };
    action(d, 'allocate', 'allocate').passTo!.roles = ['worker'];
    expectProblems(
      d,
      { code: 'unknown_role', path: `${at('allocate')}/nextActions/0/passTo/roles/0`, mentions: ['worker'] },
      { code: 'unknown_role', path: `${at('visit')}/roles/0`, mentions: ['family_worker'] },
      { code: 'unknown_role', path: `${at('joint_review')}/signatures/roles/1`, mentions: ['mash_manager'] },
    );
  });

  it('When maker and checker names a step that is missing, not a task, or itself, Then each is named', () => {
    const d = fresh();
    task(d, 'signoff').separateFrom = ['referal', 'closed', 'signoff'];
    expectProblems(
      d,
      { code: 'unknown_node', path: `${at('signoff')}/separateFrom/0`, mentions: ['referal'] },
      { code: 'separate_from_not_a_task', path: `${at('signoff')}/separateFrom/1`, mentions: ['Closed to social care'] },
      { code: 'separate_from_itself', path: `${at('signoff')}/separateFrom/2`, mentions: ['Sign off the step down'] },
    );
  });

  it('When actions must go together on a task that takes one action at a time, Then the admin is told to allow several', () => {
    const d = fresh();
    delete task(d, 'signoff').multipleActions;
    const message = expectOnly(d, 'requires_multiple_actions', `${at('signoff')}/nextActions/1/requires/0`, 'step_down');
    expect(message).toContain('allow several next actions');
  });

  it('When an action requires one that does not exist, Then the problem lists the actions there are', () => {
    const d = fresh();
    action(d, 'signoff', 'close_csc').requires = ['stepdown'];
    expect(expectOnly(d, 'unknown_action', `${at('signoff')}/nextActions/1/requires/0`, 'stepdown')).toContain('"step_down"');
  });

  it('When the recorded team is read from a step that comes later, or workers are limited but cannot be named, Then each is named', () => {
    const d = fresh();
    action(d, 'signoff', 'step_down').passTo!.teamFrom = 'form.visit.team';
    action(d, 'allocate', 'allocate').passTo!.workers = false;
    expectProblems(
      d,
      { code: 'pass_to_roles_without_workers', path: `${at('allocate')}/nextActions/0/passTo/roles` },
      { code: 'team_from_unknown', path: `${at('signoff')}/nextActions/0/passTo/teamFrom`, mentions: ['form.visit.team'] },
    );
  });

  it('When a task guard reads the actions chosen with it, Then that is allowed; a start guard reading them is not', () => {
    const d = fresh();
    task(d, 'signoff').guards = [{ rule: { in: ['step_down', { var: 'chosen' }] }, message: 'Step down too.' }];
    expect(validateDefinition(d)).toEqual([]);
    loose(d.nodes[0]!)['guards'] = [{ rule: { '!!': [{ var: 'chosen' }] }, message: 'No.' }];
    expectOnly(d, 'condition_reads_unknown_field', '/nodes/0/guards/0/rule', 'chosen');
  });
});

describe('validateDefinition: form checks and one item per child', () => {
  it('When a check reads an answer the form does not have, or item outside a list, Then it is named', () => {
    const d = fresh();
    referral(d).checks = [
      { field: '/plan', rule: { '!!': [{ var: 'answers.plann' }] }, message: 'Enter the plan' },
      { field: '/plan', rule: { '!!': [{ var: 'item' }] }, message: 'Enter the plan' },
    ];
    expectProblems(
      d,
      { code: 'condition_reads_unknown_field', path: '/forms/referral/checks/0/rule', mentions: ['answers.plann'] },
      { code: 'condition_reads_unknown_field', path: '/forms/referral/checks/1/rule', mentions: ['item'] },
    );
  });

  it('When a check is about a list or a question that is not on the form, or uses a refused operator, Then it is named', () => {
    const d = fresh();
    referral(d).checks = [
      { each: '/plan', rule: true, message: 'x' },
      { field: '/visitDate', rule: true, message: 'x' },
      { field: '/plan', rule: { method: ['x', 'y'] }, message: 'x' },
    ];
    expectProblems(
      d,
      { code: 'check_each_unknown', path: '/forms/referral/checks/0/each', mentions: ['/plan'] },
      { code: 'check_field_unknown', path: '/forms/referral/checks/1/field', mentions: ['/visitDate'] },
      { code: 'logic_operator_not_allowed', path: '/forms/referral/checks/2/rule/method' },
    );
  });

  it('When "one for each child" is set on a plain question, or names a field the item lacks, Then it is named', () => {
    const d = fresh();
    const fields = referral(d).layout!.sections[0]!.fields;
    fields[0]!.eachChild = { nameField: 'childName' };
    fields[1]!.eachChild = { nameField: 'name' };
    expectProblems(
      d,
      { code: 'each_child_name_unknown', path: '/forms/referral/layout/sections/0/fields/0/eachChild/nameField', mentions: ['children', 'childName'] },
      { code: 'each_child_not_a_repeat', path: '/forms/referral/layout/sections/0/fields/1/eachChild', mentions: ['plan'] },
    );
  });
});
