/**
 * The MongoDB store's definitions: editable drafts, compare-and-set on their `savedAt`, and
 * immutable published versions. Each write is one transaction (`tx`, the store's), so a check and
 * the write it guards cannot be split by another server process.
 *
 * Uses the driver's types only; mongo-store.ts is still the one file that loads the driver.
 */
import type { ClientSession, Collection, Db } from 'mongodb';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { definitionExists, draftChanged, staleDraft, StoreError } from './errors.ts';
import * as docs from './mongo-docs.ts';
import { latestDefinitionsPipeline } from './mongo-queries.ts';
import { definitionSummaries, nextSavedAt } from './rows.ts';
import type { DraftMeta, PublishOptions, SaveDraftOptions, Store } from './store.ts';
import type { DefinitionDraft, DefinitionSummary, PublishedDefinition } from './types.ts';

type Tx = <T>(work: (session: ClientSession) => Promise<T>) => Promise<T>;
type Definitions = Pick<Store, 'createDraft' | 'saveDraft' | 'getDraft' | 'publish' | 'getDefinition' | 'latestPublished' | 'listDefinitions'>;

const isDuplicate = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;

export class MongoDefinitions implements Definitions {
  private readonly drafts: Collection<docs.DraftDoc>;
  private readonly definitions: Collection<docs.DefinitionDoc>;

  constructor(db: Db, private readonly tx: Tx) {
    this.drafts = db.collection('definition_drafts');
    this.definitions = db.collection('definitions');
  }

  async createDraft(definition: WorkflowDefinition, meta: DraftMeta) {
    try {
      return await this.tx(async (session) => {
        if (await this.definitions.findOne({ id: definition.id }, { session })) throw definitionExists(definition.id);
        // The draft's `_id` is the definition id: its unique index refuses a second creation, from any process.
        const doc = docs.draftDoc(definition, nextSavedAt(meta.at, undefined), meta.by);
        await this.drafts.insertOne(doc, { session });
        return docs.draft(doc);
      });
    } catch (error) {
      throw isDuplicate(error) ? definitionExists(definition.id) : error;
    }
  }
  async saveDraft(definition: WorkflowDefinition, options: SaveDraftOptions): Promise<DefinitionDraft> {
    const { id } = definition;
    const checked = options.expectedSavedAt !== undefined;
    try {
      return await this.tx(async (session) => {
        const current = await this.drafts.findOne({ _id: id }, { session });
        const owner = (await this.definitions.findOne({ id }, { session })) ?? current;
        if (owner && owner.authority !== definition.authority.id) throw new StoreError('authority_mismatch', `Definition ${id} belongs to another authority.`, { id });
        if (checked && options.expectedSavedAt !== (current?.savedAt ?? null)) throw staleDraft(id, current);
        const doc = docs.draftDoc(definition, nextSavedAt(options.at, current?.savedAt), options.by);
        // Written only over the draft just read: a save by another process in between conflicts
        // this transaction (withTransaction retries it, and the retry sees the new savedAt).
        if (!current) await this.drafts.insertOne(doc, { session });
        else if ((await this.drafts.replaceOne({ _id: id, savedAt: current.savedAt }, doc, { session })).matchedCount === 0) throw staleDraft(id, null);
        return docs.draft(doc);
      });
    } catch (error) {
      // Created by another process after this one looked: only a checked save is refused for it.
      if (isDuplicate(error) && checked) throw staleDraft(id, null);
      if (isDuplicate(error)) return this.saveDraft(definition, options);
      throw error;
    }
  }
  async getDraft(id: string) {
    const doc = await this.drafts.findOne({ _id: id });
    return doc ? docs.draft(doc) : null;
  }
  async publish(id: string, options: PublishOptions): Promise<PublishedDefinition> {
    try {
      return await this.tx(async (session) => {
        const current = await this.drafts.findOne({ _id: id }, { session });
        if (!current) throw new StoreError('no_draft', `There is no draft of ${id} to publish.`, { id });
        // The body published comes from this same snapshot read, so it is the draft with `draftSavedAt`: the one checked.
        if (options.draftSavedAt !== undefined && options.draftSavedAt !== current.savedAt) throw draftChanged(id, current);
        const latest = (await this.definitions.find({ id }, { session }).sort({ version: -1 }).limit(1).next())?.version ?? 0;
        const next = latest + 1;
        if (options.version !== undefined && options.version !== next) {
          const code = options.version <= latest ? 'already_published' : 'conflict';
          throw new StoreError(code, `Version ${options.version} of ${id} cannot be published; the next version is ${next}.`, { id, next });
        }
        const definition = { ...(JSON.parse(current.body) as WorkflowDefinition), version: next };
        const doc = { _id: `${id}@${next}`, id, version: next, authority: current.authority, name: definition.name, body: JSON.stringify(definition), publishedAt: options.at, publishedBy: options.by, note: options.note ?? null };
        await this.definitions.insertOne(doc, { session });
        return docs.published(doc);
      });
    } catch (error) {
      if (isDuplicate(error)) throw new StoreError('already_published', `Another publish of ${id} happened at the same time.`, { id });
      throw error;
    }
  }
  async getDefinition(id: string, version: number) {
    const doc = await this.definitions.findOne({ id, version });
    return doc ? docs.published(doc) : null;
  }
  async latestPublished(id: string) {
    const doc = await this.definitions.find({ id }).sort({ version: -1 }).limit(1).next();
    return doc ? docs.published(doc) : null;
  }
  /**
   * Reads the names stored beside the bodies (`DefinitionDoc.name`) and one entry per definition;
   * only versions and drafts written before names were stored are read whole, by `_id`. The
   * published versions are append-only (the documented role forbids updating them), so those
   * are not backfilled.
   */
  async listDefinitions(authority: string): Promise<DefinitionSummary[]> {
    const latest = await this.definitions.aggregate<{ _id: string; version: number; name?: string; docId: string }>(latestDefinitionsPipeline(authority)).toArray();
    const drafts = await this.drafts.find({ authority }, { projection: { _id: 1, name: 1 } }).toArray();
    const nameOf = (whole: { body: string } | null, _id: string) => (whole ? (JSON.parse(whole.body) as WorkflowDefinition).name : _id);
    const published = await Promise.all(latest.map(async (d) => ({
      id: d._id, version: d.version, name: d.name ?? nameOf(await this.definitions.findOne({ _id: d.docId }, { projection: { body: 1 } }), d._id),
    })));
    const draftNames = await Promise.all(drafts.map(async (d) => ({
      id: d._id, name: d.name ?? nameOf(await this.drafts.findOne({ _id: d._id }, { projection: { body: 1 } }), d._id),
    })));
    return definitionSummaries(authority, published, draftNames);
  }
}
