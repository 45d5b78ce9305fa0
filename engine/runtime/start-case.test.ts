/**
 * Starting a case: the family's facts follow GOV.UK's date rules — a date of birth is a real date,
 * and in the past — and each problem names the child it is about.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../../test/support/case-driver.ts';
import { ENFORCED } from './enforcement.fixture.ts';

const users = { sam: { roles: ['social_worker'] } };
const startWith = (children: Array<{ name: string; dateOfBirth?: string }>) => (d: CaseDriver) =>
  d.start('2026-12-21T09:00:00Z', 'start', 'sam', { familyName: 'Okafor', children });

describe('Given a social worker starting a step down on Monday 21 December 2026', () => {
  it('When a date of birth is 31 February or tomorrow, Then each is refused naming the child', () => {
    const refusal = new CaseDriver(ENFORCED, users, '2026-12-21T09:00:00Z').refused(startWith([{ name: 'Ada Okafor', dateOfBirth: '2019-02-31' }, { name: 'Ben Okafor', dateOfBirth: '2026-12-22' }]));
    expect(refusal.details.fieldErrors).toEqual([
      { pointer: '/subject/children/0/dateOfBirth', keyword: 'format', message: 'Date of birth of Ada Okafor must be a real date' },
      { pointer: '/subject/children/1/dateOfBirth', keyword: 'maximum', message: 'Date of birth of Ben Okafor must be in the past' },
    ]);
  });

  it('When the dates are real and past (a baby born today included), Then the case starts', () => {
    const driver = new CaseDriver(ENFORCED, users, '2026-12-21T09:00:00Z');
    startWith([{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }, { name: 'Cy Okafor', dateOfBirth: '2026-12-21' }])(driver);
    expect(driver.state?.status).toBe('open');
  });
});
