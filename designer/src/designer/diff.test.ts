import { describe, expect, it } from 'vitest';
import type { ChangeDescription } from '../lib/api-types.ts';
import { countLine, groupDescriptions, sentence } from './diff.ts';

const d = (topic: ChangeDescription['topic'], about: string | null, text: string): ChangeDescription => ({ topic, kind: 'changed', about, text, paths: [] });

describe('the words of the diff and check pages', () => {
  it('groups the server’s descriptions under the engine’s headings, in its order, and counts them', () => {
    const described = [d('question', 'Form “Screening”', 'new question “Why?”'), d('deadline', 'Screen', 'due within 3 working days (was 2)'), d('question', 'Form “Screening”', 'question “Why not?” removed')];
    expect(groupDescriptions(described).map((g) => [g.title, g.items.length])).toEqual([['Deadlines', 1], ['Questions', 2]]);
    expect(countLine(described)).toBe('3 changes: 1 to deadlines and 2 to questions.');
    expect(countLine([described[1]!])).toBe('1 change, to deadlines.');
    expect(countLine([])).toBe('No changes.');
    expect(sentence(described[1]!)).toBe('Screen: due within 3 working days (was 2)');
    expect(sentence(d('other', null, 'the notes for admins changed'))).toBe('The notes for admins changed');
  });
});
