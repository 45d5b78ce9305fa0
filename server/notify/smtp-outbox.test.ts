/**
 * The outbox and the SMTP notifier together against a slow relay on loopback: two workers (two
 * server processes, each with its own connection to one SQLite file) and a relay that takes
 * seconds over each message, far longer than the lease. Every e-mail reaches the relay once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCaseRunner, createOutboxWorker, systemClock, type NotificationMessage, type OutboxWorker } from '../runtime/index.ts';
import { openSqliteStore, type OutboxInput, type Store } from '../store/index.ts';
import { auditOf, makeCase } from '../store/store-contract-fixtures.ts';
import { smtpSink } from './smtp-sink.ts';
import { smtpNotifier } from './smtp.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function email(i: number): OutboxInput {
  const id = `case-slow.n${i}`;
  const payload: NotificationMessage = {
    id, caseId: 'case-slow', authority: 'camden',
    notification: { id, to: [{ mailbox: 'eh_step_down_inbox', address: 'EHstepdown@camden.gov.uk', name: 'Early Help Step Down inbox' }], subject: `Step down referral ${i}`, body: 'Open the case in Stepwise.', reason: 'task_assigned' },
  };
  return { id, kind: 'notify', payload };
}

/** A server process: its own connection to the file, its own relay connections, its own outbox worker. */
function process(path: string, owner: string, url: string): { store: Store; worker: OutboxWorker } {
  const store = openSqliteStore({ path });
  const notifier = smtpNotifier(store, { url, from: 'stepwise@camden.gov.uk' });
  cleanup.push(() => store.close(), () => (notifier as { close?: () => void }).close?.());
  const runner = createCaseRunner({ store, clock: systemClock });
  return { store, worker: createOutboxWorker({ store, runner, notifier, clock: systemClock, owner, leaseMs: 1000 }) };
}

describe('Given 40 e-mails, a relay that takes 2 s over each, and two outbox workers with a 1 s lease', () => {
  it('When both deliver as the server does (a tick every 200 ms), Then the relay gets each e-mail exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-smtp-outbox-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const relay = await smtpSink({ delayMs: 2000 });
    cleanup.push(() => relay.close());
    const path = join(dir, 'stepwise.db');
    const a = process(path, 'a', relay.url);
    const b = process(path, 'b', relay.url);
    const state = makeCase({ id: 'case-slow', authority: 'camden' });
    await a.store.commitStep({ caseState: state, expectedVersion: null, audit: [auditOf(state)], outbox: Array.from({ length: 40 }, (_, i) => email(i)), at: systemClock.now() });

    const ticks = new Set<Promise<unknown>>();
    const loops = [a, b].map(({ worker }) => setInterval(() => {
      const tick = worker.tick().finally(() => ticks.delete(tick));
      ticks.add(tick);
    }, 200));
    const deadline = Date.now() + 30_000;
    while (relay.counts.size < 40 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const loop of loops) clearInterval(loop);
    await Promise.all(ticks);
    await new Promise((resolve) => setTimeout(resolve, 500)); // any late second copy lands

    expect(relay.counts.size).toBe(40);
    expect(relay.duplicates()).toEqual([]);
    expect(relay.total()).toBe(40);
    const rows = await a.store.listOutbox({ caseId: 'case-slow' });
    expect(rows.map((m) => [m.status, m.attempts])).toEqual(Array.from({ length: 40 }, () => ['done', 1]));
  }, 60_000);
});
