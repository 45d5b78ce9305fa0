/**
 * Given 200 cases waiting at the front door, each with a screening deadline that will escalate,
 * When two separate server processes run the scheduler over the same SQLite file at once,
 * Then every timer fires exactly once and both processes share the work.
 */
import { describe, expect, it } from 'vitest';
import { createCaseRunner, SimulatedClock } from '../../server/runtime/index.ts';
import { spawnWorker, watch } from './child-process.ts';
import { actors, nextTaskEvent, openFixtureStore, subject, T0 } from './support.ts';

const CASES = 200;

interface WorkerReport { owner: string; fired: number; dropped: number; failed: number; ticks: number; errors: string[] }

describe('two server processes sharing one store', () => {
  it('fire every timer exactly once between them', async () => {
    const { store, path, dispose } = await openFixtureStore();
    try {
      const clock = new SimulatedClock(T0);
      let n = 0;
      const runner = createCaseRunner({ store, clock, newCaseId: () => `case-${String(++n).padStart(3, '0')}` });
      const ids: string[] = [];
      for (let i = 0; i < CASES; i++) {
        clock.set(T0);
        const state = await runner.startCase({ definition: 'every-node', entry: 'step_down', subject, data: { consent: true, finalReviewDate: '2027-01-20' }, by: actors.sam });
        clock.set('2026-11-03T11:00:00.000Z');
        await runner.dispatch(state.id, nextTaskEvent(state)!);
        ids.push(state.id);
      }

      const reports: WorkerReport[] = [];
      const workers = ['p1', 'p2'].map((owner) => {
        const child = spawnWorker('two-process-worker.ts', [path, owner]);
        let ready!: () => void;
        const isReady = new Promise<void>((resolve) => (ready = resolve));
        const exited = watch(child, (line) => (line === 'ready' ? ready() : reports.push(JSON.parse(line) as WorkerReport)));
        return { child, isReady, exited };
      });
      await Promise.all(workers.map((w) => w.isReady));
      for (const w of workers) w.child.stdin.write('go\n');
      const exits = await Promise.all(workers.map((w) => w.exited));
      expect(exits.map((e) => [e.code, e.stderr])).toEqual([[0, ''], [0, '']]);

      // Each case: the screening deadline, then the second escalation rung; nothing left pending.
      expect(reports.map((r) => r.errors)).toEqual([[], []]);
      expect(reports.reduce((sum, r) => sum + r.fired, 0)).toBe(CASES * 2);
      expect(reports.every((r) => r.fired > 0)).toBe(true);
      expect(await store.nextTimerAt()).toBeNull();
      const fired: string[] = [];
      for (const id of ids) {
        const audit = await store.listAudit(id);
        const timers = audit.filter((a) => a.action === 'timer_fired').map((a) => String(a.detail.timer));
        expect(timers).toHaveLength(2);
        fired.push(...timers);
        expect((await store.verifyAudit(id)).ok).toBe(true);
        expect(await store.listOutbox({ caseId: id })).toHaveLength(3);
      }
      expect(new Set(fired).size).toBe(CASES * 2);
      console.log(`two processes fired ${reports.map((r) => `${r.owner}: ${r.fired} (${r.ticks} ticks)`).join(', ')}`);
    } finally {
      await dispose();
    }
  }, 60_000);
});
