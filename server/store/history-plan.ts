/**
 * The one decision both stores make when a step commits a case's timeline (`CaseState.history`),
 * which they keep one entry a row / document beside the case rather than inside it: append the
 * step's new entries, or rewrite the case's entries whole. Pure, so SQLite (sqlite-history.ts)
 * and MongoDB (mongo-history.ts) decide alike and it is tested without either.
 *
 * The case keeps a head: how many entries are stored and a SHA-256 over them, each entry's JSON
 * followed by a newline (base64url). The engine only appends, so a commit normally starts with
 * exactly the stored entries and writes the rest; a caller that shortened or edited the timeline
 * (anonymisation does) gets every entry rewritten, so what is read back is what was committed.
 */
import { createHash, type Hash } from 'node:crypto';

/** What the case says of its stored timeline; null when none is stored apart (a new case, or one from before). */
export interface HistoryHead { count: number; hash: string }

export interface HistoryPlan {
  /** Drop the case's stored entries first. */
  rewrite: boolean;
  /** Write `lines[from..]` as entries `from`, `from + 1`, ... */
  from: number;
  /** The case's head once written. */
  head: HistoryHead;
}

const hashOf = (lines: readonly string[], hash: Hash = createHash('sha256')) => {
  for (const line of lines) hash.update(`${line}\n`);
  return hash;
};

/** The head of a timeline stored whole: what a store keeps beside the case. */
export function historyHead(lines: readonly string[]): HistoryHead {
  return { count: lines.length, hash: hashOf(lines).digest('base64url') };
}

/**
 * How to store `lines` (each entry as JSON) given the case's `stored` head: from the first new
 * entry if the stored ones are exactly the first `stored.count` lines, else all of them again.
 */
export function planHistoryWrite(stored: HistoryHead | null, lines: readonly string[]): HistoryPlan {
  const kept = stored?.count ?? 0;
  if (kept === 0) return { rewrite: false, from: 0, head: historyHead(lines) };
  const prefix = kept <= lines.length ? hashOf(lines.slice(0, kept)) : null;
  if (!prefix || prefix.copy().digest('base64url') !== stored!.hash) return { rewrite: true, from: 0, head: historyHead(lines) };
  return { rewrite: false, from: kept, head: { count: lines.length, hash: hashOf(lines.slice(kept), prefix).digest('base64url') } };
}
