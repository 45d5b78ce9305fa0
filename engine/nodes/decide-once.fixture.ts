/**
 * A small protocol that decides once: the front door's screening decision chooses what happens
 * next and its team answer is the team the step is passed to (`chosenBy`, `passTo.teamFrom`);
 * the family worker's services (checkboxes) choose every referral they name, on a task that takes
 * several actions at once. Imported by tests only.
 */
import type { WorkflowDefinition } from '../schema/definition.types.ts';

const options = (...pairs: Array<[string, string]>) => pairs.map(([value, title]) => ({ const: value, title }));

export const DECIDED = {
  id: 'decided',
  version: 1,
  name: 'Decided once',
  authority: { id: 'testshire', name: 'Testshire' },
  calendar: { region: 'england-and-wales' },
  roles: [
    { id: 'social_worker', name: 'Social worker' },
    { id: 'front_door', name: 'EH front door manager' },
    { id: 'eh_team_manager', name: 'EH team manager' },
  ],
  teams: [
    { id: 'north', name: 'North Early Help', roles: ['eh_team_manager'] },
    { id: 'south', name: 'South Early Help', roles: ['eh_team_manager'] },
  ],
  outcomes: [{ id: 'done', name: 'Done' }],
  forms: {
    screen: {
      title: 'Screening',
      schema: {
        type: 'object', additionalProperties: false, required: ['decision'],
        properties: {
          decision: { title: 'Screening decision', oneOf: options(['team', 'Suitable for step down'], ['panel', 'Refer to the panel'], ['advice', 'Not suitable: advice']) },
          team: { title: 'Early Help team', oneOf: options(['north', 'North Early Help'], ['south', 'South Early Help']) },
          urgent: { type: 'boolean', title: 'Is it urgent?' },
        },
      },
    },
    services: {
      title: 'Services',
      schema: {
        type: 'object', additionalProperties: false,
        properties: {
          services: { type: 'array', title: 'Services the family needs', uniqueItems: true, items: { oneOf: options(['parenting', 'Parenting'], ['housing', 'Housing'], ['school', 'School']) } },
        },
      },
    },
  },
  nodes: [
    { id: 'start', kind: 'start', name: 'Start', next: 'screen', roles: ['social_worker'] },
    {
      id: 'screen', kind: 'user_task', name: 'Screen the referral', form: 'screen', assignee: { role: 'front_door' },
      nextActions: [
        { id: 'contact', label: 'Contact the team', to: 'services', chosenBy: { field: 'decision', values: ['team'] }, passTo: { teams: ['north', 'south'], teamFrom: 'form.screen.team' } },
        { id: 'panel', label: 'Refer to the panel', to: 'end', chosenBy: { field: 'decision', values: ['panel'] } },
        { id: 'advice', label: 'Send advice', to: 'end', chosenBy: { field: 'decision', values: ['advice'] } },
      ],
    },
    {
      id: 'services', kind: 'user_task', name: 'Refer to services', form: 'services', assignee: { passedTo: true }, multipleActions: true,
      nextActions: [
        { id: 'parenting', label: 'Refer to parenting support', to: 'end', chosenBy: { field: 'services', values: ['parenting'] } },
        { id: 'school', label: 'Refer to the school and housing teams', to: 'end', chosenBy: { field: 'services', values: ['school', 'housing'] } },
      ],
    },
    { id: 'end', kind: 'end', name: 'Done', outcome: 'done' },
  ],
} as unknown as WorkflowDefinition;
