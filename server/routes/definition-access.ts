/**
 * What every definitions route shares: which definitions a person may see (their authority's;
 * drafts only for its admins), the admin check, query-string checks, and the draft's view.
 */
import type { Context } from 'hono';
import { diffDefinitions, type Change, type Problem, type WorkflowDefinition } from '../../engine/index.ts';
import { isAdmin, type AppEnv } from '../http/env.ts';
import { HttpProblem } from '../http/problem.ts';
import type { DefinitionDraft, PublishedDefinition } from '../store/index.ts';
import type * as Api from './api-types.gen.ts';

export interface OwnedDefinition {
  id: string;
  latest: PublishedDefinition | null;
  draft: DefinitionDraft | null;
}

const quoted = (id: string) => JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);

export const definitionNotFound = (id: string) => new HttpProblem(404, 'definition_not_found', `There is no definition ${quoted(id)}.`);

/**
 * The definition, if it belongs to the person's authority. Another authority's answers exactly
 * like a missing id. A definition that was never published is a draft, and drafts are for admins:
 * to anyone else it does not exist yet.
 */
export async function ownedDefinition(c: Context<AppEnv>, id: string): Promise<OwnedDefinition> {
  const user = c.get('user');
  const { store } = c.get('deps');
  const [latest, draft] = await Promise.all([store.latestPublished(id), store.getDraft(id)]);
  const authority = latest?.authority ?? draft?.authority;
  if (authority !== user.authority || (!latest && !isAdmin(user))) throw definitionNotFound(id);
  return { id, latest, draft };
}

export function requireAdmin(c: Context<AppEnv>, doing: string): void {
  if (!isAdmin(c.get('user'))) throw new HttpProblem(403, 'admin_only', `Only your authority's admins can ${doing}.`);
}

/** A published version of an owned definition, or 404. */
export async function publishedVersion(c: Context<AppEnv>, owned: OwnedDefinition, version: number): Promise<PublishedDefinition> {
  const found = version === owned.latest?.version ? owned.latest : await c.get('deps').store.getDefinition(owned.id, version);
  if (!found) throw new HttpProblem(404, 'version_not_found', `Definition ${quoted(owned.id)} has no published version ${version}.`, { latestVersion: owned.latest?.version ?? null });
  return found;
}

/** Query strings are read and documented in one place (case-params.ts); re-exported for the definition routes. */
export { noQuery, readQuery, type QueryShape } from './case-params.ts';

export const VERSION_PATTERN = '^[1-9][0-9]{0,8}$';
export const versionParam = (title: string) => ({ type: 'string', title, pattern: VERSION_PATTERN });
export const versionMessage = (title: string) => ({ pattern: `${title} must be a version number: a whole number, 1 or more` });

/** Changes counted by category, every category present, for the diff view's headings. */
export function summarise(changes: Change[]): Api.ChangeSummary {
  const summary: Api.ChangeSummary = { node: 0, timescale: 0, form: 0, team: 0, role: 0, other: 0, total: changes.length };
  for (const change of changes) summary[change.category] += 1;
  return summary;
}

/**
 * The draft as the designer edits it. With no draft saved yet, the latest published version is
 * where editing starts.
 */
export function draftView(owned: OwnedDefinition, problems: Problem[], draft: DefinitionDraft | null = owned.draft): Api.DraftView {
  const definition = draft?.definition ?? owned.latest!.definition;
  return {
    id: owned.id,
    authority: draft?.authority ?? owned.latest!.authority,
    savedAt: draft?.savedAt ?? null,
    savedBy: draft?.savedBy ?? null,
    latestVersion: owned.latest?.version ?? null,
    unpublishedChanges: unpublishedChanges(owned.latest, definition),
    problems,
    definition,
  };
}

export function unpublishedChanges(latest: PublishedDefinition | null, definition: WorkflowDefinition): number | null {
  return latest ? diffDefinitions(latest.definition, definition).length : null;
}
