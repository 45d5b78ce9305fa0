/**
 * GET /api/cases/:id/start-form: the answers given when the case was started (the intake form),
 * rendered as people read them, for a printable page like a completed task's. An audited read;
 * another authority's case, or a case started without a form, answers 404.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { HttpProblem } from '../http/problem.ts';
import { errors, type Paths } from './openapi-types.ts';
import { callerCase, caseReference, peopleOf } from './case-context.ts';
import { startFormFile } from './case-file.ts';
import type * as Api from './api-types.gen.ts';

export const caseStartFormRoutes = new Hono<AppEnv>().get('/api/cases/:id/start-form', async (c) => {
  const { state, definition } = await callerCase(c, c.req.param('id'), 'start_form');
  const form = startFormFile(state, definition, await peopleOf(c.get('deps').store, c.get('user').authority));
  if (!form) throw new HttpProblem(404, 'not_found', 'This case was started without a form.');
  return c.json({ case: { id: state.id, reference: caseReference(state.id), familyName: state.subject.familyName, definition: { id: definition.id, name: definition.name } }, form } satisfies Api.StartFormView);
});

export const caseStartFormPaths: Paths = {
  '/api/cases/{id}/start-form': {
    get: {
      summary: 'The answers recorded when the case was started, as people read them (an audited read)',
      tags: ['Cases'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'The start form, section by section' }, ...errors(401, 404) },
    },
  },
};
