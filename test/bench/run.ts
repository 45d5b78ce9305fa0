/**
 * `npm run bench`: every benchmark in quick mode, one after another, each appending its table to
 * test/bench/results/<name>.md with the machine and the command. `npm run bench -- --full` runs
 * longer and larger. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const full = process.argv.includes('--full');
const benches: Array<[string, string[]]> = [
  ['engine.ts', [full ? '20' : '5']],
  ['store.ts', [full ? '2000' : '300']],
  ['http.ts', [full ? '3000' : '400', '8']],
];

let failed = 0;
for (const [file, args] of benches) {
  console.log(`\n# ${file} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${file}`, import.meta.url)), ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
