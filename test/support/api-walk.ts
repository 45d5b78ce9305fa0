/**
 * For the API walks (test/api/<authority>.test.ts), which take one family through a protocol
 * step by step, each step done by the demo person the protocol names: the harness, and finding
 * and completing a task the way that person would.
 */
import { expect } from 'vitest';
import { apiHarness, type Api } from './api.ts';

export type Client = Awaited<ReturnType<Api['signIn']>>;
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The API harness with its clock at `start`. Sessions outlive the simulated weeks and months, so each person signs in once for the whole walk. */
export const walkHarness = (start: string): Promise<Api> => apiHarness(start, { sessionLifetimeMs: 400 * 24 * 3600 * 1000 });

/** The open task at `node`, as the person's own inbox (or a tray, at `path`) shows it. */
export async function inInbox(client: Client, caseId: string, node: string, path = '/api/work'): Promise<Json> {
  const work = (await (await client.get(path)).json()) as { tasks: Json[] };
  const task = work.tasks.find((t) => t.caseId === caseId && t.node === node);
  expect(task, `${node} in ${client.user.id}'s ${path}`).toBeDefined();
  return task!;
}

/** Posts the completion of a task, whatever the answer. */
export const submit = (client: Client, caseId: string, taskId: string, data: Json, ...actions: Json[]) =>
  client.post(`/api/cases/${caseId}/tasks/${taskId}/complete`, { data, actions });

/** Completes a task, which must succeed; the case as the response shows it. */
export async function complete(client: Client, caseId: string, taskId: string, data: Json, ...actions: Json[]): Promise<Json> {
  const response = await submit(client, caseId, taskId, data, ...actions);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return (await response.json()) as Json;
}

/** The open task at `node` on the case page, which everyone in the authority may open. */
export async function onCasePage(client: Client, caseId: string, node: string): Promise<Json> {
  const page = (await (await client.get(`/api/cases/${caseId}`)).json()) as { openTasks: Json[] };
  const task = page.openTasks.find((t) => t.node === node);
  expect(task, `${node} open`).toBeDefined();
  return task!;
}
