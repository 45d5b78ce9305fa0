/**
 * Retention, for the authority's admins (server/retention): the report of which closed cases the
 * daily job will dispose of, when and why (a dry run: nothing changes), and legal holds, which
 * stop the job disposing of one case whatever its rule says. A hold and its release go on the
 * case's audit log; reading the report goes on the admin's access log, naming the cases listed.
 */
import { Hono } from 'hono';
import { instantAt } from '../../engine/calendar/zone.ts';
import { isAdmin, type AppEnv } from '../http/env.ts';
import { readJson } from '../http/json-body.ts';
import { HttpProblem } from '../http/problem.ts';
import { planRetention } from '../retention/job.ts';
import type { UserRecord } from '../store/index.ts';
import { recordListRead } from './access-audit.ts';
import { callerCase } from './case-context.ts';
import { queryParameters, readQuery, type QueryShape } from './case-params.ts';
import { errors, jsonBody, type Paths } from './openapi-types.ts';
import type * as Api from './api-types.gen.ts';

const reportQuery: QueryShape = {
  title: 'Retention report',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: { on: { type: 'string', title: 'Date', format: 'date' } },
  },
  errorMessages: { '/on': { format: 'Enter the date as YYYY-MM-DD, for example 2027-01-31' } },
};

const hold = {
  title: 'Put the case on legal hold',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['reason'],
    properties: {
      // Kept with the hold, not in the audit log: say what the hold is for, without naming the family.
      reason: { type: 'string', title: 'Reason for the hold', minLength: 1, maxLength: 500, pattern: '\\S' },
    },
  },
  errorMessages: { '/reason': { required: 'Enter why the case must be kept', minLength: 'Enter why the case must be kept', pattern: 'Enter why the case must be kept' } },
};

function requireAdmin(user: UserRecord, what: string): void {
  if (!isAdmin(user)) throw new HttpProblem(403, 'not_allowed', `Only admins can ${what}.`);
}

export const retentionRoutes = new Hono<AppEnv>()
  .get('/api/retention', async (c) => {
    const user = c.get('user');
    requireAdmin(user, 'read the retention report');
    const query = readQuery<{ on?: string }>(c, reportQuery);
    const { store, clock } = c.get('deps');
    // A later date shows what will have gone by then: midday London time on that day.
    const now = query.on ? instantAt(query.on, '12:00') : clock.now();
    const report = await planRetention(store, now, { authority: user.authority });
    const listed = [...report.due, ...report.held, ...report.undated].map((p) => p.caseId);
    await recordListRead(c, 'retention_report', listed, { on: query.on });
    return c.json(report satisfies Api.RetentionReport);
  })
  .post('/api/cases/:id/legal-hold', async (c) => {
    const user = c.get('user');
    requireAdmin(user, 'put a case on legal hold');
    const body = await readJson<{ reason: string }>(c, hold);
    const { state } = await callerCase(c, c.req.param('id'));
    const { store, clock } = c.get('deps');
    return c.json(await store.setLegalHold({ caseId: state.id, by: user.id, at: clock.now(), reason: body.reason.trim() }) satisfies Api.LegalHold, 201);
  })
  .get('/api/cases/:id/legal-hold', async (c) => {
    const user = c.get('user');
    requireAdmin(user, 'see legal holds');
    const { state } = await callerCase(c, c.req.param('id'));
    const found = await c.get('deps').store.getLegalHold(state.id);
    if (!found) throw new HttpProblem(404, 'not_held', 'This case is not on legal hold.');
    return c.json(found satisfies Api.LegalHold);
  })
  .delete('/api/cases/:id/legal-hold', async (c) => {
    const user = c.get('user');
    requireAdmin(user, 'release a legal hold');
    const { state } = await callerCase(c, c.req.param('id'));
    const { store, clock } = c.get('deps');
    if (!(await store.clearLegalHold(state.id, { by: user.id, at: clock.now() }))) throw new HttpProblem(404, 'not_held', 'This case is not on legal hold.');
    return c.body(null, 204);
  });

const idParam = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' } };

export const retentionPaths: Paths = {
  '/api/retention': {
    get: {
      summary: 'Which of the authority’s closed cases the retention job disposes of, when and why; cases on legal hold and cases with no date of birth listed apart. A dry run: nothing changes (admins)',
      tags: ['Retention'],
      parameters: queryParameters(reportQuery, { on: 'Show what will be due by this day (London); today when absent' }),
      responses: { '200': { description: 'The report: `due`, `held`, `undated` (each case with its rule, due date and reason) and how many are `notYetDue`' }, ...errors(401, 403, 422) },
    },
  },
  '/api/cases/{id}/legal-hold': {
    get: {
      summary: 'The case’s legal hold: who set it, when and why (admins)',
      tags: ['Retention'],
      parameters: [idParam],
      responses: { '200': { description: 'The hold' }, ...errors(401, 403, 404) },
    },
    post: {
      summary: 'Puts the case on legal hold: retention will not anonymise or delete it until the hold is released. Recorded on the case’s audit log (admins)',
      tags: ['Retention'],
      parameters: [idParam],
      requestBody: jsonBody(hold.schema),
      responses: { '201': { description: 'The hold' }, ...errors(400, 401, 403, 404, 413, 415, 422) },
    },
    delete: {
      summary: 'Releases the case’s legal hold; retention applies again from its next run. Recorded on the case’s audit log (admins)',
      tags: ['Retention'],
      parameters: [idParam],
      responses: { '204': { description: 'Released' }, ...errors(401, 403, 404) },
    },
  },
};
