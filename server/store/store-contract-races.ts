/**
 * Contract: races between server processes. Each test opens a peer Store on the same database, as
 * a second server process would, and races the two with Promise.all: commits on one case, two
 * claimers on the same timers and the same outbox, and a sender whose lease ran out mid-send.
 * (A publish racing a draft save is in store-contract-definition-drafts.ts.) On SQLite the peer
 * is a second connection to the same file; on MongoDB a second client.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { at, auditOf, makeCase, save, timer, withPeer, type StoreHarness } from './store-contract-fixtures.ts';
import type { Store } from './store.ts';
import type { CommitInput } from './types.ts';

const ROUNDS = 5;

const step = (id: string, version: number, familyName: string): CommitInput => {
  const state = makeCase({ id, version, familyName });
  return { caseState: state, expectedVersion: version === 1 ? null : version - 1, audit: [auditOf(state, 'task_completed')], outbox: [] };
};

const notify = (id: string) => ({ id, kind: 'notify' as const, payload: { id } });
const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
const noneTwice = (a: string[], b: string[]) => expect(a.filter((id) => b.includes(id))).toEqual([]);

export function raceContract(get: () => StoreHarness): void {
  describe('races between server processes', () => {
    it('Given two processes committing one case from the same version, round after round, Then each round exactly one lands and the loser’s ConflictError names the version that won', async () => {
      await withPeer(get, async (one, two) => {
        await one.commitStep(step('c1', 1, 'Start'));
        const winners: string[] = [];
        for (let version = 2; version < 2 + ROUNDS; version++) {
          const results = await Promise.allSettled([one.commitStep(step('c1', version, `One ${version}`)), two.commitStep(step('c1', version, `Two ${version}`))]);
          expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
          const lost = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as ConflictError;
          expect(lost).toBeInstanceOf(ConflictError);
          // The runner waits for a read that shows at least this version before stepping again (case-runner.ts).
          expect(lost.details).toMatchObject({ caseId: 'c1', expected: version - 1, actual: version });
          winners.push(results[0]!.status === 'fulfilled' ? `One ${version}` : `Two ${version}`);
        }
        // Read once the racing is over: a read right after another process's commit may lag on MongoDB (that is what the runner's reload allows for).
        expect((await one.getCase('c1'))?.subject.familyName).toBe(winners.at(-1));
        expect((await one.listAudit('c1')).map((a) => a.detail.version)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(await two.verifyAudit('c1')).toMatchObject({ ok: true, entries: 1 + ROUNDS });
      });
    });

    it('Given two processes claiming the same due timers at once, Then no timer is leased to both, and a later claim gets exactly the rest', async () => {
      const { store } = get();
      const cases = ids(30, 'c');
      for (const [i, id] of cases.entries()) await save(store, makeCase({ id, timers: [timer(`${id}.m1`, at(1 + i / 100))] }));
      await withPeer(get, async (one, two) => {
        const [a, b] = await Promise.all([one.claimDueTimers(at(5), 'a', 60_000, 10), two.claimDueTimers(at(5), 'b', 60_000, 10)]);
        const [mine, theirs] = [a.map((t) => t.timerId), b.map((t) => t.timerId)];
        noneTwice(mine, theirs);
        expect(mine.length + theirs.length).toBeGreaterThanOrEqual(10);
        expect(a.every((t) => t.leaseOwner === 'a') && b.every((t) => t.leaseOwner === 'b')).toBe(true);
        const rest = (await store.claimDueTimers(at(5), 'c', 60_000, 100)).map((t) => t.timerId);
        expect([...mine, ...theirs, ...rest].sort()).toEqual(cases.map((id) => `${id}.m1`));
        expect(await two.claimDueTimers(at(5.5), 'd', 60_000, 100)).toEqual([]);
      });
    });

    it('Given many cases whose earliest timer is leased and whose later due timers sort first, Then a claim pages past them to a case it may fire, however small its limit', async () => {
      const { store } = get();
      const busy = ids(50, 'busy');
      for (const id of busy) await save(store, makeCase({ id, timers: [timer(`${id}.m1`, at(1)), timer(`${id}.m2`, at(2))] }));
      await save(store, makeCase({ id: 'free', timers: [timer('free.m1', at(3))] }));
      expect((await store.claimDueTimers(at(1.5), 'a', 3_600_000, 100)).map((t) => t.timerId)).toEqual(busy.map((id) => `${id}.m1`));
      // Each busy case's m2 is due and free, and sorts before free.m1, but is not its case's earliest.
      expect((await store.claimDueTimers(at(5), 'b', 60_000, 1)).map((t) => t.timerId)).toEqual(['free.m1']);
      expect(await store.claimDueTimers(at(5), 'b', 60_000, 1)).toEqual([]);
    });

    it('Given two processes claiming the same outbox at once, Then no message is leased to both, each is sent once, and a later claim gets exactly the rest', async () => {
      const { store } = get();
      const messages = ids(30, 'c1.n');
      await save(store, makeCase({ id: 'c1' }), messages.map(notify));
      await withPeer(get, async (one, two) => {
        const [a, b] = await Promise.all([one.claimOutbox(at(5), 'a', 60_000, 10), two.claimOutbox(at(5), 'b', 60_000, 10)]);
        const [mine, theirs] = [a.map((m) => m.id), b.map((m) => m.id)];
        noneTwice(mine, theirs);
        expect(mine.length + theirs.length).toBeGreaterThanOrEqual(10);
        const rest = (await store.claimOutbox(at(5), 'c', 60_000, 100)).map((m) => m.id);
        expect([...mine, ...theirs, ...rest].sort()).toEqual(messages);
        // Each holder settles its own, at once; the other's are refused to it.
        const settle = (store: Store, owner: string, held: string[], others: string[]) =>
          Promise.all([...held.map((id) => store.markOutboxDone(id, owner, at(5.5))), ...others.map((id) => store.markOutboxDone(id, owner, at(5.5)))]);
        const [doneA, doneB] = await Promise.all([settle(one, 'a', mine, theirs), settle(two, 'b', theirs, mine)]);
        expect(doneA).toEqual([...mine.map(() => true), ...theirs.map(() => false)]);
        expect(doneB).toEqual([...theirs.map(() => true), ...mine.map(() => false)]);
      });
      const held = await store.listOutbox({ caseId: 'c1' });
      expect(held.filter((m) => m.status === 'done').length).toBe(30 - (await store.listOutbox({ caseId: 'c1', status: 'pending' })).length);
      expect(held.every((m) => m.attempts === 1)).toBe(true);
    });

    it('Given a sender whose lease expired mid-send and another process that took the message over, Then the late sender can neither settle nor renew it and changes nothing', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1' }), [notify('c1.n1')]);
      await withPeer(get, async (slow, fresh) => {
        expect((await slow.claimOutbox(at(5), 'slow', 60_000, 10)).map((m) => m.id)).toEqual(['c1.n1']);
        // slow's lease ran to at(6); it is still sending when fresh claims the message.
        expect((await fresh.claimOutbox(at(6.5), 'fresh', 60_000, 10)).map((m) => [m.id, m.attempts])).toEqual([['c1.n1', 2]]);
        const before = await store.listOutbox({ caseId: 'c1' });
        expect(await slow.renewOutboxLeases(['c1.n1'], 'slow', at(7))).toEqual([]);
        expect(await slow.markOutboxDone('c1.n1', 'slow', at(6.6))).toBe(false);
        expect(await slow.markOutboxFailed('c1.n1', 'slow', 'smtp_timeout', at(8))).toBe(false);
        expect(await slow.markOutboxFailed('c1.n1', 'slow', 'smtp_rejected', null)).toBe(false);
        expect(await store.listOutbox({ caseId: 'c1' })).toEqual(before);
        // fresh still holds it: no one else can claim it, and fresh settles it.
        expect(await slow.claimOutbox(at(7), 'slow', 60_000, 10)).toEqual([]);
        expect(await fresh.markOutboxDone('c1.n1', 'fresh', at(7))).toBe(true);
      });
      expect((await store.listOutbox({ caseId: 'c1' })).map((m) => [m.status, m.attempts, m.doneAt, m.lastError])).toEqual([['done', 2, at(7), undefined]]);
    });
  });
}
