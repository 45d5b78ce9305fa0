/**
 * The API described: an OpenAPI 3.1 document assembled from the `Paths` each routes file exports
 * (`allPaths` in index.ts), and a human-readable reference page rendered from that same document,
 * so the two cannot disagree. Both are public.
 *
 * index.ts hands the paths over as a function (`openapiRoutes(() => ...)`) rather than this file
 * importing index.ts, which imports this file: a cycle that would break whichever loaded first.
 */
import { Hono } from 'hono';
import packageJson from '../../package.json' with { type: 'json' };
import { SESSION_COOKIE } from '../auth/session.ts';
import type { AppEnv } from '../http/env.ts';
import { errorCodes } from '../http/problem.ts';
import { docsCsp, docsHtml } from './openapi-html.ts';
import type { Operation, Paths } from './openapi-types.ts';
import { responseComponents, withBodies } from './response-schemas.ts';
import type * as Api from './api-types.gen.ts';

export interface ApiDescription {
  paths: Paths;
  /** Routes that answer without a session: their operations carry `security: []`. */
  publicRoutes: Array<Hono<AppEnv>>;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];
const UNSAFE = new Set<Method>(['post', 'put', 'patch', 'delete']);

/** Hono's `/api/cases/:id` (optionally `:id{regex}`) as OpenAPI's `/api/cases/{id}`. */
export const openapiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');

const TAGS: Record<string, string> = {
  Service: 'Whether the server is up.',
  Session: 'Signing in and out. Every other endpoint needs the session cookie; changes also need the CSRF token.',
  Reports: 'Management information for admins and managers: JSON, or CSV with `format=csv`.',
  Audit: 'Each case’s hash-chained audit trail, and a check that nobody has altered it.',
  Outbox: 'E-mails and case-linking jobs waiting to go, sent, or given up on.',
  'API description': 'This description, as OpenAPI and as a page.',
};

const problemSchema = {
  type: 'object',
  description: 'An RFC 9457 problem document. Match on `code`, which is stable; `detail` is for people.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', enum: Object.keys(errorCodes()), 'x-error-codes': errorCodes(), description: 'Stable snake_case code, e.g. `form_invalid`, `stale_version`: one of the listed codes (`x-error-codes` says what each means)' },
    detail: { type: 'string' },
    errors: { type: 'array', description: 'GOV.UK-style field errors', items: { $ref: '#/components/schemas/FieldError' } },
  },
  additionalProperties: true,
};

const fieldErrorSchema = {
  type: 'object',
  required: ['pointer', 'keyword', 'message'],
  properties: {
    pointer: { type: 'string', description: 'JSON pointer to what to correct: `/email` in a body, `/query/status` in a query string, `/headers/idempotency-key` for a request header (`if-match`, `content-type` likewise); for `definition_has_problems`, the path in the definition (`/nodes/3/next`)' },
    keyword: { type: 'string', description: 'The rule that failed (`required`, `enum`, ...)' },
    message: { type: 'string', description: 'Shown in the error summary and beside the field' },
  },
};

export function openapiDocument({ paths, publicRoutes }: ApiDescription) {
  const open = new Set(publicRoutes.flatMap((r) => r.routes).map((r) => `${r.method.toLowerCase()} ${openapiPath(r.path)}`));
  const outPaths: Record<string, Record<string, unknown>> = {};
  const tags = new Set<string>();
  for (const [rawPath, item] of Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = openapiPath(rawPath);
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.tags.forEach((t) => tags.add(t));
      const isOpen = open.has(`${method} ${path}`);
      const keyed = !isOpen && UNSAFE.has(method);
      (outPaths[path] ??= {})[method] = {
        operationId: operationId(method, path),
        ...operation,
        parameters: [...withPathParameters(operation.parameters ?? [], names), ...(keyed ? [idempotencyKeyParameter] : [])],
        responses: withBodies(`${method} ${path}`, withProblems(keyed ? withIdempotencyProblems(operation.responses) : operation.responses)),
        ...(isOpen ? { security: [] } : keyed ? { security: [{ sessionCookie: [], csrfToken: [] }] } : {}),
      };
    }
  }
  return {
    openapi: '3.1.0' as const,
    info: {
      title: 'Stepwise API',
      version: packageJson.version,
      summary: 'Workflow engine for stepping families between children’s social care and Early Help',
      description:
        'Sign in with `POST /api/session`: it sets an HttpOnly session cookie and returns a CSRF token, which every POST, PUT and DELETE must send back in `X-CSRF-Token`. ' +
        'Every error is an `application/problem+json` document with a stable `code` (the Problem schema lists them all, in `x-error-codes` with what each means); every 422 names each field at fault in `errors[]` by JSON pointer (`/query/<name>` for a query parameter). A path asked with a method it does not have answers 405 `method_not_allowed` with `Allow`, signed in or not. People see only their own authority’s records: another authority’s case answers 404, like a missing one. ' +
        'Every signed-in change takes an optional `Idempotency-Key` header, so that retrying it after a lost answer is safe.',
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [...tags].sort().map((name) => ({ name, ...(TAGS[name] ? { description: TAGS[name] } : {}) })),
    security: [{ sessionCookie: [] }],
    paths: outPaths,
    components: {
      schemas: { Problem: problemSchema, FieldError: fieldErrorSchema, ...responseComponents },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by `POST /api/session`; HttpOnly, SameSite=Lax' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The `csrfToken` from sign-in or `GET /api/session`; required on POST, PUT and DELETE' },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openapiDocument>;

/** server/http/idempotency.ts: offered on every signed-in change. */
const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
  description:
    'A fresh key (e.g. a UUID) for each change a person makes, sent again when retrying that change after a lost answer: a retry gets the first answer again (2xx or 4xx, with `Idempotent-Replayed: true`) instead of doing the work twice. ' +
    'Keys are the person’s own and kept for 24 hours. The same key with another request is refused 422 `idempotency_key_reused`; while the first is still running, 409 `request_in_progress`.',
};

/** The refusals the Idempotency-Key adds, added to what an operation already says for 409 and 422. */
function withIdempotencyProblems(responses: Operation['responses']): Operation['responses'] {
  const also: Record<string, string> = {
    '400': 'the Idempotency-Key is not 1 to 255 visible ASCII characters (`idempotency_key_invalid`)',
    '409': 'the same Idempotency-Key is still in progress (`request_in_progress`)',
    '422': 'the Idempotency-Key was used for another request (`idempotency_key_reused`)',
  };
  const out = { ...responses };
  for (const [status, text] of Object.entries(also)) {
    const said = responses[status]?.description.replace(/ \(application\/problem\+json\)$/, '');
    out[status] = { description: said ? `${said}; or ${text} (application/problem+json)` : `Refused: ${text} (application/problem+json)` };
  }
  return out;
}

function operationId(method: string, path: string): string {
  const words = path.replace(/^\/api\//, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** OpenAPI requires every `{name}` in a path to be declared; routes files may leave it implicit. */
function withPathParameters(parameters: NonNullable<Operation['parameters']>, names: string[]) {
  const declared = new Set(parameters.filter((p) => p.in === 'path').map((p) => p.name));
  const missing = names.filter((n) => !declared.has(n)).map((name) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' } }));
  return [...missing, ...parameters.map((p) => (p.in === 'path' ? { ...p, required: true } : p))];
}

/** Every operation can fail on our side; an operation that says more about its 500 keeps its words. */
const serverFault = { description: 'A fault of ours (`internal_error`): check whether the change was stored before retrying, or retry with the same Idempotency-Key (application/problem+json)' };

function withProblems(responses: Operation['responses']) {
  return Object.fromEntries(
    Object.entries({ ...responses, '500': responses['500'] ?? serverFault }).map(([status, response]) => [
      status,
      Number(status) >= 400 ? { ...response, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } : response,
    ]),
  );
}

export function openapiRoutes(describe: () => ApiDescription): Hono<AppEnv> {
  let cached: { json: string; html: string } | undefined;
  // Paths are fixed once the process has loaded its routes files, so both are built once.
  const built = () => {
    if (!cached) {
      const document = openapiDocument(describe());
      cached = { json: JSON.stringify(document satisfies Api.OpenApiDocument), html: docsHtml(document) };
    }
    return cached;
  };
  return new Hono<AppEnv>()
    .get('/api/openapi.json', (c) => c.body(built().json, 200, { 'content-type': 'application/json; charset=utf-8' }))
    .get('/api/docs', (c) => c.html(built().html, 200, { 'content-security-policy': docsCsp }));
}

export const openapiPaths: Paths = {
  '/api/openapi.json': { get: { summary: 'This API as an OpenAPI 3.1 document', tags: ['API description'], responses: { '200': { description: 'The document (JSON)' } } } },
  '/api/docs': { get: { summary: 'This API as a readable reference page', tags: ['API description'], responses: { '200': { description: 'An HTML page' } } } },
};
