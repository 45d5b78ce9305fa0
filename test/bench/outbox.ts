/**
 * The outbox delivering e-mail to an SMTP relay on loopback (`smtp-sink.ts`, in this process),
 * from the real SQLite store on disk, driven as the server drives it: `tick()` every 2 s
 * (server/main.ts), and a real clock for the leases. Three measurements, each on a fresh store:
 *
 * 1. a burst of N e-mails (default 5,000) through the server's loop: messages/s until the relay
 *    has them all, or `--seconds` (default 20) has passed;
 * 2. the same with no pauses (`drain()`);
 * 3. a slow relay, the incident scaled down ten times (0.7 s a message instead of 7 s,
 *    a 6 s lease instead of 60 s): 40 e-mails, two workers (two server processes) on one store,
 *    each on the server's loop; how many e-mails the relay got twice.
 *
 * Every send is counted at the relay by its `X-Stepwise-Message-Id`, so a duplicate is a
 * message the relay accepted twice.
 *
 *   npx tsx test/bench/outbox.ts [messages] [--seconds s]
 *
 * Appends to test/bench/results/outbox.md. Not part of `npm test`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { smtpSink, type SmtpSink } from '../../server/notify/smtp-sink.ts';
import { smtpNotifier } from '../../server/notify/smtp.ts';
import { createCaseRunner, createOutboxWorker, systemClock, type NotificationMessage, type OutboxWorker } from '../../server/runtime/index.ts';
import { openSqliteStore, type Store } from '../../server/store/index.ts';
import { makeCase, save } from '../../server/store/store-contract-fixtures.ts';
import { appendResults, headline, table } from './machine.ts';

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const messages = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 5000);
const seconds = Number(flag('--seconds') ?? 20);
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, 'data', `bench-outbox-${process.pid}`);
const resultsFile = fileURLToPath(new URL('./results/outbox.md', import.meta.url));
const command = `npx tsx test/bench/outbox.ts ${args.join(' ')}`.trim();
const from = 'Stepwise <stepwise@north.example>';

/** A fresh store holding `count` pending e-mails, 100 to a case, each to a shared inbox and a role. */
async function storeWith(name: string, count: number): Promise<{ store: Store; path: string }> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.db`);
  const store = openSqliteStore({ path });
  for (const id of ['sw1', 'sw2', 'sw3']) {
    await store.saveUser({ id: `north.${id}`, authority: 'north', name: id, email: `${id}@north.example`, roles: ['social_worker'], teams: [], passwordHash: 'x' });
  }
  for (let c = 0; c * 100 < count; c++) {
    const caseId = `case-${c}`;
    const outbox = Array.from({ length: Math.min(100, count - c * 100) }, (_, i) => {
      const id = `${caseId}.n${i}`;
      const payload: NotificationMessage = {
        id, caseId, authority: 'north',
        notification: { id, to: [{ mailbox: 'inbox', address: 'front-door@north.example', name: 'Front door' }, { role: 'social_worker' }], subject: `Referral ${id}`, body: 'Open the case in Stepwise.', reason: 'task_assigned' },
      };
      return { id, kind: 'notify' as const, payload };
    });
    await save(store, makeCase({ id: caseId }), outbox);
  }
  return { store, path };
}

interface Run { delivered: number; sends: number; duplicates: number; seconds: number; done: number }

/**
 * Runs `workers` outbox workers on one store file (each with its own connection, as separate
 * processes have) until the relay has every message once or `limitS` passes.
 */
async function deliver(path: string, sink: SmtpSink, count: number, opts: { workers: number; loop: boolean; leaseMs?: number; limitS: number }): Promise<Run> {
  const stores = Array.from({ length: opts.workers }, () => openSqliteStore({ path }));
  const notifiers = stores.map((store) => smtpNotifier(store, { url: sink.url, from }));
  const workers = stores.map((store, i) => {
    const runner = createCaseRunner({ store, clock: systemClock });
    return createOutboxWorker({ store, runner, clock: systemClock, owner: `bench:${i}`, notifier: notifiers[i]!, ...(opts.leaseMs ? { leaseMs: opts.leaseMs } : {}) });
  });
  const running = new Set<Promise<unknown>>();
  const kick = (worker: OutboxWorker, work: (w: OutboxWorker) => Promise<unknown>) => {
    const p = work(worker).catch((error: unknown) => console.error(error)).finally(() => running.delete(p));
    running.add(p);
  };
  const start = performance.now();
  // The server's loop (main.ts): `tick()` every 2 s, whether or not the last one has finished.
  const loops = opts.loop ? workers.map((w) => setInterval(() => kick(w, (x) => x.tick()), 2000)) : [];
  const deadline = start + opts.limitS * 1000;
  // `drain()` with a deadline: ticks until nothing is ready or the time is up.
  const drain = async (w: OutboxWorker) => { while (performance.now() < deadline && (await w.tick()).claimed > 0); };
  if (!opts.loop) for (const w of workers) kick(w, drain);
  while (sink.counts.size < count && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const elapsed = (performance.now() - start) / 1000;
  for (const loop of loops) clearInterval(loop);
  // Let deliveries in flight finish (and their duplicates land) before counting.
  while (running.size > 0) await Promise.race(running);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const db = new Database(path, { readonly: true });
  const done = db.prepare("SELECT COUNT(*) FROM outbox WHERE status = 'done'").pluck().get() as number;
  db.close();
  // `close?.`: the notifier before this work (commit 8c9b348, for the "before" figures) had none.
  for (const notifier of notifiers) await notifier.close?.();
  for (const store of stores) await store.close();
  return { delivered: sink.counts.size, sends: sink.total(), duplicates: sink.duplicates().length, seconds: elapsed, done };
}

async function measure(name: string, count: number, sinkOptions: { delayMs?: number }, opts: Parameters<typeof deliver>[3]): Promise<Run> {
  const { store, path } = await storeWith(name, count);
  await store.close();
  const sink = await smtpSink({ ...sinkOptions, countOnly: true });
  try {
    return await deliver(path, sink, count, opts);
  } finally {
    await sink.close();
  }
}

const loop = await measure('loop', messages, {}, { workers: 1, loop: true, limitS: seconds });
const drain = await measure('drain', messages, {}, { workers: 1, loop: false, limitS: seconds });
const slow = await measure('slow', 40, { delayMs: 700 }, { workers: 2, loop: true, leaseMs: 6000, limitS: 120 });
rmSync(dir, { recursive: true, force: true });

const n = (x: number) => x.toLocaleString('en-GB');
const row = (what: string, count: number, r: Run) => [what, `${n(r.delivered)} of ${n(count)}`, n(r.sends), r.duplicates, r.seconds.toFixed(1), Math.round(r.delivered / r.seconds), `${n(r.done)} marked done`];
const lines = [
  'E-mails from the SQLite store (WAL, synchronous=FULL) through `smtpNotifier` to an SMTP relay on 127.0.0.1 in the same process.',
  '',
  ...table(['measurement', 'delivered', 'sends at the relay', 'sent twice', 'seconds', 'messages/s', 'notes'], [
    row(`burst, server loop (\`tick()\` every 2 s, the first 2 s in), at most ${seconds} s`, messages, loop),
    row(`burst, no pauses (\`drain()\`), at most ${seconds} s`, messages, drain),
    row('slow relay (0.7 s a message, 6 s lease), two workers on the server loop', 40, slow),
  ]),
];
console.log(lines.join('\n'));
appendResults(resultsFile, `Outbox: ${n(messages)} e-mails to a local relay`, command, lines);
headline('outbox delivery to a local SMTP sink', `${n(Math.round(drain.delivered / drain.seconds))}/s without pauses, ${n(Math.round(loop.delivered / loop.seconds))}/s on the server loop; ${slow.duplicates} of 40 sent twice through a slow relay`, '≥ 500/s; none sent twice');
