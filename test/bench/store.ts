/**
 * Durable steps per second through the case runner and the embedded SQLite store, next to the
 * raw durable insert rate of SQLite with the same pragmas on the same disk (one row per
 * transaction, the size of a case document). Each step is load → engine step → commit of case,
 * task rows, timer rows, audit chain and outbox, durable when it returns.
 *
 * Steps are measured one at a time, then with 8 and 32 in flight on different cases (as
 * concurrent requests, or a batch of timers firing, make them): concurrent commits share one
 * transaction and one fsync (the store's group commit, server/store/group-commit.ts), while the
 * raw inserts stay one fsync each.
 *
 *   npx tsx test/bench/store.ts [cases] [--dry-run]
 *
 * Appends the result to test/bench/results/store.md, unless `--dry-run` (print only). Not part
 * of `npm test`.
 */
import Database from 'better-sqlite3';
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { step, type CaseState } from '../../engine/index.ts';
import { createCaseRunner, SimulatedClock, type CaseRunner } from '../../server/runtime/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { actors, fixtureDefinition, nextTaskEvent, publishDefinition, subject, T0, walkFixtureCase } from '../store/support.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// Under ./data, where the store lives by default, so both measurements hit the same disk.
const dir = join(root, 'data', `bench-${process.pid}`);
const args = process.argv.slice(2);
const cases = Number(args.find((a) => !a.startsWith('--')) ?? 300);
const dryRun = args.includes('--dry-run');
/** Steps in flight at once, each on a case of its own. */
const IN_FLIGHT = [1, 8, 32];

/** One family through the fixture (walkFixtureCase), each step timed and its case's size noted. */
async function runCase(runner: CaseRunner, clock: SimulatedClock, latencies: number[], sizes: number[]): Promise<number> {
  return walkFixtureCase(runner, clock, async (work) => {
    const start = performance.now();
    const state = await work();
    latencies.push(performance.now() - start);
    sizes.push(JSON.stringify(state).length);
    return state;
  });
}

interface Tally { count: number; seconds: number }

/**
 * Steps through runner + store, `inFlight` families at a time, each lane with a runner and a clock
 * of its own (so each family's times are as they would be alone); called in rounds, interleaved
 * with the raw inserts below.
 */
async function openSteps() {
  const store = openSqliteStore({ path: join(dir, 'steps.db') });
  await publishDefinition(store);
  const lane = () => {
    const clock = new SimulatedClock(T0);
    return { clock, runner: createCaseRunner({ store, clock }) };
  };
  const lanes = Array.from({ length: Math.max(...IN_FLIGHT) }, lane);
  for (let i = 0; i < 20; i++) await runCase(lanes[0]!.runner, lanes[0]!.clock, [], []); // warm-up
  return { store, run: (n: number, inFlight: number, latencies: number[], sizes: number[]) => timeIt(async () => {
    let next = 0;
    const counts = await Promise.all(lanes.slice(0, inFlight).map(async ({ runner, clock }) => {
      let steps = 0;
      while (next++ < n) steps += await runCase(runner, clock, latencies, sizes);
      return steps;
    }));
    return counts.reduce((a, b) => a + b, 0);
  }) };
}

function openRaw() {
  const db = new Database(join(dir, 'raw.db'), { timeout: 10_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
  const one = db.transaction((body: string) => insert.run(body));
  for (let i = 0; i < 50; i++) one.immediate('warm-up');
  return { db, run: (n: number, size: number) => timeIt(async () => {
    const body = 'x'.repeat(size);
    for (let i = 0; i < n; i++) one.immediate(body);
    return n;
  }) };
}

/** The engine alone on the same flow, state round-tripped through JSON: no storage at all. */
function engineOnly(n: number): Tally {
  const definition = fixtureDefinition();
  const start = performance.now();
  let count = 0;
  for (let i = 0; i < n; i++) {
    let now = T0;
    let state = step(definition, null, { type: 'case_started', caseId: `e${i}`, entry: 'step_down', subject, data: { consent: true, finalReviewDate: '2027-01-20' }, by: actors.sam }, { now }).caseState;
    for (count++; ; count++) {
      // After a timer the case is at its due instant: the next event comes an hour after that, as the runner dates it.
      now = new Date(Math.max(Date.parse(now), Date.parse(state.updatedAt)) + 3600_000).toISOString();
      const event = nextTaskEvent(state);
      const wait = Object.values(state.timers).find((t) => t.purpose === 'wait');
      if (event) state = step(definition, state, event, { now }).caseState;
      else if (wait) state = step(definition, state, { type: 'timer_fired', timerId: wait.id }, { now: wait.fireAt }).caseState;
      else break;
      state = JSON.parse(JSON.stringify(state)) as CaseState;
    }
  }
  return { count, seconds: (performance.now() - start) / 1000 };
}

async function timeIt(work: () => Promise<number>): Promise<Tally> {
  const start = performance.now();
  const count = await work();
  return { count, seconds: (performance.now() - start) / 1000 };
}

const add = (a: Tally, b: Tally): Tally => ({ count: a.count + b.count, seconds: a.seconds + b.seconds });
const rate = (t: Tally) => t.count / t.seconds;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

mkdirSync(dir, { recursive: true });
try {
  // Interleaved in rounds, so drift in the disk's fsync latency hits both measurements alike;
  // at most 10, and fewer if that leaves a round fewer cases than the most steps in flight.
  const rounds = Math.max(1, Math.min(10, Math.floor(cases / Math.max(...IN_FLIGHT))));
  const steps = await openSteps();
  const raw = openRaw();
  const results = [];
  const sizes: number[] = [];
  for (const inFlight of IN_FLIGHT) {
    const latencies: number[] = [];
    let stepTally: Tally = { count: 0, seconds: 0 };
    let rawTally: Tally = { count: 0, seconds: 0 };
    for (let r = 0; r < rounds; r++) {
      const round = await steps.run(Math.ceil(cases / rounds), inFlight, latencies, sizes);
      stepTally = add(stepTally, round);
      rawTally = add(rawTally, await raw.run(round.count, Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length)));
    }
    latencies.sort((a, b) => a - b);
    results.push({ inFlight, stepTally, rawTally, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) });
  }
  await steps.store.close();
  raw.db.close();
  const engine = engineOnly(cases);
  const meanSize = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);
  const cpu = cpus();
  const machine = `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}`;
  const table = [
    '| measurement | count | seconds | per second | ratio to raw | step p50 / p95 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.flatMap(({ inFlight, stepTally, rawTally, p50, p95 }) => [
      `| durable steps, ${inFlight} in flight (runner + SQLite store, every-node fixture, ${Math.ceil(cases / rounds) * rounds} cases) | ${stepTally.count} | ${stepTally.seconds.toFixed(2)} | ${rate(stepTally).toFixed(0)} | ${(rate(stepTally) / rate(rawTally)).toFixed(2)} | ${p50.toFixed(2)} / ${p95.toFixed(2)} |`,
      `| raw durable inserts, interleaved with the above (same pragmas, 1 row of ${meanSize} B per transaction) | ${rawTally.count} | ${rawTally.seconds.toFixed(2)} | ${rate(rawTally).toFixed(0)} | | |`,
    ]),
    `| for reference: the engine alone, no storage (same flow) | ${engine.count} | ${engine.seconds.toFixed(2)} | ${rate(engine).toFixed(0)} | | |`,
  ].join('\n');
  const report = `\n## ${new Date().toISOString()}\n\nMachine: ${machine}; load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} (1, 5, 15 min)\n\nCommand: \`npx tsx test/bench/store.ts ${cases}\`\n\n${table}\n\nMean case document ${meanSize} bytes.\n`;
  console.log(report);
  if (!dryRun) appendFileSync(join(root, 'test/bench/results/store.md'), report);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
