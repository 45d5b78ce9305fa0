import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { historyHead, planHistoryWrite } from './history-plan.ts';

const lines = (...types: string[]) => types.map((type) => JSON.stringify({ type }));

describe('planHistoryWrite: append a timeline’s new entries, or rewrite it', () => {
  it('writes every entry of a case with nothing stored apart (new, or from before the timeline moved out)', () => {
    expect(planHistoryWrite(null, lines('a', 'b'))).toEqual({ rewrite: false, from: 0, head: historyHead(lines('a', 'b')) });
  });

  it('appends only the new entries when the stored ones are the timeline’s start, and the head covers them all', () => {
    const plan = planHistoryWrite(historyHead(lines('a', 'b')), lines('a', 'b', 'c', 'd'));
    expect(plan).toEqual({ rewrite: false, from: 2, head: historyHead(lines('a', 'b', 'c', 'd')) });
  });

  it('writes nothing when the timeline did not grow', () => {
    expect(planHistoryWrite(historyHead(lines('a')), lines('a'))).toEqual({ rewrite: false, from: 1, head: historyHead(lines('a')) });
  });

  it('rewrites the whole timeline when a stored entry was edited, or the timeline got shorter', () => {
    expect(planHistoryWrite(historyHead(lines('a', 'b')), lines('a', 'x', 'c'))).toEqual({ rewrite: true, from: 0, head: historyHead(lines('a', 'x', 'c')) });
    expect(planHistoryWrite(historyHead(lines('a', 'b')), lines('a'))).toEqual({ rewrite: true, from: 0, head: historyHead(lines('a')) });
    expect(planHistoryWrite(historyHead(lines('a', 'b')), [])).toEqual({ rewrite: true, from: 0, head: historyHead([]) });
  });

  it('rewrites when the stored head’s hash is not the hash of those entries (a head from another timeline)', () => {
    expect(planHistoryWrite({ count: 1, hash: 'not-the-hash' }, lines('a', 'b')).rewrite).toBe(true);
  });

  it('hashes each entry’s JSON followed by a newline, as SQLite rows from schema 12 on were hashed', () => {
    const expected = createHash('sha256').update('{"type":"a"}\n{"type":"b"}\n').digest('base64url');
    expect(historyHead(lines('a', 'b'))).toEqual({ count: 2, hash: expected });
  });
});
