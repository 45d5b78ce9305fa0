/**
 * Later forms correct the case's facts (`eachChild.updates`): a correction that follows the rules
 * changes the children on the case and is recorded once; a date of birth that is not a real date
 * or is in the future, or a name that shows nothing, is refused with the form's other errors in
 * one submit, named by child, and the case is unchanged. Dates are real: the case starts on
 * Wednesday 1 July 2026, and the details are checked at 00:30 on Thursday 2 July, London time
 * (23:30 on 1 July in UTC), so a baby born that day has a date of birth of "today".
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../../test/support/case-driver.ts';
import type { Form } from '../schema/definition.types.ts';
import { expectProblems } from '../validate/test-kit.ts';
import { validateDefinition } from '../validate/validate-definition.ts';
import { CORRECTIONS } from './corrections.fixture.ts';

const users = { sam: { roles: ['social_worker'] } };
const family = { familyName: 'Haddad', children: [{ name: 'Amira Haddad', dateOfBirth: '2019-01-31', personId: 'MOS-4411' }, { name: 'Baby Haddad' }] };
const AFTER_MIDNIGHT_IN_LONDON = '2026-07-01T23:30:00Z';
const summary = 'Checked with the mother at the home visit.';

const opened = () => new CaseDriver(CORRECTIONS, users, '2026-07-01T08:00:00Z').start('2026-07-01T08:00:00Z', 'start', 'sam', family);
const checked = (children: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) =>
  opened().complete(AFTER_MIDNIGHT_IN_LONDON, 'check', 'sam', { children, summary, ...extra }, 'save');

/** Amira's date of birth was typed as 31 January, not 13; the baby, born today, now has a name. */
const corrected = [
  { name: 'Amira Haddad', correctedName: 'Amira Haddad', dateOfBirth: '2019-01-13', personId: 'MOS-4411' },
  { name: 'Baby Haddad', correctedName: 'Layla Haddad', dateOfBirth: '2026-07-02' },
];

describe('Later forms correct the case’s facts', () => {
  it('Given a new task, Then each child’s item holds the facts as they stand, in the questions that correct them', () => {
    expect(opened().task('check').prefill).toEqual({
      children: [
        { name: 'Amira Haddad', correctedName: 'Amira Haddad', dateOfBirth: '2019-01-31', personId: 'MOS-4411' },
        { name: 'Baby Haddad', correctedName: 'Baby Haddad' },
      ],
    });
  });

  it('When a date of birth, a name and a missing date are corrected, Then the case’s children change and one entry records each change', () => {
    const driver = checked(corrected);
    expect(driver.state!.subject.children).toEqual([
      { name: 'Amira Haddad', dateOfBirth: '2019-01-13', personId: 'MOS-4411' },
      { name: 'Layla Haddad', dateOfBirth: '2026-07-02' },
    ]);
    expect(driver.history('subject_corrected')).toEqual([{
      at: '2026-07-01T23:30:00.000Z', type: 'subject_corrected', node: 'check', task: 'case-1.t1', by: 'sam',
      changes: [
        { child: 0, name: 'Amira Haddad', fact: 'dateOfBirth', from: '2019-01-31', to: '2019-01-13' },
        { child: 1, name: 'Layla Haddad', fact: 'name', from: 'Baby Haddad', to: 'Layla Haddad' },
        { child: 1, name: 'Layla Haddad', fact: 'dateOfBirth', to: '2026-07-02' },
      ],
    }]);
  });

  it('Given the corrections, Then the next task is prefilled with the corrected facts and its items match the corrected names', () => {
    const driver = checked(corrected);
    const prefill = driver.task('review').prefill as { children: Array<Record<string, unknown>> };
    expect(prefill.children).toEqual([
      { name: 'Amira Haddad', correctedName: 'Amira Haddad', dateOfBirth: '2019-01-13', personId: 'MOS-4411' },
      { name: 'Layla Haddad', correctedName: 'Layla Haddad', dateOfBirth: '2026-07-02' },
    ]);
    driver.complete('2026-07-02T09:00:00Z', 'review', 'sam', { children: prefill.children, summary }, 'done');
    expect(driver.state!.status).toBe('closed');
    expect(driver.history('subject_corrected')).toHaveLength(1);
  });

  it('Given a fact corrected elsewhere after the task opened, When the task is sent with its items as prefilled, Then the newer fact stays', () => {
    const driver = opened();
    const prefill = structuredClone(driver.task('check').prefill) as { children: Array<Record<string, unknown>> };
    // Meanwhile another step corrected Amira's date of birth (as a parallel task would have).
    const state = structuredClone(driver.state!);
    state.subject.children[0]!.dateOfBirth = '2019-01-13';
    driver.state = state;
    driver.complete(AFTER_MIDNIGHT_IN_LONDON, 'check', 'sam', { children: prefill.children, summary }, 'save');
    expect(driver.state!.subject.children[0]!.dateOfBirth).toBe('2019-01-13');
    expect(driver.history('subject_corrected')).toEqual([]);
  });

  it('When the questions are left blank or unchanged, Then every fact stays as it was and nothing is recorded', () => {
    const driver = checked([
      { name: 'Amira Haddad', correctedName: ' ', dateOfBirth: '', personId: '' },
      { name: ' baby  HADDAD ', correctedName: 'Baby Haddad' },
    ]);
    expect(driver.state!.subject).toEqual(family);
    expect(driver.history('subject_corrected')).toEqual([]);
  });

  it('When a date of birth is 31 February, another is tomorrow in London and a name is only invisible characters, Then one submit refuses all of them with the form’s own error, each naming its child', () => {
    const attempt = [
      { name: 'Amira Haddad', correctedName: 'Amira Haddad', dateOfBirth: '2019-02-31' },
      { name: 'Baby Haddad', correctedName: '\u200b\u2060', dateOfBirth: '2026-07-03' },
    ];
    const refusal = opened().refused((d) => d.complete(AFTER_MIDNIGHT_IN_LONDON, 'check', 'sam', { children: attempt, summary: '  ' }, 'save'));
    expect(refusal.code).toBe('form_invalid');
    expect(refusal.details.fieldErrors).toEqual([
      { pointer: '/children/0/dateOfBirth', keyword: 'format', message: 'Date of birth of Amira Haddad must be a real date' },
      { pointer: '/children/1/correctedName', keyword: 'required', message: 'Enter the name of Baby Haddad' },
      { pointer: '/children/1/dateOfBirth', keyword: 'maximum', message: 'Date of birth of Baby Haddad must be in the past' },
      { pointer: '/summary', keyword: 'required', message: 'Enter what was checked' },
    ]);
  });

  it('When a correction comes with a child left out, Then both are refused together', () => {
    const refusal = opened().refused((d) => d.complete(AFTER_MIDNIGHT_IN_LONDON, 'check', 'sam', { children: [{ name: 'Amira Haddad', dateOfBirth: '2027-01-01' }], summary }, 'save'));
    expect(refusal.details.fieldErrors).toEqual([
      { pointer: '/children', keyword: 'eachChild', message: 'Add the details for Baby Haddad' },
      { pointer: '/children/0/dateOfBirth', keyword: 'maximum', message: 'Date of birth of Amira Haddad must be in the past' },
    ]);
  });
});

describe('Lint of eachChild.updates', () => {
  const fresh = () => structuredClone(CORRECTIONS);
  const repeat = (d: typeof CORRECTIONS) => (d.forms['details'] as Form).layout!.sections[0]!.fields[0]!;
  const items = (d: typeof CORRECTIONS) => ((d.forms['details'] as Form).schema['properties'] as Record<string, { items: { properties: Record<string, unknown> } }>)['children']!.items.properties;
  const at = '/forms/details/layout/sections/0/fields/0/eachChild/updates';

  it('Given the fixture, Then it has no problems', () => {
    expect(validateDefinition(CORRECTIONS)).toEqual([]);
  });

  it('When a fact is corrected from a question the item lacks, a date of birth from a text question, or a name from the matching question, Then each is named', () => {
    const d = fresh();
    repeat(d).eachChild!.updates = { name: 'name', dateOfBirth: 'personId', personId: 'mosaicId' };
    expectProblems(
      d,
      { code: 'each_child_update_is_name_field', path: `${at}/name`, mentions: ['children', 'name'] },
      { code: 'each_child_update_not_a_date', path: `${at}/dateOfBirth`, mentions: ['personId'] },
      { code: 'each_child_update_unknown', path: `${at}/personId`, mentions: ['children', 'mosaicId'] },
    );
  });

  it('When a name or case-system ID is corrected from a question that is not text, Then it is named', () => {
    const d = fresh();
    items(d)['inCare'] = { type: 'boolean', title: 'Looked after' };
    repeat(d).eachChild!.updates = { personId: 'inCare' };
    expectProblems(d, { code: 'each_child_update_not_text', path: `${at}/personId`, mentions: ['inCare'] });
  });
});
