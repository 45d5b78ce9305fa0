import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';

let api: Api;
beforeEach(async () => {
  api = await apiHarness();
});
afterEach(async () => api.close());

describe('signing in', () => {
  it('Given a demo social worker, When they sign in, Then they get an HttpOnly session cookie and a CSRF token, and no password hash', async () => {
    const response = await api.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'social_worker@camden.example', password: 'stepwise-demo' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/^stepwise_session=[\w-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ user: { id: 'camden.social_worker', authority: 'camden', roles: ['social_worker'] } });
    expect(JSON.stringify(body)).not.toContain('scrypt');
  });

  it('Given a wrong password or an unknown address, Then the same 401 problem comes back', async () => {
    for (const [email, password] of [['social_worker@camden.example', 'nope'], ['nobody@camden.example', 'stepwise-demo']]) {
      const response = await api.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(await response.json()).toMatchObject({ code: 'sign_in_failed', detail: 'Enter a correct email address and password.' });
    }
  });

  it('Given bad bodies, Then each gets its own problem: 415, 400, 422 with pointers, 413', async () => {
    const post = (body: string, type = 'application/json') => api.request('/api/session', { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('email=x', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect(await (await post('{"email":')).json()).toMatchObject({ status: 400, code: 'malformed_json' });
    const invalid = (await (await post(JSON.stringify({ email: 'a', extra: 1 }))).json()) as { errors: Array<{ pointer: string }> };
    expect(invalid).toMatchObject({ status: 422, code: 'request_invalid' });
    expect(invalid.errors.map((e) => e.pointer)).toEqual(['/password', '/extra']);
    expect((await post(JSON.stringify({ email: 'x'.repeat(300_000), password: 'p' }))).status).toBe(413);
  });

  it('Given a session, When the CSRF token is missing on a change, Then it is refused; and after sign-out the cookie no longer works', async () => {
    const worker = await api.signIn('social_worker@camden.example');
    expect(await (await worker.get('/api/session')).json()).toMatchObject({ user: { id: 'camden.social_worker' }, csrfToken: worker.csrfToken });
    const noToken = await api.request('/api/session', { method: 'DELETE', headers: { cookie: worker.cookie } });
    expect(noToken.status).toBe(403);
    expect((await worker.delete('/api/session')).status).toBe(204);
    expect((await worker.get('/api/session')).status).toBe(401);
  });

  it('Given no session, Then API routes answer 401 and unknown paths 404, as problem documents', async () => {
    expect(await (await api.request('/api/session')).json()).toMatchObject({ status: 401, code: 'sign_in_required' });
    expect(await (await api.request('/api/nowhere')).json()).toMatchObject({ status: 401, code: 'sign_in_required' });
    const worker = await api.signIn('social_worker@camden.example');
    expect(await (await worker.get('/api/nowhere')).json()).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('the authority in the header', () => {
  it('Given a Camden social worker, When they sign in or ask who they are, Then the session names their council from its definitions, without a logo unless one is configured', async () => {
    const worker = await api.signIn('social_worker@camden.example');
    const body = (await (await worker.get('/api/session')).json()) as { authority: unknown };
    expect(body.authority).toEqual({ id: 'camden', name: 'London Borough of Camden' });
  });

  it('Given a logo configured for Camden only, Then Camden people get it and Clinic people do not', async () => {
    await api.close();
    api = await apiHarness(undefined, { authorityLogos: { camden: '/logos/camden.svg' } });
    const signIn = (email: string) =>
      api.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'stepwise-demo' }) });
    expect(await (await signIn('social_worker@camden.example')).json()).toMatchObject({ authority: { id: 'camden', name: 'London Borough of Camden', logo: '/logos/camden.svg' } });
    const clinic = (await (await signIn('social_worker@clinic.example')).json()) as { authority: Record<string, unknown> };
    expect(clinic.authority).toEqual({ id: 'clinic', name: 'Early Help Step Down Clinic authority' });
  });
});
