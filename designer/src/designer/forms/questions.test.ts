import { describe, expect, it } from 'vitest';
import { checkForm, validateFormData } from '../../../../engine/forms/index.ts';
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { setChildUpdate, setEachChild } from '../form-checks.ts';
import { addField, findLayout, isRequired, newForm, optionsOf, renameField, setErrorMessage, setLabel, setOptions, setRequired, setReveal, typeOfField } from '../forms.ts';
import { errorStates } from './error-states.ts';
import { followsLabel, formNames, isReferenced } from './names.ts';
import { inRepeat, itemView } from './repeat.ts';
import { changeType, typeChangeLosses } from './types.ts';
import { shownWhen } from './wording.ts';
import { fieldEdits, type EditDeps } from './field-edits.ts';

/** A definition with one form filled at "screen", edited as the form page edits it. */
function page() {
  let definition = {
    id: 'd', name: 'D', forms: { screen: newForm('Screening') },
    nodes: [{ id: 'screen', kind: 'user_task', name: 'Screen', form: 'screen', assignee: { role: 'sw' }, nextActions: [] }],
  } as unknown as WorkflowDefinition;
  let selected: string | null = null;
  const locked = new Set<string>();
  const deps: EditDeps = {
    definition: () => definition,
    form: () => definition.forms!['screen']!,
    formId: 'screen',
    locked: (k) => locked.has(k),
    change: (recipe) => {
      const copy = structuredClone(definition.forms!['screen']!);
      recipe(copy);
      definition = { ...definition, forms: { screen: copy } };
    },
    select: (k) => (selected = k),
  };
  return { deps, locked, get form() { return definition.forms!['screen']!; }, get selected() { return selected; }, set definition(d: WorkflowDefinition) { definition = d; }, get definition() { return definition; } };
}

describe('data names from the question’s text', () => {
  it('Given a new question, When its text is typed, Then its name is the camelCase of the text, unique in the form, and follows it until edited', () => {
    const p = page();
    p.deps.change((f) => void addField(f, 'text'));
    expect(Object.keys(p.form.schema['properties'] as object)).toEqual(['newQuestion']);
    fieldEdits(p.deps, 'newQuestion').label('Date of the home visit?');
    expect(p.selected).toBe('dateOfTheHomeVisit');
    p.deps.change((f) => void addField(f, 'text'));
    fieldEdits(p.deps, 'newQuestion').label('Date of the home visit');
    expect(p.selected).toBe('dateOfTheHomeVisit2');
    fieldEdits(p.deps, 'dateOfTheHomeVisit').rename('visitDate');
    fieldEdits(p.deps, 'visitDate').label('When was the visit');
    expect(Object.keys(p.form.schema['properties'] as object)).toEqual(['visitDate', 'dateOfTheHomeVisit2']);
  });

  it('Given a published question, or one a rule reads, Then relabelling does not rename it and a locked one cannot be renamed', () => {
    const p = page();
    p.deps.change((f) => void addField(f, 'text'));
    p.locked.add('newQuestion');
    fieldEdits(p.deps, 'newQuestion').label('Reason');
    fieldEdits(p.deps, 'newQuestion').rename('reason');
    expect(Object.keys(p.form.schema['properties'] as object)).toEqual(['newQuestion']);
    p.deps.change((f) => void addField(f, 'text'));
    const rule = { kind: 'decision', id: 'x', name: 'X', branches: [{ when: { var: 'form.screen.newQuestion2' }, to: 'screen' }], default: 'screen' };
    p.definition = { ...p.definition, nodes: [...p.definition.nodes, rule] } as unknown as WorkflowDefinition;
    expect(isReferenced(p.definition, 'screen', 'newQuestion2')).toBe(true);
    expect(isReferenced(p.definition, 'screen', 'newQuestion')).toBe(false);
    expect(followsLabel(p.form, 'newQuestion2', false, true)).toBe(false);
    expect(formNames(p.form)).toEqual(new Set(['newQuestion', 'newQuestion2']));
  });
});

describe('changing a question’s type', () => {
  it('Given radios with a revealed question, When changed to checkboxes, Then answers, text and required carry over and the reveal is rewritten for a list', () => {
    const form = newForm('F');
    const route = addField(form, 'radios');
    setLabel(form, route, 'Screening decision');
    setOptions(form, route, [{ value: 'team', label: 'Allocate to a team' }, { value: 'nfa', label: 'No further action' }]);
    setRequired(form, route, true);
    setErrorMessage(form, route, 'required', 'Select the screening decision');
    const why = addField(form, 'text');
    setReveal(form, why, { field: route, values: ['team'] });
    setRequired(form, why, true);
    expect(shownWhen(form, findLayout(form, why)!.layout.revealedBy!)).toBe('shown when Screening decision is ‘Allocate to a team’');
    expect(typeChangeLosses(form, route, 'checkboxes')).toEqual([]);
    changeType(form, route, 'checkboxes');
    expect(typeOfField(form, route)).toBe('checkboxes');
    expect(optionsOf(form, route).map((o) => o.label)).toEqual(['Allocate to a team', 'No further action']);
    expect(isRequired(form, route)).toBe(true);
    expect(checkForm(form, '/forms/f')).toEqual([]);
    expect(validateFormData(form, { [route]: ['team'] }).map((e) => e.pointer)).toEqual([`/${why}`]);
    expect(shownWhen(form, findLayout(form, why)!.layout.revealedBy!)).toBe('shown when Screening decision includes ‘Allocate to a team’');
    const losses = typeChangeLosses(form, route, 'date');
    expect(losses.join('; ')).toMatch(/Allocate to a team.*“New question” being shown only under its answers/);
    changeType(form, route, 'date');
    expect(findLayout(form, why)!.layout.revealedBy).toBeUndefined();
    expect(form.errorMessages).toEqual({ [`/${route}`]: { required: 'Select the screening decision' } });
    expect(checkForm(form, '/forms/f')).toEqual([]);
  });
});

describe('questions inside a repeat', () => {
  it('Given a repeat, When questions are added, labelled, required and worded inside it, Then the item schema, layout and messages hold them', () => {
    const form = newForm('F');
    const children = addField(form, 'repeat');
    let dob = '';
    inRepeat(form, children, (item) => {
      dob = addField(item, 'date');
      setLabel(item, dob, 'Date of birth');
      setRequired(item, dob, true);
      setErrorMessage(item, dob, 'required', 'Enter the child’s date of birth');
    });
    expect(findLayout(form, children)!.layout.fields!.map((f) => f.field)).toEqual(['name', dob]);
    expect(form.errorMessages).toEqual({ [`/${children}/*/${dob}`]: { required: 'Enter the child’s date of birth' } });
    expect(itemView(form, children)!.errorMessages).toEqual({ [`/${dob}`]: { required: 'Enter the child’s date of birth' } });
    expect(checkForm(form, '/forms/f')).toEqual([]);
    expect(validateFormData(form, { [children]: [{ name: 'Ben' }] })).toEqual([{ pointer: `/${children}/0/${dob}`, keyword: 'required', message: 'Enter Ben’s date of birth' }]);
  });
});

describe('one item for each child', () => {
  it('Given a repeat for each child, When its questions correct the child’s facts and its name question is renamed, Then eachChild follows', () => {
    const form = newForm('F');
    const children = addField(form, 'repeat');
    setEachChild(form, children, 'name');
    setChildUpdate(form, children, 'name', 'name');
    inRepeat(form, children, (item) => void setLabel(item, 'name', 'Child’s name'));
    inRepeat(form, children, (item) => void renameField(item, 'name', 'childName'));
    expect(findLayout(form, children)!.layout.eachChild!.nameField).toBe('childName');
    setEachChild(form, children, 'childName');
    expect(findLayout(form, children)!.layout.eachChild).toEqual({ nameField: 'childName', updates: { name: 'name' } });
    setChildUpdate(form, children, 'name', '');
    expect(findLayout(form, children)!.layout.eachChild).toEqual({ nameField: 'childName' });
  });
});

describe('the error states of a question', () => {
  it('Given a required date with its own message, Then its states are the message and the engine’s wording for a date that is not real', () => {
    const form = newForm('F');
    const date = addField(form, 'date');
    setLabel(form, date, 'Date of the visit');
    setRequired(form, date, true);
    setErrorMessage(form, date, 'required', 'Enter the date of the visit');
    expect(errorStates(form, date).map((s) => s.error.message)).toEqual(['Enter the date of the visit', 'Date of the visit must be a real date']);
    expect(validateFormData(form, { [date]: '2026-02-31' })[0]!.message).toBe('Date of the visit must be a real date');
  });
});
