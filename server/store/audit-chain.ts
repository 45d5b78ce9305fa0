/**
 * Tamper evidence for the audit logs. Every entry carries an HMAC-SHA-256, under a key kept
 * outside the database (audit-key.ts), of its content and the previous entry's MAC. Each log
 * keeps its head (count and last MAC) beside it — a case's on its case row, a reader's access
 * log on its head row — updated in the same transaction. Without the key nobody can write an
 * entry that checks out, so changing, inserting or removing one, or rebuilding a log from
 * scratch, is found by `verifyChain`. Cutting entries off the end AND moving the head back to
 * match needs no key: only a checkpoint held elsewhere (audit-checkpoint.ts) finds that.
 *
 * Entries written before stores were keyed carry a plain SHA-256 of the same content. They
 * must all come before the log's first keyed entry, and that entry must be the `audit_rekeyed`
 * record the store writes when it is first opened with a key: its MAC covers the last unkeyed
 * hash, so the old entries cannot be changed after the migration either. A log with no keyed
 * entry at all does not check out, so a keyed log rewritten in the old form is found too.
 *
 * Lives in store/ because both stores chain entries inside their transactions.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditKey } from './audit-key.ts';
import type { AccessRecord, AuditInput, AuditRecord, AuditVerdict } from './types.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** The entry that seals a log's unkeyed entries under the key (see above). */
export const REKEYED = 'audit_rekeyed';

export interface ChainHead {
  count: number;
  hash: string;
}

/** What every entry adds to its content: its place in the log and the links. */
export interface Chained {
  seq: number;
  prevHash: string;
  /** The entry's MAC; for an entry written before the key, its SHA-256. */
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

/** An entry's content: everything but its own hash. A case entry's is {caseId, seq, at, actor, action, detail, prevHash}. */
const contentOf = ({ hash: _hash, ...content }: Chained) => canonicalJson(content);

/** The SHA-256 entries carried before stores were keyed. */
export const legacyHash = (entry: Chained) => createHash('sha256').update(contentOf(entry)).digest('hex');

export const entryMac = (entry: Chained, key: AuditKey) => createHmac('sha256', key.secret).update(contentOf(entry)).digest('hex');

export const isKeyed = (entry: Chained, key: AuditKey) => entryMac(entry, key) === entry.hash;

function chain<S extends object>(scope: S, head: ChainHead, inputs: AuditInput[], key: AuditKey): { records: Array<S & AuditInput & Chained>; head: ChainHead } {
  let { count, hash } = head;
  const records = inputs.map((input) => {
    count += 1;
    // Stored as JSON (or BSON): MAC the detail as it will read back, without undefined values.
    const detail = JSON.parse(JSON.stringify(input.detail)) as Record<string, unknown>;
    const base = { ...scope, seq: count, at: input.at, actor: input.actor, action: input.action, detail, prevHash: hash };
    hash = entryMac({ ...base, hash: '' }, key);
    return { ...base, hash };
  });
  return { records, head: { count, hash } };
}

/** Chains new entries onto a case's log; returns the records and the new head. */
export function chainEntries(caseId: string, head: ChainHead, inputs: AuditInput[], key: AuditKey): { records: AuditRecord[]; head: ChainHead } {
  return chain({ caseId }, head, inputs, key);
}

/** Chains new entries onto a reader's access log (one per person: `actor` is always the reader). */
export function chainAccess(authority: string, head: ChainHead, inputs: AuditInput[], key: AuditKey): { records: AccessRecord[]; head: ChainHead } {
  return chain({ authority }, head, inputs, key);
}

export interface VerifyOptions {
  /** A head exported earlier: the log must still hold that entry, unchanged. */
  checkpoint?: ChainHead;
  /** Who keeps the head, for the reason given: "the case" (default) or "the access log". */
  holder?: string;
}

/**
 * Checks a log's entries (in seq order) against each other, the key and the stored head; with
 * a checkpoint, also that the log still holds the entry the checkpoint recorded as its head.
 */
export function verifyChain(entries: Chained[], head: ChainHead, key: AuditKey, options: VerifyOptions = {}): AuditVerdict {
  const { checkpoint, holder = 'the case' } = options;
  let prev = GENESIS_HASH;
  let keyedFrom: number | null = null;
  const broken = (brokenAt: number, reason: string): AuditVerdict => ({ ok: false, brokenAt, reason, entries: entries.length });
  for (const [index, entry] of entries.entries()) {
    const seq = index + 1;
    if (entry.seq !== seq) return broken(seq, `entry ${seq} is missing`);
    if (entry.prevHash !== prev) return broken(seq, `entry ${seq} does not follow entry ${seq - 1}`);
    if (isKeyed(entry, key)) {
      if (keyedFrom === null && seq > 1 && (entry as Partial<AuditInput>).action !== REKEYED) {
        return broken(seq, `entry ${seq} follows entries written without the key, but is not a re-key record`);
      }
      keyedFrom ??= seq;
    } else if (keyedFrom !== null || legacyHash(entry) !== entry.hash) {
      return broken(seq, `entry ${seq} was changed after it was written`);
    }
    prev = entry.hash;
  }
  if (entries.length !== head.count) {
    return broken(Math.min(entries.length, head.count) + 1, `the log ends at entry ${entries.length} but ${holder} records ${head.count}`);
  }
  if (prev !== head.hash) return broken(entries.length, `entry ${entries.length} is not the one ${holder} recorded last`);
  if (entries.length > 0 && keyedFrom === null) return broken(1, 'no entry of the log was written with the audit key');
  if (checkpoint && checkpoint.count > 0) {
    if (entries.length < checkpoint.count) {
      return broken(entries.length + 1, `the log ends at entry ${entries.length} but the checkpoint recorded ${checkpoint.count}`);
    }
    if (entries[checkpoint.count - 1]!.hash !== checkpoint.hash) {
      return broken(checkpoint.count, `entry ${checkpoint.count} is not the one the checkpoint recorded`);
    }
  }
  return { ok: true, entries: entries.length, ...(keyedFrom !== null && keyedFrom > 1 ? { keyedFrom } : {}) };
}

/**
 * The record that seals a log's unkeyed entries under the key, or null if its last entry is
 * keyed already (or it has none). Records whether the old entries checked out when sealed.
 */
export function rekeyInput(entries: Chained[], head: ChainHead, key: AuditKey, at: string): AuditInput | null {
  const last = entries.at(-1);
  if (!last || isKeyed(last, key)) return null;
  const old = verifyLegacy(entries, head);
  return { at, actor: 'system', action: REKEYED, detail: { keyId: key.id, unkeyedEntries: entries.length, intact: old === null, ...(old ? { brokenAt: old } : {}) } };
}

/** The first unkeyed entry that does not check out, or null. */
function verifyLegacy(entries: Chained[], head: ChainHead): number | null {
  let prev = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1 || entry.prevHash !== prev || legacyHash(entry) !== entry.hash) return index + 1;
    prev = entry.hash;
  }
  return entries.length === head.count && prev === head.hash ? null : Math.min(entries.length, head.count) + 1;
}
