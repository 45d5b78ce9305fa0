import { describe, expect, it } from 'vitest';
import type { NextActionView, TaskSigning } from '../../lib/api-types.ts';
import { onlyRolesText, rolesText, signingText, togetherText, workersFor } from './who-may-act.ts';

const sw = { id: 'sw', name: 'Social worker' };
const ehtm = { id: 'ehtm', name: 'EH team manager' };
const swtm = { id: 'swtm', name: 'Social work team manager' };

const action = (id: string, extra: Partial<NextActionView> = {}): NextActionView => ({
  id, label: `Label ${id}`, to: { id: 'x', name: 'X', kind: 'user_task' }, irreversible: null, chosenBy: null, passTo: null, requires: [], scheduledDate: null, defaultPriority: null, guards: [], available: true, ...extra,
});

describe('who may act, as the task page says it', () => {
  it('names roles the way the engine’s refusals do', () => {
    expect(rolesText([ehtm])).toBe('an EH team manager');
    expect(rolesText([sw, ehtm])).toBe('a social worker or an EH team manager');
    expect(rolesText([sw, swtm, ehtm], 'and')).toBe('a social worker, a social work team manager and an EH team manager');
    expect(onlyRolesText([ehtm])).toBe('Only an EH team manager can do this step');
    expect(onlyRolesText(null)).toBeNull();
  });

  it('Given a step signed jointly, Then it says who signs before anyone has, then who signed on what date and who still needs to', () => {
    const signing: TaskSigning = { signers: [
      { label: 'EH team manager', roles: [ehtm], signature: null },
      { label: 'Social work team manager', roles: [swtm], signature: null },
    ], proposedActions: [] };
    expect(signingText(signing)).toEqual([
      'This step is signed jointly by an EH team manager and a social work team manager: each submits the same answers and next actions, and the last signature completes it.',
    ]);
    signing.signers[0]!.signature = { at: '2027-01-04T10:00:00Z', role: ehtm, person: { id: 'u1', name: 'Erin Shaw' } };
    expect(signingText(signing)).toEqual([
      'Signed by Erin Shaw (EH team manager) on Monday 4 January 2027.',
      'It needs a signature from a social work team manager. To sign, submit the same answers and next actions; a change means everyone signs again.',
    ]);
    expect(signingText(signing, 'u1')[0]).toBe('Signed by you (EH team manager) on Monday 4 January 2027.');
  });

  it('Given two signers of one role, or a signer the protocol names, Then each reads as a person', () => {
    const sm = { id: 'sm', name: 'Service manager' };
    const two: TaskSigning = { signers: [{ label: 'Service manager', roles: [sm], signature: null }, { label: 'Service manager', roles: [sm], signature: null }], proposedActions: [] };
    expect(signingText(two)[0]).toMatch(/^This step is signed jointly by a service manager and another service manager:/);
    const named: TaskSigning = { signers: [{ label: 'the Early Help worker at the meeting', roles: [sw, ehtm], signature: null }, { label: 'Social worker or EH team manager', roles: [sw, ehtm], signature: null }], proposedActions: [] };
    expect(signingText(named)[0]).toMatch(/^This step is signed jointly by the Early Help worker at the meeting and a social worker or an EH team manager:/);
  });

  it('offers as workers only the people holding a role the action allows, and every practitioner otherwise', () => {
    const people = [{ id: 'a', name: 'A', roles: [sw] }, { id: 'b', name: 'B', roles: [ehtm, swtm] }, { id: 'c', name: 'C', roles: [] }];
    const open = action('x', { passTo: { required: true, teams: [], workers: true, workerRoles: null, teamFromAnswer: null } });
    expect(workersFor(open, { people }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    const managers = action('x', { passTo: { required: true, teams: [], workers: true, workerRoles: [swtm], teamFromAnswer: null } });
    expect(workersFor(managers, { people }).map((p) => p.id)).toEqual(['b']);
  });

  it('tells the practitioner which actions go together', () => {
    const actions = [action('close', { requires: ['step_down', 'tell'] }), action('step_down'), action('tell')];
    expect(togetherText(actions[0]!, { actions })).toBe('Choose it together with “Label step_down” and “Label tell”');
    expect(togetherText(actions[1]!, { actions })).toBeNull();
  });
});
