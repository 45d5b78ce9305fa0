/**
 * The MongoDB store's side of retention (server/retention), as sqlite-retention.ts: closed cases
 * with the facts their rule needs, legal holds (collection `legal_holds`, one document per held
 * case), and disposal, each disposal in one multi-document transaction. Uses the driver's types
 * only; mongo-store.ts is still the one file that loads the driver.
 */
import type { ClientSession, Collection, Db, Filter } from 'mongodb';
import { chainAccess, GENESIS_HASH, type ChainHead } from './audit-chain.ts';
import { ConflictError, StoreError } from './errors.ts';
import type { AccessDoc, AccessHeadDoc, MongoAudit } from './mongo-audit.ts';
import type { CaseDoc } from './mongo-docs.ts';
import type { AnonymiseInput, ClosedCase, ClosedCaseQuery, DeleteInput, LegalHold } from './retention-types.ts';
import { instant } from './rows.ts';
import { childFacts } from './sqlite-retention.ts';
import type { AuditInput, CommitInput } from './types.ts';

type Tx = <T>(work: (session: ClientSession) => Promise<T>) => Promise<T>;
type Commit = (input: CommitInput, session: ClientSession) => Promise<void>;
interface HoldDoc { _id: string; authority: string; by: string; at: string; reason: string }
/** The case document with the field retention adds: when it was anonymised. */
type RetainedCaseDoc = CaseDoc & { anonymisedAt?: string | null };

const holdOf = ({ _id, ...rest }: HoldDoc): LegalHold => ({ caseId: _id, ...rest });
const headOf = (doc: { auditCount: number; auditHead: string } | null): ChainHead => (doc ? { count: doc.auditCount, hash: doc.auditHead } : { count: 0, hash: GENESIS_HASH });

export class MongoRetention {
  private readonly cases: Collection<RetainedCaseDoc>;
  private readonly holds: Collection<HoldDoc>;
  private readonly access: Collection<AccessDoc>;
  private readonly accessHeads: Collection<AccessHeadDoc>;

  constructor(private readonly db: Db, private readonly audit: MongoAudit, private readonly tx: Tx, private readonly commit: Commit) {
    this.cases = db.collection('cases');
    this.holds = db.collection('legal_holds');
    this.access = db.collection('access_log');
    this.accessHeads = db.collection('access_heads');
  }

  /** Creates `legal_holds` (a transaction cannot) and the index the job lists closed cases by. */
  async ensureIndexes(): Promise<void> {
    await this.holds.createIndexes([{ key: { authority: 1 } }]);
    await this.cases.createIndexes([{ key: { authority: 1, status: 1, _id: 1 } }]);
  }

  async listClosedCases({ authority, after = '', limit }: ClosedCaseQuery): Promise<ClosedCase[]> {
    const filter: Filter<RetainedCaseDoc> = { status: { $in: ['closed', 'withdrawn'] }, anonymisedAt: null, _id: { $gt: after }, ...(authority === undefined ? {} : { authority }) };
    const docs = await this.cases.find(filter, { projection: { authority: 1, definitionId: 1, definitionVersion: 1, status: 1, version: 1, updatedAt: 1, state: 1 } }).sort({ _id: 1 }).limit(limit).toArray();
    const holds = new Map((await this.holds.find({ _id: { $in: docs.map((d) => d._id) } }).toArray()).map((h) => [h._id, holdOf(h)]));
    return docs.map((doc) => {
      const state = JSON.parse(doc.state) as { outcome?: { at?: string }; subject: { children: Array<{ dateOfBirth?: unknown }> } };
      return {
        id: doc._id, authority: doc.authority, definitionId: doc.definitionId, definitionVersion: doc.definitionVersion,
        status: doc.status as ClosedCase['status'], version: doc.version, closedAt: state.outcome?.at ?? doc.updatedAt,
        ...childFacts(state.subject.children), hold: holds.get(doc._id) ?? null,
      };
    });
  }

  async getLegalHold(caseId: string): Promise<LegalHold | null> {
    const doc = await this.holds.findOne({ _id: caseId });
    return doc ? holdOf(doc) : null;
  }

  setLegalHold(hold: Omit<LegalHold, 'authority'>): Promise<LegalHold> {
    return this.tx(async (session) => {
      const stored = await this.cases.findOne({ _id: hold.caseId }, { session, projection: { authority: 1, auditCount: 1, auditHead: 1 } });
      if (!stored) throw new StoreError('not_found', `There is no case ${hold.caseId}.`, { caseId: hold.caseId });
      const at = instant(hold.at);
      const doc: HoldDoc = { _id: hold.caseId, authority: stored.authority, by: hold.by, at, reason: hold.reason };
      await this.holds.replaceOne({ _id: hold.caseId }, doc, { upsert: true, session });
      await this.appendCase(stored, { at, actor: hold.by, action: 'legal_hold_set', detail: {} }, session);
      return holdOf(doc);
    });
  }

  clearLegalHold(caseId: string, release: { by: string; at: string }): Promise<boolean> {
    return this.tx(async (session) => {
      const held = await this.holds.findOne({ _id: caseId }, { session });
      if (!held) return false;
      await this.holds.deleteOne({ _id: caseId }, { session });
      const stored = await this.cases.findOne({ _id: caseId }, { session, projection: { auditCount: 1, auditHead: 1 } });
      if (stored) await this.appendCase(stored, { at: instant(release.at), actor: release.by, action: 'legal_hold_released', detail: { heldSince: held.at, heldBy: held.by } }, session);
      return true;
    });
  }

  /** The anonymised state is committed as a step is: its edited timeline no longer matches the stored hash, so every entry is rewritten (history-plan.ts). */
  async anonymiseCase({ caseState, expectedVersion, audit, record }: AnonymiseInput): Promise<void> {
    await this.tx(async (session) => {
      await this.refuseHeld(caseState.id, session);
      await this.commit({ caseState, expectedVersion, audit: [audit], outbox: [], at: record.at }, session);
      await this.cases.updateOne({ _id: caseState.id }, { $set: { anonymisedAt: instant(record.at) } }, { session });
      await this.dropBeside(caseState.id, session);
      await this.appendAccess(caseState.authority, record, session);
    });
  }

  async deleteCase({ caseId, expectedVersion, record }: DeleteInput): Promise<void> {
    await this.tx(async (session) => {
      const stored = await this.cases.findOne({ _id: caseId }, { session, projection: { version: 1, authority: 1 } });
      if (!stored || stored.version !== expectedVersion) throw new ConflictError(caseId, expectedVersion, stored?.version ?? null);
      await this.refuseHeld(caseId, session);
      await this.dropBeside(caseId, session);
      // The timeline (`case_history`, mongo-history.ts) goes too; the search key lives in the case document.
      for (const name of ['tasks', 'timers', 'case_history']) await this.db.collection(name).deleteMany({ caseId }, { session });
      await this.cases.deleteOne({ _id: caseId, version: expectedVersion }, { session });
      await this.appendAccess(stored.authority, record, session);
    });
  }

  private async refuseHeld(caseId: string, session: ClientSession): Promise<void> {
    if (await this.holds.findOne({ _id: caseId }, { session })) throw new StoreError('legal_hold', `Case ${caseId} is on legal hold.`, { caseId });
  }

  private async dropBeside(caseId: string, session: ClientSession): Promise<void> {
    await this.db.collection('task_drafts').deleteMany({ caseId }, { session });
    await this.db.collection('outbox').deleteMany({ caseId }, { session });
    await this.db.collection('idempotency_keys').deleteMany({ 'committed.caseId': caseId }, { session });
  }

  /** One entry on a case's log inside the caller's transaction; the head moves only if nobody else moved it. */
  private async appendCase(stored: Pick<CaseDoc, '_id' | 'auditCount' | 'auditHead'>, input: AuditInput, session: ClientSession): Promise<void> {
    const head = await this.audit.writeCase(stored._id, headOf(stored), [input], session);
    const moved = await this.cases.updateOne({ _id: stored._id, auditCount: stored.auditCount }, { $set: { auditCount: head.count, auditHead: head.hash } }, { session });
    if (moved.matchedCount !== 1) throw new ConflictError(stored._id, stored.auditCount, null);
  }

  /** The disposal's record on the reader's access log, inside the caller's transaction (mongo-audit.ts `appendAccess`). */
  private async appendAccess(authority: string, input: AuditInput, session: ClientSession): Promise<void> {
    const _id = JSON.stringify([authority, input.actor]);
    const stored = await this.accessHeads.findOne({ _id }, { session });
    const chained = chainAccess(authority, headOf(stored), [input], this.audit.key);
    await this.access.insertMany(chained.records.map((r) => ({ _id: JSON.stringify([r.authority, r.actor, r.seq]), ...r })), { session });
    const doc = { authority, actor: input.actor, auditCount: chained.head.count, auditHead: chained.head.hash };
    if (!stored) await this.accessHeads.insertOne({ _id, ...doc }, { session });
    else if ((await this.accessHeads.updateOne({ _id, auditCount: stored.auditCount }, { $set: doc }, { session })).matchedCount !== 1) {
      throw new StoreError('conflict', 'The access log moved on; try again.', { authority });
    }
  }
}
