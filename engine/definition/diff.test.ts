import { describe, expect, it } from 'vitest';
import camden from '../../definitions/camden.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { diffDefinitions } from './diff.ts';

const base = camden as unknown as WorkflowDefinition;
type Loose = Omit<WorkflowDefinition, 'nodes'> & { nodes: Array<Record<string, unknown>> };
const copy = () => structuredClone(base) as unknown as Loose;
const diff = (next: Loose) => diffDefinitions(base, next as unknown as WorkflowDefinition);

describe('diffDefinitions', () => {
  it('Given the same definition, Then there are no changes, whatever the version number', () => {
    expect(diff({ ...copy(), version: 7 })).toEqual([]);
  });

  it('Given a timescale changed from 2 to 3 working days, Then exactly that change is reported as a timescale', () => {
    const next = copy();
    const node = next.nodes.find((n) => (n.due as { after?: { amount: number } } | undefined)?.after?.amount === 2)!;
    (node.due as { after: { amount: number } }).after.amount = 3;
    expect(diff(next)).toEqual([
      { path: `/nodes/${node.id}/due/after/amount`, kind: 'changed', category: 'timescale', before: 2, after: 3 },
    ]);
  });

  it('Given a node added, one removed and the list reordered, Then only the addition and removal are reported', () => {
    const next = copy();
    const removed = next.nodes.pop()!;
    next.nodes.reverse();
    next.nodes.push({ id: 'new_end', kind: 'end', name: 'New end', outcome: 'x' });
    const changes = diff(next);
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['removed', `/nodes/${removed.id}`],
      ['added', '/nodes/new_end'],
    ]);
  });

  it('Given a node moved on the designer canvas, Then nothing is reported', () => {
    const next = copy();
    next.nodes[0]!.position = { x: 10, y: 20 };
    expect(diff(next)).toEqual([]);
  });
});
