/**
 * The same small flow (start → user task → decision → timer → end, test/bench/peer-flows.ts) in
 * Stepwise, bpmn-engine and XState v5, side by side in one process: flows per second, and the
 * ratio to Stepwise (= 1.0). Each engine runs in slices of 250 ms taken in turn, so drift in the
 * machine hits all three alike, after a warm-up of each. Two variants: everything in memory, and
 * with the state written to JSON and read back at each wait, as a server does between events.
 * For reference, each engine then runs alone in a process of its own, the same way.
 *
 *   npx tsx test/bench/peers.ts [seconds per engine and variant]
 *
 * Appends to test/bench/results/peers.md. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { appendResults, headline, table } from './machine.ts';
import { percentile } from './measure.ts';
import { parseBpmn, runBpmn, runStepwise, runXState } from './peer-flows.ts';

const seconds = Number(process.argv[2] ?? 5);
const alone = process.argv.includes('--alone') ? Number(process.argv[process.argv.indexOf('--alone') + 1]) : undefined;
const resultsFile = fileURLToPath(new URL('./results/peers.md', import.meta.url));
const sliceMs = 250;

const sourceContext = await parseBpmn();
type Runner = (i: number, persist: boolean) => unknown;
const engines: Array<[string, Runner]> = [
  ['Stepwise (`step`)', (i, persist) => runStepwise(i, persist)],
  ['bpmn-engine 25', (i, persist) => runBpmn(sourceContext, i, persist)],
  ['XState 5', (_i, persist) => runXState(persist)],
];

/** Flows and milliseconds in total, and each slice's rate (flows/s). */
interface Tally { flows: number; ms: number; slices: number[] }
const tally = (): Tally => ({ flows: 0, ms: 0, slices: [] });

/** Runs flows one after another for about `ms`; awaits only when the engine is asynchronous. */
async function slice(run: Runner, persist: boolean, ms: number, into: Tally): Promise<void> {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < ms) {
    const result = run(into.flows + n, persist);
    if (result instanceof Promise) await result;
    n += 1;
  }
  const elapsed = performance.now() - start;
  into.flows += n;
  into.ms += elapsed;
  into.slices.push(n / (elapsed / 1000));
}

/** Warm-up, then `seconds` per variant in slices taken in turn over the given engines. */
async function measure(which: number[]) {
  const results = which.map((i) => ({ name: engines[i]![0], memory: tally(), persisted: tally() }));
  for (const i of which) {
    await slice(engines[i]![1], false, 1000, tally());
    await slice(engines[i]![1], true, 1000, tally());
  }
  for (let r = 0; r < Math.max(1, Math.round((seconds * 1000) / sliceMs)); r++) {
    for (const [k, i] of which.entries()) {
      await slice(engines[i]![1], false, sliceMs, results[k]!.memory);
      await slice(engines[i]![1], true, sliceMs, results[k]!.persisted);
    }
  }
  return results;
}

// The median slice: other work on this 2-core machine comes in bursts, and a burst that lands on
// one engine's slices would otherwise tilt the ratio.
const rate = (t: Tally) => percentile(t.slices, 50);
const ratio = (x: number) => x.toFixed(x < 0.1 ? 3 : 2);

if (alone !== undefined) {
  const [result] = await measure([alone]);
  console.log(JSON.stringify({ memory: rate(result!.memory), persisted: rate(result!.persisted) }));
  process.exit(0);
}

const together = await measure(engines.map((_, i) => i));
const apart = engines.map((_, i) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), String(seconds), '--alone', String(i)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { memory: number; persisted: number };
});

const base = together[0]!;
const lines = [
  ...table(['engine', 'flows/s in memory', 'µs per flow', 'ratio to Stepwise', 'flows/s persisted at each wait', 'µs per flow', 'ratio to Stepwise', 'alone: in memory / persisted (flows/s)'], together.map((r, i) => [
    r.name,
    Math.round(rate(r.memory)), (1e6 / rate(r.memory)).toFixed(1), ratio(rate(r.memory) / rate(base.memory)),
    Math.round(rate(r.persisted)), (1e6 / rate(r.persisted)).toFixed(1), ratio(rate(r.persisted) / rate(base.persisted)),
    `${Math.round(apart[i]!.memory)} / ${Math.round(apart[i]!.persisted)}`,
  ])),
  '',
  `One flow is three events (start, complete the task with \`{ route: 'support' }\`, fire the one-day timer). Side by side: ${seconds} s per engine and variant in ${sliceMs} ms slices taken in turn, after 1 s of warm-up each, in one process; flows/s is the median slice. ` +
    `Flows in total: ${together.map((r) => `${r.name} ${r.memory.flows} + ${r.persisted.flows}`).join(', ')}. "Alone": the same, each engine in a fresh process of its own.`,
];
console.log(lines.join('\n'));
appendResults(resultsFile, 'Peers: one small flow', `npx tsx test/bench/peers.ts ${seconds}`, lines);
const xstate = together[engines.findIndex(([name]) => name === 'XState 5')]!;
headline(
  'Stepwise `step` vs XState 5, one small flow side by side',
  `${ratio(rate(base.memory) / rate(xstate.memory))}× in memory, ${ratio(rate(base.persisted) / rate(xstate.persisted))}× persisted at each wait`,
  '≥ 1.0× XState in memory and persisted',
);
