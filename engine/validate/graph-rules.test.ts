/**
 * Graph lint through `validateDefinition`: each case deep-clones the every-node fixture, breaks
 * one thing, and expects exactly the problems that break causes (code, pointer and message).
 */
import { describe, expect, it } from 'vitest';
import type { Node, WorkflowDefinition } from '../schema/definition.types.ts';
import { validateDefinition } from './validate-definition.ts';
import { at, expectProblems, FIXTURE, fresh, nodeOf } from './test-kit.ts';

const APPENDED = `/nodes/${FIXTURE.nodes.length}`;

describe('validateDefinition: graph rules', () => {
  it('Given the every-node fixture, When validated, Then it has no problems', () => {
    expect(validateDefinition(fresh())).toEqual([]);
  });

  describe('no_start', () => {
    it('Given a protocol with its start nodes removed, When validated, Then it reports no_start at /nodes once', () => {
      const definition = fresh();
      definition.nodes = definition.nodes.filter((n) => n.kind !== 'start') as WorkflowDefinition['nodes'];
      const problems = validateDefinition(definition);
      expect(problems[0]).toEqual({ code: 'no_start', path: '/nodes', message: 'The protocol has no start, so no case can begin: add a way in.' });
      expect(problems.filter((p) => p.code === 'no_start')).toHaveLength(1);
      // Every other node is now unreachable, and whatever named a start node is reported too.
      expect(problems.filter((p) => p.code === 'unreachable_node')).toHaveLength(definition.nodes.length);
      expect(new Set(problems.map((p) => p.code))).toEqual(
        new Set(['no_start', 'unreachable_node', 'unknown_node', 'unknown_entry', 'timer_anchor_unset', 'prefill_from_unknown']),
      );
    });
  });

  describe('duplicate_id (nodes)', () => {
    it('Given a second node called "plan", When validated, Then duplicate_id points at the second one', () => {
      const definition = fresh();
      definition.nodes.push({ id: 'plan', kind: 'end', name: 'Another plan', outcome: 'stepped_up' });
      expectProblems(definition, { code: 'duplicate_id', path: `${APPENDED}/id`, mentions: ['plan'] });
    });

    it('Given a duplicate node that leads nowhere, When validated, Then unknown_node points into the duplicate, not its namesake', () => {
      const definition = fresh();
      definition.nodes.push({ id: 'plan', kind: 'join', name: 'Another plan', next: 'nowhere' });
      expectProblems(
        definition,
        { code: 'duplicate_id', path: `${APPENDED}/id`, mentions: ['plan'] },
        { code: 'unknown_node', path: `${APPENDED}/next`, mentions: ['Another plan', 'nowhere'] },
      );
    });
  });

  describe('unknown_node', () => {
    it('Given a timer whose next is missing, When validated, Then unknown_node is at its /next and the cut-off path is reported', () => {
      const definition = fresh();
      nodeOf(definition, 'wait_panel', 'timer').next = 'nowhere';
      expectProblems(
        definition,
        { code: 'unknown_node', path: `${at('wait_panel')}/next`, mentions: ['Next Tuesday panel', 'nowhere'] },
        { code: 'no_way_out', path: at('wait_panel'), mentions: ['Next Tuesday panel'] },
        { code: 'unreachable_node', path: at('panel_decision'), mentions: ['Panel decision'] },
      );
    });

    it('Given a next action to a missing node, When validated, Then unknown_node is at that action\'s /to', () => {
      const definition = fresh();
      nodeOf(definition, 'plan', 'user_task').nextActions[1]!.to = 'nowhere';
      expectProblems(
        definition,
        { code: 'unknown_node', path: `${at('plan')}/nextActions/1/to`, mentions: ['Plan step down', 'nowhere'] },
        { code: 'unreachable_node', path: at('not_required'), mentions: ['No longer required'] },
      );
    });

    it('Given a decision whose default is missing, When validated, Then unknown_node is at its /default', () => {
      const definition = fresh();
      nodeOf(definition, 'route', 'decision').default = 'nowhere';
      expectProblems(definition, { code: 'unknown_node', path: `${at('route')}/default`, mentions: ['Which route?', 'nowhere'] });
    });

    it('Given a decision branch to a missing node, When validated, Then unknown_node is at that branch\'s /to', () => {
      const definition = fresh();
      nodeOf(definition, 'route', 'decision').branches[1]!.to = 'nowhere';
      expectProblems(
        definition,
        { code: 'unknown_node', path: `${at('route')}/branches/1/to`, mentions: ['Which route?', 'nowhere'] },
        { code: 'unreachable_node', path: at('advice_only'), mentions: ['Advice only'] },
      );
    });

    it('Given a parallel branch to a missing node, When validated, Then unknown_node is at that branch', () => {
      const definition = fresh();
      nodeOf(definition, 'handover', 'parallel').branches[1] = 'nowhere';
      expectProblems(
        definition,
        { code: 'unknown_node', path: `${at('handover')}/branches/1`, mentions: ['Hand over', 'nowhere'] },
        { code: 'unreachable_node', path: at('confirm_sw'), mentions: ['Confirm to social worker'] },
      );
    });

    it('Given an assignee who is the performer of a missing node, When validated, Then unknown_node is at /assignee/performerOf', () => {
      const definition = fresh();
      nodeOf(definition, 'plan', 'user_task').assignee = { performerOf: 'nowhere' };
      expectProblems(definition, { code: 'unknown_node', path: `${at('plan')}/assignee/performerOf`, mentions: ['nowhere'] });
    });

    it('Given a notification to the performer of a missing node, When validated, Then unknown_node is at /to/0/performerOf', () => {
      const definition = fresh();
      nodeOf(definition, 'confirm_sw', 'notification').to = [{ performerOf: 'nowhere' }];
      expectProblems(definition, { code: 'unknown_node', path: `${at('confirm_sw')}/to/0/performerOf`, mentions: ['nowhere'] });
    });
  });

  describe('unreachable_node', () => {
    it('Given an end node nothing leads to, When validated, Then unreachable_node points at it and names it', () => {
      const definition = fresh();
      definition.nodes.push({ id: 'orphan', kind: 'end', name: 'Orphaned end', outcome: 'stepped_up' });
      // The message names the node by its name, not its id (the pointer identifies it).
      expectProblems(definition, { code: 'unreachable_node', path: APPENDED, mentions: ['Orphaned end'] });
    });
  });

  describe('no_way_out', () => {
    it('Given two user tasks that only lead to each other, When validated, Then both have no_way_out', () => {
      const definition = fresh();
      const task = (id: string, to: string): Node => ({
        id, kind: 'user_task', name: `Task ${id}`, assignee: { role: 'family_worker' }, nextActions: [{ id: 'go', label: 'Go', to }],
      });
      definition.nodes.push(task('ping', 'pong'), task('pong', 'ping'));
      nodeOf(definition, 'review', 'user_task').nextActions.push({ id: 'ping', label: 'Ping', to: 'ping' });
      expectProblems(
        definition,
        { code: 'no_way_out', path: APPENDED, mentions: ['Task ping'] },
        { code: 'no_way_out', path: `/nodes/${FIXTURE.nodes.length + 1}`, mentions: ['Task pong'] },
      );
    });
  });

  describe('join_never_fires', () => {
    it('Given a join with only one way in, When validated, Then join_never_fires says how many ways in it has', () => {
      const definition = fresh();
      nodeOf(definition, 'confirm_sw', 'notification').next = 'wait_review';
      expectProblems(definition, { code: 'join_never_fires', path: at('both_done'), mentions: ['Visit done and SW told'] });
      expect(validateDefinition(definition)[0]?.message).toContain('1 way(s) in');
    });

    it('Given a join fed by two branches of an exclusive decision and no parallel upstream, When validated, Then join_never_fires', () => {
      const definition = fresh();
      const i = definition.nodes.findIndex((n) => n.id === 'handover');
      definition.nodes[i] = {
        id: 'handover', kind: 'decision', name: 'Hand over',
        branches: [{ when: { '==': [{ var: 'form.screen.route' }, 'team'] }, to: 'joint_visit' }], default: 'confirm_sw',
      };
      expectProblems(definition, { code: 'join_never_fires', path: at('both_done'), mentions: ['Visit done and SW told'] });
      expect(validateDefinition(definition)[0]?.message).toMatch(/^Nothing before the join "Visit done and SW told" runs branches side by side/);
    });

    it('Given that decision upstream of a task with multipleActions, When validated, Then the join may fire and nothing is reported', () => {
      const definition = fresh();
      const i = definition.nodes.findIndex((n) => n.id === 'handover');
      definition.nodes[i] = {
        id: 'handover', kind: 'decision', name: 'Hand over', branches: [{ when: true, to: 'joint_visit' }], default: 'confirm_sw',
      };
      nodeOf(definition, 'screen', 'user_task').multipleActions = true;
      expect(validateDefinition(definition)).toEqual([]);
    });
  });

  describe('loop_without_wait', () => {
    it('Given a decision and a notification that lead to each other, When validated, Then loop_without_wait names the route', () => {
      const definition = fresh();
      definition.nodes.push({
        id: 'nag', kind: 'notification', name: 'Nag the manager', to: [{ role: 'eh_team_manager' }], subject: 'Chase', body: 'Chase.', next: 'route',
      });
      nodeOf(definition, 'route', 'decision').branches.push({ when: { '==': [{ var: 'form.screen.route' }, 'team'] }, to: 'nag' });
      expectProblems(definition, { code: 'loop_without_wait', path: at('route') });
      expect(validateDefinition(definition)[0]?.message).toBe('The route "Which route?" → "Nag the manager" → "Which route?" loops without waiting for anyone: put a task or a timer in it.');
    });

    it('Given the same loop through a user task instead, When validated, Then the task waits and nothing is reported', () => {
      const definition = fresh();
      nodeOf(definition, 'route', 'decision').branches.push({ when: { '==': [{ var: 'form.screen.route' }, 'team'] }, to: 'screen' });
      expect(validateDefinition(definition)).toEqual([]);
    });
  });
});
