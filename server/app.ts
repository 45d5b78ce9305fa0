/**
 * Builds the Hono app from injected parts (store, runner, clock, config). Nothing here reads the
 * environment or opens a port: `main.ts` does that, and tests call `app.request()` directly.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { requireSession } from './auth/session.ts';
import type { AppDeps, AppEnv } from './http/env.ts';
import { idempotency } from './http/idempotency.ts';
import { methodNotAllowed } from './http/method-not-allowed.ts';
import { errorFields, silentLogger } from './http/logger.ts';
import { HttpProblem, problemFor, sendProblem } from './http/problem.ts';
import { watchRefusals } from './http/refusals.ts';
import { storeProblem } from './http/store-problem.ts';
import { StoreError } from './store/index.ts';
import { apiRoutes, publicRoutes } from './routes/index.ts';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const logger = deps.logger ?? silentLogger;
  app.onError((error, c) => {
    const problem = error instanceof StoreError ? storeProblem(error) : problemFor(error);
    // Ids only: the path, never the query string or the error's message (logger.ts).
    if (problem.status >= 500) logger.error({ event: 'server_error', status: problem.status, code: problem.code, method: c.req.method, path: c.req.path, user: c.get('user')?.id, err: errorFields(error) }, 'server error');
    return sendProblem(c, problem);
  });
  app.notFound((c) => sendProblem(c, problemFor(new HttpProblem(404, 'not_found', `There is nothing at ${c.req.path}.`))));
  app.use('*', secureHeaders());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // Before the session check: a known path asked with a method it lacks is 405 for everyone.
  app.use('*', methodNotAllowed(() => app.routes));
  // Definitions are large documents (Camden's is ~225 KB); everything else is a form or a command.
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => sendProblem(c, problemFor(new HttpProblem(413, 'body_too_large', `The request body is larger than ${maxSize} bytes.`, { limit: maxSize }))),
    });
  const definitionLimit = limit(deps.config.definitionBodyLimit);
  const formLimit = limit(deps.config.bodyLimit);
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/definitions') ? definitionLimit(c, next) : formLimit(c, next)));
  for (const route of publicRoutes) app.route('/', route);
  app.use('/api/*', requireSession);
  app.use('/api/*', watchRefusals);
  // Inside watchRefusals: a replayed refusal is a fresh attempt, and is recorded as one.
  app.use('/api/*', idempotency);
  for (const route of apiRoutes) app.route('/', route);
  return app;
}
