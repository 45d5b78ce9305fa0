/**
 * Every JSON body a route sends is checked against its documented type when it is compiled:
 * `c.json(body satisfies Api.CaseView)`, the type generated from response-schemas.ts into
 * api-types.gen.ts. The compiler checks each body that says so; this test finds the ones that do
 * not, by file and line, so a new route cannot send an undocumented shape without anyone noticing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../test/support/conformance.ts';
import type * as Api from './api-types.gen.ts';

const routesDir = fileURLToPath(new URL('.', import.meta.url));

/** `satisfies Api.X` (or `Api.X | Api.Y`) at the end of a body. */
const TYPED = /\bsatisfies\s+Api\.\w+(\s*\|\s*Api\.\w+)*$/;

/** Where `from` (just inside a call's parenthesis) ends its first argument: at a top-level `,` or `)`. */
function endOfFirstArgument(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      // Skip the string, escapes included.
      for (i++; i < source.length && source[i] !== ch; i++) if (source[i] === '\\') i++;
    } else if (source.startsWith('//', i)) {
      i = source.indexOf('\n', i);
    } else if (source.startsWith('/*', i)) {
      i = source.indexOf('*/', i) + 1;
    } else if ('([{'.includes(ch)) {
      depth++;
    } else if (')]}'.includes(ch)) {
      if (depth === 0) return i;
      depth--;
    } else if (ch === ',' && depth === 0) {
      return i;
    }
  }
  return source.length;
}

/** Each `c.json(...)` in `source` whose body does not end in `satisfies Api.<type>`, by line. */
function untypedBodies(source: string): Array<{ line: number; body: string }> {
  const found: Array<{ line: number; body: string }> = [];
  for (const call of source.matchAll(/\bc\.json\(/g)) {
    const start = call.index + call[0].length;
    const body = source.slice(start, endOfFirstArgument(source, start)).trim();
    if (!TYPED.test(body)) found.push({ line: source.slice(0, call.index).split('\n').length, body });
  }
  return found;
}

describe('route response bodies', () => {
  it('each JSON body a route sends is checked against its documented type (`c.json(body satisfies Api.X)`)', async () => {
    const files = (await readdir(routesDir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
    const untyped: string[] = [];
    let checked = 0;
    for (const file of files) {
      const source = await readFile(`${routesDir}${file}`, 'utf8');
      checked += source.match(/\bc\.json\(/g)?.length ?? 0;
      for (const { line, body } of untypedBodies(source)) untyped.push(`server/routes/${file}:${line}: c.json(${body.slice(0, 60)}…)`);
    }
    expect(untyped).toEqual([]);
    // The routes send more than forty JSON bodies: finding none means this test looks in the wrong place.
    expect(checked).toBeGreaterThan(40);
  });

  it('names a body sent without its type, with its line, and accepts one sent with it', () => {
    const source = [
      "app.get('/a', (c) => c.json({ id: 1 } satisfies Api.Named))",
      "  .get('/b', (c) => c.json({ id: 'x', // a comment, with a comma",
      "    name: f(1, 2) }, 201))",
      "  .get('/c', (c) => c.json(report satisfies Api.OpenCasesReport | Api.TasksReport, 200))",
      "  .get('/d', (c) => c.json(`a, b` as never))",
    ].join('\n');
    expect(untypedBodies(source)).toEqual([
      { line: 2, body: "{ id: 'x', // a comment, with a comma\n    name: f(1, 2) }" },
      { line: 5, body: '`a, b` as never' },
    ]);
  });
});

/**
 * Bodies the routes build that the document refused until the compiler compared them: no route
 * test had produced one, so the conformance check had never seen them. Each is typed as its
 * documented body, and must also pass the published schema.
 */
describe('bodies the compiler found the document refusing', () => {
  const at = '2026-12-07T10:00:00.000Z';
  const conforms = async (path: string, body: unknown) => expect(await checkResponse('GET', path, Response.json(body))).toEqual([]);

  it('Given an outbox holding a job that links cases, Then it is listed without an e-mail’s fields', async () => {
    const outbox: Api.Outbox = {
      authority: 'camden',
      counts: { pending: 1 },
      total: 1,
      truncated: false,
      messages: [{ id: 'm1', kind: 'start_subflow', caseId: 'c1', status: 'pending', attempts: 0, createdAt: at, availableAt: at, doneAt: null, lastError: null }],
    };
    await conforms('/api/outbox', outbox);
  });

  it('Given a case waiting at a join the new version lacks, Then its blocker names no task or timer', async () => {
    const plan: Api.MigrationPlan = {
      definition: 'd',
      from: 1,
      to: 2,
      cases: [{ caseId: 'c1', version: 4, migratable: false, blockers: [{ code: 'join_node_missing', node: 'both_done' }] }],
      summary: { cases: 1, migratable: 0, blocked: 1 },
    };
    await conforms('/api/definitions/d/migrations/plan', plan);
  });

  it('Given two of three tasks met, Then the timescales report says 66.7 per cent', async () => {
    const counts = { completed: 3, met: 2, late: 1, metPercent: 66.7, openOverdue: 0 };
    const report: Api.TimescalesReport = {
      report: 'timescales',
      authority: 'camden',
      asOf: at,
      from: '2026-11',
      to: '2026-11',
      period: { start: at, end: at },
      totals: { ...counts, byTeam: [{ team: null, teamName: 'No team', ...counts }], byMonth: [{ month: '2026-11', ...counts }] },
      timescales: [],
      truncated: false,
    };
    await conforms('/api/reports/timescales', report);
  });

  it('Given a closed case started by no one, with a child whose birth date is not known, Then its subject access export conforms', async () => {
    const exported: Api.SubjectAccessExport = {
      format: 'stepwise-subject-access',
      version: 1,
      exportedAt: at,
      authority: { id: 'camden', name: 'Camden' },
      scope: { kind: 'family' },
      case: {
        id: 'c1',
        reference: 'C1',
        protocol: { id: 'd', version: 1, name: 'Step down' },
        status: 'closed',
        startedAt: at,
        startedBy: null,
        outcome: { name: 'Stepped down', closureReason: null, at },
        familyName: 'Okafor',
        children: [{ name: 'Sam', dateOfBirth: null, personId: null }],
      },
      forms: [{ step: 'Referral', form: 'Referral', completedAt: at, completedAtLondon: '7 December 2026, 10:00', completedBy: null, sections: [] }],
      timeline: [],
      emails: [],
      views: [],
      redaction: { found: 0, redacted: 0, labels: [] },
    };
    await conforms('/api/cases/c1/subject-access/export', exported);
  });
});
