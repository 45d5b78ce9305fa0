/**
 * `readJson` refuses every body it cannot take with a 4xx problem: not JSON (415), malformed
 * (400), nested deeper than any request needs (422, before anything walks it recursively), or not
 * the shape the endpoint expects (422).
 */
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { startedCase } from '../routes/case-test-support.ts';
import { MAX_BODY_DEPTH, readJson } from './json-body.ts';
import { problemFor, sendProblem } from './problem.ts';

/** An endpoint that reads any object and sends it back, as routes store what they read. */
const echo = new Hono()
  .post('/echo', async (c) => c.json(await readJson<object>(c, { title: 'Echo', schema: { type: 'object' } })))
  .onError((error, c) => sendProblem(c, problemFor(error)));

const post = (body: string, type = 'application/json') => echo.request('/echo', { method: 'POST', headers: { 'content-type': type }, body });

/** `{"a": [[[ … "x" … ]]]}` with `levels` arrays below the top object. */
const nested = (levels: number) => `{"a":${'['.repeat(levels)}"x"${']'.repeat(levels)}}`;

describe('readJson', () => {
  it(`Given a body nested ${MAX_BODY_DEPTH} levels below the top, When read, Then it is taken`, async () => {
    const response = await post(nested(MAX_BODY_DEPTH));
    expect(response.status).toBe(200);
  });

  it.each([MAX_BODY_DEPTH + 1, 5_000, 100_000])('Given a body nested %i levels deep, When read, Then it is a 422 problem naming the depth, not a 500', async (levels) => {
    const response = await post(nested(levels));
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; detail: string; errors: Array<{ pointer: string; keyword: string }> };
    expect(problem).toMatchObject({ code: 'body_too_deep', limit: MAX_BODY_DEPTH });
    expect(problem.detail).toContain(`more than ${MAX_BODY_DEPTH} levels`);
    expect(problem.errors).toEqual([{ pointer: `/a${'/0'.repeat(MAX_BODY_DEPTH)}`, keyword: 'maxDepth', message: expect.any(String) }]);
  });

  it('Given a deep body inside a string, When read, Then brackets in text are only text', async () => {
    expect((await post(JSON.stringify({ a: '['.repeat(10_000) }))).status).toBe(200);
  });

  it('Given malformed JSON or another media type, When read, Then 400 and 415 as before', async () => {
    expect(await (await post('{"a":')).json()).toMatchObject({ status: 400, code: 'malformed_json' });
    expect(await (await post('a=1', 'text/plain')).json()).toMatchObject({ status: 415, code: 'unsupported_media_type', errors: [{ pointer: '/headers/content-type', keyword: 'enum' }] });
  });
});

describe('a task draft nested too deep, through the whole app', () => {
  let api: Api;
  beforeEach(async () => {
    api = await apiHarness('2026-12-16T09:00:00Z');
  });
  afterEach(async () => api.close());

  it.each([5_000, 100_000])('Given answers nested %i levels deep, When the social worker saves them as a draft, Then 422 body_too_deep and nothing is saved', async (levels) => {
    const { sam, caseId, view } = await startedCase(api);
    const task = `/api/cases/${caseId}/tasks/${view.openTasks[0].id}`;
    const response = await sam.send('PUT', `${task}/draft`, `{"data":{"notes":${'['.repeat(levels)}${']'.repeat(levels)}}}`);
    expect(await response.json()).toMatchObject({ status: 422, code: 'body_too_deep' });
    expect(await api.store.getTaskDraft(view.openTasks[0].id, sam.user.id)).toBeNull();
  });
});
