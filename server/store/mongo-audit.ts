/**
 * The MongoDB store's audit logs (audit-chain.ts): reads appended to case logs, the readers'
 * access logs, verification in one snapshot, heads for checkpoints, and the one-off re-keying of
 * logs written before the store had a key. Case entries written by a step are chained in
 * `commitStep`'s own transaction through `writeCase`.
 *
 * Uses the driver's types only; mongo-store.ts is still the one file that loads the driver.
 */
import type { ClientSession, Collection, Db } from 'mongodb';
import { chainAccess, chainEntries, GENESIS_HASH, rekeyInput, verifyChain, type ChainHead } from './audit-chain.ts';
import type { AuditKey } from './audit-key.ts';
import { StoreError } from './errors.ts';
import { auditRecord, type AuditDoc, type CaseDoc } from './mongo-docs.ts';
import type { AccessFilter, AccessRecord, AuditHead, AuditInput, AuditLogRef, AuditVerdict } from './types.ts';

export interface AccessDoc extends AccessRecord { _id: string }
export interface AccessHeadDoc { _id: string; authority: string; actor: string; auditCount: number; auditHead: string }
interface AuditKeyDoc { _id: string; since: string; rekeyedLogs: number }

type Tx = <T>(work: (session: ClientSession) => Promise<T>) => Promise<T>;

const GENESIS: ChainHead = { count: 0, hash: GENESIS_HASH };
const headOf = (doc: { auditCount: number; auditHead: string } | null): ChainHead => (doc ? { count: doc.auditCount, hash: doc.auditHead } : GENESIS);
// JSON pairs are unambiguous whatever characters the ids hold.
const readerKey = (authority: string, actor: string) => JSON.stringify([authority, actor]);
const accessKey = (r: AccessRecord) => JSON.stringify([r.authority, r.actor, r.seq]);
const accessRecord = ({ _id: _ignored, ...rest }: AccessDoc): AccessRecord => rest;
const isDuplicate = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;
class HeadMoved extends Error {}

export class MongoAudit {
  private readonly cases: Collection<CaseDoc>;
  private readonly audit: Collection<AuditDoc>;
  private readonly access: Collection<AccessDoc>;
  private readonly accessHeads: Collection<AccessHeadDoc>;
  private readonly keys: Collection<AuditKeyDoc>;

  constructor(db: Db, readonly key: AuditKey, private readonly tx: Tx) {
    this.cases = db.collection('cases');
    this.audit = db.collection('audit');
    this.access = db.collection('access_log');
    this.accessHeads = db.collection('access_heads');
    this.keys = db.collection('audit_keys');
  }

  /** Inside the caller's transaction: chains entries onto a case's log and returns its new head. */
  async writeCase(caseId: string, head: ChainHead, inputs: AuditInput[], session: ClientSession): Promise<ChainHead> {
    const chained = chainEntries(caseId, head, inputs, this.key);
    if (chained.records.length) await this.audit.insertMany(chained.records.map((r) => ({ _id: `${r.caseId}#${r.seq}`, ...r })), { session });
    return chained.head;
  }

  async appendCase(caseId: string, inputs: AuditInput[]): Promise<void> {
    await this.appending(async (session) => {
      const stored = await this.cases.findOne({ _id: caseId }, { session, projection: { auditCount: 1, auditHead: 1 } });
      if (!stored) throw new StoreError('not_found', `There is no case ${caseId}.`, { caseId });
      const head = await this.writeCase(caseId, headOf(stored), inputs, session);
      const moved = await this.cases.updateOne({ _id: caseId, auditCount: stored.auditCount }, { $set: { auditCount: head.count, auditHead: head.hash } }, { session });
      if (moved.matchedCount !== 1) throw new HeadMoved();
    });
  }

  async appendAccess(authority: string, input: AuditInput): Promise<void> {
    const _id = readerKey(authority, input.actor);
    await this.appending(async (session) => {
      const stored = await this.accessHeads.findOne({ _id }, { session });
      const chained = chainAccess(authority, headOf(stored), [input], this.key);
      await this.access.insertMany(chained.records.map((r) => ({ _id: accessKey(r), ...r })), { session });
      const doc = { authority, actor: input.actor, auditCount: chained.head.count, auditHead: chained.head.hash };
      if (!stored) await this.accessHeads.insertOne({ _id, ...doc }, { session });
      else if ((await this.accessHeads.updateOne({ _id, auditCount: stored.auditCount }, { $set: doc }, { session })).matchedCount !== 1) throw new HeadMoved();
    });
  }

  /**
   * Two appends to one log at once: the loser meets the winner's entry or head as a duplicate key,
   * or finds the head moved (not always a transient error the driver retries itself), and tries
   * again on the new head. Never an entry without its head, or the other way round.
   */
  private async appending(work: (session: ClientSession) => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx(work);
      } catch (error) {
        if (!(isDuplicate(error) || error instanceof HeadMoved) || attempt >= 5) throw error;
      }
    }
  }

  async listCase(caseId: string, session?: ClientSession) {
    return (await this.audit.find({ caseId }, session ? { session } : {}).sort({ seq: 1 }).toArray()).map(auditRecord);
  }

  async listAccess(filter: AccessFilter): Promise<AccessRecord[]> {
    const query: Record<string, unknown> = { authority: filter.authority };
    if (filter.actor !== undefined) query.actor = filter.actor;
    if (filter.caseId !== undefined) query.$or = [{ 'detail.cases': filter.caseId }, { 'detail.target.id': filter.caseId }];
    return (await this.access.find(query).sort({ at: 1, actor: 1, seq: 1 }).toArray()).map(accessRecord);
  }

  /** One snapshot, so the head and the entries are from the same moment. */
  async verify(log: AuditLogRef, checkpoint?: ChainHead): Promise<AuditVerdict> {
    const options = { ...(checkpoint ? { checkpoint } : {}), holder: 'caseId' in log ? 'the case' : 'the access log' };
    return this.tx(async (session) => {
      if ('caseId' in log) {
        const stored = await this.cases.findOne({ _id: log.caseId }, { session, projection: { auditCount: 1, auditHead: 1 } });
        return verifyChain(await this.listCase(log.caseId, session), headOf(stored), this.key, options);
      }
      const stored = await this.accessHeads.findOne({ _id: readerKey(log.authority, log.actor) }, { session });
      const entries = await this.access.find({ authority: log.authority, actor: log.actor }, { session }).sort({ seq: 1 }).toArray();
      return verifyChain(entries.map(accessRecord), headOf(stored), this.key, options);
    });
  }

  async *heads(): AsyncIterable<AuditHead> {
    for await (const doc of this.cases.find({}, { projection: { auditCount: 1, auditHead: 1 } }).sort({ _id: 1 })) {
      yield { caseId: doc._id, ...headOf(doc) };
    }
    for await (const doc of this.accessHeads.find({}).sort({ authority: 1, actor: 1 })) {
      yield { authority: doc.authority, actor: doc.actor, ...headOf(doc) };
    }
  }

  /**
   * The first open with a key: every case log whose last entry is unkeyed gets an `audit_rekeyed`
   * record, and the key is recorded. Later opens with another key are refused.
   */
  async sealOnFirstKey(at: string): Promise<void> {
    const keys = await this.keys.find({}).toArray();
    if (keys.some((k) => k._id === this.key.id)) return;
    if (keys.length > 0) {
      throw new StoreError('audit_key_mismatch', `This store's audit logs are keyed with key ${keys[0]!._id}, not ${this.key.id}.`, { expected: keys[0]!._id, given: this.key.id });
    }
    let sealed = 0;
    for await (const { _id: caseId } of this.cases.find({ auditCount: { $gt: 0 } }, { projection: { _id: 1 } })) {
      // Each log re-checked inside its own transaction, so a process sealing at the same time adds nothing twice.
      sealed += await this.tx(async (session) => {
        const stored = await this.cases.findOne({ _id: caseId }, { session, projection: { auditCount: 1, auditHead: 1 } });
        const input = stored && rekeyInput(await this.listCase(caseId, session), headOf(stored), this.key, at);
        if (!stored || !input) return 0;
        const head = await this.writeCase(caseId, headOf(stored), [input], session);
        await this.cases.updateOne({ _id: caseId, auditCount: stored.auditCount }, { $set: { auditCount: head.count, auditHead: head.hash } }, { session });
        return 1;
      });
    }
    try {
      await this.keys.insertOne({ _id: this.key.id, since: at, rekeyedLogs: sealed });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  }
}
