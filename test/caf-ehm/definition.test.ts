/** caf-ehm: the definition itself is sound, every step says where it comes from and who may do it. */
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../engine/index.ts';
import { definition } from './given.ts';

const tasks = definition.nodes.flatMap((n) => (n.kind === 'user_task' ? [n] : []));
const ends = definition.nodes.flatMap((n) => (n.kind === 'end' ? [n] : []));

describe('Given the caf-ehm definition', () => {
  it('Then it validates with no problems', () => {
    expect(validateDefinition(definition)).toEqual([]);
  });

  it('Then every node names its stage and the protocol section it comes from', () => {
    const missing = definition.nodes.filter((n) => !n.stage || !n.source).map((n) => n.id);
    expect(missing).toEqual([]);
  });

  it('Then every user task has a due date with the protocol’s wording and an escalation', () => {
    expect(tasks.filter((t) => !t.due || !('label' in t.due) || !t.due.label || !t.escalations?.length).map((t) => t.id)).toEqual([]);
  });

  it('Then every user task says which roles may do it, whoever it is passed to', () => {
    expect(tasks.filter((t) => !t.roles?.length && !t.signatures).map((t) => t.id)).toEqual([]);
  });

  it('Then every end that closes the social care episode records the CIN census reason, and no other end does', () => {
    expect(Object.fromEntries(ends.map((e) => [e.id, e.closureReason ?? null]))).toEqual({
      stepped_down_to_caf: 'RC7',
      stepped_down_universal: 'RC7',
      remains_open_to_csc: null,
      caf_closed: null,
      referred_back_to_csc: null,
    });
  });

  it('Then the CAF route closes social care only by transferring the file to EHM', () => {
    const into = definition.nodes.filter((n) => 'next' in n && n.next === 'stepped_down_to_caf').map((n) => n.id);
    const byAction = tasks.filter((t) => t.nextActions.some((a) => a.to === 'stepped_down_to_caf')).map((t) => t.id);
    expect([into, byAction]).toEqual([['transfer_to_ehm'], []]);
  });
});
