/**
 * The second server process of definition-races.test.ts: opens the shared SQLite file and, for
 * each JSON line `{ n, at, request }` on stdin, waits until `at` (epoch ms), sends the request
 * to its own app and answers `{ n, status, body }` on stdout.
 */
import { createInterface } from 'node:readline';
import { openRaceApp, until, type RaceRequest } from './definition-race-app.ts';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: definition-race-worker.ts <db path>');

const app = await openRaceApp(path, false);
const pending: Array<Promise<void>> = [];
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const { n, at, request } = JSON.parse(line) as { n: number; at: number; request: RaceRequest };
  pending.push(
    until(at)
      .then(() => app.send(request))
      .then((answer) => void process.stdout.write(`${JSON.stringify({ n, ...answer })}\n`)),
  );
});
process.stdout.write('ready\n');
await new Promise<void>((resolve) => lines.on('close', resolve));
await Promise.all(pending);
await app.close();
