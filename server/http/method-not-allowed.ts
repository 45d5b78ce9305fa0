/**
 * A known path asked with a method it does not have answers 405 with `Allow` (RFC 9110 §15.5.6),
 * not 404 "There is nothing at ...": the path exists, and the answer says which methods it has.
 *
 * The table is the app's own routes (every `.get`/`.post`/`.put`/`.delete` registered; middleware,
 * registered for every method, is left out), read once at the first request, when all are in.
 *
 * This runs before the session check, so a signed-out caller gets 405 rather than 401: which
 * methods a path has is public (the OpenAPI document lists them all), so nothing leaks, and "sign
 * in" would be the wrong advice for a request that can never succeed, signed in or not.
 */
import type { MiddlewareHandler } from 'hono';
import { HttpProblem, problemFor, sendProblem } from './problem.ts';

interface RouteLike {
  method: string;
  path: string;
}

/** Hono's `/api/cases/:id` (`:id{regex}`, `:id?`, `*`) as a regular expression over whole paths. */
export function pathPattern(path: string): RegExp {
  const segments = path.split('/').map((segment) => {
    if (segment === '*') return '.*';
    const param = /^:[A-Za-z0-9_]+(\{(.+)\})?(\?)?$/.exec(segment);
    if (param) return `${param[2] ? `(?:${param[2]})` : '[^/]+'}`;
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${segments.join('/')}$`);
}

export function methodsFor(routes: RouteLike[]): (path: string) => string[] {
  const table = routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method.toUpperCase(), pattern: pathPattern(r.path) }));
  return (path) => [...new Set(table.filter((r) => r.pattern.test(path)).map((r) => r.method))];
}

/** HEAD is answered wherever GET is. */
export function allowHeader(methods: string[]): string {
  const all = new Set(methods);
  if (all.has('GET')) all.add('HEAD');
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  return [...all].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(', ');
}

export function methodNotAllowed(routes: () => RouteLike[]): MiddlewareHandler {
  let lookup: ((path: string) => string[]) | undefined;
  return async (c, next) => {
    lookup ??= methodsFor(routes());
    const methods = lookup(c.req.path);
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (methods.length === 0 || methods.includes(method)) return next();
    const allow = allowHeader(methods);
    c.header('Allow', allow);
    return sendProblem(c, problemFor(new HttpProblem(405, 'method_not_allowed', `${c.req.path} does not take ${c.req.method}; it takes ${allow}.`, { allow: allow.split(', ') })));
  };
}
