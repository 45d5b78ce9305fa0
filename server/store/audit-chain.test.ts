import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainAccess, chainEntries, entryMac, GENESIS_HASH, legacyHash, rekeyInput, verifyChain, type ChainHead } from './audit-chain.ts';
import { auditKeyFile, auditKeyOf, parseAuditKey, randomAuditKey } from './audit-key.ts';
import type { AuditRecord } from './types.ts';

const key = auditKeyOf(Buffer.alloc(32, 7));
const inputs = [1, 2, 3, 4].map((n) => ({ at: `2026-11-0${n}T09:00:00.000Z`, actor: 'sam', action: 'task_completed', detail: { version: n, task: `c1.t${n}` } }));
const genesis: ChainHead = { count: 0, hash: GENESIS_HASH };
const headOf = (records: AuditRecord[]): ChainHead => ({ count: records.length, hash: records.at(-1)?.hash ?? GENESIS_HASH });

/** A log as stores wrote it before they were keyed: plain SHA-256 over the same content. */
function unkeyed(caseId: string, count: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (const input of inputs.slice(0, count)) {
    const base = { caseId, seq: out.length + 1, ...input, prevHash: out.at(-1)?.hash ?? GENESIS_HASH };
    out.push({ ...base, hash: legacyHash({ ...base, hash: '' }) });
  }
  return out;
}

describe('audit chain', () => {
  it('writes canonical JSON: sorted keys at every depth, undefined left out, cycles refused', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"e":2,"f":1}]},"b":1}');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/circular/);
  });

  it('chains each entry to the one before with an HMAC under the key, from a genesis hash, and continues from a head', () => {
    const first = chainEntries('c1', genesis, inputs.slice(0, 2), key);
    const rest = chainEntries('c1', first.head, inputs.slice(2), key);
    const all = [...first.records, ...rest.records];
    expect(all.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(all[0]?.prevHash).toBe(GENESIS_HASH);
    expect(all[3]?.prevHash).toBe(all[2]?.hash);
    expect(all[1]?.hash).toBe(entryMac(all[1]!, key));
    expect(verifyChain(all, rest.head, key)).toEqual({ ok: true, entries: 4 });
    // The same content in another case, or in an access log, MACs differently: entries cannot be moved.
    expect(chainEntries('c2', genesis, inputs.slice(0, 1), key).records[0]?.hash).not.toBe(all[0]?.hash);
    expect(chainAccess('c1', genesis, inputs.slice(0, 1), key).records[0]?.hash).not.toBe(all[0]?.hash);
  });

  it('finds an edit, a re-hashed edit, a swap, a deletion and a truncation', () => {
    const { records, head } = chainEntries('c1', genesis, inputs, key);
    const edited = records.map((r) => (r.seq === 2 ? { ...r, actor: 'mallory' } : r));
    expect(verifyChain(edited, head, key)).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry 2 was changed after it was written' });
    const rehashed = edited.map((r) => (r.seq === 2 ? { ...r, hash: legacyHash(r) } : r));
    expect(verifyChain(rehashed, head, key)).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry 2 was changed after it was written' });
    const swapped = [records[0]!, { ...records[2]!, seq: 2 }, { ...records[1]!, seq: 3 }, records[3]!];
    expect(verifyChain(swapped, head, key)).toMatchObject({ ok: false, brokenAt: 2 });
    expect(verifyChain(records.filter((r) => r.seq !== 3), head, key)).toMatchObject({ ok: false, brokenAt: 3, reason: 'entry 3 is missing' });
    expect(verifyChain(records.slice(0, 3), head, key)).toMatchObject({ ok: false, brokenAt: 4, reason: 'the log ends at entry 3 but the case records 4' });
  });

  it('Given a log rebuilt end to end by someone who can write the database but not read the key, Then it fails, with its head rebuilt too', () => {
    const { records } = chainEntries('c1', genesis, inputs, key);
    const forged = records.map((r) => (r.seq === 2 ? { ...r, actor: 'mallory' } : r));
    // Rebuilt as the old unkeyed chain, or with a key of their own: every link and the head agree.
    const asSha = unkeyed('c1', 4).map((r) => (r.seq === 2 ? { ...r, actor: 'mallory' } : r));
    const resha: AuditRecord[] = [];
    for (const r of asSha) {
      const base = { ...r, prevHash: resha.at(-1)?.hash ?? GENESIS_HASH };
      resha.push({ ...base, hash: legacyHash(base) });
    }
    expect(verifyChain(resha, headOf(resha), key)).toMatchObject({ ok: false, brokenAt: 1, reason: 'no entry of the log was written with the audit key' });
    const theirs = chainEntries('c1', genesis, forged.map(({ at, actor, action, detail }) => ({ at, actor, action, detail })), randomAuditKey());
    expect(verifyChain(theirs.records, theirs.head, key)).toMatchObject({ ok: false, brokenAt: 1, reason: 'entry 1 was changed after it was written' });
  });

  it('Given a log from before the key, When it is sealed with a re-key record, Then old and new entries check out, and the old ones can no longer be changed', () => {
    const old = unkeyed('c1', 3);
    const seal = rekeyInput(old, headOf(old), key, '2026-12-01T09:00:00.000Z')!;
    expect(seal).toEqual({ at: '2026-12-01T09:00:00.000Z', actor: 'system', action: 'audit_rekeyed', detail: { keyId: key.id, unkeyedEntries: 3, intact: true } });
    const sealed = chainEntries('c1', headOf(old), [seal, inputs[3]!], key);
    const log = [...old, ...sealed.records];
    expect(verifyChain(log, sealed.head, key)).toEqual({ ok: true, entries: 5, keyedFrom: 4 });
    expect(rekeyInput(log, sealed.head, key, '2026-12-02T09:00:00.000Z')).toBeNull();

    const edited = log.map((r) => (r.seq === 2 ? { ...r, actor: 'mallory' } : r));
    const relinked: AuditRecord[] = [];
    for (const r of edited.slice(0, 3)) {
      const base = { ...r, prevHash: relinked.at(-1)?.hash ?? GENESIS_HASH };
      relinked.push({ ...base, hash: legacyHash(base) });
    }
    expect(verifyChain([...relinked, ...log.slice(3)], sealed.head, key)).toMatchObject({ ok: false, brokenAt: 4, reason: 'entry 4 does not follow entry 3' });
    // A keyed entry straight after unkeyed ones, without the seal, is refused: old entries are only taken as sealed.
    const unsealed = chainEntries('c1', headOf(old), [inputs[3]!], key);
    expect(verifyChain([...old, ...unsealed.records], unsealed.head, key)).toMatchObject({ ok: false, brokenAt: 4, reason: 'entry 4 follows entries written without the key, but is not a re-key record' });
    // A log already broken when sealed says so in its seal.
    expect(rekeyInput(edited.slice(0, 3), headOf(old), key, '2026-12-01T09:00:00.000Z')?.detail).toMatchObject({ intact: false, brokenAt: 2 });
  });

  it('Given a checkpoint of the head, Then cutting entries off the end with the head moved back, or rewriting them with the key, is found', () => {
    const { records, head } = chainEntries('c1', genesis, inputs, key);
    const checkpoint = { count: 3, hash: records[2]!.hash };
    expect(verifyChain(records, head, key, { checkpoint })).toEqual({ ok: true, entries: 4 });
    const cut = records.slice(0, 2);
    expect(verifyChain(cut, headOf(cut), key)).toEqual({ ok: true, entries: 2 });
    expect(verifyChain(cut, headOf(cut), key, { checkpoint })).toMatchObject({ ok: false, brokenAt: 3, reason: 'the log ends at entry 2 but the checkpoint recorded 3' });
    const rewritten = chainEntries('c1', genesis, inputs.map((i) => (i.detail.version === 2 ? { ...i, actor: 'mallory' } : i)), key);
    expect(verifyChain(rewritten.records, rewritten.head, key, { checkpoint })).toMatchObject({ ok: false, brokenAt: 3, reason: 'entry 3 is not the one the checkpoint recorded' });
  });
});

describe('audit key', () => {
  it('reads 32+ bytes as hex or base64, names the key without revealing it, and refuses a short one', () => {
    const hex = 'ab'.repeat(32);
    expect(parseAuditKey(hex).secret).toEqual(Buffer.alloc(32, 0xab));
    expect(parseAuditKey(Buffer.alloc(32, 0xab).toString('base64')).id).toBe(parseAuditKey(hex).id);
    expect(parseAuditKey(hex).id).toMatch(/^[0-9a-f]{16}$/);
    expect(hex).not.toContain(parseAuditKey(hex).id);
    expect(() => parseAuditKey('ab'.repeat(16))).toThrow(/at least 32 bytes/);
    expect(() => parseAuditKey('not a key!')).toThrow(/hex or base64/);
  });

  it('Given no key, Then the development key file is made beside the database, readable by its owner only, and read back the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-key-'));
    try {
      const path = join(dir, 'stepwise.db.audit-key');
      const made = auditKeyFile(path);
      expect(made).toMatchObject({ created: true, readableByOthers: false });
      if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(auditKeyFile(path)).toMatchObject({ created: false, key: { id: made.key.id } });
      chmodSync(path, 0o644);
      if (process.platform !== 'win32') expect(auditKeyFile(path).readableByOthers).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
