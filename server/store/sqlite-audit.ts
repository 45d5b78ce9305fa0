/**
 * The SQLite store's audit logs (audit-chain.ts): reads appended to case logs, the readers'
 * access logs, verification in one read transaction, heads for checkpoints, and the one-off
 * re-keying of logs written before the store had a key. Case entries written by a step are
 * chained in `commitStep`'s own transaction (sqlite-store.ts).
 */
import { chainAccess, chainEntries, GENESIS_HASH, rekeyInput, verifyChain, type ChainHead } from './audit-chain.ts';
import type { AuditKey } from './audit-key.ts';
import { StoreError } from './errors.ts';
import type { Db } from './sqlite-schema.ts';
import { statement } from './sqlite-statements.ts';
import type { AccessFilter, AccessRecord, AuditHead, AuditInput, AuditLogRef, AuditRecord, AuditVerdict } from './types.ts';

interface AuditSqlRow { case_id: string; seq: number; at: string; actor: string; action: string; detail: string; prev_hash: string; hash: string }
interface AccessSqlRow extends Omit<AuditSqlRow, 'case_id'> { authority: string }
interface HeadRow { audit_count: number; audit_head: string }

const GENESIS: ChainHead = { count: 0, hash: GENESIS_HASH };
const headOf = (row: HeadRow | undefined): ChainHead => (row ? { count: row.audit_count, hash: row.audit_head } : GENESIS);
const HEADS_PAGE = 1000;

const auditRecord = (r: AuditSqlRow): AuditRecord => ({
  caseId: r.case_id, seq: r.seq, at: r.at, actor: r.actor, action: r.action,
  detail: JSON.parse(r.detail) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
});
const accessRecord = (r: AccessSqlRow): AccessRecord => ({
  authority: r.authority, seq: r.seq, at: r.at, actor: r.actor, action: r.action,
  detail: JSON.parse(r.detail) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
});

export class SqliteAudit {
  private readonly insertAudit;
  private readonly insertAccess;

  constructor(private readonly db: Db, readonly key: AuditKey) {
    this.insertAudit = db.prepare(`INSERT INTO audit (case_id, seq, at, actor, action, detail, prev_hash, hash)
      VALUES (@caseId, @seq, @at, @actor, @action, @detail, @prevHash, @hash)`);
    this.insertAccess = db.prepare(`INSERT INTO access_log (authority, actor, seq, at, action, detail, prev_hash, hash)
      VALUES (@authority, @actor, @seq, @at, @action, @detail, @prevHash, @hash)`);
  }

  /** Inside the caller's transaction: chains entries onto a case's log and returns its new head. */
  writeCase(caseId: string, head: ChainHead, inputs: AuditInput[]): ChainHead {
    const chained = chainEntries(caseId, head, inputs, this.key);
    for (const record of chained.records) this.insertAudit.run({ ...record, detail: JSON.stringify(record.detail) });
    return chained.head;
  }

  appendCase(caseId: string, inputs: AuditInput[]): void {
    this.db.transaction(() => {
      const stored = statement(this.db, 'SELECT audit_count, audit_head FROM cases WHERE id = ?').get(caseId) as HeadRow | undefined;
      if (!stored) throw new StoreError('not_found', `There is no case ${caseId}.`, { caseId });
      const head = this.writeCase(caseId, headOf(stored), inputs);
      statement(this.db, 'UPDATE cases SET audit_count = ?, audit_head = ? WHERE id = ?').run(head.count, head.hash, caseId);
    }).immediate();
  }

  appendAccess(authority: string, input: AuditInput): void {
    this.db.transaction(() => {
      const stored = statement(this.db, 'SELECT audit_count, audit_head FROM access_heads WHERE authority = ? AND actor = ?').get(authority, input.actor) as HeadRow | undefined;
      const chained = chainAccess(authority, headOf(stored), [input], this.key);
      for (const record of chained.records) this.insertAccess.run({ ...record, detail: JSON.stringify(record.detail) });
      statement(this.db, `INSERT INTO access_heads (authority, actor, audit_count, audit_head) VALUES (?, ?, ?, ?)
        ON CONFLICT (authority, actor) DO UPDATE SET audit_count = excluded.audit_count, audit_head = excluded.audit_head`)
        .run(authority, input.actor, chained.head.count, chained.head.hash);
    }).immediate();
  }

  listCase(caseId: string): AuditRecord[] {
    return (this.db.prepare('SELECT * FROM audit WHERE case_id = ? ORDER BY seq').all(caseId) as AuditSqlRow[]).map(auditRecord);
  }

  listAccess(filter: AccessFilter): AccessRecord[] {
    const where = ['authority = ?'];
    const params: string[] = [filter.authority];
    if (filter.actor !== undefined) {
      where.push('actor = ?');
      params.push(filter.actor);
    }
    // A scan of the authority's access log: an investigator's question, not a page's.
    if (filter.caseId !== undefined) {
      where.push(`(EXISTS (SELECT 1 FROM json_each(detail, '$.cases') WHERE value = ?) OR json_extract(detail, '$.target.id') = ?)`);
      params.push(filter.caseId, filter.caseId);
    }
    const sql = `SELECT * FROM access_log WHERE ${where.join(' AND ')} ORDER BY at, actor, seq`;
    return (this.db.prepare(sql).all(...params) as AccessSqlRow[]).map(accessRecord);
  }

  /** One read transaction, so the head and the entries are from the same moment. */
  verify(log: AuditLogRef, checkpoint?: ChainHead): AuditVerdict {
    const { entries, head } = this.db.transaction(() => {
      if ('caseId' in log) {
        const stored = this.db.prepare('SELECT audit_count, audit_head FROM cases WHERE id = ?').get(log.caseId) as HeadRow | undefined;
        return { entries: this.listCase(log.caseId), head: headOf(stored) };
      }
      const stored = this.db.prepare('SELECT audit_count, audit_head FROM access_heads WHERE authority = ? AND actor = ?').get(log.authority, log.actor) as HeadRow | undefined;
      const rows = this.db.prepare('SELECT * FROM access_log WHERE authority = ? AND actor = ? ORDER BY seq').all(log.authority, log.actor) as AccessSqlRow[];
      return { entries: rows.map(accessRecord), head: headOf(stored) };
    })();
    return verifyChain(entries, head, this.key, { ...(checkpoint ? { checkpoint } : {}), holder: 'caseId' in log ? 'the case' : 'the access log' });
  }

  /** Every log's head, a page at a time (an open better-sqlite3 iterator would block other queries). */
  async *heads(): AsyncIterable<AuditHead> {
    let after = '';
    for (;;) {
      const page = this.db.prepare('SELECT id, audit_count, audit_head FROM cases WHERE id > ? ORDER BY id LIMIT ?').all(after, HEADS_PAGE) as Array<HeadRow & { id: string }>;
      for (const row of page) yield { caseId: row.id, ...headOf(row) };
      if (page.length < HEADS_PAGE) break;
      after = page.at(-1)!.id;
    }
    // Readers are far fewer than cases: one query.
    const readers = this.db.prepare('SELECT authority, actor, audit_count, audit_head FROM access_heads ORDER BY authority, actor').all() as Array<HeadRow & { authority: string; actor: string }>;
    for (const row of readers) yield { authority: row.authority, actor: row.actor, ...headOf(row) };
  }

  /**
   * The first open with a key: every case log whose last entry is unkeyed gets an `audit_rekeyed`
   * record, and the key is recorded. Later opens with another key are refused, so a lost or
   * changed key is noticed at once instead of every log failing verification.
   */
  sealOnFirstKey(at: string): void {
    // Every later open: one read, no write lock.
    if (this.db.prepare('SELECT 1 FROM audit_keys WHERE key_id = ?').get(this.key.id)) return;
    this.db.transaction(() => {
      const keys = this.db.prepare('SELECT key_id FROM audit_keys').all() as Array<{ key_id: string }>;
      if (keys.some((k) => k.key_id === this.key.id)) return;
      if (keys.length > 0) {
        throw new StoreError('audit_key_mismatch', `This store's audit logs are keyed with key ${keys[0]!.key_id}, not ${this.key.id}.`, { expected: keys[0]!.key_id, given: this.key.id });
      }
      let sealed = 0;
      const cases = this.db.prepare('SELECT id, audit_count, audit_head FROM cases WHERE audit_count > 0').all() as Array<HeadRow & { id: string }>;
      for (const row of cases) {
        const input = rekeyInput(this.listCase(row.id), headOf(row), this.key, at);
        if (!input) continue;
        const head = this.writeCase(row.id, headOf(row), [input]);
        this.db.prepare('UPDATE cases SET audit_count = ?, audit_head = ? WHERE id = ?').run(head.count, head.hash, row.id);
        sealed += 1;
      }
      this.db.prepare('INSERT INTO audit_keys (key_id, since, rekeyed_logs) VALUES (?, ?, ?)').run(this.key.id, at, sealed);
    }).immediate();
  }
}
