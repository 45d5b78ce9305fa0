/**
 * Every endpoint, tried as the wrong authority and as the wrong role. The routes come from the
 * app itself, so an endpoint added later is tried too. Given a Camden case with an open task,
 * a person from another authority must never see or change it (404 for anything with a Camden id,
 * lists that never mention it), a Camden practitioner must never do an admin's job (403), and no
 * answer is ever a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../support/api.ts';

let api: Api;
let caseId: string;
let taskId: string;
const FAMILY = 'Tenancy-Okafor';

beforeAll(async () => {
  api = await apiHarness('2026-12-16T09:00:00Z');
  const sam = await api.signIn('social_worker@camden.example');
  const started = await sam.post('/api/cases', { definition: 'camden', entry: 'sw_assessment', subject: { familyName: FAMILY, children: [{ name: 'Ada Okafor' }] } });
  expect(started.status).toBe(201);
  const body = (await started.json()) as { id: string; openTasks: Array<{ id: string }> };
  caseId = body.id;
  taskId = body.openTasks[0]!.id;
});
afterAll(async () => api.close());

/** The app's own routes (not middleware, not the UI's catch-all), with Camden ids filled in. */
function endpoints(): Array<{ method: string; path: string }> {
  const ids: Record<string, string> = { id: caseId, caseId, taskId, team: 'ieys_kte_duty_manager' };
  const seen = new Set<string>();
  const out: Array<{ method: string; path: string }> = [];
  for (const route of api.app.routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/api/') || route.path.includes('*')) continue;
    const isDefinition = route.path.startsWith('/api/definitions/');
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => (isDefinition && name === 'id' ? 'camden' : (ids[name] ?? 'camden')));
    const key = `${route.method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: route.method, path });
  }
  return out;
}

const PUBLIC = new Set(['GET /api/health', 'POST /api/session', 'GET /api/sso', 'GET /api/openapi.json', 'GET /api/docs']);

describe('tenancy and roles across every endpoint', () => {
  it('Given the route table, Then it has the endpoints this test must cover', () => {
    expect(endpoints().length).toBeGreaterThan(30);
  });

  it('Given a Graft practitioner and a Graft admin, When they call every endpoint with Camden ids, Then nothing of Camden is seen or changed and nothing fails with a 500', async () => {
    const before = await api.store.getCase(caseId);
    for (const email of ['social_worker@graft.example', 'admin@graft.example']) {
      const outsider = await api.signIn(email);
      for (const { method, path } of endpoints()) {
        if (PUBLIC.has(`${method} ${path}`) || path === '/api/session') continue;
        const response = await outsider.send(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
        const text = await response.text();
        const where = `${email} ${method} ${path} → ${response.status} ${text.slice(0, 200)}`;
        expect(response.status, where).toBeLessThan(500);
        if (response.status < 300) {
          expect(text, where).not.toContain(caseId);
          expect(text, where).not.toContain(FAMILY);
          expect(method === 'GET' || path.endsWith('/validate') || path.endsWith('/simulate'), where).toBe(true);
        } else if (path.includes(caseId) || path.includes('/camden') || path.includes('ieys_')) {
          expect([403, 404, 409, 422], where).toContain(response.status);
          // A role refusal (403) comes before the case lookup, so it says nothing about the case either.
          if (path.includes(caseId) && method === 'GET') expect([403, 404], where).toContain(response.status);
        }
      }
    }
    const after = await api.store.getCase(caseId);
    expect(after?.version).toBe(before?.version);
  });

  it('Given a Camden social worker, When they call admin and manager endpoints, Then each is refused with 403', async () => {
    const sam = await api.signIn('social_worker@camden.example');
    const adminOnly: Array<[string, string]> = [
      ['PUT', '/api/definitions/camden/draft'],
      ['POST', '/api/definitions/camden/publish'],
      ['POST', '/api/definitions/camden/simulate'],
      ['POST', '/api/definitions'],
      ['GET', '/api/definitions/camden/draft'],
      ['GET', '/api/outbox'],
      ['GET', '/api/reports/open-cases'],
      ['GET', '/api/reports/tasks'],
      ['GET', '/api/reports/timescales'],
      ['GET', `/api/cases/${caseId}/audit`],
      ['GET', `/api/cases/${caseId}/audit/verify`],
    ];
    for (const [method, path] of adminOnly) {
      const body = method === 'GET' ? undefined : { id: 'camden' };
      const response = await sam.send(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it('Given no session, When any non-public endpoint is called, Then it answers 401', async () => {
    for (const { method, path } of endpoints()) {
      if (PUBLIC.has(`${method} ${path}`)) continue;
      const response = await api.request(path, { method });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});
