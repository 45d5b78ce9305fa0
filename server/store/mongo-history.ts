/**
 * A case's timeline (`CaseState.history`) in the MongoDB store: collection `case_history`, one
 * document per entry (`_id` caseId#seq, unique on { caseId, seq }), as SQLite's `case_history`
 * table (sqlite-history.ts). The case document keeps `historyCount` and `historyHash` and stores
 * its state with `history: []`, so a step writes (and logs to the oplog) its new entries only,
 * not the whole timeline again. Append or rewrite is decided by `planHistoryWrite`
 * (history-plan.ts), shared with SQLite.
 *
 * Case documents written before this (no `historyCount`) keep the timeline inside the state and
 * are read as they are; their next commit moves it out. Uses the driver's types only;
 * mongo-store.ts is still the one file that loads the driver.
 */
import type { ClientSession, Collection, Db } from 'mongodb';
import type { HistoryEntry } from '../../engine/index.ts';
import { planHistoryWrite, type HistoryHead } from './history-plan.ts';

export interface HistoryDoc { _id: string; caseId: string; seq: number; entry: string }

/** The case document's fields that say what is stored apart; absent on documents from before. */
export interface CaseHistoryFields { historyCount?: number; historyHash?: string }

/** The entries `lines[from..]` as documents (each entry's JSON kept as a string, as the state is: mongo-docs.ts). */
export function historyDocs(caseId: string, lines: readonly string[], from: number): HistoryDoc[] {
  return lines.slice(from).map((entry, i) => ({ _id: `${caseId}#${from + i}`, caseId, seq: from + i, entry }));
}

/** The stored head of a case document, or null if it still holds its timeline inside the state. */
export function storedHead(doc: CaseHistoryFields | null): HistoryHead | null {
  return doc && doc.historyCount !== undefined && doc.historyHash !== undefined ? { count: doc.historyCount, hash: doc.historyHash } : null;
}

export class MongoHistory {
  private readonly entries: Collection<HistoryDoc>;

  constructor(db: Db) {
    this.entries = db.collection('case_history');
  }

  /** Stores `history` for the case inside the caller's transaction; returns the fields the case document keeps. */
  async write(caseId: string, stored: CaseHistoryFields | null, history: readonly HistoryEntry[], session: ClientSession): Promise<Required<CaseHistoryFields>> {
    const lines = history.map((entry) => JSON.stringify(entry));
    const plan = planHistoryWrite(storedHead(stored), lines);
    if (plan.rewrite) await this.entries.deleteMany({ caseId }, { session });
    const docs = historyDocs(caseId, lines, plan.from);
    if (docs.length) await this.entries.insertMany(docs, { session });
    return { historyCount: plan.head.count, historyHash: plan.head.hash };
  }

  /** The first `count` stored entries of a case, in order: read in the snapshot session the case document was read in (mongo-store.ts `getCase`). */
  async read(caseId: string, count: number, session: ClientSession): Promise<HistoryEntry[]> {
    const docs = await this.entries.find({ caseId, seq: { $lt: count } }, { session, readConcern: { level: 'snapshot' }, projection: { entry: 1 } }).sort({ seq: 1 }).toArray();
    if (docs.length !== count) throw new Error(`Case ${caseId}'s timeline has ${docs.length} of its ${count} entries stored.`);
    return docs.map((doc) => JSON.parse(doc.entry) as HistoryEntry);
  }

  /** Removes a case's timeline (disposal), inside the caller's transaction. */
  async drop(caseId: string, session: ClientSession): Promise<void> {
    await this.entries.deleteMany({ caseId }, { session });
  }
}
