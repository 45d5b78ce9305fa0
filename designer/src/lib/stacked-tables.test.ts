import { describe, expect, it } from 'vitest';
import { cellLabels } from './stacked-tables.ts';

describe('labels of stacked table cells', () => {
  it('Given a work table’s headers, Then every cell but the first is labelled with its column, in plain words', () => {
    expect(cellLabels(['Task', 'Family', ' Due\n ', 'Priority'])).toEqual(['', 'Family', 'Due', 'Priority']);
  });

  it('Given a column with no words (an actions column), Then its cells have no label', () => {
    expect(cellLabels(['Task', ''])).toEqual(['', '']);
  });
});
