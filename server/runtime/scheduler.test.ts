import { describe, expect, it } from 'vitest';
import { nextTaskEvent, T0 } from '../../test/store/support.ts';
import type { ClaimedTimer, Store } from '../store/index.ts';
import { createCaseRunner, type CaseRunner } from './case-runner.ts';
import type { SimulatedClock } from './clock.ts';
import { createScheduler } from './scheduler.ts';
import { fixtureRunnerPerTest, stepDown } from './test-kit.ts';
import { commitsInWal } from '../../test/store/wal.ts';

let store: Store;
let path: string;
let clock: SimulatedClock;
let runner: CaseRunner;
fixtureRunnerPerTest((fixture) => ({ store, path, clock, runner } = fixture));

/** Given `count` cases waiting at the front door, screening due 2026-11-05 end of day. */
async function atFrontDoor(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    clock.set(T0);
    const state = await runner.startCase(stepDown());
    clock.set('2026-11-03T11:00:00.000Z');
    await runner.dispatch(state.id, nextTaskEvent(state)!);
    ids.push(state.id);
  }
  return ids;
}

const firedTimers = async (caseId: string) => (await store.listAudit(caseId)).filter((a) => a.action === 'timer_fired');

describe('scheduler', () => {
  it('fires nothing before a timer is due', async () => {
    await atFrontDoor(1);
    clock.set('2026-11-05T23:59:59.998Z');
    const scheduler = createScheduler({ store, runner, clock, owner: 'a' });
    expect(await scheduler.tick()).toEqual({ claimed: 0, fired: 0, dropped: 0, failed: 0 });
  });

  it('catches up after downtime, firing each timer once, in order, recorded when it fired with its due instant beside it', async () => {
    const [id] = await atFrontDoor(1);
    clock.set('2026-12-01T09:00:00.000Z'); // everything was down for weeks
    const scheduler = createScheduler({ store, runner, clock, owner: 'a' });
    expect(await scheduler.catchUp()).toMatchObject({ fired: 2, dropped: 0, failed: 0 });
    const fired = await firedTimers(id!);
    expect(fired.map((a) => [a.at, a.detail.dueAt, a.detail.effectiveAt])).toEqual([
      ['2026-12-01T09:00:00.000Z', '2026-11-05T23:59:59.999Z', undefined],
      ['2026-12-01T09:00:00.000Z', '2026-11-06T23:59:59.999Z', undefined],
    ]);
    // The case's own timeline runs forwards too.
    const history = (await store.getCase(id!))!.history;
    expect(history.map((e) => e.at)).toEqual([...history.map((e) => e.at)].sort());
    expect(history.filter((e) => e.type === 'escalated').map((e) => [e.at, e['level'], e['dueAt']])).toEqual([
      ['2026-12-01T09:00:00.000Z', 1, undefined],
      ['2026-12-01T09:00:00.000Z', 2, '2026-11-06T23:59:59.999Z'],
    ]);
    const task = Object.values((await store.getCase(id!))!.tasks).find((t) => t.node === 'screen');
    expect(task).toMatchObject({ overdue: true, escalationLevel: 2, priority: 'urgent' });
    expect((await store.listOutbox({ caseId: id! })).map((m) => (m.payload as { notification: { reason: string } }).notification.reason)).toEqual([
      'notification:tell_inbox',
      'escalation:screen:1',
      'escalation:screen:2',
    ]);
    expect(await scheduler.catchUp()).toMatchObject({ claimed: 0 });
  });

  it('shares the work between two schedulers on one store, and fires every timer exactly once', async () => {
    const ids = await atFrontDoor(12);
    clock.set('2026-12-01T09:00:00.000Z');
    const a = createScheduler({ store, runner, clock, owner: 'a', batch: 2 });
    const b = createScheduler({ store, runner, clock, owner: 'b', batch: 2 });
    const [ra, rb] = await Promise.all([a.catchUp(), b.catchUp()]);
    await a.catchUp();
    expect(ra.fired + rb.fired).toBe(24);
    for (const id of ids) {
      const timers = (await firedTimers(id)).map((e) => e.detail.timer);
      expect(new Set(timers).size).toBe(2);
      expect(timers).toHaveLength(2);
    }
  });

  it('Given more timers due than a batch, When it catches up, Then each full batch commits in one transaction with the next claim, and every timer fires once', async () => {
    await atFrontDoor(6);
    clock.set('2026-12-01T09:00:00.000Z');
    let claims = 0;
    const counted = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'claimDueTimers') {
          return async (...args: Parameters<Store['claimDueTimers']>) => {
            const claimed = await target.claimDueTimers(...args);
            if (claimed.length > 0) claims += 1;
            return claimed;
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const before = commitsInWal(path);
    const scheduler = createScheduler({ store: counted, runner, clock, owner: 'a', batch: 4 });
    expect(await scheduler.catchUp()).toMatchObject({ fired: 12, failed: 0 });
    // One claim and one commit a batch, were each its own transaction; shared, there are fewer.
    expect(commitsInWal(path) - before).toBeLessThan(2 * claims);
  });

  it('drops a claimed timer that its case, or that no case, still has', async () => {
    const [id] = await atFrontDoor(1);
    const stale: ClaimedTimer = { caseId: id!, timerId: `${id}.m99`, authority: 'fixture', fireAt: T0, purpose: 'due', node: 'screen', leaseOwner: 'a', leaseUntil: T0 };
    const broken: ClaimedTimer = { ...stale, caseId: 'missing-case' };
    const dropped: string[] = [];
    const fake = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'claimDueTimers') return async () => [stale, broken];
        if (prop === 'dropTimer') return async (_caseId: string, timerId: string) => void dropped.push(timerId);
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const errors: unknown[] = [];
    const scheduler = createScheduler({ store: fake, runner: createCaseRunner({ store: fake, clock }), clock, owner: 'a', onError: (e) => errors.push(e) });
    expect(await scheduler.tick()).toEqual({ claimed: 2, fired: 0, dropped: 2, failed: 0 });
    expect(dropped).toEqual([`${id}.m99`, `${id}.m99`]);
    expect(errors).toEqual([]);
  });

  it('runs on an interval until stopped', async () => {
    await atFrontDoor(1);
    clock.set('2026-12-01T09:00:00.000Z');
    const scheduler = createScheduler({ store, runner, clock, owner: 'a' });
    scheduler.start(5);
    for (let i = 0; i < 100 && (await store.nextTimerAt()) !== null; i++) await new Promise((r) => setTimeout(r, 5));
    await scheduler.stop();
    expect(await store.nextTimerAt()).toBeNull();
  });
});
