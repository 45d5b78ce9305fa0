import { describe, expect, it } from 'vitest';
import type { NextActionView, TaskForm } from '../../lib/api-types.ts';
import { buildFormModel } from '../../lib/forms/model.ts';
import { actionsChosenBy, answeredTeam, choosingQuestion, decidedActions, question } from './chosen-by.ts';
import { chosenActions, initialActions } from './next-actions.ts';

const action = (id: string, extra: Partial<NextActionView> = {}): NextActionView => ({
  id, label: `Label ${id}`, to: { id: `${id}_node`, name: `Node ${id}`, kind: 'user_task' }, irreversible: null, chosenBy: null, passTo: null, requires: [], scheduledDate: null, defaultPriority: null, guards: [], available: true, ...extra,
});
const teams = [{ id: 'kte', name: 'IEYS Kentish Town East duty' }, { id: 'ktw', name: 'IEYS Kentish Town West duty' }];

/** Camden's front door screening, decided once: the screening decision chooses the action, the team answered is where it goes. */
const screening = {
  actions: [
    action('contact_team', { chosenBy: { field: 'outcome', values: ['team'] }, passTo: { required: true, teams, workers: false, workerRoles: null, teamFromAnswer: 'ehTeam' } }),
    action('refer_to_panel', { chosenBy: { field: 'outcome', values: ['panel'] } }),
    action('send_advice', { chosenBy: { field: 'outcome', values: ['advice', 'signpost'] } }),
  ],
  multipleActions: false,
  signing: null,
} as unknown as TaskForm;

const form = {
  title: 'Screening',
  schema: {
    type: 'object',
    properties: {
      outcome: { title: 'Screening decision', oneOf: [{ const: 'team', title: 'Suitable' }, { const: 'panel', title: 'Panel' }, { const: 'advice', title: 'Advice' }] },
      ehTeam: { title: 'Most appropriate Early Help team', oneOf: [{ const: 'kte', title: 'Kentish Town East' }, { const: 'other', title: 'Somewhere else' }] },
    },
  },
} as const;

describe('next actions decided by an answer', () => {
  it('Given actions chosen by an answer, Then the question is known, and no answer chooses nothing', () => {
    expect(choosingQuestion(screening)).toBe('outcome');
    expect(choosingQuestion({ actions: [action('a'), action('b')] })).toBeNull();
    expect(actionsChosenBy(screening.actions, undefined)).toEqual([]);
    expect(actionsChosenBy(screening.actions, '')).toEqual([]);
    expect(actionsChosenBy(screening.actions, 'unknown')).toEqual([]);
  });

  it('When the answer is given, Then the action whose values hold it is chosen; an array answer chooses every action any of whose values it holds', () => {
    expect(actionsChosenBy(screening.actions, 'team')).toEqual(['contact_team']);
    expect(actionsChosenBy(screening.actions, 'signpost')).toEqual(['send_advice']);
    expect(actionsChosenBy(screening.actions, ['signpost', 'panel'])).toEqual(['refer_to_panel', 'send_advice']);
  });

  it('When the answers change, Then the actions sent follow them, the team named by an answer included, with the details the person gave', () => {
    const value = initialActions(screening);
    value.details['contact_team'] = { ...value.details['contact_team']!, priority: 'urgent', note: ' Known to KTE ' };
    const decided = decidedActions(screening, { outcome: 'team', ehTeam: 'kte' }, value);
    expect(decided.chosen).toEqual(['contact_team']);
    expect(chosenActions(screening, decided)).toEqual([{ action: 'contact_team', passTo: { team: 'kte' }, priority: 'urgent', note: 'Known to KTE' }]);
    expect(decidedActions(screening, { outcome: 'team' }, value).details['contact_team']!.passTo).toBe('');
    expect(chosenActions(screening, decidedActions(screening, { outcome: 'panel', ehTeam: 'kte' }, value))).toEqual([{ action: 'refer_to_panel', priority: 'normal' }]);
    // Whatever was chosen before is not what is sent: the answer decides.
    expect(decidedActions(screening, {}, { ...value, chosen: ['send_advice'] }).chosen).toEqual([]);
  });

  it('Given actions the person chooses, Then what they chose is sent as chosen', () => {
    const radios = { actions: [action('a'), action('b')] } as unknown as TaskForm;
    const value = { ...initialActions(radios), chosen: ['b'] };
    expect(decidedActions(radios, { outcome: 'team' }, value)).toEqual(value);
  });

  it('The team an answer names goes by the name the action lists it under, else the answer’s words; the question by its label and control', () => {
    const model = buildFormModel(form);
    const contact = screening.actions[0]!;
    expect(answeredTeam(contact, model, { ehTeam: 'kte' })).toBe('IEYS Kentish Town East duty');
    expect(answeredTeam(contact, model, { ehTeam: 'other' })).toBe('Somewhere else');
    expect(answeredTeam(contact, model, {})).toBeNull();
    expect(question(model, 'outcome')).toMatchObject({ label: 'Screening decision', id: 'f-outcome' });
    expect(question(model, 'nothing')).toBeNull();
  });
});
