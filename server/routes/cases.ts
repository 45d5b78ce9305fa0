/**
 * Cases: start one, find them, open one (an audited read), withdraw one. The engine decides
 * who may start where and whether the intake form is complete; this file only keeps each
 * authority to its own protocols and cases.
 */
import { Hono } from 'hono';
import { Refusal } from '../../engine/index.ts';
import { actorOf, isAdmin, type AppEnv } from '../http/env.ts';
import { readJson } from '../http/json-body.ts';
import { HttpProblem } from '../http/problem.ts';
import { recordCrossAuthority } from '../http/refusals.ts';
import { callerCase, definitionVersion, peopleOf } from './case-context.ts';
import { queryParameters } from './case-params.ts';
import { findCases, findCasesQuery, searchNotes, searchQuery } from './case-search.ts';
import { caseView } from './case-view.ts';
import { errors, jsonBody, type Paths } from './openapi-types.ts';
import { subjectSchema } from './subject-schema.ts';
import type * as Api from './api-types.gen.ts';

const text = (title: string, maxLength: number) => ({ type: 'string', title, maxLength });

const startCase = {
  title: 'Start a case',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['definition', 'entry', 'subject'],
    properties: {
      definition: { ...text('Protocol', 100), minLength: 1 },
      entry: { ...text('Way into the protocol', 100), minLength: 1 },
      // Names and dates are checked by the engine, which words the message per child.
      subject: subjectSchema(text('Family name', 200), {
        properties: { name: text('Name', 200), dateOfBirth: text('Date of birth', 10), personId: text('Person ID', 64) },
      }),
      data: { type: 'object', title: 'Answers to the intake form' },
    },
  },
};

const withdraw = {
  title: 'Withdraw the case',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['reason'],
    properties: {
      reason: { type: 'string', title: 'Reason for withdrawing', minLength: 1, maxLength: 500, pattern: '\\S' },
      expectedVersion: { type: 'integer', title: 'Case version you saw', minimum: 1 },
    },
  },
};

type StartCase = { definition: string; entry: string; subject: { familyName: string; children: Array<{ name: string; dateOfBirth?: string; personId?: string }> }; data?: Record<string, unknown> };

export const casesRoutes = new Hono<AppEnv>()
  .post('/api/cases', async (c) => {
    const body = await readJson<StartCase>(c, startCase);
    const { store, runner, clock } = c.get('deps');
    const user = c.get('user');
    const latest = await store.latestPublished(body.definition);
    if (latest && latest.authority !== user.authority) await recordCrossAuthority(c, { kind: 'definition', id: latest.id, owner: latest.authority }, 404);
    if (!latest || latest.authority !== user.authority) throw new HttpProblem(404, 'not_found', 'There is no such protocol.');
    const state = await runner.startCase({
      definition: latest.id,
      version: latest.version,
      entry: body.entry,
      subject: body.subject,
      ...(body.data ? { data: body.data } : {}),
      by: actorOf(user),
    }, { keyed: c.get('keyed') });
    const definition = (await definitionVersion(store, latest.id, latest.version))!;
    c.header('location', `/api/cases/${encodeURIComponent(state.id)}`);
    return c.json(caseView(state, definition, await peopleOf(store, user.authority), user, clock.now()) satisfies Api.CaseView, 201);
  })
  .get('/api/cases', async (c) => c.json(await findCases(c, findCasesQuery(c)) satisfies Api.CaseList))
  .get('/api/cases/:id', async (c) => {
    const { state, definition } = await callerCase(c, c.req.param('id'), 'case_page');
    const { store, clock } = c.get('deps');
    const user = c.get('user');
    return c.json(caseView(state, definition, await peopleOf(store, user.authority), user, clock.now()) satisfies Api.CaseView);
  })
  .post('/api/cases/:id/withdraw', async (c) => {
    const body = await readJson<{ reason: string; expectedVersion?: number }>(c, withdraw);
    const { state: loaded, definition } = await callerCase(c, c.req.param('id'));
    const user = c.get('user');
    // Withdrawing ("step down no longer required", consent withdrawn) is for anyone working this
    // protocol, not only the case's own worker, since the news often reaches whoever holds the
    // current step first; admins may too, to tidy up. Other staff of the authority may not.
    if (!isAdmin(user) && !definition.roles.some((r) => user.roles.includes(r.id))) {
      throw new Refusal('not_allowed', 'Only practitioners working this protocol, or an admin, can withdraw its cases.');
    }
    const { store, runner, clock } = c.get('deps');
    const state = await (runner.dispatch(c.req.param('id'), {
      type: 'case_withdrawn',
      by: actorOf(user),
      reason: body.reason.trim(),
      ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
    }, { keyed: c.get('keyed'), loaded }));
    return c.json(caseView(state, definition, await peopleOf(store, user.authority), user, clock.now()) satisfies Api.CaseView);
  });

const idParam = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' } };

export const casesPaths: Paths = {
  '/api/cases': {
    post: {
      summary: 'Start a case on one of your authority’s protocols; the engine checks the way in, your role, its guards and the intake form (errors under /data/...)',
      tags: ['Cases'],
      requestBody: jsonBody(startCase.schema),
      responses: { '201': { description: 'The new case, as GET /api/cases/{id} shows it' }, ...errors(400, 401, 403, 404, 413, 415, 422) },
    },
    get: {
      summary: 'Find cases: summaries with the number of open tasks and the next deadline',
      tags: ['Cases'],
      parameters: queryParameters(searchQuery, searchNotes),
      responses: { '200': { description: 'Matching cases, most recently changed first' }, ...errors(401, 422) },
    },
  },
  '/api/cases/{id}': {
    get: {
      summary: 'The case page: family, status, outcome and closures, current stages, open tasks and the protocol map (an audited read)',
      tags: ['Cases'],
      parameters: [idParam],
      responses: { '200': { description: 'The case' }, ...errors(401, 404) },
    },
  },
  '/api/cases/{id}/withdraw': {
    post: {
      summary: 'Withdraw the case (any practitioner of the protocol, or an admin); open tasks and timers are cancelled',
      tags: ['Cases'],
      parameters: [idParam],
      requestBody: jsonBody(withdraw.schema),
      responses: { '200': { description: 'The withdrawn case' }, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
    },
  },
};
