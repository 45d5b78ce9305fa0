/** Definitions in the SQLite store: editable drafts and immutable published versions. */
import type { WorkflowDefinition } from '../../engine/index.ts';
import { definitionExists, draftChanged, staleDraft, StoreError } from './errors.ts';
import { definitionSummaries, nextSavedAt } from './rows.ts';
import type { Db } from './sqlite-schema.ts';
import type { DraftMeta, PublishOptions, SaveDraftOptions } from './store.ts';
import type { DefinitionDraft, DefinitionSummary, PublishedDefinition } from './types.ts';

interface DraftRow { id: string; authority: string; body: string; saved_at: string; saved_by: string }
interface PublishedRow { id: string; version: number; authority: string; body: string; published_at: string; published_by: string; note: string | null }

const draft = (r: DraftRow): DefinitionDraft => ({
  id: r.id, authority: r.authority, definition: JSON.parse(r.body) as WorkflowDefinition, savedAt: r.saved_at, savedBy: r.saved_by,
});
const published = (r: PublishedRow): PublishedDefinition => ({
  id: r.id, version: r.version, authority: r.authority, definition: JSON.parse(r.body) as WorkflowDefinition,
  publishedAt: r.published_at, publishedBy: r.published_by, note: r.note ?? null,
});

export function getDraft(db: Db, id: string): DefinitionDraft | null {
  const row = db.prepare('SELECT * FROM definition_drafts WHERE id = ?').get(id) as DraftRow | undefined;
  return row ? draft(row) : null;
}

export function getDefinition(db: Db, id: string, version: number): PublishedDefinition | null {
  const row = db.prepare('SELECT * FROM definitions WHERE id = ? AND version = ?').get(id, version) as PublishedRow | undefined;
  return row ? published(row) : null;
}

export function latestPublished(db: Db, id: string): PublishedDefinition | null {
  const row = db.prepare('SELECT * FROM definitions WHERE id = ? ORDER BY version DESC LIMIT 1').get(id) as PublishedRow | undefined;
  return row ? published(row) : null;
}

/** A definition id belongs to one authority for good: another authority may not take it over. */
function ownerOf(db: Db, id: string): string | undefined {
  const row = (db.prepare('SELECT authority FROM definitions WHERE id = ? LIMIT 1').get(id) ??
    db.prepare('SELECT authority FROM definition_drafts WHERE id = ?').get(id)) as { authority: string } | undefined;
  return row?.authority;
}

const isDuplicateKey = (error: unknown) => (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';

/**
 * A plain INSERT: the draft table's primary key refuses a second creation, whichever process
 * tries. Every definition has a draft row (publishing needs one and nothing deletes it); the
 * published check is for a file filled some other way.
 */
export function createDraft(db: Db, definition: WorkflowDefinition, meta: DraftMeta): DefinitionDraft {
  return db.transaction(() => {
    if (latestPublished(db, definition.id)) throw definitionExists(definition.id);
    try {
      db.prepare('INSERT INTO definition_drafts (id, authority, body, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)')
        .run(definition.id, definition.authority.id, JSON.stringify(definition), nextSavedAt(meta.at, undefined), meta.by);
    } catch (error) {
      throw isDuplicateKey(error) ? definitionExists(definition.id) : error;
    }
    return getDraft(db, definition.id)!;
  }).immediate();
}

/** The compare-and-set runs inside the IMMEDIATE transaction, so no other process writes between the check and the save. */
export function saveDraft(db: Db, definition: WorkflowDefinition, options: SaveDraftOptions): DefinitionDraft {
  return db.transaction(() => {
    const owner = ownerOf(db, definition.id);
    if (owner !== undefined && owner !== definition.authority.id) {
      throw new StoreError('authority_mismatch', `Definition ${definition.id} belongs to another authority.`, { id: definition.id });
    }
    const current = getDraft(db, definition.id);
    if (options.expectedSavedAt !== undefined && options.expectedSavedAt !== (current?.savedAt ?? null)) throw staleDraft(definition.id, current);
    db.prepare(`INSERT INTO definition_drafts (id, authority, body, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at, saved_by = excluded.saved_by`)
      .run(definition.id, definition.authority.id, JSON.stringify(definition), nextSavedAt(options.at, current?.savedAt), options.by);
    return getDraft(db, definition.id)!;
  }).immediate();
}

/** Publishes the draft as it is inside the transaction, and only if it is still the draft that was checked. */
export function publish(db: Db, id: string, options: PublishOptions): PublishedDefinition {
  return db.transaction(() => {
    const current = getDraft(db, id);
    if (!current) throw new StoreError('no_draft', `There is no draft of ${id} to publish.`, { id });
    if (options.draftSavedAt !== undefined && options.draftSavedAt !== current.savedAt) throw draftChanged(id, current);
    const latest = (db.prepare('SELECT MAX(version) AS v FROM definitions WHERE id = ?').get(id) as { v: number | null }).v ?? 0;
    const next = latest + 1;
    if (options.version !== undefined && options.version !== next) {
      const code = options.version <= latest ? 'already_published' : 'conflict';
      throw new StoreError(code, `Version ${options.version} of ${id} cannot be published; the next version is ${next}.`, { id, next });
    }
    const body: WorkflowDefinition = { ...current.definition, version: next };
    db.prepare('INSERT INTO definitions (id, version, authority, body, published_at, published_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, next, current.authority, JSON.stringify(body), options.at, options.by, options.note ?? null);
    return getDefinition(db, id, next)!;
  }).immediate();
}

export function listDefinitions(db: Db, authority: string): DefinitionSummary[] {
  const published = db.prepare(`SELECT d.id, d.version, json_extract(d.body, '$.name') AS name FROM definitions d
    WHERE d.authority = ? AND d.version = (SELECT MAX(version) FROM definitions WHERE id = d.id)`).all(authority) as Array<{ id: string; version: number; name: string }>;
  const drafts = db.prepare("SELECT id, json_extract(body, '$.name') AS name FROM definition_drafts WHERE authority = ?").all(authority) as Array<{ id: string; name: string }>;
  return definitionSummaries(authority, published, drafts);
}
