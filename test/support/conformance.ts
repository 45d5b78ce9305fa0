/**
 * Checks a response against the OpenAPI document: the operation is described, the status is one
 * it documents, and a JSON body matches the schema documented for that status. `apiHarness` runs
 * every response of every route test through `checkResponse`, so a route that starts answering
 * something its description does not say fails the test that saw it.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { allPaths, publicRoutes } from '../../server/routes/index.ts';
import { openapiDocument } from '../../server/routes/openapi.ts';

type Schema = Record<string, unknown>;
type ResponseDoc = { description: string; content?: Record<string, { schema?: Schema }> };
type OperationDoc = { operationId: string; responses: Record<string, ResponseDoc> };

export type Finding = { operation: string; status: number; problem: string };

let built: ReturnType<typeof build> | undefined;

function build() {
  const document = openapiDocument({ paths: allPaths, publicRoutes });
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components }, 'openapi');
  const routes = Object.entries(document.paths as Record<string, Record<string, OperationDoc>>).map(([path, item]) => ({
    path,
    // `{id}` matches one segment; literal segments win over parameters (sorted below).
    pattern: new RegExp('^' + path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$'),
    literal: path.replace(/\{[^}]+\}/g, '').length,
    item,
  }));
  routes.sort((a, b) => b.literal - a.literal);
  const validators = new Map<string, ReturnType<Ajv2020['compile']>>();
  const validator = (key: string, schema: Schema) => {
    let v = validators.get(key);
    if (!v) {
      v = ajv.compile(rewriteRefs(schema) as Schema);
      validators.set(key, v);
    }
    return v;
  };
  return { document, routes, validator };
}

/** `#/components/schemas/X` inside a response schema, resolved against the registered document. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi${v}` : rewriteRefs(v)]),
    );
  }
  return value;
}

export function conformanceDocument() {
  return (built ??= build());
}

/** Finds the documented operation for a method and URL, or undefined when the path is not described. */
export function findOperation(method: string, url: string) {
  const { routes } = conformanceDocument();
  const path = new URL(url, 'http://localhost').pathname;
  const route = routes.find((r) => r.pattern.test(path));
  if (!route) return undefined;
  return { path: route.path, operation: route.item[method.toLowerCase()] };
}

export const counts = { checked: 0, skipped: 0, failures: 0 };

/** What is wrong with this response, by the document; [] when it conforms. */
export async function checkResponse(method: string, url: string, response: Response): Promise<Finding[]> {
  const findings = await check(method, url, response);
  counts.failures += findings.length;
  if (findings.length) log({ findings });
  return findings;
}

async function check(method: string, url: string, response: Response): Promise<Finding[]> {
  const found = findOperation(method, url);
  const status = response.status;
  const label = `${method.toUpperCase()} ${found?.path ?? new URL(url, 'http://localhost').pathname}`;
  const bodies = process.env.STEPWISE_CONFORMANCE_BODIES && /json/.test(response.headers.get('content-type') ?? '') ? { body: (await response.clone().text()).slice(0, 50000) } : {};
  log({ method: method.toUpperCase(), path: found?.path, url, status, type: response.headers.get('content-type'), ...bodies });
  // Paths the document does not describe (the web app's pages, unknown URLs) are not the API's contract.
  if (!found) return (counts.skipped++, []);
  const { operation } = found;
  if (!operation) {
    // A method the path does not have: the answer must be a documented refusal shape.
    counts.checked++;
    return status === 405 || status === 404 || status === 401 || status === 403 ? checkProblem(label, response) : [{ operation: label, status, problem: 'no such operation, yet not refused' }];
  }
  counts.checked++;
  const documented = operation.responses[String(status)];
  if (!documented) return [{ operation: label, status, problem: `status ${status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})` }];
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const content = documented.content ?? {};
  if (status === 204 || status === 304 || (status >= 300 && status < 400)) return [];
  if (!content[type]) {
    if (!type && !content || Object.keys(content).length === 0) return [];
    return [{ operation: label, status, problem: `content-type ${type || '(none)'} is not documented (documented: ${Object.keys(content).join(', ') || 'none'})` }];
  }
  const schema = content[type]!.schema;
  if (!schema || !/json$/.test(type)) return [];
  const text = await response.clone().text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [{ operation: label, status, problem: `body is not JSON: ${text.slice(0, 80)}` }];
  }
  const validate = conformanceDocument().validator(`${operation.operationId} ${status} ${type}`, schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => ({ operation: label, status, problem: `body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}` }));
}

async function checkProblem(label: string, response: Response): Promise<Finding[]> {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (type !== 'application/problem+json') return [{ operation: label, status: response.status, problem: `refusal is ${type || 'untyped'}, not problem+json` }];
  const validate = conformanceDocument().validator('Problem', { $ref: '#/components/schemas/Problem' });
  const body = await response.clone().json();
  return validate(body) ? [] : [{ operation: label, status: response.status, problem: `problem body${validate.errors?.[0]?.instancePath} ${validate.errors?.[0]?.message}` }];
}

/** With STEPWISE_CONFORMANCE_LOG=<file>, every response checked is appended as a JSON line (for the counts). */
function log(entry: Record<string, unknown>) {
  const file = process.env.STEPWISE_CONFORMANCE_LOG;
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, JSON.stringify(entry) + '\n');
}

export function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.operation} → ${f.status}: ${f.problem}`).join('\n');
}
