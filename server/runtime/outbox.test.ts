import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureDefinition, nextTaskEvent, publishDefinition } from '../../test/store/support.ts';
import { RecordingNotifier } from '../../test/store/recording-notifier.ts';
import type { Store } from '../store/index.ts';
import type { CaseRunner } from './case-runner.ts';
import type { SimulatedClock } from './clock.ts';
import { createOutboxWorker } from './outbox.ts';
import { createScheduler } from './scheduler.ts';
import { fixtureRunnerPerTest, stepDown } from './test-kit.ts';

let store: Store;
let clock: SimulatedClock;
let runner: CaseRunner;
let notifier: RecordingNotifier;
fixtureRunnerPerTest((fixture) => ({ store, clock, runner } = fixture), () => 'c1');
beforeEach(() => {
  notifier = new RecordingNotifier();
});

async function atFrontDoor() {
  const state = await runner.startCase(stepDown());
  clock.set('2026-11-03T11:00:00.000Z');
  return runner.dispatch('c1', nextTaskEvent(state)!);
}

describe('outbox worker', () => {
  it('sends each notification once, with its id as the idempotency key, and marks it done', async () => {
    await atFrontDoor();
    const worker = createOutboxWorker({ store, runner, notifier, clock, owner: 'w' });
    expect(await worker.drain()).toMatchObject({ claimed: 1, done: 1 });
    expect(await worker.drain()).toMatchObject({ claimed: 0 });
    expect(notifier.sent).toMatchObject([{ id: 'c1.n3', caseId: 'c1', authority: 'fixture', notification: { id: 'c1.n3', to: [{ mailbox: 'step_down_inbox' }] } }]);
    expect(await store.listOutbox({ authority: 'fixture' })).toMatchObject([{ id: 'c1.n3', status: 'done', attempts: 1, doneAt: '2026-11-03T11:00:00.000Z' }]);
  });

  it('retries a failed send with backoff, counting attempts, and gives up visibly after the last attempt', async () => {
    await atFrontDoor();
    const worker = createOutboxWorker({ store, runner, notifier, clock, owner: 'w', maxAttempts: 3, backoffMs: (n) => n * 60_000 });
    notifier.failNext = 3;
    expect(await worker.tick()).toMatchObject({ retried: 1 });
    expect(await worker.tick()).toMatchObject({ claimed: 0 });
    clock.advance(60_000);
    expect(await worker.tick()).toMatchObject({ retried: 1 });
    clock.advance(120_000);
    expect(await worker.tick()).toMatchObject({ dead: 1 });
    clock.advance(3600_000);
    expect(await worker.tick()).toMatchObject({ claimed: 0 });
    expect(await store.listOutbox({ authority: 'fixture' })).toMatchObject([{ status: 'dead', attempts: 3, lastError: 'provider_unavailable: provider unavailable' }]);
    expect(notifier.sent).toEqual([]);
  });

  it('offers a message again if the process died between sending and marking it done (at-least-once)', async () => {
    await atFrontDoor();
    const [claimed] = await store.claimOutbox(clock.now(), 'crashed', 60_000, 10);
    await notifier.send(claimed!.payload as never); // sent, then the process died
    const worker = createOutboxWorker({ store, runner, notifier, clock, owner: 'w' });
    expect(await worker.drain()).toMatchObject({ claimed: 0 });
    clock.advance(60_000);
    expect(await worker.drain()).toMatchObject({ done: 1 });
    expect(notifier.ids()).toEqual(['c1.n3', 'c1.n3']);
  });
});

describe('sub-flows through the outbox', () => {
  /** The fixture's step-up entry requires a MASH rationale that the parent's input never carries; drop its form. */
  async function publishStartableStepUp() {
    const definition = fixtureDefinition();
    const entry = definition.nodes.find((n) => n.id === 'step_up');
    if (entry?.kind === 'start') delete entry.form;
    await publishDefinition(store, definition);
  }

  it('starts the child case once with the engine’s id, and tells the parent once when it ends', async () => {
    await publishStartableStepUp();
    let state = await atFrontDoor();
    for (const at of ['2026-11-04T09:00:00.000Z', '2026-11-12T16:00:00.000Z']) {
      clock.set(at);
      state = await runner.dispatch('c1', nextTaskEvent(state)!);
    }
    clock.set('2026-12-24T09:00:00.000Z');
    await createScheduler({ store, runner, clock, owner: 's' }).catchUp();
    state = (await store.getCase('c1'))!;
    const review = nextTaskEvent(state)!;
    clock.set('2027-01-04T10:00:00.000Z');
    state = await runner.dispatch('c1', { ...review, data: { summary: 'Worries', safeguardingConcerns: true }, actions: [{ action: 'step_up' }] } as typeof review);
    const childId = Object.keys(state.waitingFor)[0]!;

    // A worker claims the job, starts the child, and dies before marking it done.
    const [job] = (await store.claimOutbox(clock.now(), 'crashed', 60_000, 10)).filter((m) => m.kind === 'start_subflow');
    await runner.startSubflow(job!.payload as never);
    clock.advance(60_000);
    const worker = createOutboxWorker({ store, runner, notifier, clock, owner: 'w' });
    await worker.drain();
    const child = (await store.getCase(childId))!;
    expect(child).toMatchObject({ version: 1, parent: { caseId: 'c1', node: 'start_step_up' }, definition: { version: 2 } });
    expect((await store.listAudit(childId)).map((a) => [a.action, a.actor])).toEqual([['case_started', 'system']]);

    clock.set('2027-01-05T10:00:00.000Z');
    await runner.dispatch(childId, nextTaskEvent(child)!);
    await worker.drain();
    expect((await store.getCase('c1'))).toMatchObject({ status: 'closed', outcome: { id: 'stepped_up' } });
    expect((await store.listOutbox({ authority: 'fixture', status: 'pending' }))).toEqual([]);
    expect((await store.listAudit('c1')).filter((a) => a.action === 'subflow_ended')).toHaveLength(1);
  });
});
