/**
 * The server's resident memory (VmRSS from /proc/<pid>/status, sampled every 100 ms): idle after
 * start, under load and idle again after it, on an empty store and on a loaded one (by default
 * 20,000 cases bulk-loaded here; `--db` serves a store million.ts kept). The server is the real
 * app in its own process (test/bench/http-server.ts); the load is a Camden social worker starting
 * a case, completing its referral, reading their work list and searching cases by family name,
 * `concurrency` at a time.
 *
 *   npx tsx test/bench/memory.ts [iterations] [--db data/bench-x/cases.db] [--cases n] [--concurrency n]
 *
 * Appends to test/bench/results/memory.md. Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { family, referral } from '../camden/given.ts';
import { bulkLoad, fileBytes } from './bulk-load.ts';
import { appendResults, headline, table } from './machine.ts';
import { gib, mib, percentile, procMemory, progressBar } from './measure.ts';

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const iterations = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 400);
const concurrency = Number(flag('--concurrency') ?? 8);
const given = flag('--db');
const root = fileURLToPath(new URL('../../', import.meta.url));
const resultsFile = fileURLToPath(new URL('./results/memory.md', import.meta.url));
const command = `npx tsx test/bench/memory.ts ${args.join(' ')}`.trim();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let path = given;
let loaded = 0;
if (!path) {
  loaded = Number(flag('--cases') ?? 20_000);
  path = join(root, 'data', `bench-${process.pid}`, 'cases.db');
  mkdirSync(dirname(path), { recursive: true });
  await bulkLoad(path, loaded, { onProgress: progressBar('loading cases', loaded) });
}

interface Sampled { idle: number[]; load: number[]; after: number[]; peak: number; rate: number; latencies: Record<string, number[]> }
const KINDS = ['start a case', 'complete its referral', 'read my work', 'search "smi"'] as const;

/** Starts the server on `db` (a fresh temp store if undefined) and measures it through three phases. */
async function measure(db: string | undefined): Promise<Sampled> {
  const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./http-server.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, STEPWISE_BENCH_DB: db ?? '' },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => { const m = /PORT (\d+)/.exec(chunk.toString()); if (m) resolve(Number(m[1])); });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  let samples: number[] = [];
  const sampler = setInterval(() => samples.push(procMemory(server.pid!, 'VmRSS')), 100);
  const phase = async (work: () => Promise<unknown>) => { samples = []; await work(); return samples; };

  const idle = await phase(() => sleep(3000));
  const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'social_worker@camden.example', password: 'stepwise-demo' }) });
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const headers = { cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const latencies: Record<string, number[]> = Object.fromEntries(KINDS.map((k) => [k, []]));
  const ok = async (kind: (typeof KINDS)[number], response: () => Promise<Response>): Promise<unknown> => {
    const start = performance.now();
    const r = await response();
    if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
    const body: unknown = await r.json();
    latencies[kind]!.push(performance.now() - start);
    return body;
  };
  let next = 0;
  const start = performance.now();
  const load = await phase(() => Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < iterations) {
      const started = (await ok('start a case', () => fetch(`${base}/api/cases`, { method: 'POST', headers, body: JSON.stringify({ definition: 'camden', entry: 'sw_assessment', subject: family }) }))) as { id: string; openTasks: Array<{ id: string }> };
      await ok('complete its referral', () => fetch(`${base}/api/cases/${started.id}/tasks/${started.openTasks[0]!.id}/complete`, { method: 'POST', headers, body: JSON.stringify({ data: referral(), actions: [{ action: 'send_referral' }] }) }));
      await ok('read my work', () => fetch(`${base}/api/work`, { headers }));
      await ok('search "smi"', () => fetch(`${base}/api/cases?q=smi`, { headers }));
    }
  })));
  const rate = (iterations * 4) / ((performance.now() - start) / 1000);
  const after = await phase(() => sleep(3000));
  clearInterval(sampler);
  const peak = procMemory(server.pid!, 'VmHWM');
  server.kill();
  return { idle, load, after, peak, rate, latencies };
}

const empty = await measure(undefined);
const big = await measure(path);
const size = fileBytes(path);
if (!given) rmSync(dirname(path), { recursive: true, force: true });

const max = (xs: number[]) => Math.max(...xs);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const row = (name: string, m: Sampled) => [name, mib(max(m.idle)), `${mib(mean(m.load))} / ${mib(max(m.load))}`, mib(max(m.after)), mib(m.peak), Math.round(m.rate)];
const lines = [
  ...table(['server store', 'RSS idle after start', 'RSS under load (mean / max)', 'RSS idle after load', 'peak RSS (VmHWM)', 'requests/s under load'], [
    row('empty store (four definitions, demo people)', empty),
    row(`loaded store: ${given ? 'kept by million.ts' : `${loaded.toLocaleString('en-GB')} cases`}, ${gib(size)}`, big),
  ]),
  '',
  ...table(['request under load: p50 / p95 ms', ...KINDS], [empty, big].map((m, i) => [i ? 'loaded store' : 'empty store', ...KINDS.map((k) => `${percentile(m.latencies[k]!, 50).toFixed(1)} / ${percentile(m.latencies[k]!, 95).toFixed(1)}`)])),
  '',
  `Load: ${iterations} times (${concurrency} in flight) a Camden social worker starts a case, completes its referral, reads their work list and searches by family name; one server process, SQLite page cache at its default (2 MiB), no scheduler running.`,
];
console.log(lines.join('\n'));
appendResults(resultsFile, 'Server memory', command, lines);
headline(`the server on the loaded store (${given ? 'kept by million.ts' : `${loaded.toLocaleString('en-GB')} cases`}) vs an empty one, mixed load`,
  `${Math.round(big.rate)} vs ${Math.round(empty.rate)} requests/s (${(big.rate / empty.rate).toFixed(2)}×)`, '≥ 0.8×');
