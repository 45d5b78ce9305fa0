import { describe, expect, it } from 'vitest';
import clinic from '../../../definitions/clinic.json' with { type: 'json' };
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { addNode, connect, danglingReferences, deleteNode, disconnect, editNode, newNode, renameNode, retarget, slug, uniqueId } from './nodes.ts';
import { emptyDefinition } from './skeleton.ts';

const def = () => structuredClone(clinic) as unknown as WorkflowDefinition;

describe('adding, connecting and deleting nodes', () => {
  it('Given nodes of every kind added to a draft, Then every id is unique and the other nodes keep their identity', () => {
    let d = emptyDefinition({ id: 'clinic-step-up', name: 'Step up', authority: { id: 'clinic', name: 'Clinic' } });
    const before = d.nodes[0];
    for (let i = 0; i < 3; i++) for (const kind of ['user_task', 'decision', 'end'] as const) d = addNode(d, newNode(kind, d));
    const ids = d.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('new_user_task_3');
    expect(d.nodes[0]).toBe(before);
  });

  it('makes ids from names', () => {
    expect(slug('MASH decision')).toBe('mash_decision');
    expect(slug('2nd visit')).toBe('node_2nd_visit');
    expect(uniqueId('a', ['a', 'a_2'])).toBe('a_3');
  });

  it('Given a task kept apart from a step, When that step is deleted, Then the reference to it is reported at its place in the list', () => {
    const d = editNode(def(), 'su_dispute_review', (n) => (n['separateFrom'] = ['su_marf', 'su_mash_decision']));
    const { definition, dangling } = deleteNode(d, 'su_mash_decision');
    const index = definition.nodes.findIndex((n) => n.id === 'su_dispute_review');
    expect(dangling).toContainEqual({ code: 'unknown_node', path: `/nodes/${index}/separateFrom/1`, message: expect.stringContaining('"su_mash_decision"') });
  });

  it('Given a node that others lead to, When it is deleted, Then the arrows and "whoever did" references to it are reported', () => {
    const { definition, dangling } = deleteNode(def(), 'raise_worries');
    expect(definition.nodes.some((n) => n.id === 'raise_worries')).toBe(false);
    const index = definition.nodes.findIndex((n) => n.id === 'step_up');
    expect(dangling).toContainEqual({ code: 'unknown_node', path: `/nodes/${index}/next`, message: expect.stringContaining('"raise_worries"') });
    const notify = definition.nodes.findIndex((n) => n.id === 'su_tell_eh_allocated');
    expect(dangling.map((p) => p.path)).toContain(`/nodes/${notify}/to/0/performerOf`);
    expect(danglingReferences(def())).toEqual([]);
  });

  it('connects by kind: next, a next action, the decision default then a branch, a parallel branch; refuses from an end', () => {
    let d = emptyDefinition({ id: 'x', name: 'X', authority: { id: 'a', name: 'A' } });
    const task = newNode('user_task', d);
    d = addNode(d, task);
    const decision = newNode('decision', d);
    d = addNode(d, decision);
    const r1 = connect(d, 'start', task.id);
    if ('error' in r1) throw new Error(r1.error);
    expect(r1.definition.nodes[0]).toMatchObject({ next: task.id });
    const r2 = connect(r1.definition, task.id, decision.id);
    if ('error' in r2) throw new Error(r2.error);
    expect(r2.arrow.via).toBe('/nextActions/0/to');
    const r3 = connect(r2.definition, decision.id, 'end');
    const r4 = 'error' in r3 ? r3 : connect(r3.definition, decision.id, task.id);
    if ('error' in r4 || 'error' in r3) throw new Error('connect failed');
    expect(r3.arrow.via).toBe('/default');
    expect(r4.arrow.via).toBe('/branches/0/to');
    expect(connect(d, 'end', task.id)).toEqual({ error: expect.stringContaining('end node') });
    const cut = disconnect(r4.definition, decision.id, '/branches/0/to');
    expect(cut.nodes.find((n) => n.id === decision.id)).toMatchObject({ branches: [], default: 'end' });
    expect(retarget(cut, decision.id, '/default', task.id).nodes.find((n) => n.id === decision.id)).toMatchObject({ default: task.id });
  });

  it('renames a node and what points at it', () => {
    const d = renameNode(def(), 'raise_worries', 'worries');
    expect(d.nodes.find((n) => n.id === 'step_up')).toMatchObject({ next: 'worries' });
    expect(danglingReferences(d)).toEqual([]);
  });
});
