/**
 * The engine's one Ajv configuration: form patterns run on a linear-time matcher (RE2), so no
 * answer can hold the server up, and only an answer's own properties count, so a question named
 * like an `Object.prototype` member is not answered by the prototype.
 */
import { describe, expect, it } from 'vitest';
import { validateFormData } from '../forms/index.ts';
import type { Form } from './definition.types.ts';
import { createAjv } from './ajv.ts';

const matches = (pattern: string, answer: string): boolean => createAjv().compile({ type: 'string', pattern })(answer) as boolean;

describe('createAjv: patterns', () => {
  it('Given the pattern "^(a+)+$", When an answer of 40 characters that almost matches is checked, Then it is refused, and promptly', () => {
    // With the built-in RegExp this answer takes hours (time doubles with each character);
    // vitest's timeout is the only guard here, on purpose: no timing assertions.
    expect(matches('^(a+)+$', `${'a'.repeat(39)}!`)).toBe(false);
    expect(matches('^(a+)+$', 'a'.repeat(40))).toBe(true);
  });

  it('Given everyday patterns, When answers are checked, Then they mean what they mean in JavaScript', () => {
    expect(matches('^\\d{4}-\\d{2}-\\d{2}$', '2026-12-25')).toBe(true);
    expect(matches('^\\d{4}-\\d{2}-\\d{2}$', '2026-12-25x')).toBe(false);
    expect(matches('^([01][0-9]|2[0-3]):[0-5][0-9]$', '23:59')).toBe(true);
    expect(matches('^([01][0-9]|2[0-3]):[0-5][0-9]$', '24:00')).toBe(false);
    // Unanchored patterns match anywhere, as RegExp.prototype.test does.
    expect(matches('NW1', 'Camden NW1 0AA')).toBe(true);
    // Unicode: escapes, classes and characters beyond the Basic Multilingual Plane.
    expect(matches('^\\u00e9t\\u00e9$', 'été')).toBe(true);
    expect(matches('^\\p{L}+$', 'Zoë')).toBe(true);
    expect(matches('^.$', '😀')).toBe(true);
    expect(matches('^(?<area>[A-Z]{1,2})\\d', 'NW1')).toBe(true);
    expect(matches('^a\\/b$', 'a/b')).toBe(true);
  });

  it('Given patternProperties, When keys are checked, Then the same matcher decides which keys it covers', () => {
    const validate = createAjv().compile({ type: 'object', patternProperties: { '^(a+)+$': { type: 'number' } } });
    expect(validate({ aaaa: 1 })).toBe(true);
    expect(validate({ aaaa: 'one' })).toBe(false);
    expect(validate({ [`${'a'.repeat(39)}!`]: 'one' })).toBe(true);
  });

  it.each([
    ['a backreference', '^(a)\\1$', /backreference/],
    ['a named backreference', '^(?<x>a)\\k<x>$', /backreference/],
    ['a lookahead', '^(?=a)\\w+$', /lookaround/],
    ['a lookbehind', '^\\w+(?<!a)$', /lookaround/],
    ['a pattern JavaScript cannot read', '^(?i)abc$', /not a valid regular expression/],
    ['an unclosed class', '[', /not a valid regular expression/],
  ])('Given %s, When the schema is compiled, Then it is refused with a message naming the pattern', (_, pattern, reason) => {
    expect(() => createAjv().compile({ type: 'string', pattern })).toThrow(reason);
    expect(() => createAjv().compile({ type: 'string', pattern })).toThrow(`"${pattern}"`);
  });
});

describe('createAjv: own properties only', () => {
  const form = (required: string[]): Form =>
    ({
      title: 'Names',
      schema: { type: 'object', required, properties: Object.fromEntries(required.map((name) => [name, { type: 'string', title: name }])) },
      layout: { sections: [] },
    }) as unknown as Form;
  const names = ['toString', 'constructor', '__proto__', 'hasOwnProperty'];

  it('Given required questions named like Object.prototype members, When they are absent, Then each is reported missing', () => {
    const errors = validateFormData(form(names), JSON.parse('{}'));
    expect(errors.map((e) => [e.pointer, e.keyword])).toEqual(names.map((n) => [`/${n}`, 'required']));
  });

  it('Given the same questions sent blank, When checked, Then blank is no answer for them either', () => {
    const blank = JSON.parse('{"toString": "", "constructor": "  ", "__proto__": "", "hasOwnProperty": ""}') as unknown;
    const errors = validateFormData(form(names), blank);
    expect(errors.map((e) => [e.pointer, e.keyword])).toEqual(names.map((n) => [`/${n}`, 'required']));
  });

  it('Given them answered, When checked, Then they are accepted', () => {
    const answered = JSON.parse('{"toString": "a", "constructor": "b", "__proto__": "c", "hasOwnProperty": "d"}') as unknown;
    // Straight to Ajv: the form path's blank-stripping copy assigns "__proto__" as a property,
    // which sets a prototype instead (engine/forms/form-checks.ts, withoutBlankAnswers).
    expect(createAjv().compile(form(names).schema)(answered)).toBe(true);
    const withoutProto = JSON.parse('{"toString": "a", "constructor": "b", "hasOwnProperty": "d"}') as unknown;
    expect(validateFormData(form(names.filter((n) => n !== '__proto__')), withoutProto)).toEqual([]);
  });

  it('Given Ajv directly, When "required" names an inherited property, Then only own properties count', () => {
    const validate = createAjv().compile({ type: 'object', required: ['toString'] });
    expect(validate({})).toBe(false);
    expect(validate(Object.create({ toString: 'inherited' }))).toBe(false);
    expect(validate({ toString: 'own' })).toBe(true);
  });
});
