import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { openapiPath } from './openapi.ts';

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  servers: unknown[];
  security: unknown[];
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, { operationId: string; tags: string[]; parameters: Array<{ name: string; in: string; required?: boolean }>; responses: Record<string, { content?: unknown }>; security?: unknown[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

let api: Api;
let doc: Doc;
beforeAll(async () => {
  api = await apiHarness();
  doc = (await (await api.request('/api/openapi.json')).json()) as Doc;
});
afterAll(async () => api.close());

/** What the app really serves: every method + path registered, without `app.use` middleware. */
const served = () => [...new Set(api.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${openapiPath(r.path)}`))].sort();
const described = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`)).sort();

describe('GET /api/openapi.json', () => {
  it('Given no session, Then it answers with an OpenAPI 3.1 document: info, servers, the problem schema and both security schemes', async () => {
    const response = await api.request('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(doc).toMatchObject({ openapi: '3.1.0', info: { title: 'Stepwise API', version: '0.1.0' }, servers: [{ url: '/' }], security: [{ sessionCookie: [] }] });
    expect(doc.components.schemas.Problem).toMatchObject({ type: 'object', required: ['type', 'title', 'status', 'code'] });
    expect(doc.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'stepwise_session' }),
      csrfToken: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }),
    });
  });

  it('Then every route the app registers is described, and nothing is described that the app does not serve', () => {
    expect(served().length).toBeGreaterThan(10);
    expect(described()).toEqual(served());
  });

  it('Then sign-in, health and the API description are public, changes need the CSRF token, and every error response is a problem document', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const open = ['get /api/health', 'post /api/session', 'get /api/sso', 'get /auth/sso/{authority}', 'get /auth/sso/{authority}/callback', 'get /api/openapi.json', 'get /api/docs'].includes(`${method} ${path}`);
        if (open) expect(op.security, `${method} ${path}`).toEqual([]);
        else if (method !== 'get') expect(op.security, `${method} ${path}`).toEqual([{ sessionCookie: [], csrfToken: [] }]);
        else expect(op.security, `${method} ${path}`).toBeUndefined();
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400) expect(response.content, `${method} ${path} ${status}`).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
        }
        // OpenAPI requires each {name} in a path to be a required path parameter.
        for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
          expect(op.parameters, `${method} ${path}`).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
        }
        expect(op.tags.length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('GET /api/docs', () => {
  it('Given no session, Then a readable reference page lists every endpoint by tag, with its method, path and summary', async () => {
    const response = await api.request('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const html = await response.text();
    for (const entry of served()) {
      const [method, path] = entry.split(' ') as [string, string];
      const op = doc.paths[path]![method]!;
      expect(html, entry).toContain(`<h3 id="${op.operationId}"><span class="method">${method.toUpperCase()}</span> <code>${path}</code></h3>`);
    }
    for (const tag of doc.tags) expect(html).toContain(`>${tag.name.replace(/&/g, '&amp;')}</h2>`);
    expect(html).toContain('Open tasks by team and by worker: overdue, due in the next 5 working days, no due date (admins and managers)');
    expect(html).toContain('<td><code>email</code></td><td>Yes</td><td>string; 1 to 320 characters</td><td>Email address</td>');
    expect(html).toContain('<td><code>status</code></td><td>query</td><td>No</td><td>one of: <code>&quot;pending&quot;</code>, <code>&quot;done&quot;</code>, <code>&quot;dead&quot;</code></td>');
  });

  it('Then it is built to be accessible: a language, one h1, a skip link to main, a labelled nav, headings in order, table headers; and it runs no script', async () => {
    const response = await api.request('/api/docs');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<a class="skip" href="#main">Skip to main content</a>');
    expect(html).toContain('<main id="main" tabindex="-1">');
    expect(html).toContain('<nav aria-label="Contents">');
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    levels.forEach((level, i) => i > 0 && expect(level - levels[i - 1]!).toBeLessThanOrEqual(1));
    expect(html).not.toMatch(/<script/i);
    const tables = html.match(/<table>/g)?.length ?? 0;
    expect(tables).toBeGreaterThan(served().length); // at least the responses of each endpoint
    expect(html.match(/<table><caption>[^<]+<\/caption><thead><tr><th scope="col">/g)).toHaveLength(tables);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
  });
});
