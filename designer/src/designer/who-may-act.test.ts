import { describe, expect, it } from 'vitest';
import clinic from '../../../definitions/clinic.json' with { type: 'json' };
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { validateDefinition } from '../../../engine/index.ts';
import { earlierFields } from './fields.ts';
import { editNode, renameNode, type Loose } from './nodes.ts';
import { optionsOf } from './panel-context.ts';
import { addSigner, dataPathError, dropAction, otherTasks, removeSigner, renameAction, setList, setPassTo, setSignatures, setSigner, signersIn, teamFields, toggled, useSigners } from './who-may-act.ts';

const def = () => structuredClone(clinic) as unknown as WorkflowDefinition;
const at = (d: WorkflowDefinition, id: string) => d.nodes.findIndex((n) => n.id === id);
const problemsAt = (d: WorkflowDefinition, id: string) => validateDefinition(d).filter((p) => p.path.startsWith(`/nodes/${at(d, id)}/`));

describe('who may act, as the property panel writes it', () => {
  it('Given roles, maker and checker and joint signers ticked on a task, Then the engine finds nothing wrong; untick them all and the properties go', () => {
    let d = editNode(def(), 'sd_dispute_review', (n) => {
      setList(n, 'roles', ['eh_operational_manager', 'sw_team_manager']);
      setList(n, 'separateFrom', ['eh_review']);
      setSignatures(n, ['eh_operational_manager', 'sw_team_manager']);
    });
    expect(problemsAt(d, 'sd_dispute_review')).toEqual([]);
    const node = d.nodes[at(d, 'sd_dispute_review')] as unknown as Loose;
    expect(node).toMatchObject({ roles: ['eh_operational_manager', 'sw_team_manager'], separateFrom: ['eh_review'], signatures: { roles: ['eh_operational_manager', 'sw_team_manager'] } });
    d = editNode(d, 'sd_dispute_review', (n) => {
      setList(n, 'roles', []);
      setList(n, 'separateFrom', []);
      setSignatures(n, ['sw_team_manager']);
    });
    expect(d.nodes[at(d, 'sd_dispute_review')]).not.toHaveProperty('roles');
    expect(d.nodes[at(d, 'sd_dispute_review')]).not.toHaveProperty('separateFrom');
    expect(d.nodes[at(d, 'sd_dispute_review')]).not.toHaveProperty('signatures');
  });

  it('Given a step signed by two people of one role, named one by one, Then the engine finds nothing wrong; a signer keeps a role, and below two signers it is no longer signed jointly', () => {
    let d = editNode(def(), 'sd_dispute_review', (n) => {
      setSignatures(n, ['eh_operational_manager']);
      useSigners(n, 'eh_operational_manager');
    });
    const node = () => d.nodes[at(d, 'sd_dispute_review')] as unknown as Loose;
    expect(signersIn(node())).toEqual([{ roles: ['eh_operational_manager'] }, { roles: ['eh_operational_manager'] }]);
    d = editNode(d, 'sd_dispute_review', (n) => {
      addSigner(n);
      setSigner(n, 2, { roles: ['social_worker', 'sw_team_manager'], label: 'The social worker at the meeting' });
      setSigner(n, 0, { roles: [] });
      setSigner(n, 1, { label: '  ' });
    });
    expect(signersIn(node())).toEqual([
      { roles: ['eh_operational_manager'] },
      { roles: ['eh_operational_manager'] },
      { roles: ['social_worker', 'sw_team_manager'], label: 'The social worker at the meeting' },
    ]);
    expect(problemsAt(d, 'sd_dispute_review')).toEqual([]);
    d = editNode(d, 'sd_dispute_review', (n) => removeSigner(n, 0));
    expect(signersIn(node())).toHaveLength(2);
    d = editNode(d, 'sd_dispute_review', (n) => removeSigner(n, 0));
    expect(node()).not.toHaveProperty('signatures');
  });

  it('keeps ticked values in the order the options list them, and a value no longer offered until it is unticked', () => {
    const options = optionsOf([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }]);
    expect(toggled(['c'], 'a', true, options)).toEqual(['a', 'c']);
    expect(toggled(['gone', 'b'], 'a', true, options)).toEqual(['a', 'b', 'gone']);
    expect(toggled(['gone', 'b'], 'gone', false, options)).toEqual(['b']);
  });

  it('Given an action’s pass-to, Then worker roles go with workers and the recorded team with teams', () => {
    const a: Loose = {};
    setPassTo(a, 'workers', true);
    setPassTo(a, 'roles', ['social_worker']);
    setPassTo(a, 'teams', ['mash']);
    setPassTo(a, 'teamFrom', 'form.su_mash_decision.team');
    expect(a['passTo']).toEqual({ workers: true, roles: ['social_worker'], teams: ['mash'], teamFrom: 'form.su_mash_decision.team' });
    setPassTo(a, 'optional', true);
    expect((a['passTo'] as Loose)['required']).toBe(false);
    setPassTo(a, 'workers', false);
    setPassTo(a, 'teams', []);
    expect(a).toEqual({});
  });

  it('Given actions that must be chosen together, When one is renamed or removed, Then the others follow', () => {
    const actions: Loose[] = [{ id: 'close', requires: ['step_down'] }, { id: 'step_down' }, { id: 'tell', requires: ['step_down', 'close'] }];
    renameAction(actions, 'step_down', 'step_down_eh');
    expect(actions.map((a) => a['requires'])).toEqual([['step_down_eh'], undefined, ['step_down_eh', 'close']]);
    dropAction(actions, 'step_down_eh');
    expect(actions.map((a) => a['requires'])).toEqual([undefined, undefined, ['close']]);
  });

  it('Given an action that requires another on a step taking one action at a time, Then the engine says so at the requires', () => {
    const d = editNode(def(), 'eh_review', (n) => setList((n['nextActions'] as Loose[])[0]!, 'requires', ['step_up']));
    const problems = problemsAt(d, 'eh_review');
    expect(problems.map((p) => [p.code, p.path])).toEqual([['requires_multiple_actions', `/nodes/${at(d, 'eh_review')}/nextActions/0/requires/0`]]);
    expect(problemsAt(editNode(d, 'eh_review', (n) => (n['multipleActions'] = true)), 'eh_review')).toEqual([]);
  });

  it('Given a step kept apart from another, When that one is renamed, Then the reference follows it', () => {
    const d = renameNode(editNode(def(), 'su_dispute_review', (n) => setList(n, 'separateFrom', ['su_mash_decision'])), 'su_mash_decision', 'mash_decides');
    expect(d.nodes[at(d, 'su_dispute_review')]).toMatchObject({ separateFrom: ['mash_decides'] });
  });

  it('lists the other tasks earlier ones first, and answers that can hold a team', () => {
    const d = def();
    const tasks = otherTasks(d, 'su_dispute_review');
    expect(tasks.filter((t) => t.group === 'Earlier steps').map((t) => t.value)).toEqual(['step_up', 'raise_worries', 'su_marf', 'su_mash_decision']);
    expect(tasks.some((t) => t.value === 'su_dispute_review')).toBe(false);
    expect(tasks.find((t) => t.value === 'step_up')).toMatchObject({ group: 'Earlier steps' });
    const fields = [
      ...earlierFields(d, 'su_mash_decision', { includeSelf: true }),
      { path: 'form.x.team', label: 'Team', group: 'X', type: 'string', isDate: false, options: [{ value: 'mash', label: 'MASH' }] },
    ];
    const teams = teamFields(fields, optionsOf(d.teams));
    expect(teams[0]).toEqual({ value: 'form.x.team', label: 'Team (X)', group: 'Answers that choose a team' });
    expect(teams.every((t) => t.value.startsWith('form.'))).toBe(true);
    expect(teams.some((t) => t.value === 'form.su_marf.dateOfDiscussion')).toBe(false);
  });

  it('checks a typed data path against the definition’s pattern', () => {
    expect(dataPathError('form.front_door.ehTeam')).toBeUndefined();
    expect(dataPathError('passedTo.screening')).toBeUndefined();
    expect(dataPathError('front door team')).toMatch(/^Enter a data path like/);
  });
});
