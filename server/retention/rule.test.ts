import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, describeRule, disposalDate, isDue, yearsAfter } from './rule.ts';

describe('retention rule', () => {
  it('counts birthdays in whole years, a 29 February birthday falling on 1 March in a common year', () => {
    expect(yearsAfter('2001-12-07', 25)).toBe('2026-12-07');
    expect(yearsAfter('2004-02-29', 25)).toBe('2029-03-01');
    expect(yearsAfter('2004-02-29', 24)).toBe('2028-02-29');
  });

  it('is due on the youngest child’s 25th birthday, not the day before', () => {
    const facts = { closedAt: '2010-05-01T09:00:00Z', childrenBornOn: ['1990-01-01', '2001-12-07'] };
    const date = disposalDate(DEFAULT_RETENTION, facts);
    expect(date).toEqual({ due: '2026-12-07', then: 'anonymise', because: 'the youngest child\'s 25th birthday' });
    expect(isDue('2026-12-07', '2026-12-06T23:59:59Z')).toBe(false);
    expect(isDue('2026-12-07', '2026-12-07T00:00:00Z')).toBe(true);
    // In summer, London's day starts an hour before UTC's.
    expect(isDue('2026-07-01', '2026-06-30T23:30:00Z')).toBe(true);
  });

  it('keeps a case at least the given years after closing when that is later', () => {
    const rule = { keepUntil: 'youngestChildAge', age: 25, atLeastYearsAfterClosing: 6, then: 'delete' } as const;
    expect(disposalDate(rule, { closedAt: '2024-03-01T12:00:00Z', childrenBornOn: ['2000-01-01'] })).toMatchObject({ due: '2030-03-01', then: 'delete' });
    expect(disposalDate(rule, { closedAt: '2010-03-01T12:00:00Z', childrenBornOn: ['2000-01-01'] })).toMatchObject({ due: '2025-01-01' });
  });

  it('cannot date a case with no child’s date of birth, and counts years from the London day a case closed', () => {
    expect(disposalDate(DEFAULT_RETENTION, { closedAt: '2010-05-01T09:00:00Z', childrenBornOn: [] }).due).toBeNull();
    const rule = { keepFor: { years: 6 }, from: 'closed', then: 'anonymise' } as const;
    expect(disposalDate(rule, { closedAt: '2020-06-30T23:30:00Z', childrenBornOn: [] }).due).toBe('2026-07-01');
    expect(describeRule(rule)).toBe('kept 6 years after closing, then anonymised');
    expect(describeRule(DEFAULT_RETENTION)).toBe('kept until the youngest child\'s 25th birthday, then anonymised');
  });
});

describe('retention in a definition', () => {
  it('is checked by the definition schema, with problems in plain English', async () => {
    const { readFileSync } = await import('node:fs');
    const { validateDefinition } = await import('../../engine/index.ts');
    const clinic = JSON.parse(readFileSync(new URL('../../definitions/clinic.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(clinic.retention).toEqual({ keepUntil: 'youngestChildAge', age: 25, then: 'anonymise' });
    const problems = (retention: unknown) => validateDefinition({ ...clinic, retention }).map((p) => [p.code, p.path]);
    expect(problems({ keepFor: { years: 6 }, from: 'closed', then: 'delete' })).toEqual([]);
    expect(problems({ keepUntil: 'youngestChildAge', age: 10, then: 'anonymise' })).toEqual([['schema_minimum', '/retention/age']]);
    expect(problems({ keepFor: { years: 6 }, from: 'closed', then: 'shred' })).toEqual([['schema_not_allowed', '/retention/then']]);
  });
});
