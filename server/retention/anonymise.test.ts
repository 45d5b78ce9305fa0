/**
 * Anonymising real Camden cases: referral forms with free text, repeats of children with names,
 * dates of birth and schools, consultations with notes, e-mails in the outbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../engine/index.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { givenCamdenStepDowns } from '../routes/report-given.ts';
import { ANONYMISED_FAMILY, REMOVED } from './anonymise.ts';
import { runRetention } from './job.ts';

let api: Api;
beforeEach(async () => {
  api = await apiHarness();
  await givenCamdenStepDowns(api);
});
afterEach(async () => api.close());

const sam: Actor = { id: 'camden.social_worker', roles: ['social_worker'], teams: [] };

describe('Given Camden’s step downs, withdrawn, and the children’s 25th birthdays passed', () => {
  it('Then retention leaves no name, date of birth, case-system ID or free text, and keeps the answers statistics need', async () => {
    for (const id of ['case-okafor', 'case-patel']) await api.runner.dispatch(id, { type: 'case_withdrawn', by: sam, reason: `The ${id.slice(5)} family moved to Leeds` });
    const before = (await api.store.getCase('case-okafor'))!;
    const referral = Object.values(before.form).find((answers) => 'children' in answers)!;
    expect(JSON.stringify(referral)).toContain('Argyle Primary School');

    const run = await runRetention(api.store, '2040-04-02T12:00:00Z', { dryRun: false, authority: 'camden' });
    expect(run.disposed.map((d) => d.caseId)).toEqual(['case-okafor', 'case-patel']);
    expect(run.notYetDue).toBe(0);

    const after = (await api.store.getCase('case-okafor'))!;
    const text = JSON.stringify(after);
    for (const personal of ['Okafor', 'Ada', 'Argyle', 'Leeds', '2015-04-02', '2075']) expect(text, personal).not.toContain(personal);
    expect(after.subject).toEqual({ familyName: ANONYMISED_FAMILY, children: [{ name: 'Child 1' }] });
    // The same questions are answered, with dates, choices and yes/no kept and free text replaced.
    const anonymisedReferral = Object.values(after.form).find((answers) => 'children' in answers)!;
    expect(Object.keys(anonymisedReferral)).toEqual(Object.keys(referral));
    for (const [key, value] of Object.entries(referral)) {
      if (typeof value === 'boolean' || typeof value === 'number') expect(anonymisedReferral[key], key).toEqual(value);
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) expect(anonymisedReferral[key], key).toBe(value);
    }
    expect((anonymisedReferral.children as Array<Record<string, unknown>>)[0]).toMatchObject({ name: REMOVED, dateOfBirth: REMOVED, schoolsAttended: REMOVED });
    expect(after.history.map((h) => h.type)).toEqual(before.history.map((h) => h.type));
    expect(after.outcome).toEqual(before.outcome);
    expect(await api.store.listOutbox({ caseId: 'case-okafor' })).toEqual([]);
    expect((await api.store.listOutbox({ caseId: 'case-nowak' })).length).toBeGreaterThan(0);
    // (The test's case ids name the families; real ones do not.)
    expect(await api.store.findCases({ authority: 'camden', search: 'Ada Okafor' })).toEqual([]);
    expect(await api.store.findCases({ authority: 'camden', search: 'Ada Nowak' })).toHaveLength(1);
    expect((await api.store.verifyAudit('case-okafor')).ok).toBe(true);
    // Open cases are never touched, whatever the children's ages.
    expect((await api.store.getCase('case-nowak'))?.subject.familyName).toBe('Nowak');
  });
});
