/**
 * The retention job on a real store with real cases: started and ended through the case runner
 * with a simulated clock, children born on dated days around the 25th-birthday boundary.
 */
import { describe, expect, it } from 'vitest';
import type { Subject } from '../../engine/index.ts';
import { actors, fixtureDefinition, publishDefinition } from '../../test/store/support.ts';
import { fixtureRunnerPerTest, stepDown, type RunnerFixture } from '../runtime/test-kit.ts';
import { openSqliteStore } from '../store/index.ts';
import { ANONYMISED_FAMILY, REMOVED } from './anonymise.ts';
import { planRetention, runRetention } from './job.ts';

let fx: RunnerFixture;
const names = ['c-boundary', 'c-tomorrow', 'c-youngest', 'c-held', 'c-undated', 'c-open'];
let next = 0;
fixtureRunnerPerTest((fixture) => {
  fx = fixture;
  next = 0;
}, () => names[next++]!);

const NOW = '2026-12-07T10:00:00.000Z';

/** Starts a case at `startedAt`, answers the plan, and (unless `open`) withdraws it at `closedAt`. */
async function caseWith(children: Subject['children'], startedAt: string, closedAt: string | null) {
  fx.clock.set(startedAt);
  const started = await fx.runner.startCase({ ...stepDown(), subject: { familyName: 'Okafor', children } });
  const plan = Object.values(started.tasks).find((t) => t.status === 'open')!;
  await fx.runner.dispatch(started.id, { type: 'task_completed', taskId: plan.id, by: actors.sam, data: { consent: true, finalReviewDate: '2010-06-20' }, actions: [{ action: 'refer', note: 'Ada’s school is worried' }] });
  if (closedAt === null) return started.id;
  fx.clock.set(closedAt);
  await fx.runner.dispatch(started.id, { type: 'case_withdrawn', by: actors.sam, reason: 'The Okafors moved to Leeds' });
  return started.id;
}

async function sixCases() {
  await caseWith([{ name: 'Ada Okafor', dateOfBirth: '2001-12-07' }], '2010-03-01T09:00:00Z', '2010-05-01T09:00:00Z');
  await caseWith([{ name: 'Ben Okafor', dateOfBirth: '2001-12-08' }], '2010-03-01T09:00:00Z', '2010-05-01T09:00:00Z');
  await caseWith([{ name: 'Cal Okafor', dateOfBirth: '1990-01-01' }, { name: 'Dee Okafor', dateOfBirth: '2001-12-06', personId: 'MOS-123' }], '2010-03-01T09:00:00Z', '2010-05-01T09:00:00Z');
  await caseWith([{ name: 'Eve Okafor', dateOfBirth: '2000-01-01' }], '2010-03-01T09:00:00Z', '2010-05-01T09:00:00Z');
  await caseWith([{ name: 'Fin Okafor' }], '2010-03-01T09:00:00Z', '2010-05-01T09:00:00Z');
  await caseWith([{ name: 'Gus Okafor', dateOfBirth: '1990-01-01' }], '2010-03-01T09:00:00Z', null);
  await fx.store.setLegalHold({ caseId: 'c-held', by: 'ada-admin', at: '2026-11-01T09:00:00Z', reason: 'Care proceedings' });
}

const ids = (list: Array<{ caseId: string }>) => list.map((p) => p.caseId);

describe('retention of closed cases (default rule: until the youngest child is 25, then anonymised)', () => {
  it('a dry run reports exactly the due cases, held and undated ones apart, and changes nothing', async () => {
    await sixCases();
    const before = await Promise.all(names.map((id) => fx.store.getCase(id)));
    const report = await runRetention(fx.store, NOW, { dryRun: true });
    expect(report.today).toBe('2026-12-07');
    expect(ids(report.due)).toEqual(['c-boundary', 'c-youngest']);
    expect(report.due[0]).toMatchObject({ due: '2026-12-07', then: 'anonymise', because: 'the youngest child\'s 25th birthday', status: 'withdrawn' });
    expect(report.due[1]).toMatchObject({ due: '2026-12-06' });
    expect(ids(report.held)).toEqual(['c-held']);
    expect(report.held[0]).toMatchObject({ due: '2025-01-01', hold: { by: 'ada-admin', reason: 'Care proceedings' } });
    expect(ids(report.undated)).toEqual(['c-undated']);
    expect(report.notYetDue).toBe(1);
    expect(report.disposed).toEqual([]);
    expect(await Promise.all(names.map((id) => fx.store.getCase(id)))).toEqual(before);
    expect(await fx.store.listAccess({ authority: 'fixture' })).toEqual([]);
  });

  it('a run anonymises exactly the due cases, audited; a held case is untouched; a second run does nothing', async () => {
    await sixCases();
    const held = await fx.store.getCase('c-held');
    const run = await runRetention(fx.store, NOW, { dryRun: false });
    expect(run.disposed).toEqual([{ caseId: 'c-boundary', then: 'anonymise' }, { caseId: 'c-youngest', then: 'anonymise' }]);

    const done = (await fx.store.getCase('c-youngest'))!;
    expect(done.subject).toEqual({ familyName: ANONYMISED_FAMILY, children: [{ name: 'Child 1' }, { name: 'Child 2' }] });
    expect(done.status).toBe('withdrawn');
    // Kept for statistics: yes/no answers and dates that are not dates of birth; the shape of the case.
    expect(done.form.plan).toEqual({ consent: true, finalReviewDate: '2010-06-20' });
    expect(Object.values(done.tasks).find((t) => t.node === 'plan')?.answers).toEqual({ consent: true, finalReviewDate: '2010-06-20' });
    const withdrawn = done.history.find((h) => h.type === 'case_closed' || h.type === 'case_withdrawn' || 'reason' in h)!;
    expect(withdrawn.reason).toBe(REMOVED);
    expect(JSON.stringify(done)).not.toMatch(/Okafor|Leeds|MOS-123|2001-12-06|school is worried/);
    expect((await fx.store.listAudit('c-youngest')).at(-1)).toMatchObject({ action: 'case_anonymised', actor: 'system', detail: { due: '2026-12-06' } });
    expect((await fx.store.verifyAudit('c-youngest')).ok).toBe(true);
    expect(await fx.store.findCases({ authority: 'fixture', search: 'okafor' })).toHaveLength(4);

    const records = await fx.store.listAccess({ authority: 'fixture', actor: 'system' });
    expect(records.map((r) => [r.action, r.detail.caseId, r.detail.rule])).toEqual([
      ['case_anonymised', 'c-boundary', 'kept until the youngest child\'s 25th birthday, then anonymised'],
      ['case_anonymised', 'c-youngest', 'kept until the youngest child\'s 25th birthday, then anonymised'],
    ]);
    expect(JSON.stringify(records)).not.toMatch(/Okafor/);

    expect(await fx.store.getCase('c-held')).toEqual(held);
    expect((await fx.store.getCase('c-tomorrow'))?.subject.familyName).toBe('Okafor');

    const again = await runRetention(fx.store, NOW, { dryRun: false });
    expect(again.due).toEqual([]);
    expect(again.disposed).toEqual([]);
    expect(await fx.store.listAccess({ authority: 'fixture', actor: 'system' })).toHaveLength(2);

    // The next day, the case whose birthday it is goes too.
    const tomorrow = await runRetention(fx.store, '2026-12-08T00:30:00Z', { dryRun: false });
    expect(tomorrow.disposed).toEqual([{ caseId: 'c-tomorrow', then: 'anonymise' }]);
  });

  it('leaves a case that is put on hold after the plan was made', async () => {
    await sixCases();
    const report = await planRetention(fx.store, NOW);
    expect(ids(report.due)).toContain('c-boundary');
    await fx.store.setLegalHold({ caseId: 'c-boundary', by: 'ada-admin', at: NOW, reason: 'Complaint' });
    const run = await runRetention(fx.store, NOW, { dryRun: false });
    expect(ids(run.held)).toEqual(['c-boundary', 'c-held']);
    expect(run.disposed.map((d) => d.caseId)).toEqual(['c-youngest']);
  });
});

describe('retention run by two server processes at once', () => {
  it('disposes of each case once: the second process finds it changed and skips it', async () => {
    await sixCases();
    const peer = openSqliteStore({ path: fx.path });
    try {
      const [one, two] = await Promise.all([runRetention(fx.store, NOW, { dryRun: false }), runRetention(peer, NOW, { dryRun: false })]);
      expect([...one.disposed, ...two.disposed].map((d) => d.caseId).sort()).toEqual(['c-boundary', 'c-youngest']);
      expect([...one.skipped, ...two.skipped].length + [...one.disposed, ...two.disposed].length).toBe(4);
      expect((await fx.store.listAccess({ authority: 'fixture', actor: 'system' })).map((r) => r.detail.caseId).sort()).toEqual(['c-boundary', 'c-youngest']);
      expect((await fx.store.verifyLog({ authority: 'fixture', actor: 'system' })).ok).toBe(true);
    } finally {
      await peer.close();
    }
  });
});

describe('retention with a definition’s own rule', () => {
  it('deletes cases kept 6 years after closing, by the latest published version’s rule, and only those', async () => {
    next = 0;
    await caseWith([{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }], '2019-01-07T09:00:00Z', '2020-12-07T12:00:00Z');
    await caseWith([{ name: 'Ben Okafor', dateOfBirth: '2015-04-02' }], '2019-01-07T09:00:00Z', '2020-12-08T12:00:00Z');
    await fx.store.saveTaskDraft({ caseId: 'c-boundary', taskId: 'c-boundary.t9', userId: 'sam', authority: 'fixture', data: { notes: 'half typed' }, savedAt: NOW });
    await publishDefinition(fx.store, { ...fixtureDefinition(), retention: { keepFor: { years: 6 }, from: 'closed', then: 'delete' } });

    const run = await runRetention(fx.store, NOW, { dryRun: false, authority: 'fixture', by: 'ada-admin' });
    expect(run.disposed).toEqual([{ caseId: 'c-boundary', then: 'delete' }]);
    expect(await fx.store.getCase('c-boundary')).toBeNull();
    expect(await fx.store.getTaskDraft('c-boundary.t9', 'sam')).toBeNull();
    expect(await fx.store.listTasks({ authority: 'fixture', caseId: 'c-boundary' })).toEqual([]);
    expect(await fx.store.listOutbox({ caseId: 'c-boundary' })).toEqual([]);
    expect((await fx.store.getCase('c-tomorrow'))?.subject.familyName).toBe('Okafor');
    expect(await fx.store.listAccess({ authority: 'fixture', caseId: 'c-boundary' })).toMatchObject([
      { actor: 'ada-admin', action: 'case_deleted', detail: { rule: 'kept 6 years after closing, then deleted', due: '2026-12-07', closedAt: '2020-12-07T12:00:00.000Z' } },
    ]);
    expect((await runRetention(fx.store, NOW, { dryRun: false })).disposed).toEqual([]);
  });
});
