import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFormData } from '../../../../engine/forms/index.ts';
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { actorFor, londonInstant, londonParts, sampleAnswers, usersFor } from './scenario.ts';

const dir = new URL('../../../../definitions/', import.meta.url);
const definitions = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as WorkflowDefinition);

describe('what-if runs', () => {
  it('Given every form of the four definitions, When answered with example answers, Then the engine accepts them', () => {
    const forms = definitions.flatMap((d) => Object.values(d.forms));
    const refused = forms.filter((f) => validateFormData(f!, sampleAnswers(f, '2026-11-02')).length > 0);
    expect(refused).toEqual([]);
  });

  it('makes one person per role, in the teams that role works in, and finds who does a task', () => {
    const clinic = definitions.find((d) => d.id === 'clinic')!;
    const users = usersFor(clinic);
    expect(users['mash_manager']).toEqual({ name: 'MASH Manager', roles: ['mash_manager'], teams: ['mash'] });
    expect(actorFor({ team: 'mash' }, users)).toBe('mash_manager');
    expect(actorFor({ role: 'social_worker' }, users)).toBe('social_worker');
    expect(actorFor({ worker: 'sian' }, users)).toBe('sian');
  });

  it('reads London wall-clock times across GMT and BST', () => {
    expect(londonInstant('2026-12-14', '09:30')).toBe('2026-12-14T09:30:00Z');
    expect(londonInstant('2026-07-01', '09:30')).toBe('2026-07-01T08:30:00Z');
    expect(londonParts('2026-07-01T08:30:00Z')).toEqual({ date: '2026-07-01', time: '09:30' });
    expect(londonInstant('2026-03-29', '12:00')).toBe('2026-03-29T11:00:00Z');
  });
});
