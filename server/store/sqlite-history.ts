/**
 * A case's timeline (`CaseState.history`) in its own table, one row per entry, instead of inside
 * the case row that every step rewrites. The engine only ever appends to it, so a step writes its
 * new entries and leaves the rest where they are; `getCase` puts them back in place.
 *
 * The case row keeps how many entries are stored (`history_count`) and a SHA-256 over them
 * (`history_hash`). A commit whose state does not start with exactly the stored entries (a
 * caller that shortened or edited the timeline) rewrites the case's rows, so what is read back
 * is always what was committed. Rows from before schema 12 (`history_count` NULL) keep the
 * timeline inside the state and move it out at their next commit.
 */
import { createHash, type Hash } from 'node:crypto';
import type { HistoryEntry } from '../../engine/index.ts';
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
    const kept = stored?.history_count ?? 0;
    const hash = createHash('sha256');
    for (const line of lines.slice(0, kept)) hash.update(`${line}\n`);
    if (kept > lines.length || (kept > 0 && hash.copy().digest('base64url') !== stored?.history_hash)) {
      this.drop.run(caseId);
      return this.append(caseId, lines, 0, createHash('sha256'));
    }
    return this.append(caseId, lines, kept, hash);
  }

  private append(caseId: string, lines: string[], from: number, hash: Hash) {
    for (let seq = from; seq < lines.length; seq++) {
      this.insert.run(caseId, seq, lines[seq]);
      hash.update(`${lines[seq]}\n`);
    }
    return { historyCount: lines.length, historyHash: hash.digest('base64url') };
  }

  /** The stored timeline of a case whose row says `count` entries. Call inside a read transaction with the row's read. */
  entries(caseId: string, count: number): HistoryEntry[] {
    return (this.read.all(caseId, count) as string[]).map((entry) => JSON.parse(entry) as HistoryEntry);
  }
}
