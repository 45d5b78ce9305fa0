/**
 * A real app for route tests: the SQLite store in a temporary file, the four definitions
 * published, the demo people, a simulated clock, and signed-in clients that carry their cookie
 * and CSRF token. Requests go through `app.request()`; no port is opened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.ts';
import { DEFAULT_CONFIG } from '../../server/http/env.ts';
import { inAppNotifier } from '../../server/notify/index.ts';
import { createCaseRunner, createOutboxWorker, createScheduler, SimulatedClock } from '../../server/runtime/index.ts';
import { DEMO_PASSWORD, loadDefinitions, publishMissing, seedDemoPeople } from '../../server/seed/demo.ts';
import { openSqliteStore, randomAuditKey } from '../../server/store/index.ts';
import { checkResponse, describeFindings } from './conformance.ts';

const definitionsDir = fileURLToPath(new URL('../../definitions/', import.meta.url));
const definitionsOnce = loadDefinitions(definitionsDir);

export type Api = Awaited<ReturnType<typeof apiHarness>>;

/**
 * `app.request`, with every answer checked against /api/openapi.json
 * (test/support/conformance.ts): an undocumented status, or a body that does not match its
 * schema, fails the test that received it. For tests that build their own app (a failing store,
 * a logger to read) or pass the connection (`{ connection: { address } }`) as Hono's env.
 */
export function checkedRequests(app: ReturnType<typeof createApp>) {
  return async (path: string, init: RequestInit = {}, env?: Parameters<typeof app.request>[2]) => {
    const response = await app.request(path, init, env);
    const findings = await checkResponse(init.method ?? 'GET', path, response);
    if (findings.length > 0) throw new Error(`The response does not match /api/openapi.json:\n${describeFindings(findings)}`);
    return response;
  };
}

export async function apiHarness(start = '2026-11-02T09:00:00Z', config: Partial<typeof DEFAULT_CONFIG> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-api-'));
  // The audit key, as the entry point would pass it: tests that check a chain by hand need it.
  const auditKey = randomAuditKey();
  const store = openSqliteStore({ path: join(dir, 'stepwise.db'), auditKey });
  const clock = new SimulatedClock(start);
  const definitions = await definitionsOnce;
  await publishMissing(store, definitions, clock.now());
  await seedDemoPeople(store, definitions);
  const runner = createCaseRunner({ store, clock });
  const scheduler = createScheduler({ store, runner, clock, owner: 'test' });
  const outbox = createOutboxWorker({ store, runner, clock, owner: 'test', notifier: inAppNotifier(store) });
  const app = createApp({ store, runner, clock, config: { ...DEFAULT_CONFIG, secureCookies: false, ...config } });

  /** Sends a request as nobody in particular (no cookie), checked against the document. */
  const request = checkedRequests(app);

  async function signIn(email: string, password = DEMO_PASSWORD) {
    const response = await request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 201) throw new Error(`sign in as ${email} failed: ${response.status} ${await response.text()}`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken, user } = (await response.json()) as { csrfToken: string; user: { id: string } };
    const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      request(path, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
    return {
      user,
      cookie,
      csrfToken,
      get: (path: string) => send('GET', path),
      post: (path: string, body?: unknown, headers?: Record<string, string>) => send('POST', path, body ?? {}, headers),
      put: (path: string, body: unknown, headers?: Record<string, string>) => send('PUT', path, body, headers),
      delete: (path: string) => send('DELETE', path),
      send,
    };
  }

  /** Moves the clock and fires every timer that fell due, as the scheduler would. */
  async function runClockTo(at: string) {
    clock.set(at);
    for (let i = 0; i < 1000; i++) {
      const { claimed } = await scheduler.tick();
      if (claimed === 0) break;
    }
  }

  async function close() {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  return { app, store, auditKey, clock, runner, scheduler, outbox, request, signIn, runClockTo, close };
}
