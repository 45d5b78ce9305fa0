/**
 * Completing a task over HTTP on the embedded store — validate the form, check guards, step,
 * persist atomically, audit — under a loopback load generator, next to a trivial route of the
 * same server (`GET /api/health`, one indexed read) as the ceiling. Completions are measured as
 * the web app sends them, with an `Idempotency-Key` (its claim and kept answer are writes too) and
 * `Prefer: return=minimal` (the outcome without the ~27 KB case page: the app's confirmation page
 * reads only the outcome), and also with a key and the whole case, and with neither; the kinds of request take turns in
 * slices, so load on the machine falls on each alike.
 *
 *   npx tsx test/bench/http.ts [completions] [concurrency]
 *
 * The server runs in its own process (test/bench/http-server.ts). Appends to
 * test/bench/results/http.md. Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { family, referral } from '../camden/given.ts';
import { appendResults, headline, table } from './machine.ts';

const completions = Number(process.argv[2] ?? 400);
const concurrency = Number(process.argv[3] ?? 8);
const resultsFile = fileURLToPath(new URL('./results/http.md', import.meta.url));

const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./http-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((resolve, reject) => {
  server.stdout.on('data', (chunk: Buffer) => {
    const match = /PORT (\d+)/.exec(chunk.toString());
    if (match) resolve(Number(match[1]));
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
// A failed request ends the run: the server must not outlive it.
process.on('exit', () => server.kill());

const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'social_worker@camden.example', password: 'stepwise-demo' }) });
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
const { csrfToken } = (await signIn.json()) as { csrfToken: string };
const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

/** Runs `work(i)` for i < total with `concurrency` requests in flight; returns latencies. */
async function load(total: number, work: (i: number) => Promise<Response>): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        const response = await work(i);
        if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, latencies };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

// Given: one Camden case per completion (keyed, not keyed, minimal), each with its referral task open.
const tasks: Array<{ caseId: string; taskId: string }> = [];
const started = await load(completions * 3, async (i) => {
  const response = await fetch(`${base}/api/cases`, { method: 'POST', headers, body: JSON.stringify({ definition: 'camden', entry: 'sw_assessment', subject: family }) });
  const body = (await response.clone().json()) as { id: string; openTasks: Array<{ id: string }> };
  tasks[i] = { caseId: body.id, taskId: body.openTasks[0]!.id };
  return response;
});
await load(200, () => fetch(`${base}/api/health`)); // warm-up

type Run = { seconds: number; latencies: number[] };
const health: Run = { seconds: 0, latencies: [] };
const plain: Run = { seconds: 0, latencies: [] };
const completed: Run = { seconds: 0, latencies: [] };
const minimal: Run = { seconds: 0, latencies: [] };
const add = (into: Run, r: Run) => ((into.seconds += r.seconds), into.latencies.push(...r.latencies));
const complete = (i: number, extra: Record<string, string>) =>
  fetch(`${base}/api/cases/${tasks[i]!.caseId}/tasks/${tasks[i]!.taskId}/complete`, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify({ data: referral(), actions: [{ action: 'send_referral' }] }) });
const SLICES = 4;
const slice = Math.ceil(completions / SLICES);
for (let s = 0; s < SLICES; s++) {
  const from = s * slice;
  const count = Math.min(slice, completions - from);
  add(health, await load(count * 5, () => fetch(`${base}/api/health`)));
  add(plain, await load(count, (i) => complete(completions + from + i, {})));
  add(completed, await load(count, (i) => complete(from + i, { 'idempotency-key': randomUUID() })));
  add(minimal, await load(count, (i) => complete(2 * completions + from + i, { 'idempotency-key': randomUUID(), prefer: 'return=minimal' })));
}
server.kill();

const row = (name: string, r: Run) => [name, r.latencies.length, Math.round(r.latencies.length / r.seconds), pct(r.latencies, 50).toFixed(1), pct(r.latencies, 99).toFixed(1)];
const share = (m: typeof health) => m.latencies.length / m.seconds / (health.latencies.length / health.seconds);
const ratio = share(minimal);
const lines = [
  ...table(['request', 'count', 'per second', 'p50 ms', 'p99 ms'], [
    row('GET /api/health (trivial route: the ceiling)', health),
    row('POST /api/cases (start a Camden case)', started),
    row('POST …/complete with Idempotency-Key and the whole case in the answer (Camden referral: form, guards, step, commit, audit)', completed),
    row('POST …/complete without a key', plain),
    row('POST …/complete with a key and `Prefer: return=minimal`, as the app sends it', minimal),
  ]),
  '',
  `Completing a task runs at ${(ratio * 100).toFixed(1)}% of the trivial route's rate as the app sends it (a key and a minimal answer), ${(share(completed) * 100).toFixed(1)}% with a key and the whole case, ${(share(plain) * 100).toFixed(1)}% with neither (${concurrency} requests in flight, one server process; writes made together share a transaction and an fsync).`,
];
console.log(lines.join('\n'));
appendResults(resultsFile, 'HTTP on loopback', `npx tsx test/bench/http.ts ${completions} ${concurrency}`, lines);
headline('complete a Camden referral over HTTP as the app sends it (Idempotency-Key, Prefer: return=minimal)', `${Math.round(minimal.latencies.length / minimal.seconds)}/s = ${ratio.toFixed(2)}× GET /api/health; p50 ${pct(minimal.latencies, 50).toFixed(1)} ms, p99 ${pct(minimal.latencies, 99).toFixed(1)} ms at ${concurrency} in flight`, '≥ 0.5× the trivial route; p99 ≤ 20 ms at 8 in flight');
