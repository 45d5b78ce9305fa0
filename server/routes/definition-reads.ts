/**
 * Reading definitions: the authority's list, a published version in full (the workspace renders
 * forms from it, so anyone signed in to the authority may read it), the version history, and the
 * diff between two versions or a version and the draft.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { describeChanges, diffDefinitions, validateDefinition, type WorkflowDefinition } from '../../engine/index.ts';
import { isAdmin, type AppEnv } from '../http/env.ts';
import { HttpProblem } from '../http/problem.ts';
import type { PublishedDefinition } from '../store/index.ts';
import {
  noQuery,
  ownedDefinition,
  publishedVersion,
  readQuery,
  requireAdmin,
  summarise,
  unpublishedChanges,
  versionMessage,
  versionParam,
  type OwnedDefinition,
  type QueryShape,
} from './definition-access.ts';
import type * as Api from './api-types.gen.ts';

/**
 * A draft's changes and problem count for the protocol list. Checking Camden's draft takes 30 ms
 * or more, and the list is asked for on every designer page, so each draft's content is checked
 * once: keyed by a hash of the draft (about 1 ms for Camden) and the version it is compared with.
 */
type DraftSummary = { unpublishedChanges: number | null; problemCount: number };
/** Per store, so tests' stores (and their published versions) never share answers. */
const summariesByStore = new WeakMap<object, Map<string, DraftSummary>>();
const MAX_SUMMARIES = 200;

function draftSummary(store: object, id: string, latest: PublishedDefinition | null, draft: { definition: WorkflowDefinition }): DraftSummary {
  let draftSummaries = summariesByStore.get(store);
  if (!draftSummaries) summariesByStore.set(store, (draftSummaries = new Map()));
  const key = createHash('sha256').update(JSON.stringify([id, latest?.version ?? null, draft.definition])).digest('base64url');
  const known = draftSummaries.get(key);
  if (known) return known;
  const summary = { unpublishedChanges: unpublishedChanges(latest, draft.definition), problemCount: validateDefinition(draft.definition).length };
  if (draftSummaries.size >= MAX_SUMMARIES) draftSummaries.delete(draftSummaries.keys().next().value!);
  draftSummaries.set(key, summary);
  return summary;
}

export const versionQuery: QueryShape = {
  title: 'Definition',
  schema: { type: 'object', additionalProperties: false, properties: { version: versionParam('Version') } },
  errorMessages: { '/version': versionMessage('Version') },
};

export const diffQuery: QueryShape = {
  title: 'Diff',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: { from: versionParam('From'), to: { type: 'string', title: 'To', pattern: '^([1-9][0-9]{0,8}|draft)$' } },
  },
  errorMessages: { '/from': versionMessage('From'), '/to': { pattern: 'To must be a version number or "draft"' } },
};

const latestOf = (owned: OwnedDefinition): PublishedDefinition => {
  if (!owned.latest) throw new HttpProblem(404, 'version_not_found', 'This definition has not been published yet: open its draft instead.', { latestVersion: null });
  return owned.latest;
};

const publishedView = (found: PublishedDefinition, latestVersion: number): Api.PublishedDefinitionView => ({
  id: found.id,
  authority: found.authority,
  name: found.definition.name,
  version: found.version,
  latestVersion,
  publishedAt: found.publishedAt,
  publishedBy: found.publishedBy,
  definition: found.definition,
});

export const definitionReadRoutes = new Hono<AppEnv>()
  .get('/api/definitions', async (c) => {
    const user = c.get('user');
    const { store } = c.get('deps');
    readQuery(c, noQuery);
    const admin = isAdmin(user);
    const definitions: Api.DefinitionList['definitions'] = [];
    for (const summary of await store.listDefinitions(user.authority)) {
      if (!admin && summary.latestVersion === null) continue;
      const [latest, draft] = await Promise.all([
        summary.latestVersion === null ? null : store.getDefinition(summary.id, summary.latestVersion),
        store.getDraft(summary.id),
      ]);
      const drafted = draft ? draftSummary(store, summary.id, latest, draft) : null;
      const changes = drafted ? drafted.unpublishedChanges : 0;
      definitions.push({
        id: summary.id,
        name: latest?.definition.name ?? summary.name,
        description: latest?.definition.description ?? null,
        latestVersion: summary.latestVersion,
        publishedAt: latest?.publishedAt ?? null,
        publishedBy: latest?.publishedBy ?? null,
        /** A draft with changes not yet published. */
        hasDraft: changes !== 0,
        ...(admin
          ? { draft: draft && drafted ? { savedAt: draft.savedAt, savedBy: draft.savedBy, ...drafted } : null }
          : {}),
      });
    }
    return c.json({ authority: user.authority, canEdit: admin, definitions } satisfies Api.DefinitionList);
  })
  .get('/api/definitions/:id', async (c) => {
    const owned = await ownedDefinition(c, c.req.param('id'));
    const { version } = readQuery<{ version?: string }>(c, versionQuery);
    const latest = latestOf(owned);
    const found = version === undefined ? latest : await publishedVersion(c, owned, Number(version));
    return c.json(publishedView(found, latest.version) satisfies Api.PublishedDefinitionView);
  })
  .get('/api/definitions/:id/versions', async (c) => {
    const owned = await ownedDefinition(c, c.req.param('id'));
    readQuery(c, noQuery);
    const count = owned.latest?.version ?? 0;
    const all: PublishedDefinition[] = [];
    for (let v = 1; v <= count; v++) all.push(await publishedVersion(c, owned, v));
    const versions = all
      .map((p, i): Api.DefinitionVersions['versions'][number] => ({
        version: p.version,
        name: p.definition.name,
        publishedAt: p.publishedAt,
        publishedBy: p.publishedBy,
        /** The admin's change note; null for versions published before notes were asked for. */
        note: p.note,
        /** What this version changed from the one before; null for the first. */
        changes: i === 0 ? null : summarise(diffDefinitions(all[i - 1]!.definition, p.definition)),
      }))
      .reverse();
    return c.json({ id: owned.id, name: owned.latest?.definition.name ?? owned.draft?.definition.name ?? owned.id, latestVersion: owned.latest?.version ?? null, versions } satisfies Api.DefinitionVersions);
  })
  .get('/api/definitions/:id/diff', async (c) => {
    const owned = await ownedDefinition(c, c.req.param('id'));
    const query = readQuery<{ from?: string; to?: string }>(c, diffQuery);
    const to = query.to ?? 'draft';
    if (to === 'draft') requireAdmin(c, 'see the draft');
    const from = query.from === undefined ? latestOf(owned) : await publishedVersion(c, owned, Number(query.from));
    const after = to === 'draft' ? (owned.draft?.definition ?? latestOf(owned).definition) : (await publishedVersion(c, owned, Number(to))).definition;
    const changes = diffDefinitions(from.definition, after);
    // The same changes in plain English, for the check-your-changes page and the diff page alike.
    const described = describeChanges(from.definition, after, changes);
    return c.json({ id: owned.id, from: from.version, to: to === 'draft' ? 'draft' : Number(to), summary: summarise(changes), described, changes } satisfies Api.DefinitionDiff);
  });
