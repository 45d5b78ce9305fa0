/**
 * Given a process streaming steps over many cases into the embedded store,
 * When it is killed with SIGKILL mid-stream (four times, checked after each kill),
 * Then every acknowledged step is there, nothing is half-written, and after a restart every
 *   pending timer fires once and every notification is delivered once.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCaseRunner, createOutboxWorker, createScheduler, SimulatedClock } from '../../server/runtime/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { allCases, expectAcknowledgedStepsPresent, expectCaseWhole, parseAcks, timerFiredIds, type Ack } from './crash-check.ts';
import { spawnWorker, watch } from './child-process.ts';
import { RecordingNotifier } from './recording-notifier.ts';
import { openFixtureStore } from './support.ts';

/** Runs the crash worker and SIGKILLs it once it has acknowledged `killAfter` steps. */
async function runAndKill(path: string, prefix: string, killAfter: number): Promise<Ack[]> {
  const child = spawnWorker('crash-worker.ts', [path, prefix]);
  const lines: string[] = [];
  const exited = watch(child, (line) => {
    lines.push(line);
    if (lines.length === killAfter) child.kill('SIGKILL');
  });
  const exit = await exited;
  expect(exit.stderr).toBe('');
  expect(exit.signal).toBe('SIGKILL');
  return parseAcks(lines);
}

describe('a server process killed in the middle of a stream of steps', () => {
  it('loses no acknowledged step, half-writes nothing, and loses or doubles no timer or notification', async () => {
    const { store: setup, path, dispose } = await openFixtureStore();
    await setup.close();
    try {
      const acks: Ack[] = [];
      for (const [round, killAfter] of [['r1', 300], ['r2', 170], ['r3', 230], ['r4', 120]] as const) {
        acks.push(...(await runAndKill(path, round, killAfter)));
        const db = new Database(path);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
        const store = openSqliteStore({ path });
        await expectAcknowledgedStepsPresent(store, acks);
        for (const state of await allCases(store)) await expectCaseWhole(store, state);
        await store.close();
      }
      expect(acks.length).toBeGreaterThanOrEqual(650);

      // Restart long after: catch up every pending timer, then deliver the outbox.
      const store = openSqliteStore({ path });
      const clock = new SimulatedClock('2028-01-01T00:00:00.000Z');
      const runner = createCaseRunner({ store, clock });
      const before = await allCases(store);
      const pending = before.flatMap((s) => Object.keys(s.timers));
      expect(pending.length).toBeGreaterThan(0);
      const caught = await createScheduler({ store, runner, clock, owner: 'restarted' }).catchUp();
      expect(caught.failed).toBe(0);
      expect(await store.nextTimerAt()).toBeNull();

      const fired: string[] = [];
      for (const state of await allCases(store)) {
        await expectCaseWhole(store, state);
        fired.push(...timerFiredIds(await store.listAudit(state.id)));
      }
      expect(new Set(fired).size).toBe(fired.length);
      for (const id of pending) expect(fired).toContain(id);

      const notifier = new RecordingNotifier();
      await createOutboxWorker({ store, runner, notifier, clock, owner: 'restarted' }).drain();
      const notify = (await store.listOutbox({ authority: 'fixture' })).filter((m) => m.kind === 'notify');
      expect(notify.every((m) => m.status === 'done')).toBe(true);
      expect(notifier.ids().sort()).toEqual(notify.map((m) => m.id).sort());
      expect(new Set(notifier.ids()).size).toBe(notifier.ids().length);
      console.log(`crash test: ${acks.length} acknowledged steps over ${before.length} cases; ${pending.length} timers caught up; ${notify.length} notifications delivered once`);
      await store.close();
    } finally {
      await dispose();
    }
  }, 60_000);
});
