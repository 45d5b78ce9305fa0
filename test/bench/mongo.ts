/**
 * The store and million-case benchmarks against the MongoDB store at MONGODB_URI (a replica set),
 * for wherever one exists: `npm run bench -- --mongo` runs both. Without MONGODB_URI it says so
 * and exits 0, having measured nothing (no MongoDB server can run on the machines this project is
 * built on, so no figure in results/ comes from MongoDB until someone runs this against one).
 *
 *   npx tsx test/bench/mongo.ts store [cases]          durable steps, 1, 8 and 32 in flight
 *   npx tsx test/bench/mongo.ts million [cases] [--steps n] [--queries n] [--keep]
 *
 * Each run uses a database of its own, `stepwise_bench_<pid>`, dropped afterwards unless --keep.
 * The million run loads its cases through `commitStep` (32 in flight, so group commits), the
 * store's only write path: slower than SQLite's bulk import, but nothing is written that the
 * store would not write itself. Appends to results/mongo-store.md and results/mongo-million.md.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Refusal, type CaseState } from '../../engine/index.ts';
import { createCaseRunner, SimulatedClock, type CaseRunner } from '../../server/runtime/index.ts';
import { randomAuditKey } from '../../server/store/audit-key.ts';
import { openMongoStore } from '../../server/store/mongo-store.ts';
import type { AuditInput, Store } from '../../server/store/index.ts';
import { camden } from '../camden/given.ts';
import { publishDefinition, T0, walkFixtureCase } from '../store/support.ts';
import { authorities, definitionFor, picker, random, SURNAMES } from './bulk-load.ts';
import { benchActor, BENCH_NOW, buildTemplates, completion, DUTY_TEAMS, fill, type CloneValues } from './case-templates.ts';
import { appendResults, table } from './machine.ts';
import { percentile, progressBar, rate, type Tally } from './measure.ts';

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const mode = args[0];
const count = Number(args.find((a, i) => i > 0 && /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? (mode === 'million' ? 20_000 : 300));
const keep = args.includes('--keep');
const uri = process.env.MONGODB_URI;
const command = `MONGODB_URI=… npx tsx test/bench/mongo.ts ${args.join(' ')}`;

if (!uri) {
  console.log('MongoDB benchmarks skipped: MONGODB_URI is not set (set it to a replica set, e.g. mongodb://localhost:27017/?replicaSet=rs0). Nothing was measured.');
  process.exit(0);
}
if (mode !== 'store' && mode !== 'million') {
  console.error('Usage: npx tsx test/bench/mongo.ts store|million [cases] [--steps n] [--queries n] [--keep]');
  process.exit(2);
}

const dbName = `stepwise_bench_${process.pid}`;
const store = await openMongoStore({ uri, dbName, auditKey: randomAuditKey() });
const results = (name: string) => fileURLToPath(new URL(`./results/${name}.md`, import.meta.url));
try {
  if (mode === 'store') await storeBench(store);
  else await millionBench(store);
} finally {
  if (!keep) await store.db.dropDatabase();
  await store.close();
}

/** As store.ts: one family through the fixture per lane, steps timed one by one. */
async function storeBench(store: Store): Promise<void> {
  await publishDefinition(store);
  const runCase = (runner: CaseRunner, clock: SimulatedClock, latencies: number[]) =>
    walkFixtureCase(runner, clock, async (work) => {
      const start = performance.now();
      const state = await work();
      latencies.push(performance.now() - start);
      return state;
    });
  const lanes = Array.from({ length: 32 }, () => { const clock = new SimulatedClock(T0); return { clock, runner: createCaseRunner({ store, clock }) }; });
  for (let i = 0; i < 5; i++) await runCase(lanes[0]!.runner, lanes[0]!.clock, []); // warm-up
  const rows: Array<Array<string | number>> = [];
  for (const inFlight of [1, 8, 32]) {
    const latencies: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(lanes.slice(0, inFlight).map(async ({ runner, clock }) => { while (next++ < count) await runCase(runner, clock, latencies); }));
    const tally: Tally = { count: latencies.length, seconds: (performance.now() - start) / 1000 };
    rows.push([`durable steps, ${inFlight} in flight (runner + MongoDB store, every-node fixture, ${count} cases)`, tally.count, tally.seconds.toFixed(2), rate(tally).toFixed(0), `${percentile(latencies, 50).toFixed(2)} / ${percentile(latencies, 95).toFixed(2)}`]);
  }
  const lines = table(['measurement', 'count', 'seconds', 'per second', 'step p50 / p95 ms'], rows);
  console.log(lines.join('\n'));
  appendResults(results('mongo-store'), 'MongoDB store: durable steps', command, lines);
}

/** As million.ts, on MongoDB: N Camden cases over 150 authorities, then queries and steps through the `Store`. */
async function millionBench(store: Store): Promise<void> {
  const stepCount = Number(flag('--steps') ?? 300);
  const queryCount = Number(flag('--queries') ?? 500);
  const rnd = random(1);
  const templates = buildTemplates();
  const pickTemplate = picker(templates.map((t) => t.weight), rnd);
  const las = authorities(150, count);
  const pickAuthority = picker(las.map((la) => la.weight), rnd);
  const any = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const loadStart = performance.now();
  for (const la of las) {
    await store.saveDraft(definitionFor(la), { by: 'bench', at: '2026-09-01T09:00:00.000Z' });
    for (let v = 1; v <= camden.version; v++) await store.publish(la.definition, { by: 'bench', at: '2026-09-01T09:00:00.000Z' });
  }
  const ids: string[] = [];
  const progress = progressBar('loading cases through commitStep', count);
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < count) {
      next += 1;
      const template = templates[pickTemplate()]!;
      const la = las[pickAuthority()]!;
      la.cases += 1;
      const values: CloneValues = { caseId: randomUUID(), authority: la.id, definition: la.definition, sw: any(la.socialWorkers), tm: any(la.teamManagers), fd: any(la.frontDoor), team: any(DUTY_TEAMS), family: any(SURNAMES) };
      const state = JSON.parse(fill(template.state, values)) as CaseState;
      await store.commitStep({ caseState: state, expectedVersion: null, audit: JSON.parse(fill(template.audit, values)) as AuditInput[], outbox: [] });
      ids.push(values.caseId);
      if (ids.length % 1000 === 0) progress(ids.length);
    }
  }));
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const cumulative = las.reduce<number[]>((acc, la) => [...acc, (acc.at(-1) ?? 0) + la.cases], []);
  const anyAuthority = () => { const x = rnd() * cumulative.at(-1)!; return las[cumulative.findIndex((c) => c >= x)]!; };
  const trays = ['eh_front_door', ...DUTY_TEAMS];
  const queries: Array<[string, () => Promise<unknown[]>]> = [
    ['inbox: a worker\'s open tasks (`listTasks` worker)', () => { const la = anyAuthority(); return store.listTasks({ authority: la.id, worker: rnd() < 0.8 ? any(la.socialWorkers) : any(la.teamManagers), status: 'open' }); }],
    ['tray: a team\'s open tasks (`listTasks` teams)', () => store.listTasks({ authority: anyAuthority().id, teams: [any(trays)], status: 'open' })],
    ['overdue: an authority\'s overdue open tasks', () => store.listTasks({ authority: anyAuthority().id, overdue: true, status: 'open' })],
    ['case list: an authority\'s open cases, newest first (`findCases`, 50)', () => store.findCases({ authority: anyAuthority().id, status: 'open', limit: 50 })],
    ['search: cases by family name (`findCases`, first 4 letters)', () => store.findCases({ authority: anyAuthority().id, search: any(SURNAMES).slice(0, 4).toLowerCase() })],
    ['tray cases: cases with an open task in a team\'s tray (`findCases` team)', () => store.findCases({ authority: anyAuthority().id, team: any(trays), limit: 50 })],
    ['definitions: an authority\'s list (`listDefinitions`)', () => store.listDefinitions(anyAuthority().id)],
    ['case page: one case by id (`getCase`)', async () => [await store.getCase(any(ids))]],
  ];
  const queryRows: Array<Array<string | number>> = [];
  for (const [name, query] of queries) {
    for (let i = 0; i < 20; i++) await query();
    const latencies: number[] = [];
    let rows = 0;
    for (let i = 0; i < queryCount; i++) {
      const start = performance.now();
      rows += (await query()).length;
      latencies.push(performance.now() - start);
    }
    queryRows.push([name, queryCount, percentile(latencies, 50).toFixed(2), percentile(latencies, 95).toFixed(2), percentile(latencies, 99).toFixed(2), (rows / queryCount).toFixed(0)]);
  }
  const clock = new SimulatedClock(new Date(Date.parse(BENCH_NOW) + 3_600_000).toISOString());
  const runner = createCaseRunner({ store, clock });
  const latencies: number[] = [];
  let refused = 0;
  let skipped = 0;
  while (latencies.length < stepCount && skipped + refused < stepCount * 10) {
    const state = (await store.getCase(any(ids)))!;
    const task = Object.values(state.tasks).filter((t) => t.status === 'open').sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    const by = task && benchActor('worker' in task.assignee ? task.assignee.worker : `${state.authority}.bench`, camden);
    const team = (state.form.asm_screen ?? state.form.cin_screen)?.ehTeam as string | undefined ?? any(DUTY_TEAMS);
    const event = task && by ? completion(state, task.node, clock.advance(1000), task.id, by, team) : null;
    if (!event || event.type === 'case_started') { skipped += 1; continue; }
    try {
      const start = performance.now();
      await runner.dispatch(state.id, event);
      latencies.push(performance.now() - start);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refused += 1;
    }
  }
  const steps: Tally = { count: latencies.length, seconds: latencies.reduce((a, b) => a + b, 0) / 1000 };
  const lines = [
    `${count.toLocaleString('en-GB')} cases across ${las.length} authorities, loaded through \`commitStep\` (32 in flight) in ${loadSeconds.toFixed(1)} s (${Math.round(count / loadSeconds).toLocaleString('en-GB')} cases/s).`,
    '',
    ...table(['query on the loaded MongoDB store', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'rows (mean)'], queryRows),
    '',
    `Durable steps, one at a time on random cases: ${steps.count} at ${rate(steps).toFixed(0)}/s, p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms; ${skipped} random cases skipped (no open task), ${refused} refused.`,
  ];
  console.log(lines.join('\n'));
  appendResults(results('mongo-million'), `MongoDB store with ${count.toLocaleString('en-GB')} cases`, command, lines);
}
