/**
 * The store at national scale: N Camden cases (20,000 by default; `--full`: 1,000,000) across
 * 150 authorities bulk-loaded into a fresh SQLite store (bulk-load.ts: the time, the peak memory
 * and the file size), then, on that store through the `Store` interface and the case runner:
 * - inbox (a worker's open tasks), tray (a team's), overdue and family-name search: p50/p95/p99
 *   over random queries;
 * - durable steps per second on random cases (load → `step` → one fsynced `commitStep`),
 *   interleaved with the raw durable insert rate of SQLite on the same disk (ratio).
 *
 *   npx tsx test/bench/million.ts [cases] [--full] [--db data/bench-x/cases.db] [--keep] [--steps n] [--queries n]
 *
 * The store lives under ./data/bench-<pid>/ (or --db) and is deleted afterwards unless --keep.
 * Appends to test/bench/results/million.md. Not part of `npm test`.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Refusal, type CaseState } from '../../engine/index.ts';
import { createCaseRunner, SimulatedClock } from '../../server/runtime/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { camden } from '../camden/given.ts';
import { bulkLoad, random, removeDatabase, SURNAMES, type Authority } from './bulk-load.ts';
import { benchActor, BENCH_NOW, completion, DUTY_TEAMS } from './case-templates.ts';
import { appendResults, table } from './machine.ts';
import { gib, mib, percentile, procMemory, progressBar, rate, rawInserts, type Tally } from './measure.ts';

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const full = args.includes('--full');
const cases = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? (full ? 1_000_000 : 20_000));
const root = fileURLToPath(new URL('../../', import.meta.url));
const path = flag('--db') ?? join(root, 'data', `bench-${process.pid}`, 'cases.db');
const keep = args.includes('--keep');
const stepCount = Number(flag('--steps') ?? (full ? 2000 : 300));
const queryCount = Number(flag('--queries') ?? 1000);
const resultsFile = fileURLToPath(new URL('./results/million.md', import.meta.url));
const command = `npx tsx test/bench/million.ts ${process.argv.slice(2).join(' ')}`.trim();

mkdirSync(dirname(path), { recursive: true });
const load = await bulkLoad(path, cases, { onProgress: progressBar('loading cases', cases) });
const loadPeak = procMemory('self', 'VmHWM');
const rnd = random(2);
const cumulative = load.authorities.reduce<number[]>((acc, la) => [...acc, (acc.at(-1) ?? 0) + la.cases], []);
const anyAuthority = (): Authority => { const x = rnd() * cumulative.at(-1)!; return load.authorities[cumulative.findIndex((c) => c >= x)]!; };
const any = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;

const openStart = performance.now();
const store = openSqliteStore({ path });
const openSeconds = (performance.now() - openStart) / 1000;
const ids = new Database(path, { readonly: true });
const idAt = ids.prepare('SELECT id FROM cases WHERE rowid = ?').pluck();
const idIn = ids.prepare('SELECT id FROM cases WHERE authority = ? LIMIT 1').pluck();
const randomCaseId = () => idAt.get(1 + Math.floor(rnd() * cases)) as string;

/** Times `n` random queries after 50 unmeasured ones; returns latencies (ms) and mean rows. */
async function timeQueries(n: number, query: () => Promise<unknown[]>) {
  for (let i = 0; i < 50; i++) await query();
  const latencies: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    rows += (await query()).length;
    latencies.push(performance.now() - start);
  }
  return { latencies, rows: rows / n };
}

const trays = ['eh_front_door', ...DUTY_TEAMS];
const queries: Array<[string, () => Promise<unknown[]>]> = [
  ['inbox: a worker\'s open tasks (`listTasks` worker)', () => { const la = anyAuthority(); return store.listTasks({ authority: la.id, worker: rnd() < 0.8 ? any(la.socialWorkers) : any(la.teamManagers), status: 'open' }); }],
  ['tray: a team\'s open tasks (`listTasks` teams)', () => store.listTasks({ authority: anyAuthority().id, teams: [any(trays)], status: 'open' })],
  ['overdue: an authority\'s overdue open tasks', () => store.listTasks({ authority: anyAuthority().id, overdue: true, status: 'open' })],
  ['search: cases by family name (`findCases`, first 4 letters)', () => store.findCases({ authority: anyAuthority().id, search: any(SURNAMES).slice(0, 4).toLowerCase() })],
  ['case page: one case by id (`getCase`)', async () => [await store.getCase(randomCaseId())]],
];
const queryResults: Array<Array<string | number>> = [];
for (const [name, query] of queries) {
  const { latencies, rows } = await timeQueries(queryCount, query);
  queryResults.push([name, queryCount, percentile(latencies, 50).toFixed(2), percentile(latencies, 95).toFixed(2), percentile(latencies, 99).toFixed(2), rows.toFixed(0)]);
}

// Durable steps: complete the open task of random cases, as their workers would.
const clock = new SimulatedClock(new Date(Date.parse(BENCH_NOW) + 3_600_000).toISOString());
const runner = createCaseRunner({ store, clock });
async function stepOn(caseId: string, latencies: number[], sizes: number[]): Promise<boolean> {
  const state = (await store.getCase(caseId))!;
  const task = Object.values(state.tasks).filter((t) => t.status === 'open').sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  if (!task) return false;
  const by = benchActor('worker' in task.assignee ? task.assignee.worker : `${state.authority}.bench`, camden);
  const team = (state.form.asm_screen ?? state.form.cin_screen)?.ehTeam as string | undefined ?? any(DUTY_TEAMS);
  const event = completion(state, task.node, clock.advance(1000), task.id, by, team);
  if (!event || event.type === 'case_started') return false;
  const start = performance.now();
  const next: CaseState = await runner.dispatch(caseId, event);
  latencies.push(performance.now() - start);
  sizes.push(JSON.stringify(next).length);
  return true;
}

const warmStart = performance.now();
for (const la of load.authorities) if (la.cases > 0) await stepOn(idIn.get(la.id) as string, [], []);
const warmSeconds = (performance.now() - warmStart) / 1000;
const raw = rawInserts(join(dirname(path), 'raw.db'));
const latencies: number[] = [];
const sizes: number[] = [];
let refused = 0;
let skipped = 0;
let rawTally: Tally = { count: 0, seconds: 0 };
const rounds = 10;
for (let r = 0; r < rounds; r++) {
  const before = latencies.length;
  while (latencies.length - before < Math.ceil(stepCount / rounds)) {
    try {
      if (!(await stepOn(randomCaseId(), latencies, sizes))) skipped += 1;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refused += 1;
    }
  }
  const meanSize = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);
  const round = raw.run(latencies.length - before, meanSize);
  rawTally = { count: rawTally.count + round.count, seconds: rawTally.seconds + round.seconds };
}
raw.close();
const stepTally: Tally = { count: latencies.length, seconds: latencies.reduce((a, b) => a + b, 0) / 1000 };
const meanSize = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);
const rssAfter = procMemory('self', 'VmRSS');
ids.close();
await store.close();
if (!keep) rmSync(dirname(path), { recursive: true, force: true });
else removeDatabase(join(dirname(path), 'raw.db'));

const s = load.seconds;
const lines = [
  `${cases.toLocaleString('en-GB')} cases across ${load.authorities.length} authorities (${load.templates.length} engine-made Camden templates: both step-down routes at every stage, as at ${BENCH_NOW}).`,
  '',
  ...table(['loading (bulk import path)', 'value'], [
    ['rows', `${cases.toLocaleString('en-GB')} cases, ${load.rows.tasks.toLocaleString('en-GB')} tasks, ${load.rows.timers.toLocaleString('en-GB')} pending timers, ${load.rows.audit.toLocaleString('en-GB')} audit entries, ${load.rows.outbox.toLocaleString('en-GB')} outbox messages, ${load.rows.history.toLocaleString('en-GB')} timeline entries`],
    ['time', `${s.total.toFixed(1)} s: templates ${s.templates.toFixed(1)}, ${load.authorities.length} definitions published ${s.definitions.toFixed(1)}, rows ${s.insert.toFixed(1)} (${Math.round(cases / s.insert).toLocaleString('en-GB')} cases/s), indexes and the search index rebuilt ${s.indexes.toFixed(1)}, checkpoint + fsync ${s.checkpoint.toFixed(1)}`],
    ['peak resident memory of the loading process', `${mib(loadPeak)} (SQLite page cache capped at 1 GiB while importing)`],
    ['database file', `${gib(load.fileBytes)} (${Math.round(load.fileBytes / cases).toLocaleString('en-GB')} bytes per case)`],
    ['opening the loaded store (`openSqliteStore`)', `${(openSeconds * 1000).toFixed(0)} ms`],
  ]),
  '',
  ...table(['query on the loaded store', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'rows (mean)'], queryResults),
  '',
  ...table(['durable writes on the loaded store', 'count', 'seconds', 'per second'], [
    ['durable steps: complete the open task of a random case (runner: load, `step`, `commitStep`)', stepTally.count, stepTally.seconds.toFixed(2), rate(stepTally).toFixed(0)],
    [`raw durable inserts, same disk and pragmas (1 row of ${meanSize} B per transaction)`, rawTally.count, rawTally.seconds.toFixed(2), rate(rawTally).toFixed(0)],
    ['ratio steps / raw inserts', '', '', (rate(stepTally) / rate(rawTally)).toFixed(2)],
  ]),
  '',
  `Step latency p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms; ${skipped} random cases skipped (no open task), ${refused} refused. ` +
    `Before timing, the first step in each authority took ${warmSeconds.toFixed(1)} s in all (${((warmSeconds / load.authorities.length) * 1000).toFixed(0)} ms each: reading and compiling its definition's forms). ` +
    `Resident memory of this process after the measurements: ${mib(rssAfter)}.`,
];
console.log(lines.join('\n'));
appendResults(resultsFile, `Store with ${cases.toLocaleString('en-GB')} cases`, command, lines);
