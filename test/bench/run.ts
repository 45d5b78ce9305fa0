/**
 * `npm run bench`: every benchmark in quick mode (a few minutes), one after another, each
 * appending its table to test/bench/results/<name>.md with the machine and the command.
 * `npm run bench -- --full` runs longer and at national scale: 1,000,000 cases in the store and
 * 1,000,000 pending timers (about half an hour on 2 cores, and some 40 GB of disk at its peak).
 * `npm run bench -- --mongo` (with `--full` or not) runs the store and million-case benchmarks
 * against the MongoDB store at MONGODB_URI instead (mongo.ts); without MONGODB_URI it says so and
 * measures nothing. Not part of `npm test`.
 *
 * The store million.ts loads is kept for memory.ts (the server's memory on it), then deleted;
 * timers.ts loads its own, sized for its number of pending timers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendResults, table } from './machine.ts';

const full = process.argv.includes('--full');
const mongo = process.argv.includes('--mongo');
const shared = fileURLToPath(new URL('../../data/bench-run/cases.db', import.meta.url));
if (mongo && !process.env.MONGODB_URI) {
  console.log('npm run bench -- --mongo: skipped, MONGODB_URI is not set. Set it to a replica set (e.g. mongodb://localhost:27017/?replicaSet=rs0) to run the store and million-case benchmarks against MongoDB. Nothing was measured.');
  process.exit(0);
}
// `--mongo`: the store and million-case benchmarks against the MongoDB store at MONGODB_URI (mongo.ts), instead of SQLite.
const mongoBenches: Array<[string, string[]]> = [
  ['mongo.ts', ['store', full ? '2000' : '300']],
  ['mongo.ts', ['million', ...(full ? ['1000000', '--steps', '2000'] : ['20000'])]],
];
const benches: Array<[string, string[]]> = mongo ? mongoBenches : [
  ['engine.ts', [full ? '20' : '5']],
  ['store.ts', [full ? '2000' : '300']],
  ['http.ts', [full ? '3000' : '400', '8']],
  ['peers.ts', [full ? '10' : '5']],
  ['million.ts', [...(full ? ['1000000', '--steps', '2000'] : ['20000']), '--db', shared, '--keep']],
  ['memory.ts', [full ? '2000' : '400', '--db', shared]],
  ['timers.ts', [full ? '1000000' : '50000', ...(full ? ['--seconds', '60'] : [])]],
  ['designer.ts', [full ? '5' : '3']],
  ['sign-in.ts', [full ? '200' : '60']],
  ['outbox.ts', full ? ['20000', '--seconds', '60'] : ['5000']],
];

// Each benchmark adds its headline figures here (machine.ts `headline`); they are printed together at the end.
const headlines = join(mkdtempSync(join(tmpdir(), 'stepwise-bench-')), 'headlines.jsonl');
let failed = 0;
const started = performance.now();
for (const [file, args] of benches) {
  console.log(`\n# ${file} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${file}`, import.meta.url)), ...args], { stdio: 'inherit', env: { ...process.env, STEPWISE_BENCH_HEADLINES: headlines } });
  if (run.status !== 0) failed += 1;
  if (file === 'memory.ts') rmSync(fileURLToPath(new URL('../../data/bench-run/', import.meta.url)), { recursive: true, force: true });
}
const rows = existsSync(headlines)
  ? readFileSync(headlines, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { what: string; figure: string; goal: string })
  : [];
const summary = table(['measurement', 'today', 'goal'], rows.map((r) => [r.what, r.figure, r.goal]));
console.log(`\n${summary.join('\n')}`);
const flags = [...(full ? ['--full'] : []), ...(mongo ? ['--mongo'] : [])];
appendResults(fileURLToPath(new URL('./results/summary.md', import.meta.url)), `Summary (${full ? 'full' : 'quick'}${mongo ? ', MongoDB' : ''})`, `npm run bench${flags.length ? ` -- ${flags.join(' ')}` : ''}`, summary);
console.log(`\n${benches.length - failed} of ${benches.length} benchmarks ran in ${((performance.now() - started) / 60_000).toFixed(1)} min; results in test/bench/results/.`);
process.exit(failed > 0 ? 1 : 0);
