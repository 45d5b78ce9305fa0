import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, legacyHash } from './audit-chain.ts';
import { auditKeyFile, auditKeyFileFor, randomAuditKey } from './audit-key.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { makeCase, rejection, save } from './store-contract-fixtures.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-audit-'));
  dirs.push(dir);
  return join(dir, 'stepwise.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Row { case_id: string; seq: number; at: string; actor: string; action: string; detail: string; prev_hash: string; hash: string }

/**
 * Rewrites a file's case logs (up to entry `upTo`) as SHA-256 chains, as a store from before the
 * key left them; with `forgetKey`, the key record goes too.
 */
function asBeforeTheKey(path: string, { upTo = Infinity, forgetKey = true } = {}): void {
  const db = new Database(path);
  db.exec(`DROP TRIGGER audit_no_update; ${forgetKey ? 'DELETE FROM audit_keys;' : ''}`);
  const rows = (db.prepare('SELECT * FROM audit ORDER BY case_id, seq').all() as Row[]).filter((r) => r.seq <= upTo);
  const update = db.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE case_id = ? AND seq = ?');
  const heads = new Map<string, string>();
  for (const r of rows) {
    const prevHash = heads.get(r.case_id) ?? GENESIS_HASH;
    const hash = legacyHash({ caseId: r.case_id, seq: r.seq, at: r.at, actor: r.actor, action: r.action, detail: JSON.parse(r.detail), prevHash, hash: '' } as never);
    update.run(prevHash, hash, r.case_id, r.seq);
    heads.set(r.case_id, hash);
  }
  if (upTo === Infinity) for (const [id, hash] of heads) db.prepare('UPDATE cases SET audit_head = ? WHERE id = ?').run(hash, id);
  db.exec("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
  db.close();
}

describe('Keying an existing SQLite store', () => {
  it('Given logs written before the key, When the store is first opened with a key, Then each log is sealed with one recorded re-key entry and checks out', async () => {
    const path = tempFile();
    const first = openSqliteStore({ path });
    await save(first, makeCase({ id: 'c1' }));
    await save(first, makeCase({ id: 'c1', version: 2 }));
    await first.close();
    asBeforeTheKey(path);

    const store = openSqliteStore({ path });
    const log = await store.listAudit('c1');
    const keyId = auditKeyFile(auditKeyFileFor(path)).key.id;
    expect(log.map((e) => [e.seq, e.action, e.actor])).toEqual([[1, 'case_started', 'sam'], [2, 'task_completed', 'sam'], [3, 'audit_rekeyed', 'system']]);
    expect(log[2]?.detail).toEqual({ keyId, unkeyedEntries: 2, intact: true });
    expect(await store.verifyAudit('c1')).toEqual({ ok: true, entries: 3, keyedFrom: 3 });
    await save(store, makeCase({ id: 'c1', version: 3 }));
    expect(await store.verifyAudit('c1')).toEqual({ ok: true, entries: 4, keyedFrom: 3 });
    await store.close();

    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT key_id, rekeyed_logs FROM audit_keys').all()).toEqual([{ key_id: keyId, rekeyed_logs: 1 }]);
    db.close();
    // Opened again, nothing more is sealed.
    const again = openSqliteStore({ path });
    expect(await again.listAudit('c1')).toHaveLength(4);
    await again.close();
  });

  it('Given a sealed log, When an entry from before the key is changed and relinked, Then verify finds it at the seal', async () => {
    const path = tempFile();
    const first = openSqliteStore({ path });
    await save(first, makeCase({ id: 'c1' }));
    await save(first, makeCase({ id: 'c1', version: 2 }));
    await first.close();
    asBeforeTheKey(path);
    await (openSqliteStore({ path })).close();
    const db = new Database(path);
    db.exec("DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE case_id = 'c1' AND seq = 1;");
    db.exec("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
    db.close();
    asBeforeTheKey(path, { upTo: 2, forgetKey: false }); // relinks 1 and 2 as SHA-256, as someone without the key would
    const store = openSqliteStore({ path });
    expect(await store.verifyAudit('c1')).toMatchObject({ ok: false, brokenAt: 3 });
    await store.close();
  });

  it('refuses to open a store keyed with another key, rather than let every log fail', async () => {
    const path = tempFile();
    await openSqliteStore({ path, auditKey: randomAuditKey() }).close();
    const error = await rejection((async () => openSqliteStore({ path, auditKey: randomAuditKey() }))());
    expect(error.code).toBe('audit_key_mismatch');
  });
});
