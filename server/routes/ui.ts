/**
 * The workspace in the browser: what `npm run build` puts in designer/dist. Hashed files under
 * /assets/ are served as they are and cached for a year; any other GET that is not the API
 * answers with index.html, so a deep link (/cases/c-1/tasks/t-2) opens the app at that page.
 * /api/* is never answered here. Without a build, pages answer 503 with a problem saying how
 * to make one. Registered as middleware (method ALL), so it stays out of the API description.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { HttpProblem } from '../http/problem.ts';

const DIST = fileURLToPath(new URL('../../designer/dist/', import.meta.url));

/** The app loads only its own files; nothing inline, nothing from elsewhere, never framed. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

export function createUiRoutes(dist: string = DIST): Hono<AppEnv> {
  let assets: MiddlewareHandler | undefined;
  return new Hono<AppEnv>().use('*', async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || isApi(c.req.path)) return next();
    let html: string;
    try {
      html = await readFile(join(dist, 'index.html'), 'utf8');
    } catch {
      throw new HttpProblem(503, 'ui_not_built', 'The workspace has not been built yet. Run `npm run build`, then reload this page.');
    }
    if (c.req.path.startsWith('/assets/')) {
      // Made once the build exists, since serveStatic complains about a missing folder.
      assets ??= serveStatic({ root: dist });
      const found = await assets(c, next);
      // Names carry a content hash, so a file found never changes; one not found is a 404 problem.
      if (found instanceof Response) found.headers.set('cache-control', 'public, max-age=31536000, immutable');
      return found;
    }
    c.header('cache-control', 'no-cache');
    c.header('content-security-policy', CSP);
    return c.html(html);
  });
}

export const uiRoutes = createUiRoutes();
