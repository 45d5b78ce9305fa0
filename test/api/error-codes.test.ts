/**
 * One list of error codes (server/http/problem.ts), published in the document: every code a
 * route or middleware can throw is on it, and every 422 carries `errors[]` with JSON pointers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Refusal } from '../../engine/index.ts';
import { errorCodes, HttpProblem, problemFor } from '../../server/http/problem.ts';
import { allPaths, publicRoutes } from '../../server/routes/index.ts';
import { openapiDocument } from '../../server/routes/openapi.ts';

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });

describe('Given the list of error codes', () => {
  it('Then every code thrown in the server (HttpProblem, SsoRefusal) is on it', () => {
    const listed = errorCodes();
    const thrown = new Set<string>();
    for (const file of sources(serverDir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/new (?:HttpProblem|SsoRefusal)\(\s*\d+,\s*'([a-z_]+)'/g)) thrown.add(m[1]!);
    }
    expect(thrown.size).toBeGreaterThan(20);
    expect([...thrown].filter((code) => !(code in listed))).toEqual([]);
    expect(Object.keys(listed)).not.toContain('query_invalid');
  });

  it('Then the document publishes it: the Problem schema’s `code` is an enum of them, each explained in `x-error-codes`', () => {
    const document = openapiDocument({ paths: allPaths, publicRoutes });
    const code = document.components.schemas.Problem.properties.code as { enum: string[]; 'x-error-codes': Record<string, string> };
    expect(code.enum).toEqual(Object.keys(errorCodes()));
    expect(code.enum).toEqual(expect.arrayContaining(['request_invalid', 'pass_to_not_allowed', 'method_not_allowed', 'form_invalid']));
    for (const c of code.enum) expect(code['x-error-codes'][c]).toMatch(/\w/);
  });
});

describe('Given refusals that name no field themselves', () => {
  it('Then pass_to_not_allowed points at the action’s passTo, keeping its own details at the top level', () => {
    const problem = problemFor(new Refusal('pass_to_not_allowed', '"Send" cannot be passed to Mars.', { index: 1, passTo: { team: 'mars' } }));
    expect(problem).toMatchObject({ status: 422, code: 'pass_to_not_allowed', index: 1, passTo: { team: 'mars' }, errors: [{ pointer: '/actions/1/passTo', keyword: 'pass_to_not_allowed', message: '"Send" cannot be passed to Mars.' }] });
  });

  it('Then a reassignment’s refusal points at /to/team or /to/worker, and `to` stays where it was', () => {
    expect(problemFor(new Refusal('pass_to_not_allowed', 'There is no such team in this protocol.', { to: { team: 'mars' } }))).toMatchObject({ to: { team: 'mars' }, errors: [{ pointer: '/to/team' }] });
    expect(problemFor(new Refusal('unknown_worker', 'No one.', { worker: 'x' }))).toMatchObject({ worker: 'x', errors: [{ pointer: '/to/worker' }] });
  });

  it('Then other engine 422s get errors[] too (the whole request: pointer ""), field errors are kept as they are, and 403/409 refusals are unchanged', () => {
    expect(problemFor(new Refusal('scheduled_date_required', 'Enter a date.', { index: 0 }))).toMatchObject({ errors: [{ pointer: '/actions/0/scheduledFor' }] });
    expect(problemFor(new Refusal('unknown_entry', 'No such way in.'))).toMatchObject({ errors: [{ pointer: '', keyword: 'unknown_entry', message: 'No such way in.' }] });
    expect(problemFor(new HttpProblem(422, 'request_invalid', 'Bad.', { errors: [{ pointer: '/query/limit', keyword: 'pattern', message: 'x' }] }))).toMatchObject({ errors: [{ pointer: '/query/limit' }] });
    const form = problemFor(new Refusal('form_invalid', 'Correct.', { fieldErrors: [{ pointer: '/a', keyword: 'required', message: 'Enter a' }] }));
    expect(form.errors).toEqual([{ pointer: '/a', keyword: 'required', message: 'Enter a' }]);
    expect(problemFor(new Refusal('not_allowed', 'No.'))).not.toHaveProperty('errors');
    expect(problemFor(new Refusal('stale_version', 'Changed.'))).not.toHaveProperty('errors');
  });
});

describe('Given the documented query parameters', () => {
  const document = openapiDocument({ paths: allPaths, publicRoutes }) as unknown as { paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; required?: boolean; schema: Record<string, unknown>; description?: string }> }>> };
  const param = (path: string, method: string, name: string) => document.paths[path]![method]!.parameters.find((p) => p.name === name && p.in === 'query')!;

  it('Then they state the rules the routes run: ids non-empty, limit a number from 1 to 500, value checks described, from required on the migration plan', () => {
    for (const name of ['stage', 'team', 'definition', 'worker']) {
      expect(param('/api/cases', 'get', name).schema).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
      expect(param('/api/cases', 'get', name).description).toMatch(/otherwise 422/);
    }
    const limit = param('/api/cases', 'get', 'limit').schema;
    const pattern = new RegExp(String(limit['pattern']));
    expect(['1', '99', '500'].every((v) => pattern.test(v))).toBe(true);
    expect(['abc', '0', '501', ''].some((v) => pattern.test(v))).toBe(false);
    expect(param('/api/definitions/{id}/migrations/plan', 'get', 'from').required).toBe(true);
    expect(param('/api/definitions/{id}/migrations/plan', 'get', 'to').required).toBeFalsy();
    expect(param('/api/work', 'get', 'team').schema).toMatchObject({ minLength: 1 });
    expect(param('/api/trays/{team}', 'get', 'sort').schema).toMatchObject({ enum: ['due', 'priority', 'created'] });
    expect(param('/api/cases/{id}/subject-access/export', 'get', 'format').required).toBe(true);
  });
});
