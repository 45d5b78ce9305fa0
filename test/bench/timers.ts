/**
 * Timers at national scale: a store with about N pending timers (50,000 by default; `--full`:
 * 1,000,000), bulk-loaded as in million.ts (each open task's deadline or next escalation rung;
 * deadlines fall at the end of working days, the CIN-review families' months ahead). Then:
 *
 * 1. A restart after a day of downtime: a fresh store, runner and scheduler (as `npm start`
 *    makes them: batches of 64, `start(1000)`: no pause while ticks come back full) with the clock
 *    one day on; how long until nothing is due, how many timers fired, the engine steps they
 *    caused and what those steps wrote (tasks marked overdue, escalations, e-mails queued).
 * 2. The firing rate with no pauses (`catchUp`): the clock a further day on, for at most
 *    `--seconds` (default 20; 60 with --full).
 *
 *   npx tsx test/bench/timers.ts [timers] [--full] [--db path] [--keep] [--seconds s]
 *
 * Appends to test/bench/results/timers.md. Not part of `npm test`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createCaseRunner, createScheduler, SimulatedClock, type TickResult } from '../../server/runtime/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { bulkLoad, fileBytes } from './bulk-load.ts';
import { BENCH_NOW, buildTemplates, fill } from './case-templates.ts';
import { appendResults, headline, table } from './machine.ts';
import { gib, progressBar } from './measure.ts';

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const full = args.includes('--full');
const target = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? (full ? 1_000_000 : 50_000));
const given = flag('--db');
const seconds = Number(flag('--seconds') ?? (full ? 60 : 20));
const root = fileURLToPath(new URL('../../', import.meta.url));
const path = given ?? join(root, 'data', `bench-${process.pid}`, 'cases.db');
const resultsFile = fileURLToPath(new URL('./results/timers.md', import.meta.url));
const command = `npx tsx test/bench/timers.ts ${args.join(' ')}`.trim();
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse(BENCH_NOW) + days * DAY).toISOString();

let loadSeconds = 0;
let cases = 0;
if (!given) {
  // As many cases as it takes, on the templates' mix, to hold about `target` pending timers.
  const templates = buildTemplates();
  const values = { caseId: 'x', authority: 'a', definition: 'd', sw: 's', tm: 't', fd: 'f', team: 'k', family: 'F' };
  const weight = templates.reduce((sum, t) => sum + t.weight, 0);
  const perCase = templates.reduce((sum, t) => sum + (t.weight * (JSON.parse(fill(t.timers, values)) as unknown[]).length) / weight, 0);
  cases = Math.ceil(target / perCase);
  mkdirSync(dirname(path), { recursive: true });
  loadSeconds = (await bulkLoad(path, cases, { onProgress: progressBar('loading cases', cases) })).seconds.total;
}

const db = new Database(path, { readonly: true });
const counts = () => ({
  cases: (db.prepare('SELECT COUNT(*) FROM cases').pluck().get() as number),
  timers: (db.prepare('SELECT COUNT(*) FROM timers').pluck().get() as number),
  overdue: (db.prepare("SELECT COUNT(*) FROM tasks WHERE status = 'open' AND overdue = 1").pluck().get() as number),
  outbox: (db.prepare("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").pluck().get() as number),
  dueBy: (instant: string) => db.prepare('SELECT COUNT(*) FROM timers WHERE fire_at <= ?').pluck().get(instant) as number,
});
const before = counts();
const dueTomorrow = before.dueBy(at(1));

/** A restarted process: opens the store, builds runner and scheduler, and runs `work` with them. */
async function restartedAt(now: string, work: (s: ReturnType<typeof createScheduler>, nextAt: () => Promise<string | null>) => Promise<TickResult>) {
  const opened = performance.now();
  const store = openSqliteStore({ path });
  const clock = new SimulatedClock(now);
  const runner = createCaseRunner({ store, clock });
  const scheduler = createScheduler({ store, runner, clock, owner: `bench:${process.pid}`, onError: (error) => console.error(error) });
  const openMs = performance.now() - opened;
  const start = performance.now();
  const result = await work(scheduler, () => store.nextTimerAt());
  const elapsed = (performance.now() - start) / 1000;
  const nextAt = await store.nextTimerAt();
  await store.close();
  return { ...result, openMs, elapsed, nextAt };
}

// 1. Down for a day: the loop `scheduler.start(1000)` runs (50 ticks, again at once while ticks
// come back full, a 1 s pause once nothing claimable is due), written out here so its totals can
// be counted, until nothing is due.
const restart = await restartedAt(at(1), async (scheduler, nextAt) => {
  const totals: TickResult = { claimed: 0, fired: 0, dropped: 0, failed: 0 };
  const bar = progressBar('catching up', Math.max(1, dueTomorrow));
  for (;;) {
    const r = await scheduler.catchUp(50);
    for (const k of Object.keys(totals) as Array<keyof TickResult>) totals[k] += r[k];
    bar(Math.min(dueTomorrow, totals.fired + totals.dropped));
    const next = await nextAt();
    if (next === null || next > at(1)) break;
    // Behind: the server loops at once. Nothing claimable (leased elsewhere): it waits its second.
    if (r.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 1000));
    else await new Promise((resolve) => setTimeout(resolve, 0));
  }
  bar(dueTomorrow);
  return totals;
});
const afterRestart = counts();

// 2. The raw firing rate: the next day's deadlines, `catchUp` with no pauses, for at most `seconds`.
const dueNext = afterRestart.dueBy(at(2));
const burst = await restartedAt(at(2), async (scheduler) => {
  const totals: TickResult = { claimed: 0, fired: 0, dropped: 0, failed: 0 };
  const stop = performance.now() + seconds * 1000;
  while (performance.now() < stop) {
    const r = await scheduler.catchUp(10);
    for (const k of Object.keys(totals) as Array<keyof TickResult>) totals[k] += r[k];
    if (r.claimed === 0) break;
  }
  return totals;
});
const size = fileBytes(path);
db.close();
if (!given && !args.includes('--keep')) rmSync(dirname(path), { recursive: true, force: true });

const n = (x: number) => x.toLocaleString('en-GB');
const lines = [
  `${n(before.timers)} pending timers in ${n(before.cases)} cases (${gib(size)})${given ? ', the store million.ts kept' : `, bulk-loaded in ${loadSeconds.toFixed(0)} s`}; ${n(dueTomorrow)} (${((dueTomorrow / before.timers) * 100).toFixed(1)}%) fall due in the day after ${BENCH_NOW}.`,
  '',
  ...table(['measurement', 'timers fired', 'seconds', 'timers/s', 'notes'], [
    ['restart after a day of downtime: until nothing is due (server loop: no pause while behind)', n(restart.fired + restart.dropped), restart.elapsed.toFixed(1), Math.round((restart.fired + restart.dropped) / restart.elapsed),
      `store opened in ${restart.openMs.toFixed(0)} ms; next timer then ${restart.nextAt}; pending timers ${n(before.timers)} → ${n(afterRestart.timers)}, overdue open tasks ${n(before.overdue)} → ${n(afterRestart.overdue)}, e-mails queued ${n(afterRestart.outbox - before.outbox)}; ${restart.failed} failed, ${restart.dropped} dropped`],
    [`firing rate, no pauses (\`catchUp\`, batches of 64), the next day's ${n(dueNext)} due, at most ${seconds} s`, n(burst.fired + burst.dropped), burst.elapsed.toFixed(1), Math.round((burst.fired + burst.dropped) / burst.elapsed),
      `${burst.failed} failed, ${burst.dropped} dropped (case moved on); each fired timer is one engine step; the commits of a batch share one transaction and one fsync`],
  ]),
];
console.log(lines.join('\n'));
appendResults(resultsFile, `Timers: ${n(before.timers)} pending`, command, lines);
headline(`timers fired (${n(before.timers)} pending)`, `${n(Math.round((burst.fired + burst.dropped) / burst.elapsed))}/s without pauses; a day's backlog (${n(restart.fired + restart.dropped)}) caught up in ${restart.elapsed.toFixed(1)} s on the server loop`, '≥ 5,000/s; a day\'s backlog at 1M ≤ 30 s');
