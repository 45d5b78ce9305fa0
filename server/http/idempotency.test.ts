import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screening } from '../../test/camden/given.ts';
import { checkedRequests, type Api } from '../../test/support/api.ts';
import { createPurge } from '../auth/purge.ts';
import { camdenHarness, camdenStart, json, referredCase, type Json } from '../routes/case-test-support.ts';
import { createApp } from '../app.ts';
import { createCaseRunner } from '../runtime/index.ts';
import type { CommitInput, Store } from '../store/index.ts';
import { DEFAULT_CONFIG } from './env.ts';
import { KEY_LOCK_MS } from './idempotency.ts';

let api: Api;
beforeEach(async () => {
  api = await camdenHarness();
});
afterEach(async () => api.close());

const kte = 'ieys_kte_duty_manager';
const body = { data: screening('team'), actions: [{ action: 'contact_team', passTo: { team: kte } }] };
const key = (k: string) => ({ 'idempotency-key': k });
const completions = async (caseId: string) => (await api.store.getCase(caseId))!.history.filter((h) => h.type === 'task_completed' && h.node === 'asm_screen');

type Client = Awaited<ReturnType<Api['signIn']>>;

/** The same app over the same store, but with commits going through `commitStep`: a slow or broken disk. */
function appWith(commitStep: (input: CommitInput, commit: Store['commitStep']) => Promise<void>) {
  const store = new Proxy(api.store, {
    get: (target, name, receiver) => (name === 'commitStep' ? (input: CommitInput) => commitStep(input, (i) => target.commitStep(i)) : Reflect.get(target, name, receiver)),
  });
  return createApp({ store, runner: createCaseRunner({ store, clock: api.clock }), clock: api.clock, config: { ...DEFAULT_CONFIG, secureCookies: false } });
}

/** Sends through `app`, checked against the document. */
const sendTo = (app: ReturnType<typeof createApp>, who: Client, path: string, payload: unknown, k: string) =>
  checkedRequests(app)(path, { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/json', ...key(k) }, body: JSON.stringify(payload) });

/** An app whose first commit waits until released: `reached` once it is waiting. */
function slowDisk() {
  let release!: () => void;
  let reached!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const waiting = new Promise<void>((resolve) => (reached = resolve));
  let first = true;
  const app = appWith(async (input, commit) => {
    if (first) {
      first = false;
      reached();
      await released;
    }
    return commit(input);
  });
  return { reached: waiting, release, send: (who: Client, path: string, payload: unknown, k: string) => sendTo(app, who, path, payload, k) };
}

describe('retrying a change with the same Idempotency-Key (issue 8)', () => {
  it('Given the front door completed the screening but the connection was cut, When she retries with the same key, Then she gets the first answer again and the task is completed once', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const path = `/api/cases/${caseId}/tasks/${screenId}/complete`;
    const first = await dora.post(path, body, key('submit-1'));
    expect(first.status).toBe(200);
    const firstBody = await first.text();

    const retry = await dora.post(path, body, key('submit-1'));
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await retry.text()).toBe(firstBody);
    expect(await completions(caseId)).toHaveLength(1);
    expect((await api.store.getCase(caseId))!.version).toBe(3);
  });

  it('When the same key comes with a different body, Then it is refused 422 idempotency_key_reused and nothing is done', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const path = `/api/cases/${caseId}/tasks/${screenId}/complete`;
    expect((await dora.post(path, body, key('submit-1'))).status).toBe(200);
    const reused = await json(dora.post(path, { ...body, actions: [{ ...body.actions[0], note: 'changed' }] }, key('submit-1')));
    expect(reused).toMatchObject({ status: 422, code: 'idempotency_key_reused', errors: [{ pointer: '/headers/idempotency-key', keyword: 'unique', message: expect.stringContaining('Send a new Idempotency-Key') }] });
    // Another path with the key is another request too.
    expect(await json(dora.post(`/api/cases/${caseId}/tasks/${screenId}/reassign`, body, key('submit-1')))).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect(await completions(caseId)).toHaveLength(1);
  });

  it('Given no key, Then a retry is a new request, refused as done already: by this person, so not "Someone else already did this"', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const path = `/api/cases/${caseId}/tasks/${screenId}/complete`;
    expect((await dora.post(path, body)).status).toBe(200);
    const retry = await json(dora.post(path, body));
    expect(retry).toMatchObject({ status: 409, code: 'task_not_open', byYou: true, detail: 'You have already completed this task: your earlier submit was saved.' });
  });

  it('Given another person used the same key, Then each person’s key is their own', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const demo = (await api.store.findUserByEmail('eh_front_door_manager@camden.example'))!;
    await api.store.saveUser({ ...demo, id: 'camden.dee', name: 'Dee Front Door', email: 'dee@camden.example' });
    const dee = await api.signIn('dee@camden.example');
    const path = `/api/cases/${caseId}/tasks/${screenId}/complete`;
    expect((await dora.post(path, body, key('shared'))).status).toBe(200);
    const hers = await dee.post(path, body, key('shared'));
    expect(hers.headers.get('idempotent-replayed')).toBeNull();
    expect(await json(hers)).toMatchObject({ status: 409, code: 'task_not_open' });
    expect(await completions(caseId)).toHaveLength(1);
  });

  it('Given a refusal, When the same request is retried with its key, Then the same refusal is replayed', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const path = `/api/cases/${caseId}/tasks/${screenId}/complete`;
    const refused = await dora.post(path, { data: {}, actions: [] }, key('blank'));
    expect(refused.status).toBe(422);
    const again = await dora.post(path, { data: {}, actions: [] }, key('blank'));
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });

  it('Given a new case started with a key, When the start is retried, Then the same case and Location come back and only one case exists', async () => {
    const sam = await api.signIn('social_worker@camden.example');
    const first = await sam.post('/api/cases', camdenStart, key('start-okafor'));
    const again = await sam.post('/api/cases', camdenStart, key('start-okafor'));
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect((await json(again)).id).toBe((await json(first)).id);
    expect((await json(sam.get('/api/cases'))).count).toBe(1);
  });

  it('Given the first request with a key is still running, Then a retry with it is refused 409 request_in_progress, and gets the answer once there is one', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const slow = slowDisk();
    const first = slow.send(dora, `/api/cases/${caseId}/tasks/${screenId}/complete`, body, 'k');
    await slow.reached;
    expect(await json(slow.send(dora, `/api/cases/${caseId}/tasks/${screenId}/complete`, body, 'k'))).toMatchObject({ status: 409, code: 'request_in_progress' });
    slow.release();
    expect((await first).status).toBe(200);
    expect((await slow.send(dora, `/api/cases/${caseId}/tasks/${screenId}/complete`, body, 'k')).headers.get('idempotent-replayed')).toBe('true');
    expect(await completions(caseId)).toHaveLength(1);
  });

  it('Given the process holding a key died before answering, When its hold lapses, Then a retry does the work and its answer is the one kept', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const path = `/api/cases/${caseId}/tasks/${screenId}/complete`;
    const slow = slowDisk();
    const stuck = slow.send(dora, path, body, 'k');
    await slow.reached;
    api.clock.set(new Date(Date.parse(api.clock.now()) + KEY_LOCK_MS).toISOString());
    const retry = await dora.post(path, body, key('k'));
    expect(retry.status).toBe(200);
    // The stuck request wakes to find the task done; its answer is not the one kept.
    slow.release();
    expect((await stuck).status).toBe(409);
    const replay = await dora.post(path, body, key('k'));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(await retry.text());
    expect(await completions(caseId)).toHaveLength(1);
  });

  describe('Given the process died after its change committed and before it kept the answer', () => {
    /** The same app, but its answers are never kept: what a kill -9 between the two writes leaves behind. */
    function diesBeforeAnswering() {
      const store = new Proxy(api.store, {
        get: (target, name, receiver) => (name === 'recordIdempotentResponse' ? async () => { throw new Error('killed'); } : Reflect.get(target, name, receiver)),
      });
      return createApp({ store, runner: createCaseRunner({ store, clock: api.clock }), clock: api.clock, config: { ...DEFAULT_CONFIG, secureCookies: false } });
    }
    const lapse = () => api.clock.set(new Date(Date.parse(api.clock.now()) + KEY_LOCK_MS).toISOString());

    it('When the case start is retried with its key, Then it is refused while held, then answers with the one case it made', async () => {
      const sam = await api.signIn('social_worker@camden.example');
      const lost = await sendTo(diesBeforeAnswering(), sam, '/api/cases', camdenStart, 'start');
      expect(lost.status).toBe(201);
      const made = (await json(lost)).id;
      expect(await json(sam.post('/api/cases', camdenStart, key('start')))).toMatchObject({ status: 409, code: 'request_in_progress' });
      lapse();
      const retry = await sam.post('/api/cases', camdenStart, key('start'));
      expect(retry.status).toBe(201);
      expect(retry.headers.get('location')).toBe(`/api/cases/${made}`);
      expect((await json(retry)).id).toBe(made);
      expect((await json(sam.get('/api/cases'))).count).toBe(1);
      // The retry's answer is kept now, for any later retry.
      expect((await sam.post('/api/cases', camdenStart, key('start'))).headers.get('idempotent-replayed')).toBe('true');
    });

    it('When the completion is retried with its key, Then it answers as a success, not "already completed", and the task was completed once', async () => {
      const { dora, caseId, screenId } = await referredCase(api);
      const path = `/api/cases/${caseId}/tasks/${screenId}/complete`;
      expect((await sendTo(diesBeforeAnswering(), dora, path, body, 'k')).status).toBe(200);
      lapse();
      const retry = await json(dora.post(path, body, key('k')));
      expect(retry).toMatchObject({ id: caseId });
      expect(retry['status']).not.toBe(409);
      expect(await completions(caseId)).toHaveLength(1);
    });

    it('When a 5xx follows the committed change, Then the key is not freed, so a retry cannot make the change twice', async () => {
      const sam = await api.signIn('social_worker@camden.example');
      const failsAfterCommit = appWith(async (input, commit) => {
        await commit(input);
        throw new Error('socket closed after the commit');
      });
      expect((await sendTo(failsAfterCommit, sam, '/api/cases', camdenStart, 'start')).status).toBe(500);
      lapse();
      expect((await sam.post('/api/cases', camdenStart, key('start'))).status).toBe(201);
      expect((await json(sam.get('/api/cases'))).count).toBe(1);
    });
  });

  it('Given the server failed (5xx), Then the answer is not kept and a retry with the key does the work', async () => {
    const { dora, caseId, screenId } = await referredCase(api);
    const broken = appWith(async () => {
      throw new Error('disk unplugged');
    });
    const path = `/api/cases/${caseId}/tasks/${screenId}/complete`;
    expect((await sendTo(broken, dora, path, body, 'k')).status).toBe(500);
    const retry = await dora.post(path, body, key('k'));
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await completions(caseId)).toHaveLength(1);
  });

  it('Given a key used 24 hours ago, When the purge runs, Then it is forgotten and the key may be used afresh', async () => {
    const sam = await api.signIn('social_worker@camden.example');
    expect((await sam.post('/api/cases', camdenStart, key('start'))).status).toBe(201);
    const purge = createPurge({ store: api.store, clock: api.clock });
    api.clock.set('2026-12-17T08:59:59Z');
    expect((await purge.tick()).idempotencyKeys).toBe(0);
    api.clock.set('2026-12-17T09:00:00Z');
    expect((await purge.tick()).idempotencyKeys).toBe(1);
    const again = await sam.post('/api/cases', camdenStart, key('start'));
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect((await json(sam.get('/api/cases'))).count).toBe(2);
  });

  it('Given a key that is empty, too long or not printable ASCII, Then it is refused 400 idempotency_key_invalid', async () => {
    const sam = await api.signIn('social_worker@camden.example');
    for (const bad of ['', '""', 'x'.repeat(256), 'naïve key']) {
      expect(await json(sam.post('/api/cases', camdenStart, key(bad))), JSON.stringify(bad)).toMatchObject({
        status: 400,
        code: 'idempotency_key_invalid',
        errors: [{ pointer: '/headers/idempotency-key', keyword: 'pattern', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID' }],
      });
    }
    // The structured-field string form of the IETF draft is the same key as the bare one.
    expect((await sam.post('/api/cases', camdenStart, key('"8e03978e-40d5-43e8-bc93-6894a57f9324"'))).status).toBe(201);
    expect((await sam.post('/api/cases', camdenStart, key('8e03978e-40d5-43e8-bc93-6894a57f9324'))).headers.get('idempotent-replayed')).toBe('true');
  });

  it('Then the API description offers the header on every signed-in change', async () => {
    const doc = await json(api.request('/api/openapi.json'));
    const complete = doc.paths['/api/cases/{id}/tasks/{taskId}/complete'].post;
    expect(complete.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }));
    expect(complete.responses['409'].description).toMatch(/request_in_progress/);
    expect(complete.responses['422'].description).toMatch(/idempotency_key_reused/);
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        const offered = (op as Json).parameters.some((p: Json) => p.name === 'Idempotency-Key');
        expect(offered, `${method} ${path}`).toBe(method !== 'get' && `${method} ${path}` !== 'post /api/session');
      }
    }
  });
});
