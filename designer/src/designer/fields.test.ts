import { describe, expect, it } from 'vitest';
import camden from '../../../definitions/camden.json' with { type: 'json' };
import clinic from '../../../definitions/clinic.json' with { type: 'json' };
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { earlierDates, earlierFields } from './fields.ts';
import { autoLayout, NODE_HEIGHT, NODE_WIDTH, positionsOf } from './layout.ts';

const d = clinic as unknown as WorkflowDefinition;

describe('the answers a node may read', () => {
  it('lists fields of forms filled earlier on some route, not later ones', () => {
    const paths = earlierFields(d, 'su_mash_decision').map((f) => f.path);
    expect(paths).toContain('form.raise_worries.childProtectionConcerns');
    expect(paths).toContain('form.su_marf.dateOfDiscussion');
    expect(paths).not.toContain('form.su_mash_decision.dateOfDecision');
    expect(earlierFields(d, 'su_mash_decision', { includeSelf: true }).map((f) => f.path)).toContain('form.su_mash_decision.dateOfDecision');
    const cp = earlierFields(d, 'su_mash_decision').find((f) => f.path === 'form.raise_worries.childProtectionConcerns')!;
    expect(cp).toMatchObject({ type: 'boolean', group: 'Raise worries with Senior Practitioner', options: [{ value: true, label: 'Yes' }, { value: false, label: 'No' }] });
  });

  it('offers only dates to count a timescale from', () => {
    const dates = earlierDates(d, 'su_joint_visit');
    expect(dates.every((f) => f.isDate)).toBe(true);
    expect(dates.map((f) => f.path)).toEqual(expect.arrayContaining(['case.startedAt', 'form.su_marf.dateOfDiscussion', 'done.su_marf']));
  });
});

describe('the map layout', () => {
  it('lays out Camden’s 81 nodes top to bottom without overlaps', () => {
    const big = structuredClone(camden) as unknown as WorkflowDefinition;
    for (const n of big.nodes) delete n.position;
    expect(big.nodes.length).toBe(81);
    const p = autoLayout(big);
    const all = [...p.values()];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) expect(Math.abs(all[i]!.x - all[j]!.x) >= NODE_WIDTH || Math.abs(all[i]!.y - all[j]!.y) >= NODE_HEIGHT).toBe(true);
    const start = p.get(big.nodes.find((n) => n.kind === 'start')!.id)!;
    expect(start.y).toBeLessThan(p.get('asm_screen')?.y ?? Infinity);
  });

  it('keeps a position the admin chose', () => {
    const moved = structuredClone(d);
    moved.nodes[1]!.position = { x: 999, y: 5 };
    expect(positionsOf(moved).get(moved.nodes[1]!.id)).toEqual({ x: 999, y: 5 });
  });
});
