/**
 * The SQLite store's side of retention (server/retention): closed cases with the facts their rule
 * needs, legal holds, and disposal. Each write runs inside the caller's transaction (a savepoint
 * of the group commit, sqlite-store.ts), so a disposal is written whole or not at all.
 */
import { ConflictError, StoreError } from './errors.ts';
import type { AnonymiseInput, ClosedCase, ClosedCaseQuery, DeleteInput, LegalHold } from './retention-types.ts';
import type { SqliteAudit } from './sqlite-audit.ts';
import { SqliteStepWriter } from './sqlite-commit.ts';
import type { Db } from './sqlite-schema.ts';
import { statement } from './sqlite-statements.ts';
import { instant } from './rows.ts';

interface ClosedRow {
  id: string; authority: string; definition_id: string; definition_version: number; status: 'closed' | 'withdrawn'; version: number;
  updated_at: string; closed_at: string | null; children: string | null; held_by: string | null; held_at: string | null; reason: string | null;
}
interface HoldRow { case_id: string; authority: string; held_by: string; held_at: string; reason: string }

const holdOf = (row: HoldRow): LegalHold => ({ caseId: row.case_id, authority: row.authority, by: row.held_by, at: row.held_at, reason: row.reason });

/** What a case row's children say for the rule: dates of birth where known, and how many. */
export function childFacts(children: Array<{ dateOfBirth?: unknown }>): { childrenBornOn: string[]; children: number } {
  return { childrenBornOn: children.flatMap((c) => (typeof c.dateOfBirth === 'string' ? [c.dateOfBirth] : [])), children: children.length };
}

export class SqliteRetention {
  private readonly steps: SqliteStepWriter;

  constructor(private readonly db: Db, private readonly audit: SqliteAudit) {
    this.steps = new SqliteStepWriter(db, audit);
  }

  listClosedCases({ authority, after = '', limit }: ClosedCaseQuery): ClosedCase[] {
    const sql = `SELECT c.id, c.authority, c.definition_id, c.definition_version, c.status, c.version, c.updated_at,
      json_extract(c.state, '$.outcome.at') AS closed_at, json_extract(c.state, '$.subject.children') AS children,
      h.held_by, h.held_at, h.reason
      FROM cases c LEFT JOIN legal_holds h ON h.case_id = c.id
      WHERE ${authority === undefined ? '' : 'c.authority = ? AND '}c.status <> 'open' AND c.anonymised_at IS NULL AND c.id > ?
      ORDER BY c.id LIMIT ?`;
    const params = authority === undefined ? [after, limit] : [authority, after, limit];
    return (this.db.prepare(sql).all(...params) as ClosedRow[]).map((row) => ({
      id: row.id,
      authority: row.authority,
      definitionId: row.definition_id,
      definitionVersion: row.definition_version,
      status: row.status,
      version: row.version,
      closedAt: row.closed_at ?? row.updated_at,
      ...childFacts(JSON.parse(row.children ?? '[]') as Array<{ dateOfBirth?: unknown }>),
      hold: row.held_by === null ? null : { caseId: row.id, authority: row.authority, by: row.held_by, at: row.held_at!, reason: row.reason! },
    }));
  }

  getLegalHold(caseId: string): LegalHold | null {
    const row = statement(this.db, 'SELECT * FROM legal_holds WHERE case_id = ?').get(caseId) as HoldRow | undefined;
    return row ? holdOf(row) : null;
  }

  setLegalHold(hold: Omit<LegalHold, 'authority'>): LegalHold {
    return this.db.transaction(() => {
      const authority = (statement(this.db, 'SELECT authority FROM cases WHERE id = ?').get(hold.caseId) as { authority: string } | undefined)?.authority;
      if (authority === undefined) throw new StoreError('not_found', `There is no case ${hold.caseId}.`, { caseId: hold.caseId });
      const at = instant(hold.at);
      statement(this.db, `INSERT INTO legal_holds (case_id, authority, held_by, held_at, reason) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (case_id) DO UPDATE SET held_by = excluded.held_by, held_at = excluded.held_at, reason = excluded.reason`)
        .run(hold.caseId, authority, hold.by, at, hold.reason);
      this.audit.appendCase(hold.caseId, [{ at, actor: hold.by, action: 'legal_hold_set', detail: {} }]);
      return { ...hold, at, authority };
    })();
  }

  clearLegalHold(caseId: string, release: { by: string; at: string }): boolean {
    return this.db.transaction(() => {
      const held = this.getLegalHold(caseId);
      if (!held) return false;
      statement(this.db, 'DELETE FROM legal_holds WHERE case_id = ?').run(caseId);
      this.audit.appendCase(caseId, [{ at: instant(release.at), actor: release.by, action: 'legal_hold_released', detail: { heldSince: held.at, heldBy: held.by } }]);
      return true;
    })();
  }

  anonymiseCase({ caseState, expectedVersion, audit, record }: AnonymiseInput): void {
    this.db.transaction(() => {
      this.refuseHeld(caseState.id);
      this.steps.write({ caseState, expectedVersion, audit: [audit], outbox: [], at: record.at });
      statement(this.db, 'UPDATE cases SET anonymised_at = ? WHERE id = ?').run(instant(record.at), caseState.id);
      this.dropBeside(caseState.id);
      this.audit.appendAccess(caseState.authority, record);
    })();
  }

  deleteCase({ caseId, expectedVersion, record }: DeleteInput): void {
    this.db.transaction(() => {
      const stored = statement(this.db, 'SELECT version, authority FROM cases WHERE id = ?').get(caseId) as { version: number; authority: string } | undefined;
      if (!stored || stored.version !== expectedVersion) throw new ConflictError(caseId, expectedVersion, stored?.version ?? null);
      this.refuseHeld(caseId);
      this.dropBeside(caseId);
      for (const table of ['tasks', 'timers', 'case_history']) statement(this.db, `DELETE FROM ${table} WHERE case_id = ?`).run(caseId);
      // The search index rows go with the case row (sqlite-search.ts triggers).
      statement(this.db, 'DELETE FROM cases WHERE id = ?').run(caseId);
      this.audit.appendAccess(stored.authority, record);
    })();
  }

  private refuseHeld(caseId: string): void {
    if (this.getLegalHold(caseId)) throw new StoreError('legal_hold', `Case ${caseId} is on legal hold.`, { caseId });
  }

  /** What is kept beside a case and goes with its family's details: form drafts, messages, kept answers of requests. */
  private dropBeside(caseId: string): void {
    statement(this.db, 'DELETE FROM task_drafts WHERE case_id = ?').run(caseId);
    statement(this.db, 'DELETE FROM outbox WHERE case_id = ?').run(caseId);
    statement(this.db, 'DELETE FROM idempotency_keys WHERE committed_case = ?').run(caseId);
  }
}
