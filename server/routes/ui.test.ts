import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../http/env.ts';
import { problemFor, sendProblem } from '../http/problem.ts';
import { createUiRoutes } from './ui.ts';

const dir = mkdtempSync(join(tmpdir(), 'stepwise-ui-'));
const built = join(dir, 'dist');
const missing = join(dir, 'nothing-here');

/** The UI routes in front of a stand-in API, as server/app.ts mounts them. */
function appWith(dist: string) {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => sendProblem(c, problemFor(error)));
  app.route('/', createUiRoutes(dist));
  app.get('/api/work', (c) => c.json({ api: true }));
  return app;
}

beforeAll(() => {
  mkdirSync(join(built, 'assets'), { recursive: true });
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>Stepwise</title>');
  writeFileSync(join(built, 'assets', 'index-abc.js'), 'console.log(1)');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the workspace pages', () => {
  const app = appWith(built);

  it('Given a deep link, Then it answers with the app, not cached, with a strict content security policy', async () => {
    for (const path of ['/', '/work', '/cases/c-1/tasks/t-2', '/cases/c-1/tasks/t-2/view', '/sign-in?next=%2Fwork']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<title>Stepwise</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('Given a built asset, Then it is served with a long cache; a missing one is not found', async () => {
    const response = await app.request('/assets/index-abc.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log(1)');
    expect((await app.request('/assets/gone.js')).status).toBe(404);
    expect((await app.request('/assets/../index.html')).status).not.toBe(500);
  });

  it('Given an API path, Then it is left to the API', async () => {
    const response = await app.request('/api/work');
    expect(await response.json()).toEqual({ api: true });
    expect((await app.request('/api/nothing')).status).toBe(404);
  });

  it('Given anything but GET, Then it is not the workspace’s to answer', async () => {
    expect((await app.request('/work', { method: 'POST' })).status).toBe(404);
  });
});

describe('before the workspace is built', () => {
  it('Then a page answers 503 with a problem saying how to build it, and the API still answers', async () => {
    const app = appWith(missing);
    const response = await app.request('/cases/c-1');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'ui_not_built', detail: expect.stringContaining('npm run build') });
    expect((await app.request('/api/work')).status).toBe(200);
  });
});
