/**
 * A small step-down protocol that uses every "who may act" and "what goes together" construct:
 * a referral with one item per child and provisional visit dates checked against the calendar,
 * a front door that records the team, a manager's sign-off kept apart from the referral's maker,
 * with "close to social care" tied to "step down to Early Help" and passed only to the recorded
 * team, allocation to a family worker only, and a dispute reviewed jointly by two managers.
 * Imported by tests only.
 */
import type { WorkflowDefinition } from '../schema/definition.types.ts';

const text = (title: string) => ({ type: 'string', title, maxLength: 500 });

export const ENFORCED = {
  id: 'enforced',
  version: 1,
  name: 'Enforced step down',
  authority: { id: 'testshire', name: 'Testshire' },
  calendar: { region: 'england-and-wales', closureDays: [{ date: '2026-12-24', name: 'Council closure day' }] },
  roles: [
    { id: 'social_worker', name: 'Social worker' },
    { id: 'sw_team_manager', name: 'Social work team manager' },
    { id: 'front_door', name: 'EH front door manager' },
    { id: 'eh_team_manager', name: 'EH team manager' },
    { id: 'eh_family_worker', name: 'EH family worker', manager: 'eh_team_manager' },
    { id: 'eh_ops_manager', name: 'Early Help operational manager' },
    { id: 'mash_ops_manager', name: 'MASH operational manager' },
  ],
  teams: [
    { id: 'north', name: 'North Early Help', roles: ['eh_team_manager'] },
    { id: 'south', name: 'South Early Help', roles: ['eh_team_manager'] },
  ],
  outcomes: [{ id: 'stepped_down', name: 'Stepped down' }, { id: 'resolved', name: 'Dispute resolved' }],
  forms: {
    referral: {
      title: 'Step down referral',
      schema: {
        type: 'object', additionalProperties: false, required: ['children', 'plan', 'visitDates'],
        properties: {
          children: { type: 'array', title: 'Children', items: { type: 'object', additionalProperties: false, required: ['name', 'school'], properties: { name: text('Name'), school: text('School attended'), dateOfBirth: { type: 'string', format: 'date', title: 'Date of birth' } } } },
          plan: text('Outline step down plan'),
          visitDates: { type: 'array', title: 'Provisional joint visit dates', minItems: 3, uniqueItems: true, items: { type: 'string', format: 'date', title: 'Date' } },
        },
      },
      layout: { sections: [{ id: 'main', title: 'Referral', fields: [
        { field: 'children', widget: 'repeat', itemLabel: 'Child', eachChild: { nameField: 'name' }, fields: [{ field: 'name' }, { field: 'school' }, { field: 'dateOfBirth' }] },
        { field: 'plan', widget: 'textarea' },
        { field: 'visitDates' },
      ] }] },
      checks: [{
        each: '/visitDates',
        rule: { and: [{ '>=': [{ var: 'item' }, { var: 'today' }] }, { '<=': [{ working_days_between: [{ var: 'today' }, { var: 'item' }] }, 10] }] },
        message: 'Each visit date must be from today and within the 10 working day step-down timescale',
      }],
    },
    screen: {
      title: 'Screening',
      schema: { type: 'object', additionalProperties: false, required: ['team'], properties: { team: { title: 'Early Help team', oneOf: [{ const: 'north', title: 'North Early Help' }, { const: 'south', title: 'South Early Help' }] } } },
    },
    review: {
      title: 'Joint review',
      schema: { type: 'object', additionalProperties: false, required: ['decision'], properties: { decision: text('Decision and rationale') } },
    },
  },
  nodes: [
    { id: 'start', kind: 'start', name: 'Start', next: 'referral', roles: ['social_worker'] },
    { id: 'referral', kind: 'user_task', name: 'Send the referral', form: 'referral', assignee: { role: 'social_worker' }, nextActions: [{ id: 'send', label: 'Send', to: 'screen' }] },
    {
      id: 'screen', kind: 'user_task', name: 'Screen the referral', form: 'screen', assignee: { role: 'front_door' },
      nextActions: [{ id: 'confirm', label: 'Confirm the team', to: 'signoff' }, { id: 'dispute', label: 'Refer the dispute', to: 'joint_review' }],
    },
    {
      id: 'signoff', kind: 'user_task', name: 'Sign off the step down', assignee: { role: 'sw_team_manager' }, separateFrom: ['referral'], multipleActions: true,
      nextActions: [
        { id: 'step_down', label: 'Step down to Early Help (EH)', to: 'allocate', passTo: { teams: ['north', 'south'], teamFrom: 'form.screen.team' } },
        { id: 'close_csc', label: 'Progress to early help - CSC case closure', to: 'closed', requires: ['step_down'] },
      ],
    },
    {
      id: 'allocate', kind: 'user_task', name: 'Allocate a family worker', assignee: { passedTo: true },
      nextActions: [{ id: 'allocate', label: 'Allocate', to: 'visit', passTo: { workers: true, roles: ['eh_family_worker'] } }],
    },
    { id: 'visit', kind: 'user_task', name: 'Joint visit', assignee: { passedTo: true }, roles: ['eh_family_worker'], nextActions: [{ id: 'done', label: 'Visited', to: 'eh_end' }] },
    { id: 'closed', kind: 'end', name: 'Closed to social care', outcome: 'stepped_down', closureReason: 'RC9' },
    { id: 'eh_end', kind: 'end', name: 'Early Help under way', outcome: 'stepped_down' },
    {
      id: 'joint_review', kind: 'user_task', name: 'Joint review of the dispute', form: 'review', assignee: { role: 'eh_ops_manager' },
      signatures: { roles: ['eh_ops_manager', 'mash_ops_manager'] },
      nextActions: [{ id: 'early_help', label: 'Early Help is right', to: 'resolved' }, { id: 'mash', label: 'MASH is right', to: 'resolved' }],
    },
    { id: 'resolved', kind: 'end', name: 'Dispute resolved', outcome: 'resolved' },
  ],
} as unknown as WorkflowDefinition;
