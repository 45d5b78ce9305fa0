/**
 * One of the two server processes in two-process.test.ts: opens the shared SQLite file, waits
 * for "go" on stdin so both start together, then runs scheduler ticks with a clock past every
 * timer until nothing is due, and reports how many timers it fired.
 */
import { createInterface } from 'node:readline';
import { createCaseRunner, createScheduler, SimulatedClock } from '../../server/runtime/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';

const [path, owner] = process.argv.slice(2);
if (!path || !owner) throw new Error('usage: two-process-worker.ts <db path> <owner>');

const store = openSqliteStore({ path });
const clock = new SimulatedClock('2027-06-01T00:00:00.000Z');
const runner = createCaseRunner({ store, clock });
const errors: string[] = [];
const scheduler = createScheduler({ store, runner, clock, owner, batch: 5, leaseMs: 60_000, onError: (e) => errors.push(String(e)) });

const lines = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => lines.on('line', (line) => line === 'go' && resolve()));
process.stdout.write('ready\n');
await go;
lines.close();

const total = { fired: 0, dropped: 0, failed: 0, ticks: 0 };
for (;;) {
  const result = await scheduler.tick();
  total.fired += result.fired;
  total.dropped += result.dropped;
  total.failed += result.failed;
  total.ticks += 1;
  if (result.claimed > 0) continue;
  // Nothing free to claim: done if nothing is due at all, else the other process holds it.
  const next = await store.nextTimerAt();
  if (next === null || next > clock.now()) break;
  await new Promise((resolve) => setTimeout(resolve, 2));
}
process.stdout.write(`${JSON.stringify({ owner, ...total, errors })}\n`);
await store.close();
