/**
 * Data lint through `validateDefinition`: conditions (safe, and reading fields something earlier
 * sets), timescale anchors, prefill sources, sub-flow inputs and message templates. Each case
 * breaks one thing in the every-node fixture.
 */
import { describe, expect, it } from 'vitest';
import type { JsonLogic, WorkflowDefinition } from '../schema/definition.types.ts';
import { validateDefinition } from './validate-definition.ts';
import { at, expectOnly, fresh, nodeOf } from './test-kit.ts';

const GUARD = `${at('plan')}/guards/0/rule`;
/** The fixture with the rule of plan's guard replaced. */
function withGuard(rule: JsonLogic): WorkflowDefinition {
  const definition = fresh();
  nodeOf(definition, 'plan', 'user_task').guards![0]!.rule = rule;
  return definition;
}
/** The fixture with the first branch condition of the `route` decision replaced. */
function withBranch(rule: JsonLogic): WorkflowDefinition {
  const definition = fresh();
  nodeOf(definition, 'route', 'decision').branches[0]!.when = rule;
  return definition;
}

describe('validateDefinition: data rules', () => {
  it('Given the every-node fixture, When validated, Then it has no problems', () => {
    expect(validateDefinition(fresh())).toEqual([]);
  });

  describe('condition_reads_unknown_field', () => {
    it('Given a guard after screening reading form.screen.nope, When validated, Then it says the form has no such field', () => {
      const definition = fresh();
      nodeOf(definition, 'review', 'user_task').nextActions[0]!.guards![0]!.rule = { '==': [{ var: 'form.screen.nope' }, true] };
      const message = expectOnly(definition, 'condition_reads_unknown_field', `${at('review')}/nextActions/0/guards/0/rule`, 'form.screen.nope', 'nope');
      expect(message).toContain('the form "Front door screening" has no field "nope"');
    });

    it('Given a decision branch reading the form of a node that comes later, When validated, Then it says that node is not earlier', () => {
      const message = expectOnly(
        withBranch({ '==': [{ var: 'form.review.summary' }, 'x'] }),
        'condition_reads_unknown_field', `${at('route')}/branches/0/when`, 'form.review.summary', 'Family review',
      );
      expect(message).toContain('does not come before this point');
    });

    it('Given a branch reading case.nope, When validated, Then it says the case has no such field', () => {
      expectOnly(withBranch({ '==': [{ var: 'case.nope' }, 1] }), 'condition_reads_unknown_field', `${at('route')}/branches/0/when`, 'case.nope', 'nope');
    });

    it('Given a branch reading foo.bar, When validated, Then it says "foo" is not something conditions can read', () => {
      expectOnly(withBranch({ '==': [{ var: 'foo.bar' }, 1] }), 'condition_reads_unknown_field', `${at('route')}/branches/0/when`, 'foo.bar', 'foo');
    });

    it('Given a guard reading a field only through missing, When validated, Then the read is still checked', () => {
      expectOnly(withGuard({ missing: ['form.plan.nope'] }), 'condition_reads_unknown_field', GUARD, 'form.plan.nope');
    });

    it('Given a guard reading item fields inside "some", When validated, Then item-scoped vars are not case paths', () => {
      expect(validateDefinition(withGuard({ some: [{ var: 'case.children' }, { '==': [{ var: 'age' }, 1] }] }))).toEqual([]);
    });
  });

  describe('logic_* (unsafe conditions)', () => {
    it('Given a "method" operator deep inside a guard, When validated, Then logic_operator_not_allowed points at that operator', () => {
      const rule = { and: [{ '==': [{ var: 'form.plan.consent' }, true] }, { method: [{ var: 'form.plan.consent' }, 'toString'] }] };
      const message = expectOnly(withGuard(rule), 'logic_operator_not_allowed', `${GUARD}/and/1/method`, 'method');
      expect(message).toContain('not allowed in conditions');
    });

    it('Given a branch reading constructor.constructor, When validated, Then logic_unsafe_path points at the var', () => {
      expectOnly(withBranch({ '==': [{ var: 'constructor.constructor' }, 1] }), 'logic_unsafe_path', `${at('route')}/branches/0/when/==/0/var`, 'constructor.constructor');
    });

    it('Given a guard whose "==" has one operand, When validated, Then logic_malformed points at the operator', () => {
      expectOnly(withGuard({ '==': [{ var: 'form.plan.consent' }] }), 'logic_malformed', `${GUARD}/==`, '==');
    });

    it('Given a guard nested 40 levels deep, When validated, Then logic_too_deep is reported inside it', () => {
      let rule: JsonLogic = { var: 'form.plan.consent' };
      for (let i = 0; i < 40; i += 1) rule = { '!': rule };
      const [problem, ...rest] = validateDefinition(withGuard(rule));
      expect(rest).toEqual([]);
      expect(problem?.code).toBe('logic_too_deep');
      expect(problem?.path.startsWith(`${GUARD}/!/!`)).toBe(true);
    });

    it('Given a guard with more than 2000 parts, When validated, Then logic_too_large is at the rule', () => {
      expectOnly(withGuard({ and: Array.from({ length: 2001 }, () => true) }), 'logic_too_large', GUARD);
    });
  });

  describe('timer_anchor_unset', () => {
    it('Given a deadline counted from a yes/no answer, When validated, Then it says that is not a date', () => {
      const definition = fresh();
      nodeOf(definition, 'screen', 'user_task').due = { after: { amount: 2, unit: 'working_days' }, from: 'form.step_down.consent' };
      const message = expectOnly(definition, 'timer_anchor_unset', `${at('screen')}/due/from`, 'form.step_down.consent');
      expect(message).toContain('which is not a date');
    });

    it('Given a deadline counted from a date on a form filled in later, When validated, Then it says that node is not earlier', () => {
      const definition = fresh();
      nodeOf(definition, 'screen', 'user_task').due = { after: { amount: 2, unit: 'working_days' }, from: 'form.joint_visit.visitDate' };
      const message = expectOnly(definition, 'timer_anchor_unset', `${at('screen')}/due/from`, 'form.joint_visit.visitDate', 'Joint visit');
      expect(message).toContain('does not come before this point');
    });

    it('Given a timer waiting from a text answer, When validated, Then timer_anchor_unset is at its /wait/from', () => {
      const definition = fresh();
      nodeOf(definition, 'wait_panel', 'timer').wait.from = 'form.screen.reason';
      expectOnly(definition, 'timer_anchor_unset', `${at('wait_panel')}/wait/from`, 'form.screen.reason');
    });

    it('Given a task available from a date no step sets, When validated, Then timer_anchor_unset is at its /availableFrom/from', () => {
      const definition = fresh();
      nodeOf(definition, 'review', 'user_task').availableFrom = { at: true, from: 'entered.nobody' };
      expectOnly(definition, 'timer_anchor_unset', `${at('review')}/availableFrom/from`, 'entered.nobody', 'nobody');
    });

    it('Given anchors on case.startedAt, done.<node> and a date field, When validated, Then they are accepted', () => {
      const definition = fresh();
      nodeOf(definition, 'screen', 'user_task').due = { after: { amount: 2, unit: 'working_days' }, from: 'case.startedAt' };
      nodeOf(definition, 'review', 'user_task').availableFrom = { at: true, from: 'form.joint_visit.visitDate' };
      expect(validateDefinition(definition)).toEqual([]);
    });
  });

  describe('prefill_from_unknown', () => {
    it('Given a prefill copying a field the source form does not have, When validated, Then it is at /prefill/0/from', () => {
      const definition = fresh();
      nodeOf(definition, 'mash_decision', 'user_task').prefill![0]!.from = 'form.step_up.nope';
      expectOnly(definition, 'prefill_from_unknown', `${at('mash_decision')}/prefill/0/from`, 'form.step_up.nope', 'nope');
    });
  });

  describe('subflow_input_unknown', () => {
    it('Given a sub-flow input read from a field that does not exist, When validated, Then it is at /input/<field>', () => {
      const definition = fresh();
      nodeOf(definition, 'start_step_up', 'subflow').input = { summary: 'form.review.nope' };
      expectOnly(definition, 'subflow_input_unknown', `${at('start_step_up')}/input/summary`, 'form.review.nope', 'nope');
    });
  });

  describe('template_reads_unknown_field', () => {
    it('Given a subject with {{case.nope}}, When validated, Then it is at /subject', () => {
      const definition = fresh();
      nodeOf(definition, 'tell_inbox', 'notification').subject = 'Step down referral: {{ case.nope }}';
      expectOnly(definition, 'template_reads_unknown_field', `${at('tell_inbox')}/subject`, 'case.nope', 'nope');
    });

    it('Given a body reading a field the later task’s form does not have, When validated, Then it is at /body', () => {
      const definition = fresh();
      nodeOf(definition, 'confirm_sw', 'notification').body = 'Summary: {{form.review.nope}}';
      expectOnly(definition, 'template_reads_unknown_field', `${at('confirm_sw')}/body`, 'form.review.nope', 'nope');
    });

    it('Given a body reading the form of a step on another branch, When validated, Then it is allowed: message text is an optional read', () => {
      const definition = fresh();
      nodeOf(definition, 'confirm_sw', 'notification').body = 'Visit on {{form.joint_visit.visitDate}}';
      expect(validateDefinition(definition)).toEqual([]);
    });

    it('Given a condition reading the form of a step on another branch, When validated, Then it is refused: conditions must read earlier steps', () => {
      const definition = fresh();
      nodeOf(definition, 'route', 'decision').branches[0].when = { '==': [{ var: 'form.joint_visit.visitDate' }, '2026-01-01'] };
      expectOnly(definition, 'condition_reads_unknown_field', `${at('route')}/branches/0/when`, 'form.joint_visit.visitDate', 'Joint visit');
    });
  });
});
