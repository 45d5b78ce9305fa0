/**
 * The designer's side of definitions, for the authority's admins: create a definition, edit its
 * draft (problems allowed: a draft is work in progress), check a definition without saving it,
 * and publish the draft as the next immutable version. Running cases stay on the version they
 * started with; moving them is a migration (definition-migrations.ts).
 */
import { Hono, type Context } from 'hono';
import { validateDefinition, type Problem, type WorkflowDefinition } from '../../engine/index.ts';
import type { AppEnv } from '../http/env.ts';
import { readJson } from '../http/json-body.ts';
import { definitionHasProblems, headerPointer, HttpProblem } from '../http/problem.ts';
import type { DefinitionDraft } from '../store/index.ts';
import { draftView, ownedDefinition, requireAdmin, type OwnedDefinition } from './definition-access.ts';
import { checkDefinitionBody, definitionBody, etag, ifMatch } from './definition-body.ts';
import type * as Api from './api-types.gen.ts';

/** How long a change note may be: a paragraph or two for the version history, not a document. */
export const NOTE_MAX_LENGTH = 1000;
const noteMessage = 'Enter a change note';

/**
 * Publishing asks, as GOV.UK Forms does, what changed and why: the note is kept with the version
 * and shown in its history. Whitespace alone is no note.
 */
export const publishRequest = {
  title: 'Publish',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['note'],
    properties: { note: { type: 'string', title: 'Change note', pattern: '\\S', maxLength: NOTE_MAX_LENGTH } },
  },
  errorMessages: {
    '/note': { required: noteMessage, pattern: noteMessage, type: noteMessage, maxLength: `Change note must be ${NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters or less` },
  },
};

/** The change note; a request with no body at all is answered like one without a note. */
async function readNote(c: Context<AppEnv>): Promise<string> {
  if (!c.req.header('content-type') && (await c.req.text()) === '') {
    throw new HttpProblem(422, 'request_invalid', 'The publish request has answers to correct.', { errors: [{ pointer: '/note', keyword: 'required', message: noteMessage }] });
  }
  return (await readJson<{ note: string }>(c, publishRequest)).note.trim();
}

/** Any JSON object: checking it is the point, so its problems are the answer, not a refusal. */
export const anyDefinition = { title: 'Definition', schema: { type: 'object' } };

const sendDraft = (c: Context<AppEnv>, owned: OwnedDefinition, problems: Problem[], status: 200 | 201 = 200) => {
  const view = draftView(owned, problems);
  if (view.savedAt) c.header('ETag', etag(view.savedAt));
  return c.json(view satisfies Api.DraftView, status);
};

/**
 * `If-Match` on publish is optional: when sent, it must be the draft this request checks. (The
 * store then publishes only that draft, so the comparison here cannot go stale.)
 */
function checkPublishToken(c: Context<AppEnv>, draft: DefinitionDraft): void {
  const token = ifMatch(c.req.header('if-match'));
  if (token !== undefined && token !== draft.savedAt) {
    throw new HttpProblem(409, 'stale_version', 'Someone else has saved this draft since you opened it. Reload it, then make your changes again.', {
      savedAt: draft.savedAt,
      savedBy: draft.savedBy,
    });
  }
}

export const definitionDraftRoutes = new Hono<AppEnv>()
  .post('/api/definitions', async (c) => {
    requireAdmin(c, 'create definitions');
    const { store, clock } = c.get('deps');
    const user = c.get('user');
    const definition = await readJson<WorkflowDefinition>(c, definitionBody);
    checkDefinitionBody(definition, { authority: user.authority });
    // Ids are global: the store refuses one in use by any authority (409 definition_exists), and says no more than that.
    const draft = await store.createDraft(definition, { by: user.id, at: clock.now() });
    c.header('Location', `/api/definitions/${definition.id}/draft`);
    return sendDraft(c, { id: definition.id, latest: null, draft }, validateDefinition(definition), 201);
  })
  .get('/api/definitions/:id/draft', async (c) => {
    const owned = await ownedDefinition(c, c.req.param('id'));
    requireAdmin(c, 'edit definitions');
    return sendDraft(c, owned, validateDefinition(owned.draft?.definition ?? owned.latest!.definition));
  })
  .put('/api/definitions/:id/draft', async (c) => {
    const id = c.req.param('id');
    const owned = await ownedDefinition(c, id);
    requireAdmin(c, 'edit definitions');
    const definition = await readJson<WorkflowDefinition>(c, definitionBody);
    checkDefinitionBody(definition, { id, authority: c.get('user').authority });
    // The draft must still be the one the admin loaded: `If-Match` carries its `savedAt`, and the
    // store compares it in the transaction that saves (409 stale_version if someone saved since).
    const token = ifMatch(c.req.header('if-match'));
    if (token === undefined && owned.draft) {
      throw new HttpProblem(428, 'if_match_required', 'Send the draft’s savedAt in an "If-Match" header, so changes saved by someone else are not overwritten.', {
        savedAt: owned.draft.savedAt,
        errors: [{ pointer: headerPointer('If-Match'), keyword: 'required', message: 'Send the savedAt of the draft you loaded in If-Match' }],
      });
    }
    const { store, clock } = c.get('deps');
    const draft = await store.saveDraft(definition, { by: c.get('user').id, at: clock.now(), expectedSavedAt: token ?? null });
    return sendDraft(c, { ...owned, draft }, validateDefinition(definition));
  })
  .post('/api/definitions/:id/validate', async (c) => {
    const id = c.req.param('id');
    await ownedDefinition(c, id);
    requireAdmin(c, 'check definitions');
    const body = await readJson<Record<string, unknown>>(c, anyDefinition);
    const problems = validateDefinition(body);
    // Saving this would be refused: say so alongside the format's own problems.
    const authority = (body['authority'] as { id?: unknown } | undefined)?.id;
    if (typeof body['id'] === 'string' && body['id'] !== id) problems.push({ code: 'id_mismatch', path: '/id', message: `The definition ID must be ${id}.` });
    if (typeof authority === 'string' && authority !== c.get('user').authority) {
      problems.push({ code: 'authority_mismatch', path: '/authority/id', message: `The authority must be ${c.get('user').authority}, your own.` });
    }
    return c.json({ id, valid: problems.length === 0, problems } satisfies Api.DefinitionValidation);
  })
  .post('/api/definitions/:id/publish', async (c) => {
    const id = c.req.param('id');
    const owned = await ownedDefinition(c, id);
    requireAdmin(c, 'publish definitions');
    const note = await readNote(c);
    const { store, clock } = c.get('deps');
    const { draft, latest } = owned;
    if (!draft) throw new HttpProblem(409, 'no_draft', 'There is no draft to publish.');
    checkPublishToken(c, draft);
    if (latest && draftView(owned, []).unpublishedChanges === 0) {
      throw new HttpProblem(409, 'nothing_to_publish', `The draft is the same as version ${latest.version}: there is nothing new to publish.`, { latestVersion: latest.version });
    }
    const problems = validateDefinition(draft.definition);
    if (problems.length > 0) throw definitionHasProblems(problems, 'published');
    // Exactly what was checked: the store publishes only if the draft is still this one (else
    // 409 draft_changed) and the version is still the next (else 409 already_published).
    const version = (latest?.version ?? 0) + 1;
    const published = await store.publish(id, { by: c.get('user').id, at: clock.now(), version, draftSavedAt: draft.savedAt, note });
    c.header('Location', `/api/definitions/${id}?version=${published.version}`);
    return c.json(
      { id, version: published.version, previousVersion: latest?.version ?? null, publishedAt: published.publishedAt, publishedBy: published.publishedBy, name: published.definition.name, note: published.note } satisfies Api.PublishResult,
      201,
    );
  });
