import { describe, expect, it } from 'vitest';
import camden from '../../../definitions/camden.json' with { type: 'json' };
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { describePath, groupChanges, showValue } from './diff.ts';

describe('the diff view', () => {
  it('reads change paths with names, groups changes by category and shows values plainly', () => {
    const d = camden as unknown as WorkflowDefinition;
    expect(describePath('/nodes/asm_screen/due/after/amount', d)).toBe('Step “Screen the step down referral” › due › after › amount');
    expect(describePath('/nodes/gone/name', d)).toBe('Step “gone” › name');
    const groups = groupChanges([
      { path: '/teams/x', kind: 'added', category: 'team' },
      { path: '/nodes/a/due', kind: 'changed', category: 'timescale' },
      { path: '/nodes/b', kind: 'removed', category: 'node' },
    ]);
    expect(groups.map((g) => [g.title, g.changes.length])).toEqual([['Steps', 1], ['Timescales', 1], ['Teams and trays', 1]]);
    expect(showValue({ amount: 2, unit: 'working_days' })).toBe('2 working days');
    expect(showValue(undefined)).toBe('—');
    expect(showValue(3)).toBe('3');
  });
});
