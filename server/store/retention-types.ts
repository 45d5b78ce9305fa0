/**
 * What the stores keep for retention (server/retention): closed cases with the facts their rule
 * needs, legal holds, and the two ways a case is disposed of. Instants as elsewhere in the store.
 */
import type { CaseState, Instant } from '../../engine/index.ts';
import type { AuditInput } from './types.ts';

/** A case an admin has put beyond the retention job's reach, and why (litigation, an inquiry, a complaint). */
export interface LegalHold {
  caseId: string;
  authority: string;
  by: string;
  at: Instant;
  reason: string;
}

/** A closed or withdrawn case not yet anonymised, with what its retention rule needs. */
export interface ClosedCase {
  id: string;
  authority: string;
  definitionId: string;
  definitionVersion: number;
  status: 'closed' | 'withdrawn';
  version: number;
  /** When it closed (its outcome's instant; its last change if it has none). */
  closedAt: Instant;
  /** Each child's date of birth, where known. */
  childrenBornOn: string[];
  /** How many children the case is about. */
  children: number;
  hold: LegalHold | null;
}

export interface ClosedCaseQuery {
  /** One authority's cases; all authorities when absent (the retention job). */
  authority?: string;
  /** Cases with ids after this one: the last id of the page before. */
  after?: string;
  limit: number;
}

/**
 * A disposal's record: one entry on `record.actor`'s access log (the admin's, or `system`'s for
 * the daily job), in the disposal's own transaction. It outlives the case, and names the case
 * by id and the rule applied, never the family.
 */
export interface DisposalRecord {
  record: AuditInput;
}

export interface AnonymiseInput extends DisposalRecord {
  /** The anonymised state (server/retention/anonymise.ts), one version on from `expectedVersion`. */
  caseState: CaseState;
  expectedVersion: number;
  /** The entry on the case's own log, which the anonymised case keeps. */
  audit: AuditInput;
}

export interface DeleteInput extends DisposalRecord {
  caseId: string;
  /** Deleted only if the case is still at this version (nothing happened to it since it was planned). */
  expectedVersion: number;
}
