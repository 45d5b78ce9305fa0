/**
 * The real app on a loopback port for the HTTP benchmark: embedded SQLite in a temp directory,
 * the four definitions, demo people, and a clock held at a fixed date so the forms' dates are
 * valid. Prints `PORT <n>` when ready. Run by test/bench/http.ts and test/bench/memory.ts as a
 * separate process, so the load generator does not share the server's event loop.
 *
 * `STEPWISE_BENCH_DB=<path>` serves an existing store instead (e.g. one loaded by million.ts);
 * missing definitions and demo people are added to it, as `npm start` does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { DEFAULT_CONFIG } from '../../server/http/env.ts';
import { createCaseRunner, SimulatedClock } from '../../server/runtime/index.ts';
import { loadDefinitions, publishMissing, seedDemoPeople } from '../../server/seed/demo.ts';
import { openSqliteStore } from '../../server/store/index.ts';

const path = process.env.STEPWISE_BENCH_DB || join(mkdtempSync(join(tmpdir(), 'stepwise-http-bench-')), 'stepwise.db');
const store = openSqliteStore({ path });
const clock = new SimulatedClock('2026-12-17T10:00:00Z');
const definitions = await loadDefinitions(fileURLToPath(new URL('../../definitions/', import.meta.url)));
await publishMissing(store, definitions, clock.now());
await seedDemoPeople(store, definitions);
const runner = createCaseRunner({ store, clock });
const app = createApp({ store, runner, clock, config: { ...DEFAULT_CONFIG, secureCookies: false } });
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
