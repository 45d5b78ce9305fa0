/**
 * One "server process" for the definition race tests: the real app on a SQLite file that another
 * process also has open. The test runs one in its own process and one in a spawned worker
 * (definition-race-worker.ts); both answer requests made at an agreed wall-clock instant.
 */
import { readFileSync } from 'node:fs';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { createApp } from '../../server/app.ts';
import { DEFAULT_CONFIG } from '../../server/http/env.ts';
import { createCaseRunner, SimulatedClock } from '../../server/runtime/index.ts';
import { publishMissing, seedDemoPeople } from '../../server/seed/demo.ts';
import { openSqliteStore } from '../../server/store/index.ts';

export const RACE_START = '2026-11-02T09:00:00.000Z';

export const clinicDefinition = (): WorkflowDefinition =>
  JSON.parse(readFileSync(new URL('../../definitions/clinic.json', import.meta.url), 'utf8')) as WorkflowDefinition;

/** A request as plain data, so it can cross to the other process as one JSON line. */
export interface RaceRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface RaceAnswer {
  status: number;
  body: Record<string, unknown>;
  /** The session cookie as `name=value`, when the answer sets one. */
  cookie?: string;
}

/** Opens the app on `path`; `seed` publishes the clinic definition and its people first. */
export async function openRaceApp(path: string, seed: boolean) {
  const store = openSqliteStore({ path });
  const clock = new SimulatedClock(RACE_START);
  if (seed) {
    await publishMissing(store, [clinicDefinition()], clock.now());
    await seedDemoPeople(store, [clinicDefinition()]);
  }
  const app = createApp({ store, clock, runner: createCaseRunner({ store, clock }), config: { ...DEFAULT_CONFIG, secureCookies: false } });
  const send = async (request: RaceRequest): Promise<RaceAnswer> => {
    const { method, path: url, headers, body } = request;
    const response = await app.request(url, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, ...(cookie ? { cookie } : {}) };
  };
  return { store, send, close: () => store.close() };
}

/** Waits until the wall-clock instant `at` (epoch ms), so two processes start a request together. */
export function until(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
}
