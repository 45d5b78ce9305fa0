/**
 * Contract: retention. Closed cases listed with what their rule needs, legal holds audited on
 * the case's log, and the two disposals, each whole or not at all, recorded on the actor's
 * access log, and refused for a held case or one that moved on.
 */
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../engine/index.ts';
import { at, auditOf, makeCase, rejection, save, task, timer, type StoreHarness } from './store-contract-fixtures.ts';
import type { Store } from './store.ts';

/** A case closed at `closedAt`, written as version 1 then closed as version 2, with an e-mail in its outbox. */
async function closedCase(store: Store, id: string, options: { authority?: string; closedAt?: string; children?: CaseState['subject']['children']; status?: CaseState['status'] } = {}): Promise<CaseState> {
  const open = makeCase({ id, authority: options.authority ?? 'north', tasks: [task(`${id}.t1`, 'screen', { worker: 'sam' })], timers: [timer(`${id}.tm1`, at(60))], ...(options.children ? { children: options.children } : {}) });
  await save(store, open, [{ id: `${id}.mail`, kind: 'notify', payload: { subject: 'About the Okafor family' } }]);
  const closedAt = options.closedAt ?? at(30);
  const closed: CaseState = {
    ...open, version: 2, updatedAt: closedAt, status: options.status ?? 'closed',
    outcome: { id: 'stepped_down', closureReason: 'RC8', at: closedAt },
    tasks: { [`${id}.t1`]: { ...open.tasks[`${id}.t1`]!, status: 'completed', completedAt: closedAt, completedBy: 'sam' } },
    timers: {},
  };
  await store.commitStep({ caseState: closed, expectedVersion: 1, audit: [auditOf(closed, 'case_closed')], outbox: [] });
  return closed;
}

const record = (caseId: string, action = 'case_anonymised') => ({ at: at(90), actor: 'system', action, detail: { caseId, cases: [caseId], rule: 'test rule' } });

function anonymised(state: CaseState): CaseState {
  return { ...state, version: state.version + 1, updatedAt: at(90), subject: { familyName: 'Anonymised family', children: [{ name: 'Child 1' }] }, form: { step_down: { consent: true } } };
}

export function retentionContract(get: () => StoreHarness): void {
  describe('retention', () => {
    it('lists closed and withdrawn cases by id, a page at a time, with closing date and dates of birth, and never open ones', async () => {
      const { store } = get();
      await closedCase(store, 'c3', { closedAt: '2020-05-01T10:00:00.000Z', children: [{ name: 'Ada', dateOfBirth: '2010-01-01' }, { name: 'Ben' }] });
      await closedCase(store, 'c1', { status: 'withdrawn' });
      await closedCase(store, 'c2', { authority: 'south' });
      await save(store, makeCase({ id: 'c0' }));
      const first = await store.listClosedCases({ limit: 2 });
      expect(first.map((c) => c.id)).toEqual(['c1', 'c2']);
      const second = await store.listClosedCases({ after: 'c2', limit: 2 });
      expect(second).toEqual([{
        id: 'c3', authority: 'north', definitionId: 'every-node', definitionVersion: 1, status: 'closed', version: 2,
        closedAt: '2020-05-01T10:00:00.000Z', childrenBornOn: ['2010-01-01'], children: 2, hold: null,
      }]);
      expect((await store.listClosedCases({ authority: 'north', limit: 10 })).map((c) => [c.id, c.status])).toEqual([['c1', 'withdrawn'], ['c3', 'closed']]);
    });

    it('puts a case on legal hold and releases it, each on the case’s log', async () => {
      const { store } = get();
      await closedCase(store, 'c1');
      const hold = await store.setLegalHold({ caseId: 'c1', by: 'ada-admin', at: '2026-12-01T10:00:00Z', reason: 'Care proceedings' });
      expect(hold).toEqual({ caseId: 'c1', authority: 'north', by: 'ada-admin', at: '2026-12-01T10:00:00.000Z', reason: 'Care proceedings' });
      expect(await store.getLegalHold('c1')).toEqual(hold);
      expect((await store.listClosedCases({ limit: 10 }))[0]!.hold).toEqual(hold);
      expect(await store.clearLegalHold('c1', { by: 'ada-admin', at: '2026-12-02T10:00:00Z' })).toBe(true);
      expect(await store.clearLegalHold('c1', { by: 'ada-admin', at: '2026-12-02T10:00:00Z' })).toBe(false);
      expect(await store.getLegalHold('c1')).toBeNull();
      expect((await store.listAudit('c1')).map((e) => [e.action, e.actor]).slice(-2)).toEqual([['legal_hold_set', 'ada-admin'], ['legal_hold_released', 'ada-admin']]);
      expect((await store.verifyAudit('c1')).ok).toBe(true);
      expect((await rejection(store.setLegalHold({ caseId: 'nope', by: 'ada-admin', at: at(1), reason: 'x' }))).code).toBe('not_found');
    });

    it('anonymises a case whole: new state, search, drafts and messages gone, on both logs; then it leaves the list', async () => {
      const { store } = get();
      const closed = await closedCase(store, 'c1');
      await store.saveTaskDraft({ caseId: 'c1', taskId: 'c1.t1', userId: 'sam', authority: 'north', data: { notes: 'Ada is' }, savedAt: at(20) });
      expect(await store.findCases({ authority: 'north', search: 'okafor' })).toHaveLength(1);
      await store.anonymiseCase({ caseState: anonymised(closed), expectedVersion: 2, audit: { at: at(90), actor: 'system', action: 'case_anonymised', detail: { rule: 'test rule' } }, record: record('c1') });
      const after = await store.getCase('c1');
      expect(after).toMatchObject({ version: 3, status: 'closed', outcome: { closureReason: 'RC8' }, subject: { familyName: 'Anonymised family', children: [{ name: 'Child 1' }] } });
      expect(await store.findCases({ authority: 'north', search: 'okafor' })).toEqual([]);
      expect((await store.listTasks({ authority: 'north', caseId: 'c1', status: 'completed' })).map((t) => t.familyName)).toEqual(['Anonymised family']);
      expect(await store.getTaskDraft('c1.t1', 'sam')).toBeNull();
      expect(await store.listOutbox({ caseId: 'c1' })).toEqual([]);
      expect((await store.listAudit('c1')).at(-1)).toMatchObject({ action: 'case_anonymised', actor: 'system' });
      expect((await store.verifyAudit('c1')).ok).toBe(true);
      expect(await store.listAccess({ authority: 'north', caseId: 'c1' })).toMatchObject([{ actor: 'system', action: 'case_anonymised', detail: { caseId: 'c1' } }]);
      expect((await store.verifyLog({ authority: 'north', actor: 'system' })).ok).toBe(true);
      expect(await store.listClosedCases({ limit: 10 })).toEqual([]);
    });

    it('deletes a case and everything kept beside it, leaving its record on the access log', async () => {
      const { store } = get();
      await closedCase(store, 'c1');
      await closedCase(store, 'c2');
      await store.saveTaskDraft({ caseId: 'c1', taskId: 'c1.t1', userId: 'sam', authority: 'north', data: { notes: 'x' }, savedAt: at(20) });
      await store.deleteCase({ caseId: 'c1', expectedVersion: 2, record: record('c1', 'case_deleted') });
      expect(await store.getCase('c1')).toBeNull();
      expect(await store.findCases({ authority: 'north', search: 'c1' })).toEqual([]);
      expect((await store.findCases({ authority: 'north' })).map((c) => c.id)).toEqual(['c2']);
      expect(await store.listTimers('c1')).toEqual([]);
      expect(await store.getTaskDraft('c1.t1', 'sam')).toBeNull();
      expect(await store.listOutbox({ caseId: 'c1' })).toEqual([]);
      expect((await store.listOutbox({ caseId: 'c2' })).length).toBe(1);
      expect(await store.listAccess({ authority: 'north', caseId: 'c1' })).toMatchObject([{ actor: 'system', action: 'case_deleted' }]);
      expect((await store.listClosedCases({ limit: 10 })).map((c) => c.id)).toEqual(['c2']);
      expect((await rejection(store.deleteCase({ caseId: 'c1', expectedVersion: 2, record: record('c1', 'case_deleted') }))).code).toBe('conflict');
    });

    it('anonymises the timeline too: every entry is read back as the anonymised state has it', async () => {
      const { store } = get();
      const closed = await closedCase(store, 'c1');
      const named = { ...closed, version: 3, history: [...closed.history, { at: at(40), type: 'note_added', by: 'sam', note: 'Ada Okafor moved school' }] };
      await save(store, named);
      const history = named.history.map((entry) => ({ at: entry.at, type: entry.type, by: 'removed', ...(entry.type === 'note_added' ? { note: '[removed]' } : {}) }));
      await store.anonymiseCase({ caseState: { ...anonymised(named), history }, expectedVersion: 3, audit: { at: at(90), actor: 'system', action: 'case_anonymised', detail: {} }, record: record('c1') });
      expect((await store.getCase('c1'))?.history).toEqual(history);
      expect(JSON.stringify(await store.getCase('c1'))).not.toContain('Okafor');
    });

    it('refuses to dispose of a held case, or one that moved on, and changes nothing', async () => {
      const { store } = get();
      const closed = await closedCase(store, 'c1');
      await store.setLegalHold({ caseId: 'c1', by: 'ada-admin', at: at(40), reason: 'Inquiry' });
      const input = { caseState: anonymised(closed), expectedVersion: 2, audit: { at: at(90), actor: 'system', action: 'case_anonymised', detail: {} }, record: record('c1') };
      expect((await rejection(store.anonymiseCase(input))).code).toBe('legal_hold');
      expect((await rejection(store.deleteCase({ caseId: 'c1', expectedVersion: 2, record: record('c1', 'case_deleted') }))).code).toBe('legal_hold');
      expect((await store.getCase('c1'))?.subject.familyName).toBe('Okafor');
      expect(await store.listAccess({ authority: 'north', caseId: 'c1' })).toEqual([]);
      await store.clearLegalHold('c1', { by: 'ada-admin', at: at(50) });
      expect((await rejection(store.anonymiseCase({ ...input, expectedVersion: 1 }))).code).toBe('conflict');
      expect((await rejection(store.deleteCase({ caseId: 'c1', expectedVersion: 1, record: record('c1', 'case_deleted') }))).code).toBe('conflict');
      expect((await store.getCase('c1'))?.version).toBe(2);
    });
  });
}
