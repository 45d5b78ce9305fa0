import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, checkedRequests, type Api } from '../../test/support/api.ts';
import { createApp } from '../app.ts';
import { givenCamdenStepDowns } from '../routes/report-given.ts';
import type { Store } from '../store/index.ts';
import { DEFAULT_CONFIG, type AppDeps } from './env.ts';
import { createLogger } from './logger.ts';

type Line = Record<string, unknown>;

let api: Api;
let lines: Line[];
let output: string;
beforeAll(async () => {
  api = await apiHarness();
  await givenCamdenStepDowns(api);
});
afterAll(async () => api.close());
beforeEach(() => {
  lines = [];
  output = '';
});

/** The harness's app again, with a logger whose JSON lines are captured instead of printed. */
function appWith(overrides: Partial<AppDeps> = {}) {
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => { output += line; lines.push(JSON.parse(line) as Line); } } });
  return createApp({ store: api.store, runner: api.runner, clock: api.clock, config: { ...DEFAULT_CONFIG, secureCookies: false }, logger, ...overrides });
}

/** A signed-in person sending through `app`, each answer checked against the document. */
async function as(email: string, app = appWith()) {
  const who = await api.signIn(email);
  const request = checkedRequests(app);
  const send = (method: string, path: string, body?: unknown) =>
    request(path, { method, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const refusals = async () => (await api.store.listAccess({ authority: 'graft', actor: who.user.id })).filter((e) => e.action === 'access_refused');
  return { id: who.user.id, send, refusals };
}

describe('Given a Graft manager trying Camden’s records', () => {
  it('When they ask for a Camden case, Then it answers 404 like a missing one, and the attempt is logged and audited by id only', async () => {
    const graft = await as('sc_team_manager@graft.example');
    const other = await graft.send('GET', '/api/cases/case-okafor/timeline');
    const missing = await graft.send('GET', '/api/cases/no-such-case/timeline');
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual(await missing.json());

    expect((await graft.refusals()).map((e) => e.detail)).toEqual([{ target: { kind: 'case', id: 'case-okafor' }, status: 404, method: 'GET' }]);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40, service: 'stepwise', event: 'cross_authority_refused', status: 404, code: 'not_found', method: 'GET',
        path: '/api/cases/case-okafor/timeline', user: graft.id, authority: 'graft', target: { kind: 'case', id: 'case-okafor', owner: 'camden' },
      }),
    ]);
    // Never the family, a child, an answer: the case id is the only thing about it.
    expect(output).not.toMatch(/Okafor|Ada |referral/);
    // And Camden's own log of the case gains nothing from a stranger.
    expect((await api.store.listAudit('case-okafor')).filter((e) => e.actor === graft.id)).toEqual([]);
  });

  it('When they ask for Camden’s protocol, or start a case on it, Then both are audited as attempts on a definition', async () => {
    const admin = await as('admin@graft.example');
    expect((await admin.send('GET', '/api/definitions/camden')).status).toBe(404);
    const start = await admin.send('POST', '/api/cases', { definition: 'camden', entry: 'sw_assessment', subject: { familyName: 'Evans', children: [{ name: 'Ben Evans' }] } });
    expect(start.status).toBe(404);
    expect((await admin.refusals()).map((e) => e.detail)).toEqual([
      { target: { kind: 'definition', id: 'camden' }, status: 404, method: 'GET' },
      { target: { kind: 'definition', id: 'camden' }, status: 404, method: 'POST' },
    ]);
    expect(lines.map((l) => [l.event, l.target])).toEqual([
      ['cross_authority_refused', { kind: 'definition', id: 'camden', owner: 'camden' }],
      ['cross_authority_refused', { kind: 'definition', id: 'camden', owner: 'camden' }],
    ]);
    expect(output).not.toContain('Evans');
  });

  it('When they ask for their own authority’s case, or one that does not exist, Then nothing is logged or audited', async () => {
    const graft = await as('sc_team_manager@graft.example');
    const before = (await graft.refusals()).length;
    expect((await graft.send('GET', '/api/cases/case-graft')).status).toBe(200);
    expect((await graft.send('GET', '/api/cases/no-such-case')).status).toBe(404);
    expect(lines).toEqual([]);
    expect(await graft.refusals()).toHaveLength(before);
  });
});

describe('Refusals for the wrong role, and server errors', () => {
  it('Given a social worker opening the outbox, Then the 403 is logged with its code, and not audited as cross-authority', async () => {
    const sam = await as('social_worker@camden.example');
    expect((await sam.send('GET', '/api/outbox')).status).toBe(403);
    expect(lines).toEqual([expect.objectContaining({ level: 40, event: 'access_refused', status: 403, code: 'not_allowed', path: '/api/outbox', user: sam.id, authority: 'camden' })]);
    expect((await api.store.listAccess({ authority: 'camden', actor: sam.id })).filter((e) => e.action === 'access_refused')).toEqual([]);
  });

  it('Given a store failing with a message that quotes a referral, Then the 500 is logged as an error by type and place, never by its message or query', async () => {
    const failing: Store = Object.create(api.store, {
      listOutbox: { value: async () => { throw new TypeError('Cannot parse "Ada Okafor was referred by her school"'); } },
    });
    const admin = await as('admin@camden.example', appWith({ store: failing }));
    const response = await admin.send('GET', '/api/outbox?caseId=case-okafor');
    expect(response.status).toBe(500);
    expect(lines).toEqual([expect.objectContaining({ level: 50, event: 'server_error', status: 500, code: 'internal_error', method: 'GET', path: '/api/outbox', user: 'camden.admin', err: expect.objectContaining({ type: 'TypeError' }) })]);
    expect((lines[0]?.err as { stack: string[] }).stack.length).toBeGreaterThan(0);
    expect(output).not.toMatch(/Okafor|referred|caseId=/);
  });

  it('Given no logger, as in every other test, Then nothing is written', async () => {
    const quiet = createApp({ store: api.store, runner: api.runner, clock: api.clock, config: { ...DEFAULT_CONFIG, secureCookies: false } });
    const graft = await as('sc_team_manager@graft.example', quiet);
    expect((await graft.send('GET', '/api/cases/case-okafor')).status).toBe(404);
    expect(output).toBe('');
  });

  it('refuses an unknown log level rather than logging everything or nothing by mistake', () => {
    expect(() => createLogger({ level: 'verbose' })).toThrow(/Unknown log level/);
  });
});
