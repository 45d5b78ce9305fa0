/** Liveness for load balancers: the store answers, and when the next timer is due. */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { Paths } from './openapi-types.ts';
import type * as Api from './api-types.gen.ts';

export const healthRoutes = new Hono<AppEnv>().get('/api/health', async (c) => {
  const nextTimerAt = await c.get('deps').store.nextTimerAt();
  return c.json({ status: 'ok', nextTimerAt } satisfies Api.Health);
});

export const healthPaths: Paths = {
  '/api/health': { get: { summary: 'Health check', tags: ['Service'], responses: { '200': { description: 'The server and its store answer' } } } },
};
