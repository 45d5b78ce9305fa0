/**
 * The JSON Schema stage of `validateDefinition`: Ajv's errors turned into problems an admin can
 * read. Each case breaks one thing in the every-node fixture.
 */
import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate-definition.ts';
import { at, expectOnly, fresh, loose, looseNode } from './test-kit.ts';

describe('validateDefinition: schema problems', () => {
  it('Given the every-node fixture, When validated, Then it has no problems', () => {
    expect(validateDefinition(fresh())).toEqual([]);
  });

  describe('schema_required', () => {
    it('Given a start node without "next", When validated, Then schema_required points at the missing property', () => {
      const definition = fresh();
      delete looseNode(definition, 'step_down').next;
      const message = expectOnly(definition, 'schema_required', `${at('step_down')}/next`, 'Step down requested');
      expect(message).toBe('"Step down requested" needs a next step: choose the step it leads to.');
    });

    it('Given a definition without a name, When validated, Then schema_required is at /name', () => {
      const definition = fresh();
      delete loose(definition).name;
      expect(expectOnly(definition, 'schema_required', '/name')).toBe('The definition needs a name: enter what practitioners call it.');
    });
  });

  describe('decision_without_default', () => {
    it('Given a decision without a default, When validated, Then decision_without_default is at its /default', () => {
      const definition = fresh();
      delete looseNode(definition, 'route').default;
      expectOnly(definition, 'decision_without_default', `${at('route')}/default`, 'Which route?');
    });
  });

  describe('schema_unknown_property', () => {
    it('Given a node with a property the format does not know, When validated, Then it is at that property', () => {
      const definition = fresh();
      looseNode(definition, 'plan').colour = 'red';
      expectOnly(definition, 'schema_unknown_property', `${at('plan')}/colour`, 'Plan step down', 'colour');
    });

    it('Given a role with a property the format does not know, When validated, Then it is at that property', () => {
      const definition = fresh();
      loose(definition.roles[2]!).colour = 'red';
      expectOnly(definition, 'schema_unknown_property', '/roles/2/colour', 'colour');
    });
  });

  describe('schema_unknown_kind', () => {
    it('Given a node of kind "wizard", When validated, Then schema_unknown_kind is at its /kind', () => {
      const definition = fresh();
      looseNode(definition, 'review').kind = 'wizard';
      const message = expectOnly(definition, 'schema_unknown_kind', `${at('review')}/kind`, 'Family review', 'wizard');
      expect(message).toContain('Use one of: start, user_task (a task), decision, timer, parallel, join, notification, subflow (a linked case) or end.');
    });

    it('Given a node with no kind at all, When validated, Then both the missing kind and the unknown kind are reported there', () => {
      const definition = fresh();
      delete looseNode(definition, 'review').kind;
      expect(validateDefinition(definition).map((p) => [p.code, p.path])).toEqual([
        ['schema_required', `${at('review')}/kind`],
        ['schema_unknown_kind', `${at('review')}/kind`],
      ]);
    });
  });

  describe('schema_not_allowed', () => {
    it('Given a duration in fortnights, When validated, Then only the unit is reported (not every failed "when" shape)', () => {
      const definition = fresh();
      loose(loose(looseNode(definition, 'screen').due as object).after as object).unit = 'fortnights';
      const message = expectOnly(definition, 'schema_not_allowed', `${at('screen')}/due/after/unit`, 'Screen referral', 'working_days', 'months');
      expect(message).toBe('The unit of the deadline of "Screen referral" is "fortnights", which is not allowed here. Use one of: "working_days", "days", "weeks", "months".');
    });

    it('Given a calendar for another region, When validated, Then schema_not_allowed lists the one allowed value', () => {
      const definition = fresh();
      loose(definition.calendar).region = 'scotland';
      expectOnly(definition, 'schema_not_allowed', '/calendar/region', 'england-and-wales');
    });
  });

  describe('the timescale the admin meant', () => {
    it('Given a due "on a date from the case" with no date, When validated, Then only the missing date is reported (not "after", "before" and every other kind)', () => {
      const definition = fresh();
      looseNode(definition, 'screen').due = { at: true };
      const message = expectOnly(definition, 'schema_required', `${at('screen')}/due/from`, 'Screen referral');
      expect(message).toBe('"Screen referral" needs a date for its deadline to count from: choose the date from the case it counts from.');
    });

    it('Given an empty due, When validated, Then one problem lists the kinds of timescale to choose from', () => {
      const definition = fresh();
      looseNode(definition, 'screen').due = {};
      const message = expectOnly(definition, 'schema_one_of', `${at('screen')}/due`, 'Screen referral');
      expect(message).toContain('choose how long after the step starts');
      expect(message).toContain('the next weekly slot');
    });

    it('Given a weekly slot at "9:30", When validated, Then the time is asked for as HH:MM, not as a regular expression', () => {
      const definition = fresh();
      looseNode(definition, 'screen').due = { nextSlot: { days: ['tuesday'], start: '9:30' } };
      const message = expectOnly(definition, 'schema_pattern', `${at('screen')}/due/nextSlot/start`, 'Screen referral', '9:30');
      expect(message).toBe('The start time of the weekly slot of the deadline of "Screen referral" is "9:30", which is not a time: write it as HH:MM, for example 09:30.');
    });
  });

  describe('schema_pattern', () => {
    it('Given a node id with capitals and a space, When validated, Then schema_pattern is at its /id and quotes it', () => {
      const definition = fresh();
      looseNode(definition, 'advice_only').id = 'Advice Only';
      expectOnly(definition, 'schema_pattern', `${at('advice_only')}/id`, 'Advice Only');
    });
  });

  describe('other keywords become schema_<keyword>', () => {
    it('Given a version that is a string, When validated, Then schema_type is at /version', () => {
      const definition = fresh();
      loose(definition).version = '1';
      expectOnly(definition, 'schema_type', '/version');
    });

    it('Given a task with no next actions, When validated, Then schema_min_items names the node', () => {
      const definition = fresh();
      looseNode(definition, 'review').nextActions = [];
      expect(expectOnly(definition, 'schema_min_items', `${at('review')}/nextActions`, 'Family review')).toBe('The next actions of "Family review" needs at least one: add one.');
    });

    it('Given an empty assignee, When validated, Then one schema_one_of problem lists every way to choose who does it', () => {
      const definition = fresh();
      looseNode(definition, 'review').assignee = {};
      const message = expectOnly(definition, 'schema_one_of', `${at('review')}/assignee`, 'Family review');
      expect(message).toBe('The assignee of "Family review" is not set: choose a role, a team, a named worker, whoever the previous step passed it to, whoever did an earlier step, or whoever an earlier step passed it to.');
    });
  });

  describe('several schema problems at once', () => {
    it('Given a missing name, a bad node id and a node missing "next" with a bad role in it, When validated, Then all four are reported', () => {
      const definition = fresh();
      delete loose(definition).name;
      looseNode(definition, 'advice_only').id = 'Advice Only';
      const start = looseNode(definition, 'step_down');
      delete start.next;
      start.roles = ['Social Worker'];
      expect(validateDefinition(definition).map((p) => [p.code, p.path])).toEqual([
        ['schema_required', '/name'],
        ['schema_required', `${at('step_down')}/next`],
        ['schema_pattern', `${at('step_down')}/roles/0`],
        ['schema_pattern', `${at('advice_only')}/id`],
      ]);
    });

    it('Given a schema error and a lint error, When validated, Then only the schema error is reported (lint needs a well-formed definition)', () => {
      const definition = fresh();
      looseNode(definition, 'plan').colour = 'red';
      definition.roles[0]!.manager = 'nope';
      expect(validateDefinition(definition).map((p) => p.code)).toEqual(['schema_unknown_property']);
    });
  });
});
