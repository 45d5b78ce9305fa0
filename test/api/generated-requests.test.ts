/**
 * Requests generated from the API's own description (`GET /api/openapi.json`), for every
 * operation, as an admin, a practitioner and a signed-out caller: path parameters from real ids
 * and from junk, query parameters from their documented schemas and outside them, bodies from the
 * request schemas and outside them (any JSON, broken JSON, the wrong content type). Whatever is
 * sent, the server must answer without a 5xx, with a status the document lists for that
 * operation, and refuse with a problem+json whose `code` is one of the listed codes (a 422 always
 * with `errors[]`).
 *
 * STEPWISE_FUZZ_RUNS sets the requests per operation and caller (default 20); fast-check prints
 * the seed and the shrunk request of any failure, to replay it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camdenStart } from '../../server/routes/case-test-support.ts';
import { apiHarness, type Api } from '../support/api.ts';

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required?: boolean; schema: Schema };
type OperationDoc = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, unknown>;
};
type Document = { paths: Record<string, Record<string, OperationDoc>>; components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } } };

const RUNS = Number(process.env.STEPWISE_FUZZ_RUNS ?? 20);
const CALLERS = ['admin', 'practitioner', 'signed-out'] as const;
type Caller = (typeof CALLERS)[number];

let api: Api;
let document: Document;
let codes: Set<string>;
const sessions = new Map<Caller, { cookie: string; csrfToken: string } | null>();
const EMAILS: Record<Exclude<Caller, 'signed-out'>, string> = { admin: 'admin@camden.example', practitioner: 'social_worker@camden.example' };
/** Real ids by the path segment before the parameter: `/cases/{id}` draws case ids. */
const known: Record<string, string[]> = {};
const tally = { requests: 0, byCaller: { admin: 0, practitioner: 0, 'signed-out': 0 } as Record<Caller, number>, statuses: {} as Record<string, number>, signedInAgain: 0 };

async function signIn(caller: Exclude<Caller, 'signed-out'>) {
  const client = await api.signIn(EMAILS[caller]);
  sessions.set(caller, { cookie: client.cookie, csrfToken: client.csrfToken });
  return client;
}

beforeAll(async () => {
  api = await apiHarness('2026-12-16T09:00:00Z', { sessionLifetimeMs: 60 * 24 * 3600 * 1000 });
  document = (await (await api.app.request('/api/openapi.json')).json()) as Document;
  codes = new Set(document.components.schemas.Problem.properties.code.enum);
  const admin = await signIn('admin');
  const sam = await signIn('practitioner');
  sessions.set('signed-out', null);
  const started = (await (await sam.post('/api/cases', camdenStart)).json()) as { id: string; openTasks: Array<{ id: string }> };
  const definitions = (await (await admin.get('/api/definitions')).json()) as { definitions: Array<{ id: string }> };
  const camden = JSON.parse(readFileSync(new URL('../../definitions/camden.json', import.meta.url), 'utf8')) as { teams: Array<{ id: string }> };
  const teams = camden.teams.map((t) => t.id);
  const people = (await (await admin.get('/api/people')).json()) as { people?: Array<{ id: string }> };
  const callers = new Set([admin.user.id, sam.user.id]);
  known['cases'] = [started.id];
  known['tasks'] = started.openTasks.map((t) => t.id);
  known['definitions'] = definitions.definitions.map((d) => d.id);
  known['trays'] = teams;
  // Never the callers themselves: a generated PATCH that disables them would end the run's sessions for good.
  known['people'] = (people.people ?? []).map((p) => p.id).filter((id) => !callers.has(id));
  known['sso'] = ['camden', 'clinic'];
  known['webhooks'] = ['wh-1'];
}, 120_000);

afterAll(async () => {
  console.log(`generated requests: ${tally.requests} (${CALLERS.map((c) => `${c} ${tally.byCaller[c]}`).join(', ')}); statuses ${JSON.stringify(tally.statuses)}; signed in again after a 401: ${tally.signedInAgain}`);
  await api?.close();
});

/** A value for a JSON Schema: inside it mostly, with depth and sizes kept small. */
function arbitraryFor(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object' || depth > 5) return fc.jsonValue({ maxDepth: 2 });
  const s = schema as Schema;
  if (typeof s['$ref'] === 'string') return arbitraryFor(resolve(s['$ref']), depth + 1);
  if (s['const'] !== undefined) return fc.constant(s['const']);
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return fc.constantFrom(...(s['enum'] as unknown[]));
  const choices = (s['oneOf'] ?? s['anyOf']) as unknown[] | undefined;
  if (Array.isArray(choices) && choices.length > 0) return fc.oneof(...choices.map((c) => arbitraryFor({ ...s, oneOf: undefined, anyOf: undefined, ...(c as Schema) }, depth + 1)));
  const type = Array.isArray(s['type']) ? (s['type'] as string[])[0] : (s['type'] as string | undefined);
  const num = (key: string) => (typeof s[key] === 'number' ? (s[key] as number) : undefined);
  switch (type ?? (s['properties'] ? 'object' : undefined)) {
    case 'string':
      return stringFor(s);
    case 'integer':
      return fc.integer({ min: num('minimum') ?? -5, max: Math.min(num('maximum') ?? 1000, 1_000_000) });
    case 'number':
      return fc.double({ min: num('minimum') ?? -1000, max: num('maximum') ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(s['items'], depth + 1), { minLength: Math.min(num('minItems') ?? 0, 3), maxLength: Math.max(Math.min(num('maxItems') ?? 3, 3), Math.min(num('minItems') ?? 0, 3)) });
    case 'object': {
      const properties = (s['properties'] ?? {}) as Record<string, unknown>;
      const names = Object.keys(properties);
      if (names.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      const required = new Set(((s['required'] ?? []) as string[]).filter((n) => names.includes(n)));
      return fc.record(Object.fromEntries(names.map((n) => [n, arbitraryFor(properties[n], depth + 1)])), { requiredKeys: [...required] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(s: Schema): fc.Arbitrary<string> {
  const max = Math.min(typeof s['maxLength'] === 'number' ? s['maxLength'] : 40, 40);
  const min = Math.min(typeof s['minLength'] === 'number' ? s['minLength'] : 0, max);
  switch (s['format']) {
    case 'date':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (typeof s['pattern'] === 'string') {
    try {
      return fc.stringMatching(new RegExp(s['pattern'])).filter((v) => v.length <= 200);
    } catch {
      // A pattern fast-check cannot invert: any short string.
    }
  }
  return fc.string({ minLength: min, maxLength: max });
}

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), document);
}

const junk = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', '0', '-1', 'null', 'x'.repeat(300), '%', '../x', 'ü', '1e999'));

/** A path parameter: a real id of its kind, another kind's id, or junk (never empty: `/auth/sso/` is another page). */
function pathValue(path: string, name: string): fc.Arbitrary<string> {
  const segments = path.split('/');
  const before = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
  const kind = before === 'sso' ? 'sso' : before;
  const own = known[kind] ?? [];
  const any = Object.values(known).flat();
  return fc.oneof(
    { arbitrary: own.length ? fc.constantFrom(...own) : junk, weight: 4 },
    { arbitrary: any.length ? fc.constantFrom(...any) : junk, weight: 1 },
    { arbitrary: junk.filter((v) => !['', '.', '..'].includes(v)), weight: 2 },
  );
}

/** A query value: by its schema, a real id, or anything. */
const queryValue = (schema: Schema) => fc.oneof({ arbitrary: arbitraryFor(schema).map(String), weight: 4 }, { arbitrary: fc.constantFrom(...Object.values(known).flat(), 'me'), weight: 1 }, { arbitrary: junk, weight: 2 });

type Generated = { caller: Caller; path: string; query: Array<[string, string]>; body?: { type: string; text: string } };

function requestFor(path: string, operation: OperationDoc): fc.Arbitrary<Generated> {
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const filled = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(path, p.name)])) as Record<string, fc.Arbitrary<string>>);
  const query = fc
    .tuple(
      ...queryParams.map((p) => fc.option(queryValue(p.schema), { nil: undefined, freq: p.required ? 6 : 2 }).map((v) => (v === undefined ? [] : [[p.name, v] as [string, string]]))),
      // Outside the document: an unknown parameter, or one given twice.
      fc.oneof({ arbitrary: fc.constant([] as Array<[string, string]>), weight: 6 }, { arbitrary: fc.constant([['colour', 'red']] as Array<[string, string]>), weight: 1 }, { arbitrary: queryParams.length ? fc.constantFrom(...queryParams.map((p) => [[p.name, '1'], [p.name, '2']] as Array<[string, string]>)) : fc.constant([] as Array<[string, string]>), weight: 1 }),
    )
    .map((parts) => parts.flat());
  const schema = operation.requestBody?.content['application/json']?.schema;
  const otherType = operation.requestBody ? Object.keys(operation.requestBody.content).find((t) => t !== 'application/json') : undefined;
  const body: fc.Arbitrary<Generated['body']> = !operation.requestBody
    ? fc.constant(undefined)
    : fc.oneof(
        { arbitrary: (schema ? arbitraryFor(schema) : fc.jsonValue()).map((v) => ({ type: otherType ?? 'application/json', text: otherType ? String(v) : JSON.stringify(v) })), weight: 6 },
        { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ type: 'application/json', text: JSON.stringify(v) })), weight: 2 },
        { arbitrary: fc.constantFrom('{"a":', '', 'null', '[]', '\u0000').map((text) => ({ type: 'application/json', text })), weight: 1 },
        { arbitrary: fc.string({ maxLength: 30 }).map((text) => ({ type: 'text/plain', text })), weight: 1 },
      );
  return fc.record({ caller: fc.constantFrom(...CALLERS), params: filled, query, body }).map(({ caller, params, query: q, body: b }) => ({
    caller,
    path: path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? '')),
    query: q,
    ...(b ? { body: b } : {}),
  }));
}

async function send(method: string, request: Generated): Promise<Response> {
  const url = request.path + (request.query.length ? `?${new URLSearchParams(request.query).toString()}` : '');
  const session = sessions.get(request.caller);
  const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {};
  if (request.body) headers['content-type'] = request.body.type;
  return api.app.request(url, { method: method.toUpperCase(), headers, ...(request.body ? { body: request.body.text } : {}) });
}

/** What is wrong with an answer, by the document; '' when nothing. */
async function judge(operation: OperationDoc, response: Response): Promise<string> {
  const status = response.status;
  if (status >= 500) return `5xx: ${status} ${await response.text()}`;
  if (!operation.responses[String(status)]) return `status ${status} is not documented (documented: ${Object.keys(operation.responses).join(', ')}): ${(await response.text()).slice(0, 300)}`;
  if (status < 400) return '';
  const type = (response.headers.get('content-type') ?? '').split(';')[0];
  if (type !== 'application/problem+json') return `refusal ${status} is ${type}, not application/problem+json`;
  const problem = (await response.json()) as { code?: string; errors?: unknown };
  if (!codes.has(problem.code ?? '')) return `code ${problem.code} is not one of the document's codes`;
  if (status === 422 && !(Array.isArray(problem.errors) && problem.errors.every((e) => typeof (e as { pointer?: unknown }).pointer === 'string'))) return `422 ${problem.code} has no errors[] with pointers`;
  return '';
}

describe('Given requests generated from /api/openapi.json for every operation, as an admin, a practitioner and a signed-out caller', () => {
  const operations = () => Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })));

  it('Then the document describes operations to generate from, each with the statuses it answers', () => {
    expect(operations().length).toBeGreaterThanOrEqual(50);
    for (const { operation } of operations()) expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
  });

  it('Then no answer is a 5xx or a status the document does not list for that operation, and every refusal is a listed problem', async () => {
    const failures: string[] = [];
    for (const { path, method, operation } of operations()) {
      // The sign-in throttle is per address: generated sign-ins use their own addresses, never the callers'.
      await fc.assert(
        fc.asyncProperty(requestFor(path, operation), async (request) => {
          const response = await send(method, request);
          tally.requests++;
          tally.byCaller[request.caller]++;
          tally.statuses[response.status] = (tally.statuses[response.status] ?? 0) + 1;
          const wrong = await judge(operation, response.clone());
          // A generated change may have ended the caller's session (signing out, changing a role): sign in again.
          if (response.status === 401 && request.caller !== 'signed-out') {
            tally.signedInAgain++;
            await signIn(request.caller);
          }
          if (wrong) failures.push(`${method.toUpperCase()} ${path} as ${request.caller}: ${wrong} (sent ${JSON.stringify(request).slice(0, 400)})`);
          return wrong === '';
        }),
        { numRuns: RUNS * CALLERS.length, endOnFailure: true },
      ).catch(() => undefined);
    }
    expect([...new Set(failures)]).toEqual([]);
  }, 600_000);
});
