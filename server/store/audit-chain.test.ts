import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEntries, GENESIS_HASH, hashEntry, verifyChain } from './audit-chain.ts';

const inputs = [1, 2, 3, 4].map((n) => ({ at: `2026-11-0${n}T09:00:00.000Z`, actor: 'sam', action: 'task_completed', detail: { version: n, task: `c1.t${n}` } }));

describe('audit chain', () => {
  it('writes canonical JSON: sorted keys at every depth, undefined left out, cycles refused', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"e":2,"f":1}]},"b":1}');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/circular/);
  });

  it('chains each entry to the one before, from a genesis hash, and continues from a head', () => {
    const first = chainEntries('c1', { count: 0, hash: GENESIS_HASH }, inputs.slice(0, 2));
    const rest = chainEntries('c1', first.head, inputs.slice(2));
    const all = [...first.records, ...rest.records];
    expect(all.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(all[0]?.prevHash).toBe(GENESIS_HASH);
    expect(all[3]?.prevHash).toBe(all[2]?.hash);
    expect(verifyChain(all, rest.head)).toEqual({ ok: true, entries: 4 });
    // The same content in another case hashes differently: entries cannot be moved between cases.
    expect(chainEntries('c2', { count: 0, hash: GENESIS_HASH }, inputs.slice(0, 1)).records[0]?.hash).not.toBe(all[0]?.hash);
  });

  it('finds an edit, a re-hashed edit, a swap, a deletion and a truncation', () => {
    const { records, head } = chainEntries('c1', { count: 0, hash: GENESIS_HASH }, inputs);
    const edited = records.map((r) => (r.seq === 2 ? { ...r, actor: 'mallory' } : r));
    expect(verifyChain(edited, head)).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry 2 was changed after it was written' });
    const rehashed = edited.map((r) => (r.seq === 2 ? { ...r, hash: hashEntry(r) } : r));
    expect(verifyChain(rehashed, head)).toMatchObject({ ok: false, brokenAt: 3, reason: 'entry 3 does not follow entry 2' });
    const swapped = [records[0]!, { ...records[2]!, seq: 2 }, { ...records[1]!, seq: 3 }, records[3]!];
    expect(verifyChain(swapped, head)).toMatchObject({ ok: false, brokenAt: 2 });
    expect(verifyChain(records.filter((r) => r.seq !== 3), head)).toMatchObject({ ok: false, brokenAt: 3, reason: 'entry 3 is missing' });
    expect(verifyChain(records.slice(0, 3), head)).toMatchObject({ ok: false, brokenAt: 4, reason: 'the log ends at entry 3 but the case records 4' });
    const forged = chainEntries('c1', { count: 3, hash: records[2]!.hash }, [{ ...inputs[3]!, actor: 'mallory' }]).records;
    expect(verifyChain([...records.slice(0, 3), ...forged], head)).toMatchObject({ ok: false, brokenAt: 4, reason: 'entry 4 is not the one the case recorded last' });
  });
});
