/**
 * The designer in Chromium: time from navigation start until every node of a definition is drawn
 * on the map and the problems panel is filled by the engine's checks — for Camden (the largest of
 * the four, 81 nodes) and for a generated 500-node protocol laid out by dagre — and the production
 * bundle, gzipped. Real server on loopback, Debian's Chromium, production build.
 *
 *   npx tsx test/bench/designer.ts [runs]
 *
 * Appends to test/bench/results/designer.md. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { ROOT, startStack } from '../browser/support/stack.ts';
import { appendResults, table } from './machine.ts';

const runs = Number(process.argv[2] ?? 5);
const resultsFile = fileURLToPath(new URL('./results/designer.md', import.meta.url));

// A production build, whatever the browser tests last built.
execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'designer/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' });

/** A chain of `size` nodes: user tasks with a decision every tenth step, all valid. */
function generated(base: WorkflowDefinition, size: number): WorkflowDefinition {
  const role = base.roles[0]!.id;
  const nodes: Array<Record<string, unknown>> = [{ id: 'start', kind: 'start', name: 'Start', next: 'n1' }];
  for (let i = 1; i < size - 1; i++) {
    const next = i === size - 2 ? 'end' : `n${i + 1}`;
    nodes.push(
      i % 10 === 0
        ? { id: `n${i}`, kind: 'decision', name: `Decision ${i}`, branches: [{ when: { '==': [{ var: 'case.childCount' }, 1] }, to: next }], default: next }
        : { id: `n${i}`, kind: 'user_task', name: `Step ${i}`, assignee: { role }, due: { after: { amount: 2, unit: 'working_days' } }, nextActions: [{ id: 'go', label: 'Go on', to: next }] },
    );
  }
  nodes.push({ id: 'end', kind: 'end', name: 'End', outcome: 'done' });
  return { ...base, id: 'generated-500', name: 'Generated 500-node protocol', forms: {}, outcomes: [{ id: 'done', name: 'Done' }], nodes, notes: [] } as unknown as WorkflowDefinition;
}

const stack = await startStack();
try {
  const signIn = await fetch(`${stack.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@camden.example', password: 'stepwise-demo' }) });
  const token = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const headers = { cookie: `stepwise_session=${token}`, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const camden = ((await (await fetch(`${stack.base}/api/definitions/camden/draft`, { headers })).json()) as { definition: WorkflowDefinition }).definition;
  const created = await fetch(`${stack.base}/api/definitions`, { method: 'POST', headers, body: JSON.stringify(generated(camden, 500)) });
  if (!created.ok) throw new Error(`generated definition refused: ${created.status} ${await created.text()}`);

  const context = await stack.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.addCookies([{ name: 'stepwise_session', value: token, url: stack.base }]);
  const page = await context.newPage();
  const timings: Record<string, number[]> = { camden: [], 'generated-500': [] };
  const expected: Record<string, number> = { camden: camden.nodes.length, 'generated-500': 500 };
  for (let run = 0; run < runs; run++) {
    for (const id of Object.keys(timings)) {
      // Watched from the moment the page is committed: waiting for its load event first would
      // start the watch late whenever the map is drawn early, and the first frame it then saw
      // could be one long task (the map's measuring) after the map appeared.
      await page.goto(`${stack.base}/designer/${id}`, { waitUntil: 'commit' });
      const ms = await page.waitForFunction(
        (count) => {
          const nodes = document.querySelectorAll('.svelte-flow__node');
          return nodes.length === count && document.querySelector('[data-problems]') ? performance.now() : null;
        },
        expected[id],
        { timeout: 120_000, polling: 'raf' },
      );
      timings[id]!.push(Math.round((await ms.jsonValue())!));
      // Left to finish (measuring the map, and what it does once painted) before the next page
      // is opened; otherwise that page's timing takes in this one's tail, 500 nodes of it.
      await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 10_000 })));
    }
  }
  await context.close();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const assets = join(ROOT, 'designer', 'dist', 'assets');
  const bundle = readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const bytes = readFileSync(join(assets, f));
      return [f, (bytes.length / 1024).toFixed(1), (gzipSync(bytes).length / 1024).toFixed(1)];
    });
  const lines = [
    ...table(['open, lay out and check in Chromium', 'nodes', 'median ms', `runs (ms)`], [
      ['Camden (stored positions)', expected['camden']!, median(timings['camden']!), timings['camden']!.join(', ')],
      ['generated protocol (laid out by dagre)', 500, median(timings['generated-500']!), timings['generated-500']!.join(', ')],
    ]),
    '',
    'Timed from navigation start until every node is drawn and the problems panel is filled (the draft is checked by the server). Watched from the commit, each page left to finish before the next (since issue 15; earlier entries waited for the load event and not between pages).',
    '',
    ...table(['production bundle file', 'KiB', 'KiB gzipped'], bundle),
  ];
  console.log(lines.join('\n'));
  appendResults(resultsFile, 'Designer', `npx tsx test/bench/designer.ts ${runs}`, lines);
} finally {
  await stack.close();
}
