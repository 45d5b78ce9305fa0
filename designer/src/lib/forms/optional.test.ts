import { describe, expect, it } from 'vitest';
import { ifMatches, labelFor, requiredNames } from './optional.ts';

// The shape of Camden's step-down referral: agreeing makes the referral's questions required.
const referral = {
  type: 'object',
  required: ['familyAgreed'],
  properties: { familyAgreed: { type: 'boolean' }, agreementDate: { type: 'string' }, currentEarlyHelpTeam: { type: 'string' }, notes: { type: 'string' } },
  allOf: [
    { if: { properties: { familyAgreed: { const: true } }, required: ['familyAgreed'] }, then: { required: ['agreementDate', 'alreadyOpenToEarlyHelp'] } },
    { if: { properties: { alreadyOpenToEarlyHelp: { const: true } }, required: ['alreadyOpenToEarlyHelp'] }, then: { required: ['currentEarlyHelpTeam'] } },
  ],
};

describe('which questions are optional', () => {
  it('Given no answers, Then only the plainly required question is required', () => {
    expect([...requiredNames(referral, {})]).toEqual(['familyAgreed']);
  });

  it('Given the family agreed, Then the questions its then-clause lists are required, and a nested condition follows its own answer', () => {
    expect(requiredNames(referral, { familyAgreed: true })).toEqual(new Set(['familyAgreed', 'agreementDate', 'alreadyOpenToEarlyHelp']));
    expect(requiredNames(referral, { familyAgreed: true, alreadyOpenToEarlyHelp: true })).toContain('currentEarlyHelpTeam');
    expect(requiredNames(referral, { familyAgreed: false })).toEqual(new Set(['familyAgreed']));
  });

  it('Given an enum test, an else branch, and an if it cannot read, Then enum and else are followed and the unreadable if counts as matching', () => {
    const schema = {
      if: { properties: { outcome: { enum: ['team', 'panel'] } }, required: ['outcome'] },
      then: { required: ['team'] },
      else: { required: ['reason'] },
      allOf: [{ if: { properties: { n: { minimum: 3 } }, required: ['n'] }, then: { required: ['why'] } }],
    };
    expect(requiredNames(schema, { outcome: 'panel' })).toContain('team');
    expect(requiredNames(schema, { outcome: 'iag' })).toEqual(new Set(['reason']));
    expect(requiredNames(schema, { outcome: 'iag', n: 1 })).toContain('why');
    expect(ifMatches({ properties: { outcome: { const: 'x' } } }, {})).toBe(true);
  });

  it('Given questions in anyOf branches, Then they are not called optional', () => {
    expect(requiredNames({ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }, {})).toEqual(new Set(['phone', 'email']));
  });

  it('labels only the optional ones', () => {
    const required = new Set(['a']);
    expect(labelFor('Name', 'a', required)).toBe('Name');
    expect(labelFor('Notes', 'b', required)).toBe('Notes (optional)');
    expect(labelFor('Notes', 'b', undefined)).toBe('Notes');
  });
});
