/** Contract: timer leases and the outbox's claim / done / failed / retry cycle. */
import { describe, expect, it } from 'vitest';
import { at, makeCase, save, timer, type StoreHarness } from './store-contract-fixtures.ts';

export function queueContract(get: () => StoreHarness): void {
  describe('timers', () => {
    it('leases due timers to one owner until the lease expires', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1', timers: [timer('c1.m1', at(10))] }));
      await save(store, makeCase({ id: 'c2', timers: [timer('c2.m1', at(20))] }));
      await save(store, makeCase({ id: 'c3', timers: [timer('c3.m1', at(999))] }));
      const first = await store.claimDueTimers(at(30), 'a', 60_000, 10);
      expect(first.map((t) => [t.timerId, t.leaseOwner, t.leaseUntil])).toEqual([
        ['c1.m1', 'a', at(31)],
        ['c2.m1', 'a', at(31)],
      ]);
      expect(await store.claimDueTimers(at(30), 'b', 60_000, 10)).toEqual([]);
      expect(await store.claimDueTimers(at(30.5), 'b', 60_000, 10)).toEqual([]);
      expect((await store.claimDueTimers(at(31), 'b', 60_000, 1)).map((t) => [t.timerId, t.leaseOwner])).toEqual([['c1.m1', 'b']]);
      expect(await store.nextTimerAt()).toBe(at(10));
    });

    it('offers only the earliest pending timer of a case, so a case’s timers fire in order', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1', timers: [timer('c1.m2', at(20)), timer('c1.m1', at(10))] }));
      expect((await store.claimDueTimers(at(30), 'a', 60_000, 10)).map((t) => t.timerId)).toEqual(['c1.m1']);
      expect(await store.claimDueTimers(at(30.5), 'b', 60_000, 10)).toEqual([]);
      await save(store, makeCase({ id: 'c1', version: 2, timers: [timer('c1.m2', at(20))] }));
      expect((await store.claimDueTimers(at(30), 'b', 60_000, 10)).map((t) => t.timerId)).toEqual(['c1.m2']);
    });

    it('drops a timer row the case no longer has', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1', timers: [timer('c1.m1', at(10))] }));
      await store.dropTimer('c1', 'c1.m1');
      expect(await store.listTimers('c1')).toEqual([]);
      expect(await store.nextTimerAt()).toBeNull();
    });
  });

  describe('outbox', () => {
    const notify = (id: string) => ({ id, kind: 'notify' as const, payload: { id } });
    const job = (id: string) => ({ id, kind: 'start_subflow' as const, payload: { id } });

    it('leases messages, counts attempts, retries failures later and gives up when told', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1' }), [notify('c1.n1'), notify('c1.n2')]);
      const claimed = await store.claimOutbox(at(5), 'a', 60_000, 10);
      expect(claimed.map((m) => [m.id, m.attempts])).toEqual([['c1.n1', 1], ['c1.n2', 1]]);
      expect(await store.claimOutbox(at(5), 'b', 60_000, 10)).toEqual([]);

      expect(await store.markOutboxDone('c1.n1', 'a', at(6))).toBe(true);
      expect(await store.markOutboxFailed('c1.n2', 'a', 'smtp_timeout', at(20))).toBe(true);
      expect(await store.claimOutbox(at(19), 'b', 60_000, 10)).toEqual([]);
      const retried = await store.claimOutbox(at(20), 'b', 60_000, 10);
      expect(retried.map((m) => [m.id, m.attempts, m.lastError])).toEqual([['c1.n2', 2, 'smtp_timeout']]);
      expect(await store.markOutboxFailed('c1.n2', 'b', 'smtp_rejected', null)).toBe(true);
      expect(await store.claimOutbox(at(999), 'c', 60_000, 10)).toEqual([]);
      expect((await store.listOutbox({ authority: 'north' })).map((m) => [m.id, m.status, m.attempts])).toEqual([
        ['c1.n1', 'done', 1],
        ['c1.n2', 'dead', 2],
      ]);
      expect((await store.listOutbox({ authority: 'north', status: 'done' }))[0]?.doneAt).toBe(at(6));
    });

    it('re-offers a message whose lease expired, e.g. after a crash mid-delivery', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1' }), [notify('c1.n1')]);
      await store.claimOutbox(at(5), 'a', 60_000, 10);
      expect((await store.claimOutbox(at(6), 'b', 60_000, 10)).map((m) => [m.id, m.attempts])).toEqual([['c1.n1', 2]]);
      await save(store, makeCase({ id: 's1', authority: 'south' }), [notify('s1.n1')]);
      expect((await store.listOutbox({ authority: 'south' })).map((m) => m.id)).toEqual(['s1.n1']);
    });

    it('leases each message on its own: the holder renews its leases while it delivers, and no one else gets them meanwhile', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1' }), [notify('c1.n1'), notify('c1.n2')]);
      await store.claimOutbox(at(5), 'a', 60_000, 1);
      await store.claimOutbox(at(5.5), 'a', 60_000, 1);
      expect(await store.renewOutboxLeases(['c1.n1'], 'a', at(7))).toEqual(['c1.n1']);
      // c1.n2's lease (to 6.5) was not renewed: it alone goes to b.
      expect((await store.claimOutbox(at(6.5), 'b', 60_000, 10)).map((m) => m.id)).toEqual(['c1.n2']);
      expect((await store.renewOutboxLeases(['c1.n1', 'c1.n2'], 'a', at(8))).sort()).toEqual(['c1.n1']);
      expect(await store.claimOutbox(at(7.4), 'c', 60_000, 10)).toEqual([]);
      expect(await store.renewOutboxLeases([], 'a', at(9))).toEqual([]);
    });

    it('lets only the lease holder settle a message: a sender whose lease passed to another cannot mark it done or failed', async () => {
      const { store } = get();
      await save(store, makeCase({ id: 'c1' }), [notify('c1.n1'), notify('c1.n2')]);
      await store.claimOutbox(at(5), 'a', 60_000, 10);
      await store.claimOutbox(at(6), 'b', 60_000, 10);
      expect(await store.markOutboxDone('c1.n1', 'a', at(6.5))).toBe(false);
      expect(await store.markOutboxFailed('c1.n2', 'a', 'smtp_timeout', null)).toBe(false);
      expect((await store.listOutbox({ caseId: 'c1' })).map((m) => [m.id, m.status])).toEqual([['c1.n1', 'pending'], ['c1.n2', 'pending']]);
      expect(await store.markOutboxDone('c1.n1', 'b', at(7))).toBe(true);
      expect(await store.markOutboxDone('c1.n1', 'b', at(7))).toBe(false);
      expect(await store.markOutboxFailed('c1.n2', 'b', 'smtp_timeout', at(8))).toBe(true);
      // Failed or settled, the lease is gone: renewing it keeps nothing.
      expect(await store.renewOutboxLeases(['c1.n1', 'c1.n2'], 'b', at(9))).toEqual([]);
      expect((await store.listOutbox({ caseId: 'c1' })).map((m) => [m.id, m.status, m.doneAt ?? m.lastError])).toEqual([['c1.n1', 'done', at(7)], ['c1.n2', 'pending', 'smtp_timeout']]);
    });

    it('claims by kind, so internal jobs have a queue of their own beside e-mail', async () => {
      const { store } = get();
      await store.commitStep({ caseState: makeCase({ id: 'c1' }), expectedVersion: null, audit: [], outbox: [notify('c1.n1'), notify('c1.n2'), job('c2:start')] });
      expect((await store.claimOutbox(at(5), 'a', 60_000, 10, ['start_subflow', 'end_parent_wait'])).map((m) => m.id)).toEqual(['c2:start']);
      expect((await store.claimOutbox(at(5), 'a', 60_000, 1, ['notify'])).map((m) => m.id)).toEqual(['c1.n1']);
      expect((await store.claimOutbox(at(5), 'b', 60_000, 10)).map((m) => m.id)).toEqual(['c1.n2']);
    });
  });
}
