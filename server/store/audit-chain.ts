/**
 * Tamper evidence for the audit log: each entry's hash covers its content and the previous
 * entry's hash, per case. The case row keeps the chain head (count and last hash), updated in
 * the same transaction, so editing an entry, deleting one in the middle, and cutting entries off
 * the end are all detectable. Someone able to rewrite the whole chain AND the head can still hide
 * it; anchoring heads outside the database (e.g. a daily signed digest) is the next step.
 *
 * Lives in store/ because both stores compute hashes inside their transactions.
 */
import { createHash } from 'node:crypto';
import type { AuditInput, AuditRecord, AuditVerdict } from './types.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainHead {
  count: number;
  hash: string;
}

/** JSON with object keys sorted at every depth, so equal data always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value, new Set()));
}

function sorted(value: unknown, seen: Set<unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) throw new TypeError('Cannot hash a circular structure.');
  seen.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((v) => sorted(v, seen));
  else {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out = Object.fromEntries(entries.map(([k, v]) => [k, sorted(v, seen)]));
  }
  seen.delete(value);
  return out;
}

export function hashEntry(entry: Omit<AuditRecord, 'hash'>): string {
  const { caseId, seq, at, actor, action, detail, prevHash } = entry;
  return createHash('sha256').update(canonicalJson({ caseId, seq, at, actor, action, detail, prevHash })).digest('hex');
}

/** Chains new entries onto a case's head; returns the records and the new head. */
export function chainEntries(caseId: string, head: ChainHead, inputs: AuditInput[]): { records: AuditRecord[]; head: ChainHead } {
  let { count, hash } = head;
  const records = inputs.map((input) => {
    count += 1;
    // Stored as JSON (or BSON): hash the detail as it will read back, without undefined values.
    const detail = JSON.parse(JSON.stringify(input.detail)) as Record<string, unknown>;
    const base = { caseId, seq: count, at: input.at, actor: input.actor, action: input.action, detail, prevHash: hash };
    hash = hashEntry(base);
    return { ...base, hash };
  });
  return { records, head: { count, hash } };
}

/** Checks a case's entries (in seq order) against each other and against the stored head. */
export function verifyChain(entries: AuditRecord[], head: ChainHead): AuditVerdict {
  let prev = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const seq = index + 1;
    const broken = (reason: string): AuditVerdict => ({ ok: false, brokenAt: seq, reason, entries: entries.length });
    if (entry.seq !== seq) return broken(`entry ${seq} is missing`);
    if (entry.prevHash !== prev) return broken(`entry ${seq} does not follow entry ${seq - 1}`);
    if (hashEntry(entry) !== entry.hash) return broken(`entry ${seq} was changed after it was written`);
    prev = entry.hash;
  }
  if (entries.length !== head.count) {
    const at = Math.min(entries.length, head.count) + 1;
    return { ok: false, brokenAt: at, reason: `the log ends at entry ${entries.length} but the case records ${head.count}`, entries: entries.length };
  }
  if (prev !== head.hash) {
    return { ok: false, brokenAt: entries.length, reason: `entry ${entries.length} is not the one the case recorded last`, entries: entries.length };
  }
  return { ok: true, entries: entries.length };
}
