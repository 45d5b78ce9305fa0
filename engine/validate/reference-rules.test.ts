/**
 * Reference lint through `validateDefinition`: every role, team, form, mailbox, outcome, entry
 * and prefill field a node names must exist. Each case breaks one thing in the every-node fixture.
 */
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { validateDefinition } from './validate-definition.ts';
import { at, expectProblems, FIXTURE, fresh, nodeOf } from './test-kit.ts';

/** One broken fixture per row: [description, break, code, path, mentions]. */
type Case = [string, (d: WorkflowDefinition) => void, string, string, string[]];

const CASES: Case[] = [
  // duplicate_id outside the node list
  ['a second role called "social_worker"', (d) => d.roles.push({ id: 'social_worker', name: 'Again' }),
    'duplicate_id', `/roles/${FIXTURE.roles.length}/id`, ['social_worker']],
  ['a second team called "panel"', (d) => d.teams.push({ id: 'panel', name: 'Again' }),
    'duplicate_id', `/teams/${FIXTURE.teams.length}/id`, ['panel']],
  ['a second mailbox called "step_down_inbox"', (d) => d.mailboxes!.push({ id: 'step_down_inbox', name: 'Again', address: 'again@fixture.example' }),
    'duplicate_id', '/mailboxes/1/id', ['step_down_inbox']],
  ['a second outcome called "advice_only"', (d) => d.outcomes!.push({ id: 'advice_only', name: 'Again' }),
    'duplicate_id', `/outcomes/${FIXTURE.outcomes!.length}/id`, ['advice_only']],
  ['two next actions of "plan" both called "refer"', (d) => { nodeOf(d, 'plan', 'user_task').nextActions[1]!.id = 'refer'; },
    'duplicate_id', `${at('plan')}/nextActions/1/id`, ['refer', 'Plan step down']],
  // unknown_form
  ['a task whose form does not exist', (d) => { nodeOf(d, 'joint_visit', 'user_task').form = 'nope'; },
    'unknown_form', `${at('joint_visit')}/form`, ['nope']],
  ['a task whose form is named like an Object.prototype member', (d) => { nodeOf(d, 'joint_visit', 'user_task').form = 'constructor'; },
    'unknown_form', `${at('joint_visit')}/form`, ['constructor']],
  // unknown_role
  ['an assignee role that does not exist', (d) => { nodeOf(d, 'review', 'user_task').assignee = { role: 'nope' }; },
    'unknown_role', `${at('review')}/assignee/role`, ['nope']],
  ['a start node that lets an unknown role start cases', (d) => { nodeOf(d, 'step_down', 'start').roles = ['nope']; },
    'unknown_role', `${at('step_down')}/roles/0`, ['nope']],
  ['a team whose second role does not exist', (d) => { d.teams[1]!.roles![1] = 'nope'; },
    'unknown_role', '/teams/1/roles/1', ['nope']],
  ['a role whose manager role does not exist', (d) => { d.roles[0]!.manager = 'nope'; },
    'unknown_role', '/roles/0/manager', ['nope']],
  ['an escalation that notifies an unknown role', (d) => { nodeOf(d, 'screen', 'user_task').escalations![1]!.notify = [{ role: 'nope' }]; },
    'unknown_role', `${at('screen')}/escalations/1/notify/0/role`, ['nope']],
  ['an escalation that reassigns to an unknown role', (d) => { nodeOf(d, 'screen', 'user_task').escalations![0]!.reassignTo = { role: 'nope' }; },
    'unknown_role', `${at('screen')}/escalations/0/reassignTo/role`, ['nope']],
  ['a notification to an unknown role', (d) => { nodeOf(d, 'confirm_sw', 'notification').to = [{ role: 'nope' }]; },
    'unknown_role', `${at('confirm_sw')}/to/0/role`, ['nope']],
  // unknown_team
  ['an assignee team that does not exist', (d) => { nodeOf(d, 'screen', 'user_task').assignee = { team: 'nope' }; },
    'unknown_team', `${at('screen')}/assignee/team`, ['nope']],
  ['a next action that may be passed to an unknown team', (d) => { nodeOf(d, 'panel_decision', 'user_task').nextActions[0]!.passTo!.teams = ['nope']; },
    'unknown_team', `${at('panel_decision')}/nextActions/0/passTo/teams/0`, ['nope']],
  ['a passed-to assignee whose fallback team does not exist', (d) => { nodeOf(d, 'joint_visit', 'user_task').assignee = { passedTo: true, fallback: { team: 'nope' } }; },
    'unknown_team', `${at('joint_visit')}/assignee/fallback/team`, ['nope']],
  // unknown_mailbox, unknown_outcome, unknown_entry
  ['a notification to a mailbox that does not exist', (d) => { nodeOf(d, 'tell_inbox', 'notification').to = [{ mailbox: 'nope' }]; },
    'unknown_mailbox', `${at('tell_inbox')}/to/0/mailbox`, ['nope']],
  ['an end with an outcome the definition does not list', (d) => { nodeOf(d, 'stepped_up', 'end').outcome = 'vanished'; },
    'unknown_outcome', `${at('stepped_up')}/outcome`, ['vanished']],
  ['a sub-flow into this definition at a task rather than a start', (d) => { nodeOf(d, 'start_step_up', 'subflow').entry = 'plan'; },
    'unknown_entry', `${at('start_step_up')}/entry`, ['plan']],
  ['a sub-flow into this definition at a node that does not exist', (d) => { nodeOf(d, 'start_step_up', 'subflow').entry = 'nowhere'; },
    'unknown_entry', `${at('start_step_up')}/entry`, ['nowhere']],
  // prefill
  ['a task with prefill but no form', (d) => { delete nodeOf(d, 'mash_decision', 'user_task').form; },
    'prefill_without_form', `${at('mash_decision')}/prefill/0`, ['MASH decision']],
  ['a prefill into a field the form does not have', (d) => { nodeOf(d, 'mash_decision', 'user_task').prefill![0]!.field = 'nope'; },
    'unknown_field', `${at('mash_decision')}/prefill/0/field`, ['nope', 'MASH decision']],
  // caseFile: what earlier steps recorded that a task shows
  ['a task showing the answers of a node that does not exist', (d) => { nodeOf(d, 'screen', 'user_task').caseFile = { show: ['plan', 'nowhere'] }; },
    'unknown_node', `${at('screen')}/caseFile/show/1`, ['nowhere']],
  ['a task showing the answers of a decision', (d) => { nodeOf(d, 'review', 'user_task').caseFile = { show: ['route'] }; },
    'case_file_without_form', `${at('review')}/caseFile/show/0`, ['Which route?', 'Family review']],
  ['a task showing the answers of a task that has no form', (d) => { nodeOf(d, 'review', 'user_task').caseFile = { show: ['step_down', 'panel_decision'] }; },
    'case_file_without_form', `${at('review')}/caseFile/show/1`, ['Panel decision']],
];

describe('validateDefinition: reference rules', () => {
  it('Given the every-node fixture, When validated, Then it has no problems', () => {
    expect(validateDefinition(fresh())).toEqual([]);
  });

  describe.each(CASES)('Given %s', (_, breakIt, code, path, mentions) => {
    it(`When validated, Then the only problem is ${code} at ${path}`, () => {
      const definition = fresh();
      breakIt(definition);
      expectProblems(definition, { code, path, mentions });
    });
  });

  it('Given screening shows the start form and the plan, When validated, Then nothing is reported', () => {
    const definition = fresh();
    nodeOf(definition, 'screen', 'user_task').caseFile = { show: ['plan', 'step_down'] };
    expect(validateDefinition(definition)).toEqual([]);
  });

  describe('outcomes and entries that cannot be checked', () => {
    it('Given a definition with no outcomes list, When an end names any outcome, Then nothing is reported', () => {
      const definition = fresh();
      delete definition.outcomes;
      nodeOf(definition, 'stepped_up', 'end').outcome = 'anything';
      expect(validateDefinition(definition)).toEqual([]);
    });

    it('Given a sub-flow into another definition, When its entry is not a node here, Then nothing is reported', () => {
      const definition = fresh();
      Object.assign(nodeOf(definition, 'start_step_up', 'subflow'), { definition: 'other-protocol', entry: 'intake' });
      expect(validateDefinition(definition)).toEqual([]);
    });
  });

  describe('an unknown form named by a node other steps read', () => {
    it('Given "plan" names a missing form, When validated, Then unknown_form comes with the prefill and reads it breaks', () => {
      const definition = fresh();
      nodeOf(definition, 'plan', 'user_task').form = 'constructor';
      expectProblems(
        definition,
        { code: 'unknown_form', path: `${at('plan')}/form`, mentions: ['constructor'] },
        { code: 'prefill_without_form', path: `${at('plan')}/prefill/0`, mentions: ['Plan step down'] },
        { code: 'prefill_without_form', path: `${at('plan')}/prefill/1`, mentions: ['Plan step down'] },
        { code: 'condition_reads_unknown_field', path: `${at('plan')}/guards/0/rule`, mentions: ['form.plan.consent', 'plan'] },
        { code: 'template_reads_unknown_field', path: `${at('tell_inbox')}/body`, mentions: ['form.plan.finalReviewDate', 'plan'] },
      );
    });
  });

  describe('a wrong name says what the right ones are', () => {
    it('Given a task given to a role that does not exist, When validated, Then the message lists the roles there are', () => {
      const definition = fresh();
      nodeOf(definition, 'joint_visit', 'user_task').assignee = { role: 'nope' };
      const [problem] = validateDefinition(definition);
      expect(problem?.message).toMatch(/^There is no role "nope": use one of: /);
      for (const role of FIXTURE.roles.slice(0, 3)) expect(problem?.message).toContain(`"${role.id}"`);
    });

    it('Given an end with an outcome the protocol does not have, When validated, Then the message names the step and lists the outcomes', () => {
      const definition = fresh();
      nodeOf(definition, 'advice_only', 'end').outcome = 'nope';
      const [problem] = validateDefinition(definition);
      expect(problem?.message).toContain('"Advice only" ends with the outcome "nope", which is not one of the protocol\'s outcomes: use one of: ');
      expect(problem?.message).toContain(`"${FIXTURE.outcomes![0]!.id}"`);
    });
  });
});
