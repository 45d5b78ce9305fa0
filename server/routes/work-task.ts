/**
 * One task of a case: open its form (an audited read), save a draft, complete it with next
 * actions, or pass it to someone else. Whether the answers, guards and next actions are right is
 * the engine's to say (`form_invalid`, `guard_failed`, `task_not_open`, `not_allowed`...); this
 * file keeps authorities apart, checks request shapes, and decides who may reassign.
 */
import { Hono, type Context } from 'hono';
import { mayPassOn, mayWorkOn, Refusal, type ChosenAction, type WorkflowDefinition } from '../../engine/index.ts';
import { actorOf, type AppEnv } from '../http/env.ts';
import { readJson } from '../http/json-body.ts';
import { HttpProblem } from '../http/problem.ts';
import { callerCase, caseReference, peopleOf, taskOf } from './case-context.ts';
import { caseView } from './case-view.ts';
import { completionOf } from './work-completion.ts';
import { taskForm } from './work-form.ts';
import type * as Api from './api-types.gen.ts';

/** `{worker}` or `{team}`: one object with exactly one of the two, so a mistake is one error. */
const passTo = (title: string) => ({
  type: 'object',
  title,
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: { worker: { type: 'string', title: 'Worker', minLength: 1, maxLength: 200 }, team: { type: 'string', title: 'Team', minLength: 1, maxLength: 200 } },
});
const passToMessages = { minProperties: 'Choose a worker or a team to pass it to', maxProperties: 'Pass it to a worker or a team, not both' };
const expectedVersion = { type: 'integer', title: 'Case version you saw', minimum: 1 };

export const draftBody = {
  title: 'Save a draft',
  schema: { type: 'object', additionalProperties: false, required: ['data'], properties: { data: { type: 'object', title: 'Answers so far' } } },
};

export const completeBody = {
  title: 'Complete the task',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['data', 'actions'],
    properties: {
      data: { type: 'object', title: 'Answers' },
      actions: {
        type: 'array',
        title: 'Next actions',
        // None chosen is the engine's to refuse, together with everything else wrong on the page.
        maxItems: 20,
        items: {
          type: 'object',
          title: 'Next action',
          additionalProperties: false,
          required: ['action'],
          properties: {
            action: { type: 'string', title: 'Next action', minLength: 1, maxLength: 100 },
            passTo: passTo('Pass to'),
            priority: { type: 'string', title: 'Priority', enum: ['urgent', 'normal', 'low'] },
            scheduledFor: { type: 'string', title: 'Scheduled date', format: 'date' },
            note: { type: 'string', title: 'Note', maxLength: 2000 },
          },
        },
      },
      expectedVersion,
    },
  },
  errorMessages: { '/actions/*/passTo': passToMessages },
};

export const reassignBody = {
  title: 'Reassign the task',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['to'],
    properties: { to: passTo('Pass to'), reason: { type: 'string', title: 'Reason', maxLength: 500 }, expectedVersion },
  },
  errorMessages: { '/to': passToMessages },
};

type PassTo = { worker: string } | { team: string };

/** `Prefer: return=minimal` (RFC 7240): the client asks for the outcome, not the whole case. */
const prefersMinimal = (c: Context<AppEnv>) => /(^|[,;\s])return\s*=\s*"?minimal"?\s*($|[,;])/i.test(c.req.header('prefer') ?? '');

/** A named worker must be a person of the authority: the engine cannot know who exists. */
async function checkWorker(c: Context<AppEnv>, to: PassTo | undefined, pointer: string): Promise<void> {
  if (!to || !('worker' in to)) return;
  const person = await c.get('deps').store.getUser(to.worker);
  if (!person || person.authority !== c.get('user').authority || person.disabled) {
    throw new HttpProblem(422, 'request_invalid', 'Choose someone in your authority to pass the work to.', {
      errors: [{ pointer, keyword: 'enum', message: 'Select a person in your authority' }],
    });
  }
}

/**
 * Reassigning: whoever could act on the task (passing on your own work, or your team's), a
 * manager — anyone holding a role that the protocol names as some role's `manager`, since
 * managers allocate and re-allocate their services' work — or an admin.
 */
async function respond(c: Context<AppEnv>, state: Parameters<typeof caseView>[0], definition: WorkflowDefinition) {
  const { store, clock } = c.get('deps');
  const user = c.get('user');
  return c.json(caseView(state, definition, await peopleOf(store, user.authority), user, clock.now()) satisfies Api.CaseView);
}

export const workTaskRoutes = new Hono<AppEnv>()
  .get('/api/cases/:id/tasks/:taskId', async (c) => {
    const taskId = c.req.param('taskId');
    const { state, definition } = await callerCase(c, c.req.param('id'), `task_form:${taskId}`);
    const task = taskOf(state, taskId);
    const { store, clock } = c.get('deps');
    const user = c.get('user');
    const [people, draft] = await Promise.all([peopleOf(store, user.authority), store.getTaskDraft(task.id, user.id)]);
    return c.json(taskForm(state, definition, task, { user, people, draft, now: clock.now() }) satisfies Api.TaskForm);
  })
  .put('/api/cases/:id/tasks/:taskId/draft', async (c) => {
    const { data } = await readJson<{ data: Record<string, unknown> }>(c, draftBody);
    const { state, definition } = await callerCase(c, c.req.param('id'));
    const task = taskOf(state, c.req.param('taskId'));
    const user = c.get('user');
    if (task.status !== 'open') throw new Refusal('task_not_open', `Someone else already did this: the task was ${task.status}.`, { task: task.id, taskStatus: task.status });
    if (!mayWorkOn(task, actorOf(user), definition)) throw new Refusal('not_allowed', `"${task.name}" is not yours to work on.`, { task: task.id });
    const { store, clock } = c.get('deps');
    await store.saveTaskDraft({ caseId: state.id, taskId: task.id, userId: user.id, authority: state.authority, data, savedAt: clock.now() });
    return c.body(null, 204);
  })
  .post('/api/cases/:id/tasks/:taskId/complete', async (c) => {
    const body = await readJson<{ data: Record<string, unknown>; actions: ChosenAction[]; expectedVersion?: number }>(c, completeBody);
    const caseId = c.req.param('id');
    const { state: before, definition } = await callerCase(c, caseId);
    const task = taskOf(before, c.req.param('taskId'));
    for (const [i, a] of body.actions.entries()) await checkWorker(c, a.passTo, `/actions/${i}/passTo/worker`);
    const { store, runner } = c.get('deps');
    const state = await (runner.dispatch(caseId, {
      type: 'task_completed',
      taskId: task.id,
      by: actorOf(c.get('user')),
      data: body.data,
      actions: body.actions,
      ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
    }, { keyed: c.get('keyed'), loaded: before }));
    // Drafts are kept until the answers are safely in the case, so nothing typed is lost.
    await store.deleteTaskDrafts(task.id);
    const user = c.get('user');
    const people = await peopleOf(store, user.authority);
    const now = c.get('deps').clock.now();
    const completion = completionOf(before, state, task.id, definition, people, user, now);
    if (prefersMinimal(c)) {
      // The confirmation page needs only where the work went; the case page (about 27 KB for
      // Camden, most of it the protocol map) is a GET away, and the kept answer stays small.
      c.header('Preference-Applied', 'return=minimal');
      c.header('Content-Location', `/api/cases/${encodeURIComponent(state.id)}`);
      return c.json({ id: state.id, reference: caseReference(state.id), version: state.version, status: state.status, completion } satisfies Api.CompletedTask);
    }
    return c.json({ ...caseView(state, definition, people, user, now), completion } satisfies Api.CompletedCase);
  })
  .post('/api/cases/:id/tasks/:taskId/reassign', async (c) => {
    const body = await readJson<{ to: PassTo; reason?: string; expectedVersion?: number }>(c, reassignBody);
    const caseId = c.req.param('id');
    const { state: before, definition } = await callerCase(c, caseId);
    const task = taskOf(before, c.req.param('taskId'));
    await checkWorker(c, body.to, '/to/worker');
    const user = c.get('user');
    if (!mayPassOn(task, actorOf(user), definition)) {
      throw new Refusal('not_allowed', `Only whoever can act on "${task.name}", a manager, or an admin can pass it on.`, { task: task.id });
    }
    const state = await (c.get('deps').runner.dispatch(caseId, {
      type: 'task_reassigned',
      taskId: task.id,
      by: actorOf(user),
      to: body.to,
      ...(body.reason?.trim() ? { reason: body.reason.trim() } : {}),
      ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
    }, { keyed: c.get('keyed'), loaded: before }));
    return respond(c, state, definition);
  });
