/**
 * The real server process, a real receiver on loopback and the example receiver
 * (examples/webhook-receiver.ts), across a crash:
 *
 * Given Camden's admin has subscribed two receivers to every event, and the first one is down
 *   (answering 503),
 * When a step up is met and a step down after an assessment begins, and the server is killed
 *   (SIGKILL) with those deliveries pending, then started again on the same database, the first
 *   receiver comes back and the step down runs on to Sam's closure to CSSW with RC9,
 * Then each receiver gets every event of both cases, handled exactly once by its webhook-id (a
 *   resend is the same event), each with a valid signature, the closure carries its census
 *   reason, and the outbox holds nothing undone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../server/events/signing.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo.ts';
import { freePort, ROOT } from '../browser/support/stack.ts';
import { accept, cfa, closure, ehRecord, family, offer, referral, screening, visit } from '../camden/given.ts';
import { complete, onCasePage, type Client, type Json } from '../support/api-walk.ts';
import { startReceiver, type Delivery } from '../support/webhook-receiver.ts';

const dir = mkdtempSync(join(tmpdir(), 'stepwise-webhooks-'));
const dbPath = join(dir, 'stepwise.db');
const clockFile = join(dir, 'now');
const setClock = (at: string) => writeFileSync(clockFile, at);
const processes: ChildProcess[] = [];
const output: string[] = [];

function spawnGroup(args: string[], env: Record<string, string>): ChildProcess {
  // Its own process group, so ending it ends tsx and the node it runs together.
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  processes.push(child);
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, signal);
  await exited;
}

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.\n${output.join('').slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawnGroup(['server/main.ts'], {
    PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: dbPath, NODE_ENV: 'test', STEPWISE_CLOCK_FILE: clockFile, STEPWISE_WEBHOOKS_ALLOW_LOOPBACK: 'true', STEPWISE_LOG_LEVEL: 'warn',
  });
  await until('the server to answer', async () => {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${output.join('')}`);
    return fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
  });
  return child;
}

/** A signed-in person over real HTTP, shaped like the API walks' clients. */
async function signIn(base: string, email: string): Promise<Client> {
  const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (response.status !== 201) throw new Error(`sign in as ${email}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken, user } = (await response.json()) as { csrfToken: string; user: { id: string } };
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return {
    user, cookie, csrfToken, send,
    get: (path: string) => send('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => send('POST', path, body ?? {}, headers),
    put: (path: string, body: unknown, headers?: Record<string, string>) => send('PUT', path, body, headers),
    delete: (path: string) => send('DELETE', path),
  } as unknown as Client;
}

afterAll(async () => {
  for (const child of processes) await kill(child, 'SIGKILL').catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

const headersOf = (d: Delivery) => ({ id: String(d.headers['webhook-id']), timestamp: String(d.headers['webhook-timestamp']), signature: String(d.headers['webhook-signature']) });
const eventOf = (d: Delivery) => JSON.parse(d.body) as Json;

describe('webhooks across a crash of the server', () => {
  it('delivers every event of a step up and a step down to RC9 exactly once to each receiver, signed', async () => {
    const receiver = await startReceiver();
    receiver.answer(() => 503);
    setClock('2026-12-16T09:00:00Z');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(port);

    const admin = await signIn(base, 'admin@camden.example');
    const created = await admin.post('/api/webhooks', { url: receiver.url('/mosaic'), events: ['uk.gov.stepwise.case.started', 'uk.gov.stepwise.task.created', 'uk.gov.stepwise.task.completed', 'uk.gov.stepwise.case.closed', 'uk.gov.stepwise.case.stepped_up'] });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as Json;
    // The example receiver, as a council would run it, subscribed to the same events.
    const examplePort = await freePort();
    const second = await admin.post('/api/webhooks', { url: `http://127.0.0.1:${examplePort}/stepwise-events`, events: ['uk.gov.stepwise.case.started', 'uk.gov.stepwise.task.created', 'uk.gov.stepwise.task.completed', 'uk.gov.stepwise.case.closed', 'uk.gov.stepwise.case.stepped_up'] });
    expect(second.status).toBe(201);
    const exampleOutput: string[] = [];
    const example = spawnGroup(['examples/webhook-receiver.ts'], { PORT: String(examplePort), WEBHOOK_SECRET: ((await second.json()) as Json).secret as string });
    example.stdout!.on('data', (chunk: Buffer) => exampleOutput.push(chunk.toString()));
    await until('the example receiver to listen', () => exampleOutput.join('').includes('"listening"'));

    // A step up, met at Daily Discussion.
    const fay = await signIn(base, 'eh_family_worker@camden.example');
    const stepUp = await fay.post('/api/cases', { definition: 'camden', entry: 'step_up', subject: { familyName: 'Patel', children: [{ name: 'Ravi Patel', personId: 'MOS-2002' }] }, data: { reason: 'safeguarding' } });
    expect(stepUp.status).toBe(201);
    const stepUpId = ((await stepUp.json()) as Json).id as string;
    const dan = await signIn(base, 'daily_discussion_manager@camden.example');
    const discussion = await onCasePage(dan, stepUpId, 'daily_discussion');
    await complete(dan, stepUpId, discussion.id, { discussionDate: '2026-12-16', thresholdMet: true, rationale: 'Threshold met.' });

    // A step down after an assessment begins.
    const sam = await signIn(base, 'social_worker@camden.example');
    const started = await sam.post('/api/cases', { definition: 'camden', entry: 'sw_assessment', subject: family });
    expect(started.status).toBe(201);
    const caseId = ((await started.json()) as Json).id as string;

    // The receiver is down: every delivery so far has been refused at least once. Then the crash.
    await until('the first deliveries to be refused', () => new Set(receiver.deliveries.map((d) => d.headers['webhook-id'])).size >= 7);
    expect(receiver.accepted()).toEqual([]);
    await kill(server, 'SIGKILL');
    receiver.answer(() => 204);
    server = await startServer(port);

    // Sessions last 8 hours of the server's clock, and the walk spans weeks: each step signs in afresh.
    const as = (role: string) => signIn(base, `${role}@camden.example`);
    const kte = 'ieys_kte_duty_manager';
    const step = async (at: string, role: string, node: string, data: Json, ...actions: Json[]) => {
      setClock(at);
      const person = await as(role);
      const task = await onCasePage(person, caseId, node);
      return complete(person, caseId, task.id, data, ...actions);
    };

    await step('2026-12-17T10:00:00Z', 'social_worker', 'referral', referral(), { action: 'send_referral' });
    await step('2026-12-21T11:00:00Z', 'eh_front_door_manager', 'asm_screen', screening('team'));
    await step('2026-12-22T09:00:00Z', 'eh_team_manager', 'asm_offer_consultation', offer('2026-12-22'), { action: 'offer' });
    await step('2026-12-23T15:00:00Z', 'eh_team_manager', 'asm_consultation', accept('2026-12-23'), { action: 'accept' });
    await step('2026-12-30T14:00:00Z', 'social_worker', 'asm_joint_visit', visit('2026-12-30'), { action: 'visited' });
    await step('2026-12-31T10:00:00Z', 'social_worker', 'asm_cfa_sections', cfa(), { action: 'submit' });
    await step('2027-01-04T09:00:00Z', 'sw_team_manager', 'asm_cfa_authorise', { signedOffOn: '2027-01-04' }, { action: 'step_down_to_eh', passTo: { team: kte } }, { action: 'progress_to_closure' });
    setClock('2027-01-04T11:00:00Z');
    const [kate, dev, fayAgain] = [await as('eh_team_manager'), await as('eh_duty_manager'), await as('eh_family_worker')];
    const record = await onCasePage(kate, caseId, 'eh_record');
    expect((await kate.post(`/api/cases/${caseId}/tasks/${record.id}/reassign`, { to: { worker: dev.user.id } })).status).toBe(200);
    await complete(dev, caseId, record.id, ehRecord, { action: 'eh_assessment_required', passTo: { worker: fayAgain.user.id } });
    await step('2027-01-05T10:00:00Z', 'eh_family_worker', 'eh_work', { workType: 'eh_assessment_required', familyEngaged: true, safeguardingConcerns: false }, { action: 'engaged' });
    const closed = await step('2027-01-05T15:00:00Z', 'social_worker', 'asm_close', closure(), { action: 'close' });
    expect(closed).toMatchObject({ status: 'closed', outcome: { closureReason: 'RC9' } });

    // Retries fall due on the server's clock: a day on, everything is sent.
    setClock('2027-01-06T15:00:00Z');
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      await until('every event and delivery to be done', () => {
        const left = db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE kind IN ('event', 'webhook') AND status != 'done'`).get() as { n: number };
        return left.n === 0;
      }, 90_000);
      const events = db.prepare(`SELECT id, payload FROM outbox WHERE kind = 'event' ORDER BY id`).all() as Array<{ id: string; payload: string }>;
      const eventIds = events.map((e) => e.id);
      const states = Object.fromEntries(
        [stepUpId, caseId].map((id) => [id, JSON.parse((db.prepare('SELECT state FROM cases WHERE id = ?').get(id) as { state: string }).state) as Json]),
      );

      // Every event is one of the two cases', and each case's events match what it holds.
      for (const [id, state] of Object.entries(states)) {
        const mine = events.map((e) => JSON.parse(e.payload) as Json).filter((e) => e.data.caseId === id);
        const subjects = (type: string) => mine.filter((e) => e.type === type).map((e) => e.subject as string).sort();
        expect(subjects('uk.gov.stepwise.case.started')).toEqual([id]);
        expect(subjects('uk.gov.stepwise.case.closed')).toEqual([id]);
        expect(subjects('uk.gov.stepwise.task.created')).toEqual(Object.keys(state.tasks).sort());
        expect(subjects('uk.gov.stepwise.task.completed')).toEqual(Object.values(state.tasks as Record<string, Json>).filter((t) => t.status === 'completed').map((t) => t.id as string).sort());
        expect(subjects('uk.gov.stepwise.case.stepped_up')).toEqual(id === stepUpId ? [id] : []);
      }
      expect(eventIds.length).toBe(new Set(eventIds).size);

      // The receiver that was down: every event accepted, validly signed. Delivery is at least
      // once (a process that dies, or a lease lost on a machine too busy to renew it, may send a
      // delivery again after the receiver answered): a second 2xx is only ever the same event,
      // same id and same body, which a receiver handles once by its id (as the example does).
      const accepted = receiver.accepted();
      expect([...new Set(accepted.map((d) => headersOf(d).id))].sort()).toEqual(eventIds);
      for (const again of accepted) expect(accepted.find((d) => headersOf(d).id === headersOf(again).id)?.body).toBe(again.body);
      for (const delivery of accepted) {
        expect(verifySignature(secret as string, headersOf(delivery), delivery.body)).toEqual({ ok: true });
        expect(eventOf(delivery).id).toBe(headersOf(delivery).id);
      }
      // Refused deliveries were sent again with the same id and body.
      for (const refused of receiver.deliveries.filter((d) => d.status === 503)) {
        expect(accepted.find((d) => headersOf(d).id === headersOf(refused).id)?.body).toBe(refused.body);
      }
      const closure = accepted.map(eventOf).find((e) => e.type === 'uk.gov.stepwise.case.closed' && e.data.caseId === caseId)!;
      expect(closure.data).toMatchObject({ outcome: 'stepped_down', endNode: 'asm_closed', closureReason: 'RC9', censusClosures: [{ node: 'asm_closed', closureReason: 'RC9' }] });
      expect(closure.time).toBe('2027-01-05T15:00:00.000Z');

      // The example receiver handled each event once, whatever the crash did to its deliveries.
      const handled = exampleOutput.join('').split('\n').filter((line) => line.includes('"handled"')).map((line) => (JSON.parse(line) as Json).handled as string);
      expect(handled.sort()).toEqual(eventIds);
    } finally {
      db.close();
      await kill(server, 'SIGTERM');
      await kill(example, 'SIGTERM');
      await receiver.close();
    }
  }, 240_000);
});
