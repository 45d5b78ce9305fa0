/**
 * `validateDefinition` as a whole: the fixture is clean, form checks are wired in, every problem
 * is returned (not just the first), and nothing — however malformed — makes it throw.
 * The individual rules are covered in graph-rules, reference-rules, data-rules and
 * schema-problems tests.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Assignee, FieldLayout, Form, WorkflowDefinition } from '../schema/definition.types.ts';
import { parseDefinition, validateDefinition } from './validate-definition.ts';
import { at, expectOnly, FIXTURE, fresh, nodeOf } from './test-kit.ts';

const form = (definition: WorkflowDefinition, id: string): Form => definition.forms[id]!;

/** Problems are plain `{code, path, message}` records with a snake_case code and a JSON pointer. */
function expectWellFormed(problems: unknown): void {
  expect(Array.isArray(problems)).toBe(true);
  for (const p of problems as Array<Record<string, unknown>>) {
    const keys = Object.keys(p).sort();
    expect(keys).toEqual(p.cause === undefined ? ['code', 'message', 'path'] : ['cause', 'code', 'message', 'path']);
    if (p.cause !== undefined) expect((problems as Array<Record<string, unknown>>).some((root) => !root.cause && JSON.stringify({ code: root.code, path: root.path }) === JSON.stringify(p.cause))).toBe(true);
    expect(p.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(p.path).toMatch(/^(\/.*)?$/);
    expect(typeof p.message).toBe('string');
  }
}

describe('validateDefinition', () => {
  describe('Given the every-node fixture', () => {
    it('When validated, Then it has no problems and parseDefinition hands it back typed', () => {
      const definition = fresh();
      expect(validateDefinition(definition)).toEqual([]);
      expect(parseDefinition(definition)).toEqual({ definition, problems: [] });
    });

    it('When validated, Then it uses every node kind (so the fixture really exercises every rule)', () => {
      expect(new Set(FIXTURE.nodes.map((n) => n.kind))).toEqual(
        new Set(['start', 'user_task', 'decision', 'timer', 'parallel', 'join', 'notification', 'subflow', 'end']),
      );
    });
  });

  describe('form checks', () => {
    it('Given a form schema with a nonsense type, When validated, Then invalid_form_schema is at that form\'s /schema', () => {
      const definition = fresh();
      form(definition, 'visit').schema = { type: 'object', properties: { a: { type: 'nonsense' } } };
      const message = expectOnly(definition, 'invalid_form_schema', '/forms/visit/schema');
      expect(message).toMatch(/^The form schema is not valid JSON Schema 2020-12: .*type/);
    });

    it('Given an invalid form schema and a condition reading a missing field, When validated, Then the data lint is held back', () => {
      const definition = fresh();
      form(definition, 'screening').schema = { type: 'object', properties: { route: { type: 'nonsense' } } };
      nodeOf(definition, 'route', 'decision').branches[0]!.when = { var: 'form.screen.nope' };
      expect(validateDefinition(definition).map((p) => [p.code, p.path])).toEqual([['invalid_form_schema', '/forms/screening/schema']]);
    });

    it('Given a layout showing a field the schema lacks, When validated, Then layout_field_unknown is at that layout entry', () => {
      const definition = fresh();
      form(definition, 'visit').layout = { sections: [{ id: 'main', title: 'Visit', fields: [{ field: 'visitDate' }, { field: 'nope' }] }] };
      expectOnly(definition, 'layout_field_unknown', '/forms/visit/layout/sections/0/fields/1/field', 'nope');
    });

    it('Given two layout sections with one id, When validated, Then duplicate_section_id is at the second', () => {
      const definition = fresh();
      const section = { id: 'main', title: 'Visit', fields: [] as FieldLayout[] };
      form(definition, 'visit').layout = { sections: [section, { ...section }] };
      expectOnly(definition, 'duplicate_section_id', '/forms/visit/layout/sections/1/id', 'main');
    });

    it('Given a field revealed by an answer the question does not offer, When validated, Then revealed_by_unknown is at that value', () => {
      const definition = fresh();
      const fields: FieldLayout[] = [{ field: 'route' }, { field: 'reason', revealedBy: { field: 'route', values: ['panel', 'never'] } }];
      form(definition, 'screening').layout = { sections: [{ id: 'main', title: 'Screening', fields }] };
      expectOnly(definition, 'revealed_by_unknown', '/forms/screening/layout/sections/0/fields/1/revealedBy/values/1', 'reason', 'route');
    });

    it('Given a text field shown as a repeat, When validated, Then repeat_without_items is at its widget', () => {
      const definition = fresh();
      form(definition, 'screening').layout = { sections: [{ id: 'main', title: 'Screening', fields: [{ field: 'reason', widget: 'repeat' }] }] };
      expectOnly(definition, 'repeat_without_items', '/forms/screening/layout/sections/0/fields/0/widget', 'reason');
    });
  });

  describe('Given a definition with several unrelated problems', () => {
    it('When validated, Then every one is returned, forms first, then graph, references and data', () => {
      const definition = fresh();
      form(definition, 'visit').layout = { sections: [{ id: 'main', title: 'Visit', fields: [{ field: 'nope' }] }] };
      definition.nodes.push({ id: 'orphan', kind: 'end', name: 'Orphan', outcome: 'stepped_up' });
      nodeOf(definition, 'review', 'user_task').assignee = { role: 'nobody' };
      nodeOf(definition, 'tell_inbox', 'notification').to = [{ mailbox: 'nobox' }];
      nodeOf(definition, 'route', 'decision').branches[0]!.when = { '==': [{ var: 'case.nope' }, 1] };
      nodeOf(definition, 'plan', 'user_task').guards![0]!.rule = { log: 'hello' };
      const problems = validateDefinition(definition);
      expect(problems.map((p) => [p.code, p.path])).toEqual([
        ['layout_field_unknown', '/forms/visit/layout/sections/0/fields/0/field'],
        ['unreachable_node', `/nodes/${FIXTURE.nodes.length}`],
        ['unknown_mailbox', `${at('tell_inbox')}/to/0/mailbox`],
        ['unknown_role', `${at('review')}/assignee/role`],
        ['logic_operator_not_allowed', `${at('plan')}/guards/0/rule/log`],
        ['condition_reads_unknown_field', `${at('route')}/branches/0/when`],
      ]);
      expect(parseDefinition(definition)).toEqual({ problems });
    });
  });

  describe('never throws', () => {
    it.each([
      ['null', null], ['undefined', undefined], ['a number', 42], ['a string', 'every-node'], ['an empty array', []],
      ['an empty object', {}], ['nodes as a string', { nodes: 'x' }], ['a function', () => 1], ['a symbol', Symbol('x')],
      ['a null-prototype object', Object.create(null) as object],
    ])('Given %s, When validated, Then it returns problems instead of throwing', (_, value) => {
      const problems = validateDefinition(value);
      expectWellFormed(problems);
      expect(problems.length).toBeGreaterThan(0);
    });

    it('Given deeply nested junk (10,000 levels of arrays and objects), When validated, Then it returns problems', () => {
      let junk: unknown = 'bottom';
      for (let i = 0; i < 10_000; i += 1) junk = i % 2 === 0 ? [junk] : { nodes: junk };
      expectWellFormed(validateDefinition(junk));
      const definition = fresh();
      (definition as unknown as Record<string, unknown>).notes = junk;
      expect(validateDefinition(definition).map((p) => p.code)).toEqual(['schema_type']);
    });

    it('Given an assignee fallback nested 5,000 deep, When validated, Then definition_too_deep is reported instead of a stack overflow', () => {
      const definition = fresh();
      let assignee: Assignee = { team: 'locality_north' };
      for (let i = 0; i < 5_000; i += 1) assignee = { passedTo: true, fallback: assignee };
      nodeOf(definition, 'joint_visit', 'user_task').assignee = assignee;
      expectOnly(definition, 'definition_too_deep', '');
    });

    it('Given a layout nested 5,000 deep, When validated, Then definition_too_deep is reported', () => {
      const definition = fresh();
      let field: FieldLayout = { field: 'visitDate' };
      for (let i = 0; i < 5_000; i += 1) field = { field: 'visitDate', fields: [field] };
      form(definition, 'visit').layout = { sections: [{ id: 'main', title: 'Visit', fields: [field] }] };
      expectOnly(definition, 'definition_too_deep', '');
    });

    it('Given anything at all (fast-check), When validated, Then it returns an array of well-formed problems', () => {
      fc.assert(
        fc.property(fc.anything(), (value) => {
          expectWellFormed(validateDefinition(value));
        }),
        { numRuns: 200 },
      );
    });

    it('Given the fixture with any one value replaced by arbitrary JSON (fast-check), When validated, Then it never throws', () => {
      const paths = (value: unknown, path: string[] = []): string[][] =>
        value !== null && typeof value === 'object'
          ? [path, ...Object.entries(value).flatMap(([key, child]) => paths(child, [...path, key]))]
          : [path];
      const replaceable = paths(FIXTURE).filter((p) => p.length > 0);
      const ids = fc.constantFrom('plan', 'step_up', 'constructor', 'toString', 'form.plan.consent', 'case.startedAt', 'done.plan');
      fc.assert(
        fc.property(fc.constantFrom(...replaceable), fc.oneof(fc.jsonValue(), ids), (path, value) => {
          const definition = fresh() as unknown as Record<string, unknown>;
          const parent = path.slice(0, -1).reduce<Record<string, unknown>>((obj, key) => obj[key] as Record<string, unknown>, definition);
          parent[path.at(-1)!] = value;
          expectWellFormed(validateDefinition(definition));
        }),
        { numRuns: 200 },
      );
    });
  });
});
