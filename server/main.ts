/**
 * The server's entry point: the only place that reads the environment. Opens the store (SQLite
 * under ./data, or MongoDB when MONGODB_URI is set), publishes the four definitions and demo
 * people on a fresh store, starts the timer scheduler and the outbox worker, and serves HTTP.
 */
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { DEFAULT_CONFIG } from './http/env.ts';
import { createCaseRunner, createOutboxWorker, createScheduler, FileClock, systemClock } from './runtime/index.ts';
import { notifierFromEnvironment } from './notify/index.ts';
import { loadDefinitions, publishMissing, seedDemoPeople } from './seed/demo.ts';
import { openStore } from './store/index.ts';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';
const definitionsDir = fileURLToPath(new URL('../definitions/', import.meta.url));

const sqlitePath = env.SQLITE_PATH ?? 'data/stepwise.db';
const store = await openStore({ ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}), sqlitePath });
// STEPWISE_CLOCK_FILE: browser tests only — the server's time is the instant written in that file.
const clock = env.STEPWISE_CLOCK_FILE ? new FileClock(env.STEPWISE_CLOCK_FILE) : systemClock;
const definitions = await loadDefinitions(definitionsDir);
const published = await publishMissing(store, definitions, clock.now());
const people = await seedDemoPeople(store, definitions, env.DEMO_PASSWORD);

const runner = createCaseRunner({ store, clock });
const owner = `${hostname()}:${process.pid}`;
const scheduler = createScheduler({ store, runner, clock, owner });
const outbox = createOutboxWorker({ store, runner, clock, owner, notifier: notifierFromEnvironment(store, env) });
scheduler.start(1000);
const deliver = setInterval(() => void outbox.tick().catch(() => undefined), 2000);

// AUTHORITY_LOGOS="camden=/logos/camden.svg,clinic=data:image/png;base64,…": each authority's header logo.
const authorityLogos = Object.fromEntries(
  (env.AUTHORITY_LOGOS ?? '').split(',').flatMap((pair) => {
    const at = pair.indexOf('=');
    return at > 0 ? [[pair.slice(0, at).trim(), pair.slice(at + 1).trim()]] : [];
  }),
);

const app = createApp({
  store,
  runner,
  clock,
  config: { ...DEFAULT_CONFIG, authorityLogos, secureCookies: env.SECURE_COOKIES === 'true' || (env.SECURE_COOKIES !== 'false' && host !== '127.0.0.1' && host !== 'localhost') },
});
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`Stepwise on http://${host === '127.0.0.1' ? 'localhost' : host}:${info.port} (${env.MONGODB_URI ? 'MongoDB' : `SQLite ${sqlitePath}`})`);
  if (published.length > 0) console.log(`Published: ${published.join(', ')}`);
  if (people > 0) console.log(`Added ${people} demo people; see README for their sign-in details.`);
});

async function shutdown(): Promise<void> {
  scheduler.stop();
  clearInterval(deliver);
  server.close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
