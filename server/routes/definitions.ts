/**
 * The definitions API: reading published versions (everyone signed in to the authority), and the
 * designer's drafts, checks, publishing, diffs, dated simulations and migrations (its admins).
 * Each part is its own file; this one mounts them and describes them for the OpenAPI document.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { definitionDraftRoutes, publishRequest } from './definition-drafts.ts';
import { definitionBody } from './definition-body.ts';
import { definitionMigrationRoutes, migrationRequest, planQuery } from './definition-migrations.ts';
import { definitionReadRoutes, diffQuery, versionQuery } from './definition-reads.ts';
import { definitionSimulateRoutes, simulateRequest } from './definition-simulate.ts';
import { queryParameters, type QueryShape } from './case-params.ts';
import { errors, jsonBody, type Operation, type Paths } from './openapi-types.ts';

export const definitionRoutes = new Hono<AppEnv>()
  .route('/', definitionReadRoutes)
  .route('/', definitionDraftRoutes)
  .route('/', definitionSimulateRoutes)
  .route('/', definitionMigrationRoutes);

const tags = ['Definitions'];
const idParam = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' }, description: 'Definition ID, e.g. camden' };
const withId = (operation: Omit<Operation, 'tags'>, query?: QueryShape): Operation => ({
  ...operation,
  tags,
  parameters: [idParam, ...(query ? queryParameters(query) : [])],
});
const ifMatchNote = ' Send the draft’s `savedAt` as `If-Match`.';

export const definitionPaths: Paths = {
  '/api/definitions': {
    get: { summary: 'The authority’s definitions: latest published version, whether a draft has unpublished changes, and (admins) its problem count', tags, responses: { '200': { description: 'The list' }, ...errors(401, 422) } },
    post: {
      summary: 'Admin: create a definition as a draft from its JSON (new or imported); the answer lists its problems. An id ever used, by any authority: 409 definition_exists',
      tags,
      requestBody: jsonBody(definitionBody.schema),
      responses: { '201': { description: 'Draft created, with problems' }, ...errors(400, 401, 403, 409, 413, 415, 422) },
    },
  },
  '/api/definitions/{id}': {
    get: withId({ summary: 'A published version in full (the latest unless `version` is given)', responses: { '200': { description: 'The definition' }, ...errors(401, 404, 422) } }, versionQuery),
  },
  '/api/definitions/{id}/versions': {
    get: withId({ summary: 'Version history, newest first, with each version’s change note and what it changed', responses: { '200': { description: 'Versions' }, ...errors(401, 404, 422) } }),
  },
  '/api/definitions/{id}/draft': {
    get: withId({ summary: 'Admin: the draft, its problems, and its `savedAt` token (also the ETag)', responses: { '200': { description: 'The draft' }, ...errors(401, 403, 404) } }),
    put: withId({
      summary: `Admin: save the draft (problems allowed); the answer lists them.${ifMatchNote} Missing when a draft exists: 428.`,
      requestBody: jsonBody(definitionBody.schema),
      responses: { '200': { description: 'Saved, with problems' }, ...errors(400, 401, 403, 404, 409, 413, 415, 422), '428': { description: 'If-Match missing (application/problem+json)' } },
    }),
  },
  '/api/definitions/{id}/validate': {
    post: withId({ summary: 'Admin: check a definition without saving it; 200 with its problems', requestBody: jsonBody({ type: 'object' }), responses: { '200': { description: 'Problems (maybe none)' }, ...errors(400, 401, 403, 404, 413, 415, 422) } }),
  },
  '/api/definitions/{id}/publish': {
    post: withId({
      summary: `Admin: publish the draft as the next immutable version, with a change note (\`{ "note": "..." }\`, required, kept in the version history; 422 naming /note when missing, blank or over 1,000 characters); refused (422 definition_has_problems) while it has problems, and (409 draft_changed) if it is saved again while being published. Optional If-Match.`,
      requestBody: jsonBody(publishRequest.schema),
      responses: { '201': { description: 'Published' }, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
    }),
  },
  '/api/definitions/{id}/diff': {
    get: withId({ summary: 'Changes between two versions, or a version and the draft (admins): counts by category, the changes in plain English (`described`) and as paths; defaults from=latest, to=draft', responses: { '200': { description: 'Changes' }, ...errors(401, 403, 404, 422) } }, diffQuery),
  },
  '/api/definitions/{id}/simulate': {
    post: withId({
      summary: 'Admin: run a dated scenario on a version or the draft; timeline, deadlines to come, failures, final state and the bank holidays in the period',
      requestBody: jsonBody(simulateRequest.schema),
      responses: { '200': { description: 'The simulated run' }, ...errors(400, 401, 403, 404, 413, 415, 422) },
    }),
  },
  '/api/definitions/{id}/migrations/plan': {
    get: withId({ summary: 'Admin: which open cases on `from` could move to `to` (default the latest), and what blocks the others', responses: { '200': { description: 'The plan' }, ...errors(401, 403, 404, 422) } }, planQuery),
  },
  '/api/definitions/{id}/migrations': {
    post: withId({
      summary: 'Admin: move the cases that can move (all, or `caseIds`); `dryRun` answers with the plan only',
      requestBody: jsonBody(migrationRequest.schema),
      responses: { '200': { description: 'The plan, and what moved' }, ...errors(400, 401, 403, 404, 413, 415, 422) },
    }),
  },
};
