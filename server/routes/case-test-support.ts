/**
 * Givens shared by the case and work route tests: a Camden case started by the demo social
 * worker on Wednesday 16 December 2026 and, optionally, e-mailed to the Step Down inbox on
 * Thursday 17 December, so the front door's screening (due Monday 21 December) is open.
 */
import { expect } from 'vitest';
import { family, referral } from '../../test/camden/given.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';

export type Client = Awaited<ReturnType<Api['signIn']>>;
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const camdenStart = { definition: 'camden', entry: 'sw_assessment', subject: family };

/** A harness on Wednesday 16 December 2026, 09:00, whose sessions outlive the simulated days. */
export const camdenHarness = () => apiHarness('2026-12-16T09:00:00Z', { sessionLifetimeMs: 60 * 24 * 3600 * 1000 });

export async function json(response: Response | Promise<Response>): Promise<Json> {
  return (await (await response).json()) as Json;
}

export async function startedCase(api: Api) {
  const sam = await api.signIn('social_worker@camden.example');
  const started = await sam.post('/api/cases', camdenStart);
  expect(started.status).toBe(201);
  const view = await json(started);
  return { sam, caseId: view.id as string, view };
}

/** Given the referral was sent on Thursday 17 December at 10:00: the screening is with the front door. */
export async function referredCase(api: Api, answers: Record<string, unknown> = {}) {
  const { sam, caseId } = await startedCase(api);
  await api.runClockTo('2026-12-17T10:00:00Z');
  const page = await json(sam.get(`/api/cases/${caseId}`));
  const sent = await sam.post(`/api/cases/${caseId}/tasks/${page.openTasks[0].id}/complete`, { data: referral(answers), actions: [{ action: 'send_referral' }] });
  expect(sent.status).toBe(200);
  const view = await json(sent);
  const dora = await api.signIn('eh_front_door_manager@camden.example');
  return { sam, dora, caseId, screenId: view.openTasks[0].id as string, view };
}
