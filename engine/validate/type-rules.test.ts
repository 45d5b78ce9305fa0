import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate-definition.ts';
import { at, expectOnly, expectProblems, fresh, looseNode, nodeOf } from './test-kit.ts';
import { resembles } from './causes.ts';

const visitDate = '/forms/visit/schema/properties/visitDate';

describe('type-aware checks', () => {
  it('Given the every-node fixture, Then no type check complains', () => {
    expect(validateDefinition(fresh())).toEqual([]);
  });

  describe('questions need the title the format requires', () => {
    it('When a question has no title, Then one problem names the question and the form', () => {
      const d = fresh();
      delete (d.forms.visit!.schema.properties as Record<string, Record<string, unknown>>).visitDate!.title;
      const message = expectOnly(d, 'field_without_title', visitDate, 'visitDate', 'Joint visit');
      expect(message).toContain('has no title');
    });

    it('When a question inside a list of items has a blank title, Then it is named by its dotted path', () => {
      const d = fresh();
      (d.forms.visit!.schema.properties as Record<string, unknown>).attendees = {
        type: 'array', title: 'Who attended',
        items: { type: 'object', properties: { name: { type: 'string', title: ' ' } } },
      };
      expectOnly(d, 'field_without_title', '/forms/visit/schema/properties/attendees/items/properties/name', 'attendees.name');
    });
  });

  describe('"whoever the step before passed it to" needs a step that passes it to someone', () => {
    it('When every way in passes to someone (through a parallel split), Then it is accepted without a fallback', () => {
      const d = fresh();
      // The joint visit is reached only through the hand-over split after "Allocate a team", which passes.
      const route = nodeOf(d, 'route', 'decision');
      route.default = 'advice_only';
      delete (nodeOf(d, 'joint_visit', 'user_task').assignee as { fallback?: unknown }).fallback;
      expect(validateDefinition(d).filter((p) => p.code === 'passed_to_without_pass')).toEqual([]);
    });

    it('When a next action leading there passes to no one and there is no fallback, Then one problem names each such action', () => {
      const d = fresh();
      delete (nodeOf(d, 'joint_visit', 'user_task').assignee as { fallback?: unknown }).fallback;
      delete nodeOf(d, 'panel_decision', 'user_task').nextActions[0]!.passTo;
      const message = expectOnly(d, 'passed_to_without_pass', `${at('joint_visit')}/assignee`, 'Joint visit', 'Record screening decision', 'Allocate a team');
      expect(message).toContain('pass it to no one');
      expect(message).toContain('give the assignee a fallback');
    });

    it('When the way in is through a timer, Then the timer is named: nothing passed on reaches past it', () => {
      const d = fresh();
      looseNode(d, 'review').assignee = { passedTo: true };
      const message = expectOnly(d, 'passed_to_without_pass', `${at('review')}/assignee`, 'Review in 6 to 8 weeks');
      expect(message).toContain('a timer');
    });
  });

  describe('conditions compare answers with values of their type', () => {
    const branch = `${at('route')}/branches/0/when`;

    it('When a consent question becomes a yes/no text answer while the conditions still test true and false, Then each comparison is a problem listing the answers', () => {
      const d = fresh();
      (d.forms.referral!.schema.properties as Record<string, unknown>).consent = { type: 'string', title: 'Has the family agreed?', enum: ['yes', 'no'] };
      nodeOf(d, 'route', 'decision').branches[0]!.when = { '==': [{ var: 'form.plan.consent' }, false] };
      expectProblems(
        d,
        { code: 'condition_type_mismatch', path: `${at('plan')}/guards/0/rule/==/1`, mentions: ['Has the family agreed?', 'yes', 'no'] },
        { code: 'condition_type_mismatch', path: `${branch}/==/1`, mentions: ['Has the family agreed?', 'yes', 'no'] },
      );
      expect(validateDefinition(d)[1]!.message).toContain('with false, which it can never equal');
    });

    it('When a yes/no (boolean) question is compared with "yes", Then it says to compare with true or false', () => {
      const d = fresh();
      nodeOf(d, 'route', 'decision').branches[0]!.when = { '==': [{ var: 'form.plan.consent' }, 'yes'] };
      expect(expectOnly(d, 'condition_type_mismatch', `${branch}/==/1`, 'yes')).toContain('compare it with true or false');
    });

    it('When a number is compared with text, Then it is a problem (either side of the comparison)', () => {
      const d = fresh();
      (d.forms.screening!.schema.properties as Record<string, unknown>).children = { type: 'integer', title: 'How many children?' };
      nodeOf(d, 'route', 'decision').branches[0]!.when = { '<': ['2', { var: 'form.screen.children' }] };
      expect(expectOnly(d, 'condition_type_mismatch', `${branch}/</0`, 'How many children?', '2')).toContain('which is not a number');
    });

    it('When a closed-list answer is compared with a value not in the list (or listed with "in"), Then the problem lists the allowed answers', () => {
      const d = fresh();
      nodeOf(d, 'route', 'decision').branches[0]!.when = { '==': [{ var: 'form.screen.route' }, 'pannel'] };
      expect(expectOnly(d, 'condition_type_mismatch', `${branch}/==/1`, 'pannel', 'team', 'panel', 'advice')).toContain('not one of its answers');
      nodeOf(d, 'route', 'decision').branches[0]!.when = { in: [{ var: 'form.screen.route' }, ['panel', 'advise']] };
      expectOnly(d, 'condition_type_mismatch', `${branch}/in/1/1`, 'advise');
    });

    it('When an answer is compared with null (not answered), Then that is allowed', () => {
      const d = fresh();
      nodeOf(d, 'route', 'decision').branches[0]!.when = { '!=': [{ var: 'form.plan.consent' }, null] };
      expect(validateDefinition(d)).toEqual([]);
    });
  });

  describe('one problem per cause', () => {
    it('When an arrow names a step by a mistyped id, Then the only top-level problem is the arrow; the orphaned step and all after it fold under it', () => {
      const d = fresh();
      nodeOf(d, 'screen', 'user_task').nextActions[0]!.to = 'rout';
      const problems = validateDefinition(d);
      const top = problems.filter((p) => !p.cause);
      expect(top.map((p) => [p.code, p.path])).toEqual([['unknown_node', `${at('screen')}/nextActions/0/to`]]);
      expect(problems.find((p) => p.code === 'unreachable_node' && p.path === at('route'))?.cause).toEqual({ code: 'unknown_node', path: `${at('screen')}/nextActions/0/to` });
      expect(problems.length).toBeGreaterThan(10);
      // The arrow's message names the step it probably meant.
      expect(top[0]!.message).toContain('Did you mean "route" (Which route?), which nothing leads to?');
    });

    it('When a step is renamed but the arrow to it is not, Then the renamed step folds under the arrow', () => {
      const d = fresh();
      nodeOf(d, 'screen', 'user_task').id = 'screen_referral';
      const top = validateDefinition(d).filter((p) => !p.cause);
      expect(top.map((p) => [p.code, p.path])).toEqual([['unknown_node', `${at('tell_inbox')}/next`]]);
    });

    it('resembles ids that are mistyped or renamed, not unrelated ones', () => {
      expect(resembles('rout', 'route')).toBe(true);
      expect(resembles('screen', 'screen_referral')).toBe(true);
      expect(resembles('panel_decision', 'panel_decisoin')).toBe(true);
      expect(resembles('review', 'advice_only')).toBe(false);
    });
  });
});
