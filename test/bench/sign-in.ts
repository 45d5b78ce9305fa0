/**
 * Sign-in under a guessing attack, in-process through `app.request()` (no port, so only the
 * server's own work is timed): how many wrong passwords one account and one client address take
 * before the server throttles them, and whether the answer's timing tells a known address from
 * an unknown one (wrong-password sign-ins, known and unknown interleaved, with the throttle
 * raised out of the way).
 *
 *   npx tsx test/bench/sign-in.ts [samples]
 *
 * Appends to test/bench/results/sign-in.md. Not part of `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { apiHarness } from '../support/api.ts';
import { appendResults, table } from './machine.ts';
import { percentile } from './measure.ts';

const samples = Number(process.argv[2] ?? 60);
const resultsFile = fileURLToPath(new URL('./results/sign-in.md', import.meta.url));

type Harness = Awaited<ReturnType<typeof apiHarness>>;
const attempt = (api: Harness, email: string, address: string) =>
  api.app.request(
    '/api/session',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'guess' }) },
    { connection: { address } },
  );

/** Wrong passwords from one address until the first 429 (or `limit` tries). */
async function untilThrottled(api: Harness, email: (i: number) => string, limit = 200) {
  const start = performance.now();
  for (let i = 0; i < limit; i++) {
    const response = await attempt(api, email(i), '203.0.113.7');
    await response.arrayBuffer();
    if (response.status === 429) return { refusedAt: i + 1, seconds: (performance.now() - start) / 1000, retryAfter: response.headers.get('retry-after') };
  }
  return { refusedAt: null, seconds: (performance.now() - start) / 1000, retryAfter: null };
}

const guessing = await apiHarness();
const oneAccount = await untilThrottled(guessing, () => 'social_worker@camden.example');
await guessing.close();
const spraying = await apiHarness();
const manyAccounts = await untilThrottled(spraying, (i) => `person${i}@camden.example`);
await spraying.close();

const timing = await apiHarness(undefined, { signInThrottle: { perAccount: 1e9, perAddress: 1e9, windowMs: 60_000 } });
const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < samples + 4; i++) {
  for (const [email, into] of [['social_worker@camden.example', known], [`nobody${i}@camden.example`, unknown]] as const) {
    const t = performance.now();
    await (await attempt(timing, email, `198.51.100.${i % 250}`)).arrayBuffer();
    if (i >= 4) into.push(performance.now() - t); // the first few warm the JIT and the dummy hash
  }
}
await timing.close();

const ms = (xs: number[], p: number) => percentile(xs, p).toFixed(1);
const refused = (r: typeof oneAccount) => (r.refusedAt === null ? 'never (200 tried)' : `attempt ${r.refusedAt}, Retry-After ${r.retryAfter} s`);
const lines = [
  ...table(['attack', 'first 429', 'seconds'], [
    ['wrong passwords for one account, one address', refused(oneAccount), oneAccount.seconds.toFixed(2)],
    ['one wrong password for each of many addresses, one client address', refused(manyAccounts), manyAccounts.seconds.toFixed(2)],
  ]),
  '',
  ...table(['wrong-password sign-in', 'samples', 'p50 ms', 'p90 ms'], [
    ['known address', known.length, ms(known, 50), ms(known, 90)],
    ['unknown address', unknown.length, ms(unknown, 50), ms(unknown, 90)],
  ]),
  '',
  `Median unknown / known: ${(percentile(unknown, 50) / percentile(known, 50)).toFixed(2)}.`,
];
console.log(lines.join('\n'));
appendResults(resultsFile, 'Sign-in under guessing', `npx tsx test/bench/sign-in.ts ${samples}`, lines);
