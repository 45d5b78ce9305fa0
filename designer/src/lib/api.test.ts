import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiProblem, newIdempotencyKey } from './api.ts';

type Call = { url: string; init: RequestInit };

/** Answers in turn; `'cut'` is a connection cut before the answer arrived. Keys are `key-1`, `key-2`... */
function fakeServer(answers: Array<[number, unknown] | 'cut'>) {
  const calls: Call[] = [];
  const fetchImpl = vi.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    const answer = answers.shift() ?? [500, {}];
    if (answer === 'cut') throw new TypeError('Failed to fetch');
    const [status, body] = answer;
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  });
  let keys = 0;
  return { calls, client: new ApiClient(fetchImpl as unknown as typeof fetch, () => `key-${++keys}`) };
}

const header = (call: Call | undefined, name: string) => (call?.init.headers as Record<string, string> | undefined)?.[name];

describe('the API client', () => {
  it('sends JSON, with the CSRF token on changes only', async () => {
    const { calls, client } = fakeServer([[200, { tasks: [] }], [204, undefined]]);
    client.csrfToken = 'tok';
    await client.work({ sort: 'due', team: undefined });
    await client.saveDraft('c 1', 't/1', { a: 1 });
    expect(calls[0]!.url).toBe('/api/work?sort=due');
    expect(header(calls[0], 'x-csrf-token')).toBeUndefined();
    expect(calls[1]!.url).toBe('/api/cases/c%201/tasks/t%2F1/draft');
    expect(calls[1]!.init).toMatchObject({ method: 'PUT', body: JSON.stringify({ data: { a: 1 } }) });
    expect(header(calls[1], 'x-csrf-token')).toBe('tok');
    expect(header(calls[1], 'content-type')).toBe('application/json');
  });

  it('asks for the minimal answer when completing a task, and the full case nowhere else', async () => {
    const { calls, client } = fakeServer([[200, { id: 'c1', completion: { completed: true } }], [200, { id: 'c1' }]]);
    await client.complete('c1', 't1', { data: {}, actions: [{ action: 'a' }] });
    await client.getCase('c1');
    expect(header(calls[0], 'prefer')).toBe('return=minimal');
    expect(header(calls[1], 'prefer')).toBeUndefined();
  });

  it('turns a problem document into an ApiProblem with its field errors', async () => {
    const errors = [{ pointer: '/dateOfClosure', keyword: 'format', message: 'Date of closure must be a real date' }];
    const { client } = fakeServer([[422, { code: 'form_invalid', detail: 'The form has answers to correct.', errors }]]);
    const problem = await client.complete('c1', 't1', { data: {}, actions: [{ action: 'a' }] }).catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({ status: 422, code: 'form_invalid', detail: 'The form has answers to correct.', errors });
  });

  it('tells the app once the session has ended, but not when a sign-in fails', async () => {
    const { client } = fakeServer([[401, { code: 'sign_in_failed', detail: 'x' }], [401, { code: 'sign_in_required', detail: 'Sign in to continue.' }]]);
    const signedOut = vi.fn();
    client.onSignedOut = signedOut;
    await expect(client.signIn({ email: 'a@b', password: 'x' })).rejects.toMatchObject({ code: 'sign_in_failed' });
    expect(signedOut).not.toHaveBeenCalled();
    await expect(client.getCase('c1')).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toHaveBeenCalledOnce();
  });

  it('fetches a fresh CSRF token and tries once more when the token was stale', async () => {
    const { calls, client } = fakeServer([[403, { code: 'csrf_token_invalid', detail: 'x' }], [200, { user: {}, csrfToken: 'new' }], [200, { id: 'c1' }]]);
    client.csrfToken = 'old';
    await expect(client.withdraw('c1', 'Family moved away')).resolves.toEqual({ id: 'c1' });
    expect(calls.map((c) => `${c.init.method} ${c.url} ${header(c, 'x-csrf-token') ?? '-'}`)).toEqual([
      'POST /api/cases/c1/withdraw old',
      'GET /api/session -',
      'POST /api/cases/c1/withdraw new',
    ]);
  });

  it('sends a fresh Idempotency-Key with each change, and none with reads or signing in', async () => {
    const { calls, client } = fakeServer([[200, {}], [200, {}], [200, {}], [201, {}], [204, undefined]]);
    await client.withdraw('c1', 'Family moved away');
    await client.withdraw('c1', 'Family moved away');
    await client.getCase('c1');
    await client.signIn({ email: 'a@b', password: 'secret' });
    await client.signOut();
    expect(calls.map((c) => `${c.init.method} ${c.url} ${header(c, 'idempotency-key') ?? '-'}`)).toEqual([
      'POST /api/cases/c1/withdraw key-1',
      'POST /api/cases/c1/withdraw key-2',
      'GET /api/cases/c1 -',
      'POST /api/session -',
      'DELETE /api/session key-3',
    ]);
  });

  it('Given a submit whose answer was lost, When the person submits the same again, Then it goes with the same key; something else, or after an answer, with a new one', async () => {
    const done = { data: { outcome: 'team' }, actions: [{ action: 'contact_team' }] };
    const { calls, client } = fakeServer(['cut', [502, {}], [409, { code: 'request_in_progress', detail: 'x' }], [200, { id: 'c1' }], 'cut', [200, {}], [200, {}]]);
    for (let i = 0; i < 3; i++) await expect(client.complete('c1', 't1', done)).rejects.toBeInstanceOf(ApiProblem);
    await expect(client.complete('c1', 't1', done)).resolves.toEqual({ id: 'c1' });
    // A new submit of the same answers is a new action, once the first was answered.
    await expect(client.complete('c1', 't1', done)).rejects.toMatchObject({ code: 'network_error' });
    await client.complete('c1', 't1', { ...done, data: { outcome: 'advice' } });
    await client.complete('c1', 't1', done);
    expect(calls.map((c) => header(c, 'idempotency-key'))).toEqual(['key-1', 'key-1', 'key-1', 'key-1', 'key-2', 'key-3', 'key-2']);
  });

  it('keeps the key when it fetches a fresh CSRF token and tries again', async () => {
    const { calls, client } = fakeServer([[403, { code: 'csrf_token_invalid', detail: 'x' }], [200, { user: {}, csrfToken: 'new' }], [200, {}]]);
    await client.reassign('c1', 't1', { team: 'front_door' });
    expect(calls.map((c) => header(c, 'idempotency-key') ?? '-')).toEqual(['key-1', '-', 'key-1']);
  });

  it('makes keys without a secure context too', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f-]{32,36}$/);
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
    try {
      expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('says so plainly when the server cannot be reached', async () => {
    const client = new ApiClient((async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch);
    await expect(client.session()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
