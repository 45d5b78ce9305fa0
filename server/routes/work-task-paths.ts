/** OpenAPI description of the task endpoints in `work-task.ts`. */
import { errors, jsonBody, type Paths } from './openapi-types.ts';
import { completeBody, draftBody, reassignBody } from './work-task.ts';

const params = [
  { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' } },
  { name: 'taskId', in: 'path' as const, required: true, schema: { type: 'string' } },
];

export const workTaskPaths: Paths = {
  '/api/cases/{id}/tasks/{taskId}': {
    get: {
      summary: 'The task workspace: task, form (schema, layout, messages), prefill and which fields it fills, your draft, and next actions with pass-to options, scheduled date, default priority and guard messages (an audited read)',
      tags: ['Work'],
      parameters: params,
      responses: { '200': { description: 'The task form' }, ...errors(401, 404) },
    },
  },
  '/api/cases/{id}/tasks/{taskId}/draft': {
    put: {
      summary: 'Save your draft answers (not checked until you submit); one draft per person, removed once the task is completed',
      tags: ['Work'],
      parameters: params,
      requestBody: jsonBody(draftBody.schema),
      responses: { '204': { description: 'Saved' }, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
    },
  },
  '/api/cases/{id}/tasks/{taskId}/complete': {
    post: {
      summary: 'Complete the task with its answers and next actions; refusals: form_invalid / guard_failed / pass_to_* (422), not_allowed (403), task_not_open or stale_version (409)',
      tags: ['Work'],
      parameters: [
        ...params,
        {
          name: 'Prefer',
          in: 'header' as const,
          required: false,
          schema: { type: 'string', example: 'return=minimal' },
          description: 'return=minimal: answer with the case id, reference, version, status and the completion only (Preference-Applied and Content-Location say so), not the whole case',
        },
      ],
      requestBody: jsonBody(completeBody.schema),
      responses: {
        '200': { description: 'The case after the step (GET /api/cases/{id}), with `completion`: where the work went' },
        ...errors(400, 401, 403, 404, 409, 413, 415, 422),
        '500': { description: 'The published version’s rules for this task cost more to decide than the engine allows (`logic_too_costly`, naming `node` and `task`): a fault of the definition, not of the request; nothing was saved (application/problem+json)' },
      },
    },
  },
  '/api/cases/{id}/tasks/{taskId}/reassign': {
    post: {
      summary: 'Pass the task to a worker or a team (whoever can act on it, a manager role of the protocol, or an admin)',
      tags: ['Work'],
      parameters: params,
      requestBody: jsonBody(reassignBody.schema),
      responses: { '200': { description: 'The case after the reassignment' }, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
    },
  },
};
