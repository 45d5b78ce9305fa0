/** caf-ehm: the definition itself is sound, and every step says where it comes from. */
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../engine/index.ts';
import { definition } from './given.ts';

describe('Given the caf-ehm definition', () => {
  it('Then it validates with no problems', () => {
    expect(validateDefinition(definition)).toEqual([]);
  });

  it('Then every node names its stage and the protocol section it comes from', () => {
    const missing = definition.nodes.filter((n) => !n.stage || !n.source).map((n) => n.id);
    expect(missing).toEqual([]);
  });

  it('Then every user task has a due date with the protocol’s wording and an escalation', () => {
    const tasks = definition.nodes.flatMap((n) => (n.kind === 'user_task' ? [n] : []));
    expect(tasks.filter((t) => !t.due?.label || !t.escalations?.length).map((t) => t.id)).toEqual([]);
  });
});
