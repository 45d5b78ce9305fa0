import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { allowHeader, methodsFor, pathPattern } from './method-not-allowed.ts';

describe('Given the route table, When a path is matched', () => {
  it('Then parameters match one segment, regex parameters their pattern, and literals only themselves', () => {
    expect(pathPattern('/api/cases/:id').test('/api/cases/c-1')).toBe(true);
    expect(pathPattern('/api/cases/:id').test('/api/cases/c-1/timeline')).toBe(false);
    expect(pathPattern('/api/x/:n{[0-9]+}').test('/api/x/12')).toBe(true);
    expect(pathPattern('/api/x/:n{[0-9]+}').test('/api/x/ab')).toBe(false);
    expect(pathPattern('/api/openapi.json').test('/api/openapiXjson')).toBe(false);
    const lookup = methodsFor([{ method: 'ALL', path: '/api/*' }, { method: 'GET', path: '/api/cases' }, { method: 'POST', path: '/api/cases' }, { method: 'GET', path: '/api/cases/:id' }]);
    expect(lookup('/api/cases')).toEqual(['GET', 'POST']);
    expect(lookup('/api/nowhere')).toEqual([]);
    expect(allowHeader(['POST', 'GET'])).toBe('GET, HEAD, POST');
  });
});

describe('Given a known path asked with a method it does not have', () => {
  let api: Api;
  beforeAll(async () => {
    api = await apiHarness();
  });
  afterAll(() => api.close());

  it('When signed in, Then 405 with Allow listing its methods, as problem+json `method_not_allowed`', async () => {
    const admin = await api.signIn('admin@camden.example');
    const response = await admin.delete('/api/cases');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 405, code: 'method_not_allowed', title: 'Method not allowed', allow: ['GET', 'HEAD', 'POST'] });
    const put = await admin.put('/api/cases/c-1/withdraw', {});
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST');
  });

  it('When signed out, Then 405 too, before the session check (which methods a path has is public), with no CSRF token needed', async () => {
    const response = await api.request('/api/cases', { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    const health = await api.request('/api/health', { method: 'POST' });
    expect(health.status).toBe(405);
    expect(health.headers.get('allow')).toBe('GET, HEAD');
  });

  it('When the method is right, or the path unknown, Then nothing changes: the route answers, or 401 / 404 as before', async () => {
    expect((await api.request('/api/cases')).status).toBe(401);
    expect((await api.request('/api/health')).status).toBe(200);
    expect((await api.request('/api/nowhere', { method: 'DELETE' })).status).toBe(401);
    const admin = await api.signIn('admin@camden.example');
    expect((await admin.delete('/api/nowhere')).status).toBe(404);
  });
});
