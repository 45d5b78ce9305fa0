import Database from 'better-sqlite3';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSignature, createCheckpoint, generateSigningKeys, loadSigningKey, verifyStore, type Checkpoint } from './audit-checkpoint.ts';
import { randomAuditKey } from './audit-key.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';
import { at, makeCase, save } from './store-contract-fixtures.ts';

let dir: string;
let path: string;
let store: Store;
const auditKey = randomAuditKey();
const signer = generateSigningKeys();
const signingKey = loadSigningKey(signer.privateKeyPem);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-checkpoint-'));
  path = join(dir, 'stepwise.db');
  store = openSqliteStore({ path, auditKey });
  for (const id of ['c1', 'c2']) {
    await save(store, makeCase({ id }));
    await save(store, makeCase({ id, version: 2 }));
    await save(store, makeCase({ id, version: 3 }));
  }
  await store.appendAccess('north', { at: at(5), actor: 'dana', action: 'cases_listed', detail: { what: 'case_list', cases: ['c1', 'c2'] } });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** As someone holding the file could: cut a case's last entries and move its head back to match. */
function truncate(caseId: string, keep: number): void {
  const db = new Database(path);
  db.exec('DROP TRIGGER IF EXISTS audit_no_delete');
  db.prepare('DELETE FROM audit WHERE case_id = ? AND seq > ?').run(caseId, keep);
  const last = db.prepare('SELECT hash FROM audit WHERE case_id = ? AND seq = ?').get(caseId, keep) as { hash: string };
  db.prepare('UPDATE cases SET audit_count = ?, audit_head = ? WHERE id = ?').run(keep, last.hash, caseId);
  db.close();
}

describe('Signed checkpoints of the audit logs', () => {
  it('records every log’s head, signed, and checks out against the untouched store', async () => {
    const checkpoint = await createCheckpoint(store, { at: '2026-11-03T09:00:00.000Z', auditKeyId: auditKey.id, signingKey });
    expect(checkpoint).toMatchObject({ format: 'stepwise-audit-checkpoint/1', auditKeyId: auditKey.id, logs: 3, entries: 7 });
    expect(checkpoint.heads.map((h) => ('caseId' in h ? [h.caseId, h.count] : [h.actor, h.count]))).toEqual([['c1', 3], ['c2', 3], ['dana', 1]]);
    // Round-trips as the JSON file it is kept as.
    const kept = JSON.parse(JSON.stringify(checkpoint)) as Checkpoint;
    expect(checkSignature(kept, createPublicKey(signer.publicKeyPem))).toMatchObject({ ok: true });
    expect(await verifyStore(store, kept)).toEqual({ ok: true, logs: 3, entries: 7, failures: [], checkpointLogs: 3 });
  });

  it('Given a checkpoint, When entries are cut off the end of a log and its head moved back, Then plain verify passes but the checkpoint finds the truncation', async () => {
    const checkpoint = await createCheckpoint(store, { at: '2026-11-03T09:00:00.000Z', auditKeyId: auditKey.id, signingKey });
    await save(store, makeCase({ id: 'c1', version: 4 }));
    truncate('c1', 2);
    expect((await verifyStore(store)).ok).toBe(true);
    const verdict = await verifyStore(store, checkpoint);
    expect(verdict).toMatchObject({ ok: false, failures: [{ log: { caseId: 'c1' }, verdict: { ok: false, brokenAt: 3, reason: 'the log ends at entry 2 but the checkpoint recorded 3' } }] });
  });

  it('Given a checkpoint, When a whole case and its log are removed, Then the checkpoint still names the log', async () => {
    const checkpoint = await createCheckpoint(store, { at: '2026-11-03T09:00:00.000Z', auditKeyId: auditKey.id, signingKey });
    const db = new Database(path);
    db.exec("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE case_id = 'c2'; DELETE FROM cases WHERE id = 'c2';");
    db.close();
    expect((await verifyStore(store)).ok).toBe(true);
    expect((await verifyStore(store, checkpoint)).failures).toEqual([{ log: { caseId: 'c2' }, verdict: expect.objectContaining({ reason: 'the log ends at entry 0 but the checkpoint recorded 3' }) }]);
  });

  it('refuses a checkpoint changed after signing, or signed by another key than the published one', async () => {
    const checkpoint = await createCheckpoint(store, { at: '2026-11-03T09:00:00.000Z', auditKeyId: auditKey.id, signingKey });
    const lowered = { ...checkpoint, heads: checkpoint.heads.map((h) => ({ ...h, count: 1 })) };
    expect(checkSignature(lowered)).toEqual({ ok: false, reason: 'the signature does not match: the checkpoint was changed after it was signed' });
    const other = generateSigningKeys();
    const forged = await createCheckpoint(store, { at: '2026-11-03T09:00:00.000Z', auditKeyId: auditKey.id, signingKey: loadSigningKey(other.privateKeyPem) });
    expect(checkSignature(forged)).toMatchObject({ ok: true });
    expect(checkSignature(forged, createPublicKey(signer.publicKeyPem))).toEqual({ ok: false, reason: 'the checkpoint was not signed with the published key' });
    expect(checkSignature({ format: 'nope' } as unknown as Checkpoint)).toMatchObject({ ok: false });
  });
});
