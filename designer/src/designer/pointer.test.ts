import { describe, expect, it } from 'vitest';
import clinic from '../../../definitions/clinic.json' with { type: 'json' };
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { controlId } from './panel-context.ts';
import { controlPointer, groupByCause, problemsByNode, targetOf } from './pointer.ts';

const d = clinic as unknown as WorkflowDefinition;
const at = (id: string) => d.nodes.findIndex((n) => n.id === id);

describe('where a problem is', () => {
  it('maps /nodes/<i>/… to the node, with the rest of the pointer', () => {
    expect(targetOf(`/nodes/${at('su_marf')}/due/after/amount`, d)).toEqual({ type: 'node', id: 'su_marf', index: at('su_marf'), rest: '/due/after/amount' });
    expect(targetOf(`/nodes/${at('su_marf')}`, d)).toMatchObject({ type: 'node', id: 'su_marf', rest: '' });
  });

  it('maps /forms/<id>/… to the form and, where it can tell, the field', () => {
    expect(targetOf('/forms/marf/schema/properties/worries/maxLength', d)).toMatchObject({ type: 'form', formId: 'marf', field: 'worries' });
    expect(targetOf('/forms/marf/layout/sections/1/fields/0', d)).toMatchObject({ type: 'form', formId: 'marf', field: 'latestCaseSummary' });
    expect(targetOf('/forms/marf/schema/required/1', d)).toMatchObject({ field: 'thresholdsDocumentConsulted' });
    expect(targetOf('/forms/marf/errorMessages/~1worries', d)).toMatchObject({ field: 'worries' });
    expect(targetOf('/forms/marf', d)).toMatchObject({ type: 'form', formId: 'marf', field: null });
  });

  it('maps /forms/<id>/checks/<i>/… to that check of the form, and the new node properties to their node', () => {
    expect(targetOf('/forms/marf/checks/1/message', d)).toEqual({ type: 'form', formId: 'marf', field: null, check: 1, rest: '/checks/1/message' });
    expect(targetOf('/forms/marf/schema/properties/worries', d)).toMatchObject({ check: null });
    expect(targetOf(`/nodes/${at('su_marf')}/nextActions/0/requires/0`, d)).toMatchObject({ type: 'node', id: 'su_marf', rest: '/nextActions/0/requires/0' });
  });

  it('maps roles, teams and outcomes to the people panel, and anything else to the definition', () => {
    expect(targetOf('/teams/2/roles/0', d)).toEqual({ type: 'people', section: 'teams' });
    expect(targetOf('/nodes', d)).toEqual({ type: 'definition', rest: '/nodes' });
    expect(targetOf('/nodes/999/next', d)).toEqual({ type: 'definition', rest: '/nodes/999/next' });
    expect(targetOf('', d)).toEqual({ type: 'definition', rest: '' });
  });

  it('groups problems by node for the map markers', () => {
    const problems = [{ path: `/nodes/${at('su_marf')}/next` }, { path: `/nodes/${at('su_marf')}/due` }, { path: '/forms/marf' }];
    expect([...problemsByNode(problems, d)].map(([id, list]) => [id, list.length])).toEqual([['su_marf', 2]]);
  });

  it('ties a problem inside a timescale to the picker box that edits it, and leaves every other pointer alone', () => {
    expect(controlId('/due/after/amount')).toBe('node-due-amount');
    expect(controlId('/due/after/unit')).toBe('node-due-unit');
    expect(controlId('/due/after')).toBe('node-due-amount');
    expect(controlId('/due/label')).toBe('node-due-label');
    expect(controlId('/due/from')).toBe('node-due-from');
    expect(controlId('/due/from/1')).toBe('node-due-from');
    expect(controlId('/wait/window/latest/amount')).toBe('node-wait-latest');
    expect(controlId('/wait/window/earliest/unit')).toBe('node-wait-window-unit');
    expect(controlId('/due/nextSlot/start')).toBe('node-due-start');
    expect(controlId('/due/nextSlot/days/0')).toBe('node-due-day');
    expect(controlId('/availableFrom/before/amount')).toBe('node-availableFrom-amount');
    // Not timescales: an escalation's delay has boxes of its own, and the due itself is the picker.
    expect(controlId('/escalations/0/after/amount')).toBe('node-escalations-0-after-amount');
    expect(controlId('/escalations/1/message')).toBe('node-escalations-1-message');
    expect(controlPointer('/due')).toBe('/due');
  });

  it('folds knock-on problems under their root, roots in order, a knock-on of a missing root standing alone', () => {
    const root = { code: 'unknown_node', path: '/nodes/5/next', message: 'a' };
    const other = { code: 'unreachable_node', path: '/nodes/6', message: 'b' };
    const knock = { code: 'unknown_node', path: '/nodes/9/next', message: 'c', cause: { code: 'unknown_node', path: '/nodes/5/next' } };
    const orphan = { code: 'no_way_out', path: '/nodes/7', message: 'd', cause: { code: 'unknown_node', path: '/nodes/1/next' } };
    expect(groupByCause([knock, root, other, orphan])).toEqual([
      { root, knockOns: [knock] },
      { root: other, knockOns: [] },
      { root: orphan, knockOns: [] },
    ]);
  });
});
