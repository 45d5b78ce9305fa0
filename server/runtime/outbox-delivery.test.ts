/**
 * How the outbox worker delivers under load: several messages in flight at once, a lease per
 * message renewed while it is being sent, and internal jobs in a queue of their own, so that a
 * slow relay holds up neither a sub-case starting nor another worker's share.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditOf, makeCase } from '../store/store-contract-fixtures.ts';
import type { OutboxInput, Store } from '../store/index.ts';
import type { CaseRunner } from './case-runner.ts';
import type { Clock, SimulatedClock } from './clock.ts';
import type { NotificationMessage, StartSubflowJob } from './effects.ts';
import { createOutboxWorker, type Notifier } from './outbox.ts';
import { fixtureRunnerPerTest } from './test-kit.ts';

let store: Store;
let clock: SimulatedClock;
fixtureRunnerPerTest((fixture) => ({ store, clock } = fixture));

/** A relay that holds every message until told to let it through. */
class HeldRelay implements Notifier {
  readonly sent: string[] = [];
  inFlight = 0;
  mostInFlight = 0;
  private held: Array<() => void> = [];

  async send(message: NotificationMessage): Promise<void> {
    this.inFlight += 1;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    await new Promise<void>((resolve) => this.held.push(resolve));
    this.inFlight -= 1;
    this.sent.push(message.id);
  }

  /** Lets every held message through, and any that arrive until `done` settles. */
  async releaseUntil(done: Promise<unknown>): Promise<void> {
    let settled = false;
    void done.finally(() => (settled = true));
    while (!settled) {
      for (const release of this.held.splice(0)) release();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** Real time, starting at the simulated clock's instant: for leases that must run out by themselves. */
function runningClock(from: SimulatedClock): Clock {
  const start = Date.parse(from.now());
  const t0 = performance.now();
  return { now: () => new Date(start + Math.floor(performance.now() - t0)).toISOString() };
}

const email = (id: string): OutboxInput => ({ id, kind: 'notify', payload: { id, caseId: 'c9', authority: 'north', notification: { id, to: [], subject: 's', body: 'b', reason: 'r' } } });

async function queue(caseId: string, outbox: OutboxInput[]): Promise<void> {
  const state = makeCase({ id: caseId });
  await store.commitStep({ caseState: state, expectedVersion: null, audit: [auditOf(state)], outbox, at: clock.now() });
}

const emails = (n: number) => Array.from({ length: n }, (_, i) => email(`c9.n${String(i).padStart(2, '0')}`));
const noRunner = {} as CaseRunner;
let relay: HeldRelay;
beforeEach(() => {
  relay = new HeldRelay();
});

describe('Given 40 e-mails waiting and a relay that takes its time', () => {
  it('When the worker ticks, Then 16 are in flight at once and never more, and each is sent once', async () => {
    await queue('c9', emails(40));
    const worker = createOutboxWorker({ store, runner: noRunner, notifier: relay, clock, owner: 'w' });
    const ticking = worker.tick();
    await vi.waitFor(() => expect(relay.inFlight).toBe(16));
    await relay.releaseUntil(ticking);
    expect(await ticking).toMatchObject({ claimed: 40, done: 40, retried: 0 });
    expect(relay.mostInFlight).toBe(16);
    expect(new Set(relay.sent).size).toBe(40);
    expect(await store.listOutbox({ caseId: 'c9', status: 'pending' })).toEqual([]);
  });

  it('When the worker is told to keep 4 in flight, Then it keeps 4', async () => {
    await queue('c9', emails(10));
    const worker = createOutboxWorker({ store, runner: noRunner, notifier: relay, clock, owner: 'w', concurrency: 4 });
    const ticking = worker.tick();
    await vi.waitFor(() => expect(relay.inFlight).toBe(4));
    await relay.releaseUntil(ticking);
    expect(await ticking).toMatchObject({ claimed: 10, done: 10 });
    expect(relay.mostInFlight).toBe(4);
  });

  it('When the worker is stopped with 16 in flight, Then it waits for them, claims nothing more, and later ticks do nothing', async () => {
    await queue('c9', emails(40));
    const worker = createOutboxWorker({ store, runner: noRunner, notifier: relay, clock, owner: 'w' });
    void worker.tick();
    await vi.waitFor(() => expect(relay.inFlight).toBe(16));
    const stopping = worker.stop();
    await relay.releaseUntil(stopping);
    expect(relay.sent).toHaveLength(16);
    expect(relay.mostInFlight).toBe(16);
    expect(await worker.tick()).toMatchObject({ claimed: 0 });
    expect(await store.listOutbox({ caseId: 'c9', status: 'pending' })).toHaveLength(24);
  });

  it('When a tick is asked for while one is running, Then it joins it rather than sending anything twice', async () => {
    await queue('c9', emails(20));
    const worker = createOutboxWorker({ store, runner: noRunner, notifier: relay, clock, owner: 'w' });
    const first = worker.tick();
    await vi.waitFor(() => expect(relay.inFlight).toBe(16));
    const second = worker.tick();
    expect(relay.inFlight).toBe(16);
    await relay.releaseUntil(Promise.all([first, second]));
    expect(await second).toEqual(await first);
    expect(relay.sent).toHaveLength(20);
  });
});

describe('Given e-mails stuck at a slow relay and a sub-case to start', () => {
  it('When the worker ticks, Then the sub-case starts at once, not after the e-mails', async () => {
    await queue('c9', emails(30));
    const started: string[] = [];
    const startSubflow = async (job: StartSubflowJob) => (started.push(job.caseId), makeCase({ id: job.caseId }));
    const runner = { startSubflow } as Partial<CaseRunner> as CaseRunner;
    clock.advance(1000); // queued after the e-mails
    await queue('c1', [{ id: 'c2:start', kind: 'start_subflow', payload: { type: 'start_subflow', caseId: 'c2' } }]);
    const worker = createOutboxWorker({ store, runner, notifier: relay, clock, owner: 'w' });
    const ticking = worker.tick();
    await vi.waitFor(() => expect(started).toEqual(['c2']));
    expect(relay.sent).toEqual([]);
    await relay.releaseUntil(ticking);
    expect(await ticking).toMatchObject({ claimed: 31, done: 31 });
  });
});

describe('Given two workers and a relay slower than the lease', () => {
  it('When the first is still sending after several lease lengths, Then its leases are renewed and the second sends none of its messages', async () => {
    await queue('c9', emails(3));
    const time = runningClock(clock);
    const first = createOutboxWorker({ store, runner: noRunner, notifier: relay, clock: time, owner: 'a', leaseMs: 1000 });
    const second = createOutboxWorker({ store, runner: noRunner, notifier: relay, clock: time, owner: 'b', leaseMs: 1000 });
    const ticking = first.tick();
    await vi.waitFor(() => expect(relay.inFlight).toBe(3));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await second.tick()).toMatchObject({ claimed: 0 });
    await relay.releaseUntil(ticking);
    expect(await ticking).toMatchObject({ claimed: 3, done: 3, lost: 0 });
    expect([...relay.sent].sort()).toEqual(['c9.n00', 'c9.n01', 'c9.n02']);
    expect((await store.listOutbox({ caseId: 'c9' })).map((m) => [m.status, m.attempts])).toEqual([['done', 1], ['done', 1], ['done', 1]]);
  });
});

describe('Given a worker that stalled for longer than its lease while sending', () => {
  it('When another worker has taken the message over, Then the first cannot mark it: the message stays with the other', async () => {
    await queue('c9', emails(1));
    const worker = createOutboxWorker({ store, runner: noRunner, notifier: relay, clock, owner: 'a' });
    const ticking = worker.tick();
    await vi.waitFor(() => expect(relay.inFlight).toBe(1));
    clock.advance(60_000); // a minute with no renewal (the beat runs every 20 s of real time)
    expect((await store.claimOutbox(clock.now(), 'b', 60_000, 10)).map((m) => m.id)).toEqual(['c9.n00']);
    await relay.releaseUntil(ticking);
    expect(await ticking).toMatchObject({ claimed: 1, done: 0, lost: 1 });
    expect(await store.listOutbox({ caseId: 'c9' })).toMatchObject([{ status: 'pending', attempts: 2 }]);
  });
});
