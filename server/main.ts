/**
 * The server's entry point: the only place that reads the environment. Opens the store (SQLite
 * under ./data, or MongoDB when MONGODB_URI is set), publishes the four definitions and demo
 * people on a fresh store, starts the timer scheduler and the outbox worker, and serves HTTP.
 */
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { createApp } from './app.ts';
import { parseTrustProxy } from './auth/client-address.ts';
import { loadSsoConfig, type SsoConfig } from './auth/oidc-config.ts';
import { createPurge } from './auth/purge.ts';
import { DEFAULT_CONFIG } from './http/env.ts';
import { createLogger, errorFields } from './http/logger.ts';
import { createCaseRunner, createOutboxWorker, createScheduler, FileClock, systemClock } from './runtime/index.ts';
import { notifierFromEnvironment } from './notify/index.ts';
import { loadDefinitionFiles, publishMissing, seedDemoPeople } from './seed/demo.ts';
import { definitionsAtStartUp } from './seed/start-up.ts';
import { openStore, resolveAuditKey } from './store/index.ts';
import { createRetentionJob, DAY_MS } from './retention/daily.ts';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';
// STEPWISE_DEFINITIONS_DIR: where the definition files are read from (default: the repository's definitions/).
const definitionsDir = env.STEPWISE_DEFINITIONS_DIR ?? fileURLToPath(new URL('../definitions/', import.meta.url));

const logger = createLogger({ level: env.STEPWISE_LOG_LEVEL ?? 'info' });
// STEPWISE_SSO_CONFIG=/etc/stepwise/sso.json: single sign-on per authority (README, "Single sign-on behind a council's TLS proxy").
let sso: SsoConfig | undefined;
if (env.STEPWISE_SSO_CONFIG) {
  try {
    const loaded = loadSsoConfig(env.STEPWISE_SSO_CONFIG);
    sso = loaded.config;
    if (loaded.readableByOthers) logger.warn({ event: 'sso_config_readable', path: env.STEPWISE_SSO_CONFIG }, 'the single sign-on settings (client secrets) can be read by other users: chmod 600 it');
  } catch (error) {
    console.error(`STEPWISE_SSO_CONFIG: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
const sqlitePath = env.SQLITE_PATH ?? 'data/stepwise.db';
// STEPWISE_AUDIT_KEY (or STEPWISE_AUDIT_KEY_FILE) in production; the demo makes a key file beside the database.
const audit = resolveAuditKey({ key: env.STEPWISE_AUDIT_KEY, keyFile: env.STEPWISE_AUDIT_KEY_FILE, databasePath: sqlitePath });
if (audit.from !== 'environment') {
  const { path, created, readableByOthers } = audit.from;
  logger.warn({ event: 'audit_key_file', path, created, keyId: audit.key.id }, 'audit key read from a file: set STEPWISE_AUDIT_KEY from a secret store in production');
  if (readableByOthers) logger.warn({ event: 'audit_key_file_readable', path }, 'the audit key file can be read by other users: chmod 600 it');
}
const store = await openStore({ ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}), sqlitePath, auditKey: audit.key });
// STEPWISE_CLOCK_FILE: browser tests only — the server's time is the instant written in that file.
const clock = env.STEPWISE_CLOCK_FILE ? new FileClock(env.STEPWISE_CLOCK_FILE) : systemClock;
// An invalid file is reported and skipped; a changed one is said, and published when STEPWISE_PUBLISH_CHANGED=true.
const definitions = await definitionsAtStartUp({
  store, files: await loadDefinitionFiles(definitionsDir), at: clock.now(), publishChanged: env.STEPWISE_PUBLISH_CHANGED === 'true', log: (line) => console.log(line),
});
const published = await publishMissing(store, definitions, clock.now());
const people = await seedDemoPeople(store, definitions, env.DEMO_PASSWORD);

const runner = createCaseRunner({ store, clock });
const owner = `${hostname()}:${process.pid}`;
const scheduler = createScheduler({ store, runner, clock, owner });
const notifier = notifierFromEnvironment(store, env);
const outboxConcurrency = env.STEPWISE_OUTBOX_CONCURRENCY ? Number(env.STEPWISE_OUTBOX_CONCURRENCY) : undefined;
if (outboxConcurrency !== undefined && !(Number.isInteger(outboxConcurrency) && outboxConcurrency >= 1 && outboxConcurrency <= 256)) {
  console.error(`STEPWISE_OUTBOX_CONCURRENCY must be a whole number from 1 to 256, not "${env.STEPWISE_OUTBOX_CONCURRENCY}".`);
  process.exit(2);
}
// STEPWISE_WEBHOOKS_ALLOW_LOOPBACK=true: webhook receivers on this machine, over http too (tests and development only).
const webhooksAllowLoopback = env.STEPWISE_WEBHOOKS_ALLOW_LOOPBACK === 'true';
const outbox = createOutboxWorker({
  store, runner, clock, owner, notifier, webhooks: { allowLoopback: webhooksAllowLoopback }, ...(outboxConcurrency ? { concurrency: outboxConcurrency } : {}),
});
scheduler.start(1000);
const deliver = setInterval(() => void outbox.tick().catch(() => undefined), 2000);
// Expired sessions and sign-in attempts: every 10 minutes, and once now.
const purge = createPurge({ store, clock, onError: (error) => logger.warn({ event: 'purge_failed', err: errorFields(error) }, 'could not purge expired sessions') });
purge.start(10 * 60_000);
// Retention of closed cases (server/retention): once now, then daily. STEPWISE_RETENTION=off when
// the council runs `stepwise retention --run` from its own scheduler instead.
const retention = createRetentionJob({
  store,
  clock,
  onRun: (run) => { if (run.disposed.length + run.skipped.length > 0) logger.info({ event: 'retention_run', disposed: run.disposed, skipped: run.skipped, held: run.held.length, undated: run.undated.length }, 'retention job disposed of closed cases'); },
  onError: (error) => logger.warn({ event: 'retention_failed', err: errorFields(error) }, 'the retention job failed; it runs again tomorrow'),
});
if (env.STEPWISE_RETENTION !== 'off') retention.start(DAY_MS);

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
  logger,
  config: {
    ...DEFAULT_CONFIG,
    authorityLogos,
    webhooksAllowLoopback,
    secureCookies: env.SECURE_COOKIES === 'true' || (env.SECURE_COOKIES !== 'false' && host !== '127.0.0.1' && host !== 'localhost'),
    // STEPWISE_TRUST_PROXY="1" or "10.0.0.2,10.0.0.3": whose X-Forwarded-For / -Proto to believe.
    trustProxy: parseTrustProxy(env.STEPWISE_TRUST_PROXY),
    ...(sso ? { sso } : {}),
  },
});
// The app sees the connection only as its peer's address and whether it is TLS (server/http/env.ts).
const fetch = (request: Request, { incoming }: HttpBindings | Http2Bindings) =>
  app.fetch(request, { connection: { address: incoming.socket.remoteAddress, tls: 'encrypted' in incoming.socket } });
const server = serve({ fetch, port, hostname: host }, (info) => {
  console.log(`Stepwise on http://${host === '127.0.0.1' ? 'localhost' : host}:${info.port} (${env.MONGODB_URI ? 'MongoDB' : `SQLite ${sqlitePath}`})`);
  if (published.length > 0) console.log(`Published: ${published.join(', ')}`);
  if (people > 0) console.log(`Added ${people} demo people; see README for their sign-in details.`);
});

async function shutdown(): Promise<void> {
  scheduler.stop();
  clearInterval(deliver);
  // Messages being sent are settled here, not left leased to a process that is going.
  await outbox.stop();
  if ('close' in notifier && typeof notifier.close === 'function') await notifier.close();
  await purge.stop();
  await retention.stop();
  server.close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
