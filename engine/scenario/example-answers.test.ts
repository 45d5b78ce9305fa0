import { describe, expect, it } from 'vitest';
import camdenJson from '../../definitions/camden.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { exampleAnswersFor } from './example-answers.ts';
import { runScenario, type Scenario, type ScenarioStep } from './run-scenario.ts';

const camden = camdenJson as unknown as WorkflowDefinition;
const subject = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02', personId: '2075012' }] };
const users = { sam: { roles: ['social_worker'] }, dora: { roles: ['eh_front_door_manager'], teams: ['eh_front_door'] } };

describe('example answers for the next step of a what-if run', () => {
  it('Given Camden’s route after an assessment, When the referral and the screening are answered with their example answers, Then the engine accepts both, the screening choosing the next action asked for', () => {
    const steps: ScenarioStep[] = [{ at: '2026-11-02T09:00:00Z', start: { entry: 'sw_assessment', by: 'sam', subject } }];
    const scenario = (): Scenario => ({ caseId: 'what-if-1', users, steps });
    const answers = (task: string, at: string, actions: string[]) => exampleAnswersFor(camden, runScenario(camden, scenario()).caseState, { task, actions }, at)!;

    const referral = answers('referral', '2026-11-02T10:00:00Z', ['send_referral']);
    steps.push({ at: '2026-11-02T10:00:00Z', complete: { task: 'referral', by: 'sam', data: referral, actions: [{ action: 'send_referral' }] } });
    expect(runScenario(camden, scenario()).timeline.filter((e) => e.type === 'refused').map((e) => e.detail)).toEqual([]);

    // "Suitable for step down": the screening's outcome chooses "Contact the social worker and the team".
    const screening = answers('asm_screen', '2026-11-02T11:00:00Z', ['contact_team']);
    steps.push({ at: '2026-11-02T11:00:00Z', complete: { task: 'asm_screen', by: 'dora', data: screening, actions: [{ action: 'contact_team' }] } });
    const run = runScenario(camden, scenario());
    expect(run.failures).toEqual([]);
    expect(Object.values(run.caseState!.tasks).some((t) => t.node === 'asm_offer_consultation' && t.status === 'open')).toBe(true);
  });

  it('Given a step without a form, or no such task, Then there are no example answers', () => {
    expect(exampleAnswersFor(camden, null, { start: { entry: 'sw_assessment', subject } }, '2026-11-02T09:00:00Z')).toBeNull();
    const state = runScenario(camden, { users, steps: [{ at: '2026-11-02T09:00:00Z', start: { entry: 'sw_assessment', by: 'sam', subject } }] }).caseState;
    expect(exampleAnswersFor(camden, state, { task: 'nope' }, '2026-11-02T10:00:00Z')).toBeNull();
  });
});
