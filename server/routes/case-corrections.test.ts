/**
 * A later form corrects a child's facts (`eachChild.updates`): the timeline says what changed in
 * plain words with long dates, and case search, whose keys the SQLite store recomputes from the
 * state on every save, finds the case by the corrected name, date of birth and Mosaic ID and no
 * longer by the old ones. The family is checked at 00:30 on Thursday 2 July 2026, London time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CORRECTIONS } from '../../engine/runtime/corrections.fixture.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { json, type Client, type Json } from './case-test-support.ts';

const definition = { ...structuredClone(CORRECTIONS), authority: { id: 'clinic', name: 'Early Help Step Down Clinic authority' } };
const family = { familyName: 'Haddad', children: [{ name: 'Amira Haddad', dateOfBirth: '2019-01-31', personId: 'MOS-4411' }, { name: 'Baby Haddad' }] };
const summary = 'Checked with the mother at the home visit.';

let api: Api;
beforeEach(async () => {
  api = await apiHarness('2026-07-01T08:00:00Z', { sessionLifetimeMs: 7 * 24 * 3600 * 1000 });
  await api.store.saveDraft(definition, { by: 'clinic.admin', at: api.clock.now() });
  await api.store.publish('corrections', { by: 'clinic.admin', at: api.clock.now() });
});
afterEach(async () => api.close());

const found = async (sam: Client, q: string) => ((await json(sam.get(`/api/cases?q=${encodeURIComponent(q)}`))).cases as Json[]).map((c) => c.id as string);

/** Given Sam opened the Haddad case on Wednesday 1 July and checks the details just after midnight. */
async function opened() {
  const sam = await api.signIn('social_worker@clinic.example');
  const view = await json(sam.post('/api/cases', { definition: 'corrections', entry: 'start', subject: family }));
  await api.runClockTo('2026-07-01T23:30:00Z');
  const complete = (children: Json[], extra: Json = {}) =>
    sam.post(`/api/cases/${view.id}/tasks/${view.openTasks[0].id}/complete`, { data: { children, summary, ...extra }, actions: [{ action: 'save' }] });
  return { sam, caseId: view.id as string, complete };
}

describe('correcting a child’s facts', () => {
  it('When Amira’s date of birth and Mosaic ID are corrected and the baby is named, Then the timeline says so and search follows the new facts', async () => {
    const { sam, caseId, complete } = await opened();
    expect(await found(sam, '31/01/2019')).toEqual([caseId]);
    const done = await complete([
      { name: 'Amira Haddad', correctedName: 'Amira Haddad', dateOfBirth: '2019-01-13', personId: 'MOS-5120' },
      { name: 'Baby Haddad', correctedName: 'Layla Haddad', dateOfBirth: '2026-07-02' },
    ]);
    expect(done.status).toBe(200);

    const timeline = await json(sam.get(`/api/cases/${caseId}/timeline`));
    expect(timeline.history.filter((h: Json) => h.type === 'subject_corrected')).toEqual([expect.objectContaining({
      node: 'check',
      internal: false,
      who: expect.objectContaining({ id: 'clinic.social_worker' }),
      text: 'Date of birth of Amira Haddad corrected from 31 January 2019 to 13 January 2019; case-system ID of Amira Haddad corrected from MOS-4411 to MOS-5120; '
        + 'name of Baby Haddad corrected to Layla Haddad; date of birth of Layla Haddad recorded as 2 July 2026',
    })]);

    expect(await found(sam, '13/01/2019')).toEqual([caseId]);
    expect(await found(sam, '31/01/2019')).toEqual([]);
    expect(await found(sam, 'MOS-5120')).toEqual([caseId]);
    expect(await found(sam, 'MOS-4411')).toEqual([]);
    expect(await found(sam, 'Layla')).toEqual([caseId]);
    expect(await found(sam, 'Baby')).toEqual([]);
  });

  it('When a date of birth is 31 February and a name is blank, Then it is 422 with every error named by child, and search still finds the old facts', async () => {
    const { sam, caseId, complete } = await opened();
    const refused = await json(complete([
      { name: 'Amira Haddad', correctedName: 'Amira Haddad', dateOfBirth: '2019-02-31' },
      { name: 'Baby Haddad', correctedName: '\u200b' },
    ], { summary: ' ' }));
    expect(refused).toMatchObject({ status: 422, code: 'form_invalid' });
    expect(refused.errors.map((e: Json) => e.message)).toEqual(['Date of birth of Amira Haddad must be a real date', 'Enter the name of Baby Haddad', 'Enter what was checked']);
    expect(await found(sam, '31/01/2019')).toEqual([caseId]);
  });
});
