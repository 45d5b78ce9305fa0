import '../test-runes.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { ApiProblem } from '../../lib/api.ts';
import type { Simulation } from '../../lib/api-types.ts';
import { memberOf } from './people.ts';
import { WhatIfRun, type WhatIfApi } from './what-if.svelte.ts';

const camden = JSON.parse(readFileSync(new URL('../../../../definitions/camden.json', import.meta.url), 'utf8')) as WorkflowDefinition;

/** The server's answer to a run: an open task with a team, and a refusal when the last step is the one named. */
function fakeApi(refuseStep?: number): WhatIfApi & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    async simulate(_id, scenario, example) {
      asked.push({ scenario, example });
      const steps = (scenario as { steps: unknown[] }).steps;
      const refused = refuseStep !== undefined && steps.length - 1 === refuseStep;
      return {
        ok: !refused,
        failures: refused ? [{ step: refuseStep, message: 'refused: form_invalid: The form has answers to correct.' }] : [],
        timeline: refused ? [{ at: '2026-11-02T10:00:00.000Z', type: 'refused', detail: { code: 'form_invalid', message: 'The form has answers to correct.', fieldErrors: [{ pointer: '/ehTeam', keyword: 'required', message: 'Select the team' }] } }] : [],
        upcoming: [],
        finalState: { status: 'open', tasks: { t1: { id: 't1', node: 'asm_offer_consultation', name: 'Offer', status: 'open', createdAt: '2026-11-02T09:00:00.000Z', overdue: false, assignee: { team: 'ieys_kte_duty_manager' } } }, timers: {} },
        ...(example ? { example: { contactedOn: '2026-11-02' } } : {}),
      } as unknown as Simulation;
    },
  };
}

describe('a what-if run', () => {
  it('Given a step the engine refuses, When it is recorded, Then it is taken back and the refusal, with its field errors, comes back to the form', async () => {
    const run = new WhatIfRun(camden, fakeApi(1));
    expect(await run.record({ at: '2026-11-02T09:00:00Z', start: {} })).toBeNull();
    const before = run.result;
    const refusal = await run.record({ at: '2026-11-02T10:00:00Z', complete: {} });
    expect(refusal).toEqual({ code: 'form_invalid', message: 'The form has answers to correct.', fieldErrors: [{ pointer: '/ehTeam', keyword: 'required', message: 'Select the team' }], messages: [] });
    expect(run.steps).toHaveLength(1);
    expect(run.result).toBe(before);
  });

  it('Given a draft with a problem, When the run is refused, Then the error says the problem once', async () => {
    const message = 'Step 4 goes on to a step that does not exist';
    const refused = new ApiProblem(422, {
      code: 'definition_has_problems',
      detail: 'The draft has a problem to fix before it can be simulated.',
      problems: [{ code: 'unknown_node', path: '/nodes/3/next', message }],
      errors: [{ pointer: '/nodes/3/next', keyword: 'unknown_node', message }],
    });
    const run = new WhatIfRun(camden, { simulate: async () => { throw refused; } });
    expect(await run.run()).toBe(false);
    expect(run.error).toBe(`The draft has a problem to fix before it can be simulated. /nodes/3/next: ${message}`);
  });

  it('gives a task whose team nobody in the run belongs to a member of its own, and asks the server for example answers as of a moment', async () => {
    const api = fakeApi();
    const run = new WhatIfRun(camden, api);
    await run.record({ at: '2026-11-02T09:00:00Z', start: {} });
    expect(run.users[memberOf('ieys_kte_duty_manager')]).toMatchObject({ roles: ['eh_team_manager'], teams: ['ieys_kte_duty_manager'] });
    expect(await run.example({ task: 't1', actions: ['offer'] }, '2026-11-02T11:00:00Z')).toEqual({ contactedOn: '2026-11-02' });
    expect(api.asked.at(-1)).toMatchObject({ example: { at: '2026-11-02T11:00:00Z', task: 't1', actions: ['offer'] } });
  });
});
