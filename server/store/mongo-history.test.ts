/** The MongoDB timeline's pure parts, without a server: the documents a commit inserts, and what an old case document says. */
import { describe, expect, it } from 'vitest';
import { historyHead, planHistoryWrite } from './history-plan.ts';
import { historyDocs, storedHead } from './mongo-history.ts';

const lines = (...types: string[]) => types.map((type) => JSON.stringify({ type }));

describe('MongoDB case timelines', () => {
  it('inserts one document per new entry, numbered from where the stored ones end, each entry kept as its JSON', () => {
    expect(historyDocs('c1', lines('a', 'b', 'c'), 2)).toEqual([{ _id: 'c1#2', caseId: 'c1', seq: 2, entry: '{"type":"c"}' }]);
    expect(historyDocs('c1', lines('a', 'b'), 0).map((d) => [d._id, d.seq])).toEqual([['c1#0', 0], ['c1#1', 1]]);
    expect(historyDocs('c1', lines('a'), 1)).toEqual([]);
  });

  it('reads a document from before the timeline moved out (no count) as having nothing stored apart, so its next commit writes every entry', () => {
    expect(storedHead({})).toBeNull();
    expect(storedHead(null)).toBeNull();
    const plan = planHistoryWrite(storedHead({}), lines('a', 'b'));
    expect(plan).toMatchObject({ rewrite: false, from: 0 });
    expect(historyDocs('c1', lines('a', 'b'), plan.from)).toHaveLength(2);
  });

  it('reads the count and hash a moved-out document keeps, and appends after them', () => {
    const head = historyHead(lines('a'));
    expect(storedHead({ historyCount: head.count, historyHash: head.hash })).toEqual(head);
    expect(planHistoryWrite(storedHead({ historyCount: head.count, historyHash: head.hash }), lines('a', 'b'))).toMatchObject({ rewrite: false, from: 1 });
  });
});
