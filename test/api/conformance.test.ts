/**
 * The OpenAPI document describes every body the API answers, and the check every route test's
 * responses go through (`apiHarness` → test/support/conformance.ts) refuses what it does not.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { responseComponents } from '../../server/routes/response-schemas.ts';
import { checkResponse, conformanceDocument } from '../support/conformance.ts';

type ResponseDoc = { description: string; content?: Record<string, { schema?: Record<string, unknown> }> };
const { document } = conformanceDocument();
const operations = Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, ResponseDoc> }>>).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ label: `${method.toUpperCase()} ${path}`, responses: operation.responses })),
);

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': `${type}; charset=utf-8` } });

describe('the OpenAPI document describes every response body', () => {
  it('Given every operation, Then each success status has a body schema (or none, for 204 and redirects) and each refusal is a Problem', () => {
    expect(operations.length).toBeGreaterThanOrEqual(50);
    const missing: string[] = [];
    for (const { label, responses } of operations) {
      for (const [status, response] of Object.entries(responses)) {
        const code = Number(status);
        if (code === 204 || (code >= 300 && code < 400)) continue;
        const content = Object.entries(response.content ?? {});
        if (content.length === 0 || content.some(([, media]) => !media.schema)) missing.push(`${label} ${status}`);
        if (code >= 400 && !response.content?.['application/problem+json']) missing.push(`${label} ${status}: not a Problem`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('Given the named bodies, Then each is a valid JSON Schema that compiles', () => {
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: 'openapi', components: document.components });
    for (const name of Object.keys(responseComponents)) expect(() => ajv.getSchema(`openapi#/components/schemas/${name}`), name).not.toThrow();
  });

  it('Given the Problem schema, Then every refusal carries field errors as {pointer, keyword, message}', () => {
    const problem = document.components.schemas.Problem as { properties: { errors: { items: { $ref: string } } } };
    expect(problem.properties.errors.items.$ref).toBe('#/components/schemas/FieldError');
    expect(document.components.schemas.FieldError.required).toEqual(['pointer', 'keyword', 'message']);
  });
});

describe('the conformance check', () => {
  it('Given a body as documented, Then it finds nothing', async () => {
    expect(await checkResponse('GET', '/api/health', json(200, { status: 'ok', nextTimerAt: null }))).toEqual([]);
  });

  it('Given a status the operation does not document, Then it says so', async () => {
    const findings = await checkResponse('GET', '/api/health', json(418, { type: 'about:blank', title: 'Teapot', status: 418, code: 'teapot' }, 'application/problem+json'));
    expect(findings).toEqual([expect.objectContaining({ operation: 'GET /api/health', status: 418, problem: expect.stringMatching(/not documented/) })]);
  });

  it('Given a success body of another shape, Then it names the field that differs', async () => {
    const findings = await checkResponse('GET', '/api/session', json(200, { user: { id: 'x' }, csrfToken: 7 }));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.problem).join('\n')).toMatch(/body\/csrfToken|body\/user/);
  });

  it('Given a body whose shared part (a component reached by $ref) is of another shape, Then it names the field inside it', async () => {
    const task = {
      caseId: 'c1', reference: 'C1', taskId: 't1', familyName: 'Smith', name: 'Screen', node: 'screen', stage: null,
      definition: { id: 'd', name: 'D' }, assignee: { kind: 'team', id: 'mash', name: 'MASH' }, via: 'team', priority: 'normal',
      due: null, dueLabel: null, overdue: false, dueTag: null, canTake: false, createdAt: '2026-01-05T09:00:00Z',
    };
    const work = (tasks: unknown[]) => ({ tasks, counts: { total: 1, mine: 0, teams: 1, roles: 0, overdue: 0 }, teams: [], roles: [] });
    expect(await checkResponse('GET', '/api/work', json(200, work([task])))).toEqual([]);
    const findings = await checkResponse('GET', '/api/work', json(200, work([{ ...task, dueTag: { kind: 'soon' }, assignee: { kind: 'team', id: 'mash' } }])));
    const problems = findings.map((f) => f.problem).join('\n');
    expect(problems).toMatch(/body\/tasks\/0\/assignee must have required property 'name'/);
    expect(problems).toMatch(/body\/tasks\/0\/dueTag/);
  });

  it('Given a refusal that is not a Problem, Then it says so', async () => {
    const findings = await checkResponse('GET', '/api/cases/abc', json(404, { message: 'nope' }, 'application/problem+json'));
    expect(findings.map((f) => f.problem).join('\n')).toMatch(/required property 'code'|must have required property/);
  });

  it('Given a path with a literal segment and a parameter at the same place, Then the literal operation is the one checked', async () => {
    const findings = await checkResponse('GET', '/api/definitions/x/migrations/plan?from=1', json(200, { surely: 'not a plan' }));
    expect(findings[0]?.operation).toBe('GET /api/definitions/{id}/migrations/plan');
  });
});
