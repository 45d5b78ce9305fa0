/**
 * Pattern lint through `validateDefinition`: a form's `pattern`s (and `patternProperties` keys)
 * that can backtrack catastrophically are refused at their own path, and patterns the linear-time
 * matcher cannot run are refused with a reason rather than failing when someone answers.
 */
import { describe, expect, it } from 'vitest';
import cafEhm from '../../definitions/caf-ehm.json' with { type: 'json' };
import camden from '../../definitions/camden.json' with { type: 'json' };
import clinic from '../../definitions/clinic.json' with { type: 'json' };
import graftLcs from '../../definitions/graft-lcs.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { patternProblems } from './pattern-rules.ts';
import { validateDefinition } from './validate-definition.ts';
import { expectOnly, expectProblems, fresh } from './test-kit.ts';

const REVIEW = '/forms/review/schema';

/** The fixture with the review form's schema given `extra` properties beside its own. */
function withReviewSchema(edit: (schema: Record<string, unknown>) => void): WorkflowDefinition {
  const definition = fresh();
  edit(definition.forms.review!.schema as Record<string, unknown>);
  return definition;
}

const withPattern = (pattern: string) =>
  withReviewSchema((s) => void ((s.properties as Record<string, Record<string, unknown>>).summary!.pattern = pattern));

describe('validateDefinition: pattern rules', () => {
  describe('form_pattern_slow', () => {
    it('Given the summary pattern "^(a+)+$", When validated, Then it is refused at that pattern, saying why and how to fix it', () => {
      const message = expectOnly(withPattern('^(a+)+$'), 'form_pattern_slow', `${REVIEW}/properties/summary/pattern`, '^(a+)+$');
      expect(message).toMatch(/^The pattern "\^\(a\+\)\+\$" can take exponential time on some answers/);
      expect(message).toContain('simplify it, for example');
    });

    it('Given a slow pattern on a question inside a repeat, When validated, Then the path goes through items', () => {
      const definition = withReviewSchema((s) => {
        (s.properties as Record<string, unknown>).contacts = {
          type: 'array', title: 'Contacts',
          items: { type: 'object', properties: { phone: { type: 'string', title: 'Phone', pattern: '^(\\d+\\s?)+$' } } },
        };
      });
      expectOnly(definition, 'form_pattern_slow', `${REVIEW}/properties/contacts/items/properties/phone/pattern`, '^(\\d+\\s?)+$');
    });

    it('Given a slow patternProperties key with a "/" in it, When validated, Then the path names the key, escaped', () => {
      const definition = withReviewSchema((s) => {
        s.patternProperties = { '^(a|a)*/x$': { type: 'string' } };
      });
      expectOnly(definition, 'form_pattern_slow', `${REVIEW}/patternProperties/^(a|a)*~1x$`, '^(a|a)*/x$');
    });

    it('Given slow patterns under allOf, if/then, $defs and propertyNames, When validated, Then each is found', () => {
      const slow = '(x+x+)+y';
      const definition = withReviewSchema((s) => {
        s.allOf = [{ properties: { summary: { type: 'string', pattern: slow } } }];
        s.if = { properties: { safeguardingConcerns: { const: true } } };
        s.then = { properties: { summary: { type: 'string', pattern: slow } } };
        s.$defs = { code: { type: 'string', pattern: slow } };
        s.propertyNames = { type: 'string', pattern: slow };
      });
      expectProblems(
        definition,
        ...['/allOf/0/properties/summary/pattern', '/then/properties/summary/pattern', '/$defs/code/pattern', '/propertyNames/pattern']
          .map((p) => ({ code: 'form_pattern_slow', path: `${REVIEW}${p}`, mentions: [slow] })),
      );
    });

    it('Given a pattern-like string in a const, an enum or a default, When validated, Then it is an answer, not a pattern', () => {
      const definition = withReviewSchema((s) => {
        (s.properties as Record<string, unknown>).code = { type: 'object', title: 'Code', default: { pattern: '^(a+)+$' }, const: { pattern: '^(a+)+$' } };
      });
      expect(patternProblems(definition)).toEqual([]);
    });

    it('Given everyday patterns (times, dates, postcodes, phone numbers, named groups), When validated, Then none is refused', () => {
      for (const pattern of [
        '^([01][0-9]|2[0-3]):[0-5][0-9]$', '^\\d{4}-\\d{2}-\\d{2}$', '^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$',
        '^\\d{3} ?\\d{3} ?\\d{4}$', '^(?<area>[A-Z]{1,2})\\d', '^\\p{L}[\\p{L} \'-]*$',
        // The detector alone takes \p{L} to match anything, spaces included.
        '^\\p{L}+ \\p{L}+$', '^\\p{Lu}\\p{Ll}+( \\p{Lu}\\p{Ll}+){0,5}$',
      ]) {
        expect(validateDefinition(withPattern(pattern)), pattern).toEqual([]);
      }
    });
  });

  describe('patterns the linear-time matcher cannot run', () => {
    it.each([
      ['a backreference', '^(a)\\1$', 'backreference'],
      ['a lookahead', '^(?=.*\\d)\\w+$', 'lookaround'],
    ])('Given %s, When validated, Then the form schema is refused with a reason naming the pattern, and nothing throws', (_, pattern, reason) => {
      const [problem, ...rest] = validateDefinition(withPattern(pattern));
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ code: 'invalid_form_schema', path: REVIEW });
      expect(problem!.message).toContain(`"${pattern}"`);
      expect(problem!.message).toContain(reason);
    });
  });

  it.each([['caf-ehm', cafEhm], ['camden', camden], ['clinic', clinic], ['graft-lcs', graftLcs]])(
    'Given the %s definition, When its patterns are checked, Then none is refused',
    (_, definition) => {
      expect(patternProblems(definition as unknown as WorkflowDefinition)).toEqual([]);
    },
  );
});
