import { describe, expect, it } from 'vitest';
import clinic from '../../../definitions/clinic.json' with { type: 'json' };
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { problemsByNode, targetOf } from './pointer.ts';

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
});
