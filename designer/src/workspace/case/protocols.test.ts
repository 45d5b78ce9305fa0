import { describe, expect, it } from 'vitest';
import camden from '../../../../definitions/camden.json' with { type: 'json' };
import clinic from '../../../../definitions/clinic.json' with { type: 'json' };
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { entriesFor, stepOptions, teamOptions } from './protocols.ts';

const camdenDefinition = camden as unknown as WorkflowDefinition;
const clinicDefinition = clinic as unknown as WorkflowDefinition;

describe('Given Camden’s protocol', () => {
  it('When a social worker starts a case, Then the ways in are the two step downs and the step up, which names no roles', () => {
    expect(entriesFor(camdenDefinition, ['social_worker']).map((e) => e.id)).toEqual(['sw_assessment', 'cin_review', 'step_up']);
  });

  it('When the stage filter is drawn, Then every task step is offered once, under its stage', () => {
    const groups = stepOptions([camdenDefinition]);
    const ids = groups.flatMap((g) => g.options.map((o) => o.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('asm_screen');
    expect(groups.find((g) => g.options.some((o) => o.id === 'asm_screen'))?.label).toBe('Front door');
  });

  it('When the team filter is drawn, Then the trays come in alphabetical order', () => {
    const names = teamOptions([camdenDefinition]).map((t) => t.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe('Given the clinic’s protocol', () => {
  it('When a family worker starts a case, Then only the step up is offered, with its intake form', () => {
    expect(entriesFor(clinicDefinition, ['eh_family_worker'])).toEqual([expect.objectContaining({ id: 'step_up', formId: 'step_up_start', form: expect.objectContaining({ title: expect.any(String) }) })]);
  });
});
