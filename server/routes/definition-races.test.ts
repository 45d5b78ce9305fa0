/**
 * Given two server processes on one SQLite file (this test's, and a spawned worker's), When both
 * act on the same definition at the same instant, Then the store decides: one draft save per
 * token, one creation per id, and a publish only of the draft that was checked.
 * Each race is run ATTEMPTS times; the counts of bad outcomes are logged, and must be zero.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDefinition, type WorkflowDefinition } from '../../engine/index.ts';
import { spawnWorker, watch } from '../../test/store/child-process.ts';
import { clinicDefinition, openRaceApp, until, type RaceAnswer, type RaceRequest } from '../../test/store/definition-race-app.ts';
import { breakTransferForm, nodeOf } from './definition-test-kit.ts';

const ATTEMPTS = 15;
/** Far enough ahead for the line to reach the worker before the instant comes. */
const LEAD_MS = 40;

let dir: string;
let here: Awaited<ReturnType<typeof openRaceApp>>;
let there: { send(n: number, at: number, request: RaceRequest): Promise<RaceAnswer>; stop(): Promise<{ code: number | null; stderr: string }> };
let auth: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-races-'));
  const path = join(dir, 'stepwise.db');
  here = await openRaceApp(path, true);
  const session = await here.send({ method: 'POST', path: '/api/session', headers: {}, body: { email: 'admin@clinic.example', password: 'stepwise-demo' } });
  auth = { cookie: session.cookie!, 'x-csrf-token': String(session.body['csrfToken']) };
  there = worker(path);
  await there.send(0, Date.now(), { method: 'GET', path: '/api/health', headers: {} });
}, 30_000);

afterAll(async () => {
  const exit = await there.stop();
  await here.close();
  rmSync(dir, { recursive: true, force: true });
  expect(exit).toEqual({ code: 0, stderr: '' });
});

/** The spawned process: requests go down as lines, answers come back matched by number. */
function worker(path: string) {
  const child = spawnWorker('definition-race-worker.ts', [path]);
  const waiting = new Map<number, (answer: RaceAnswer) => void>();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const exited = watch(child, (line) => {
    if (line === 'ready') return ready();
    const { n, ...answer } = JSON.parse(line) as RaceAnswer & { n: number };
    waiting.get(n)?.(answer);
  });
  return {
    async send(n: number, at: number, request: RaceRequest): Promise<RaceAnswer> {
      await isReady;
      const answer = new Promise<RaceAnswer>((resolve) => waiting.set(n, resolve));
      child.stdin.write(`${JSON.stringify({ n, at, request })}\n`);
      return answer;
    },
    async stop() {
      child.stdin.end();
      const { code, stderr } = await exited;
      return { code, stderr };
    },
  };
}

let round = 0;
/** Sends `mine` from this process and `theirs` from the worker at the same instant. */
async function race(mine: RaceRequest, theirs: RaceRequest): Promise<[RaceAnswer, RaceAnswer]> {
  const at = Date.now() + LEAD_MS;
  const n = ++round;
  return Promise.all([until(at).then(() => here.send(mine)), there.send(n, at, theirs)]);
}

const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): RaceRequest => ({ method, path, headers: { ...auth, ...headers }, body });

async function draft(): Promise<{ savedAt: string; definition: WorkflowDefinition }> {
  const answer = await here.send(request('GET', '/api/definitions/clinic/draft'));
  return answer.body as unknown as { savedAt: string; definition: WorkflowDefinition };
}

describe('two server processes on one SQLite file', () => {
  it('Given both save the draft with the same If-Match, Then exactly one is saved and the other is refused 409', async () => {
    let bothSaved = 0;
    const others: number[][] = [];
    for (let i = 0; i < ATTEMPTS; i++) {
      const { savedAt, definition } = await draft();
      const renamed = (name: string) => request('PUT', '/api/definitions/clinic/draft', { ...definition, name }, { 'if-match': savedAt });
      const answers = await race(renamed(`Here ${i}`), renamed(`There ${i}`));
      const statuses = answers.map((a) => a.status).sort();
      if (statuses[0] === 200 && statuses[1] === 200) bothSaved++;
      else if (statuses[0] !== 200 || statuses[1] !== 409) others.push(statuses);
    }
    console.log(`draft saves with one token: both accepted in ${bothSaved} of ${ATTEMPTS} races`);
    expect({ bothSaved, others }).toEqual({ bothSaved: 0, others: [] });
  }, 60_000);

  it('Given both create the same new definition id, Then one is created and the other is refused 409 definition_exists', async () => {
    let bothCreated = 0;
    const others: unknown[][] = [];
    for (let i = 0; i < ATTEMPTS; i++) {
      const create = (name: string) => request('POST', '/api/definitions', { ...clinicDefinition(), id: `clinic-race-${i}`, name });
      const answers = await race(create('Here'), create('There'));
      const statuses = answers.map((a) => a.status).sort();
      if (statuses[0] === 201 && statuses[1] === 201) bothCreated++;
      else {
        const outcome = answers.map((a) => a.body['code'] ?? a.status).sort();
        if (outcome[0] !== 201 || outcome[1] !== 'definition_exists') others.push(outcome);
      }
    }
    console.log(`creations of one id: both created in ${bothCreated} of ${ATTEMPTS} races`);
    expect({ bothCreated, others }).toEqual({ bothCreated: 0, others: [] });
  }, 60_000);

  it('Given one publishes a checked draft while the other saves a broken one, Then no published version ever has problems', async () => {
    let brokenPublished = 0;
    for (let i = 0; i < ATTEMPTS; i++) {
      const { savedAt } = await draft();
      const good = clinicDefinition();
      nodeOf(good, 'transfer_form').due!.after!.amount = 10 + i;
      const saved = await here.send(request('PUT', '/api/definitions/clinic/draft', good, { 'if-match': savedAt }));
      expect(saved.status).toBe(200);
      const token = String(saved.body['savedAt']);
      const broken = structuredClone(good);
      breakTransferForm(broken);
      const publish = request('POST', '/api/definitions/clinic/publish', { note: 'Published in a race' }, { 'if-match': token });
      const save = request('PUT', '/api/definitions/clinic/draft', broken, { 'if-match': token });
      // Each process takes each part in turn.
      const published = i % 2 === 0 ? (await race(publish, save))[0] : (await race(save, publish))[1];
      if (published.status === 201) {
        const version = await here.send(request('GET', `/api/definitions/clinic?version=${String(published.body['version'])}`));
        if (validateDefinition(version.body['definition']).length > 0) brokenPublished++;
      } else {
        expect([409, 422]).toContain(published.status);
      }
    }
    console.log(`publish racing a broken save: a draft with problems published in ${brokenPublished} of ${ATTEMPTS} races`);
    expect(brokenPublished).toBe(0);
  }, 60_000);
});
