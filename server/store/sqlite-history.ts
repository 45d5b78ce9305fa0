/**
 * A case's timeline (`CaseState.history`) in its own table, one row per entry, instead of inside
 * the case row that every step rewrites. The engine only ever appends to it, so a step writes its
 * new entries and leaves the rest where they are; `getCase` puts them back in place.
 *
 * The case row keeps how many entries are stored (`history_count`) and a SHA-256 over them
 * (`history_hash`). A commit whose state does not start with exactly the stored entries (a
 * caller that shortened or edited the timeline) rewrites the case's rows, so what is read back
 * is always what was committed: the decision is `planHistoryWrite` (history-plan.ts), shared
 * with the MongoDB store. Rows from before schema 12 (`history_count` NULL) keep the timeline
 * inside the state and move it out at their next commit.
 */
import type { HistoryEntry } from '../../engine/index.ts';
import { planHistoryWrite } from './history-plan.ts';
import type { Db } from './sqlite-schema.ts';

/** What the case row says of its stored timeline; both NULL on rows from before schema 12. */
export interface HistoryHead { history_count: number | null; history_hash: string | null }

export class SqliteHistory {
  private readonly insert;
  private readonly drop;
  private readonly read;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO case_history (case_id, seq, entry) VALUES (?, ?, ?)');
    this.drop = db.prepare('DELETE FROM case_history WHERE case_id = ?');
    this.read = db.prepare('SELECT entry FROM case_history WHERE case_id = ? AND seq < ? ORDER BY seq').pluck();
  }

  /** Stores `history` for the case (inside the caller's transaction) and returns the row's new head. */
  write(caseId: string, stored: HistoryHead | undefined, history: readonly HistoryEntry[]): { historyCount: number; historyHash: string } {
    const lines = history.map((entry) => JSON.stringify(entry));
    const head = stored && stored.history_count !== null && stored.history_hash !== null ? { count: stored.history_count, hash: stored.history_hash } : null;
    const plan = planHistoryWrite(head, lines);
    if (plan.rewrite) this.drop.run(caseId);
    for (let seq = plan.from; seq < lines.length; seq++) this.insert.run(caseId, seq, lines[seq]);
    return { historyCount: plan.head.count, historyHash: plan.head.hash };
  }

  /** The stored timeline of a case whose row says `count` entries. Call inside a read transaction with the row's read. */
  entries(caseId: string, count: number): HistoryEntry[] {
    return (this.read.all(caseId, count) as string[]).map((entry) => JSON.parse(entry) as HistoryEntry);
  }
}
