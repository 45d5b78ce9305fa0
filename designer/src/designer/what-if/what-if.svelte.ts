/**
 * A what-if run being recorded: the scenario's steps so far (start, tasks completed, the clock
 * run on) and the engine's dated answer for them. Every recorded step runs the whole scenario
 * again on the server against the draft (nothing is saved), so the open tasks, timeline and
 * deadlines shown are exactly what the engine would do. A step the engine refuses is taken back,
 * and what it refused is handed to the step's form to show (field errors, GOV.UK style).
 */
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { api as defaultApi, ApiProblem } from '../../lib/api.ts';
import type { ExampleRequest, Simulation, SimulatedCase } from '../../lib/api-types.ts';
import type { FieldError } from '../../lib/forms/errors.ts';
import { teamMembers } from './people.ts';
import { usersFor, type Json, type ScenarioUser } from './scenario.ts';

export interface WhatIfApi {
  simulate(id: string, scenario: unknown, example?: ExampleRequest): Promise<Simulation>;
}

export type OpenTask = SimulatedCase['tasks'][string];

/** What the engine said when it refused a step: everything to correct, from one submit. */
export interface StepRefusal {
  code: string;
  message: string;
  fieldErrors: FieldError[];
  /** The task's own guards, and problems with the next actions chosen: no question to point at. */
  messages: string[];
}

export function refusalOf(detail: Record<string, unknown>): StepRefusal {
  const actionErrors = (detail['actionErrors'] as Array<{ message: string }> | undefined) ?? [];
  const guards = (detail['guardMessages'] ?? detail['messages']) as string[] | undefined;
  const fieldErrors = (detail['fieldErrors'] as FieldError[] | undefined) ?? [];
  const messages = [...(guards ?? []), ...actionErrors.map((a) => a.message)];
  // A refusal of one kind other than the form's (a guard, who may act, a next action) is its message.
  if (fieldErrors.length === 0 && messages.length === 0) messages.push(String(detail['message'] ?? detail['code']));
  return { code: String(detail['code']), message: String(detail['message']), fieldErrors, messages };
}

export class WhatIfRun {
  readonly definitionId: string;
  readonly #definition: WorkflowDefinition;
  steps = $state.raw<Json[]>([]);
  result = $state.raw<Simulation | null>(null);
  users = $state.raw<Record<string, ScenarioUser>>({});
  running = $state(false);
  error = $state<string | null>(null);
  readonly #api: WhatIfApi;

  constructor(definition: WorkflowDefinition, api: WhatIfApi = defaultApi) {
    this.definitionId = definition.id;
    this.#definition = definition;
    this.users = usersFor(definition);
    this.#api = api;
  }

  /** The scenario file: the engine's format, ready for test/ as a scenario test. */
  get scenario(): Json {
    return { name: `What-if run on ${this.definitionId}`, definition: this.definitionId, caseId: 'what-if-1', users: this.users, steps: this.steps };
  }

  get openTasks(): OpenTask[] {
    const state = this.result?.finalState;
    return state ? Object.values(state.tasks).filter((t) => t.status === 'open') : [];
  }

  /** The latest moment recorded: new steps may not come before it. */
  get lastAt(): string | null {
    const last = this.steps[this.steps.length - 1];
    return last ? String(last['until'] ?? last['at']) : null;
  }

  /** Adds a person (a named worker a task was passed to). */
  addUser(id: string, user: ScenarioUser): void {
    if (!this.users[id]) this.users = { ...this.users, [id]: user };
  }

  /**
   * Records a step and runs the scenario. A step the server refuses outright, or the engine
   * refuses, is taken back (the run stays as it was); the engine's refusal is returned.
   */
  async record(step: Json): Promise<StepRefusal | null> {
    const before = { steps: this.steps, result: this.result };
    this.steps = [...before.steps, step];
    const ok = await this.run();
    if (!ok) {
      this.steps = before.steps;
      return null;
    }
    const index = this.steps.length - 1;
    if (!this.result?.failures.some((f) => f.step === index)) return null;
    const refused = [...(this.result.timeline ?? [])].reverse().find((e) => e.type === 'refused');
    this.steps = before.steps;
    this.result = before.result;
    return refusalOf(refused?.detail ?? { code: 'refused', message: this.result?.failures.at(-1)?.message ?? 'The step was refused.' });
  }

  /** Example answers for an open task or a way in, as of `at`, made by the engine for this case; null when the step has no form. */
  async example(target: { task: string; actions?: string[] } | { start: Extract<ExampleRequest, { start: unknown }>['start'] }, at: string): Promise<Json | null> {
    const steps = this.steps.length > 0 ? this.steps : [{ until: at }];
    const answer = await this.#api.simulate(this.definitionId, { ...this.scenario, steps }, { at, ...target } as ExampleRequest);
    return answer.example ?? null;
  }

  async undoLast(): Promise<void> {
    this.steps = this.steps.slice(0, -1);
    if (this.steps.length === 0) this.result = null;
    else await this.run();
  }

  reset(): void {
    this.steps = [];
    this.result = null;
    this.error = null;
  }

  async run(): Promise<boolean> {
    this.running = true;
    this.error = null;
    try {
      this.result = await this.#api.simulate(this.definitionId, this.scenario);
      // Tasks with a team nobody in the run belongs to get a member of their own, to do them.
      const members = teamMembers(this.#definition, this.openTasks, this.users);
      if (Object.keys(members).length > 0) this.users = { ...this.users, ...members };
      return true;
    } catch (e) {
      if (e instanceof ApiProblem) {
        // A draft's problems come as errors[] too (definition_has_problems), so each is said once.
        const details = e.errors.map((x) => `${x.pointer}: ${x.message}`);
        this.error = [e.detail, ...details.slice(0, 5)].join(' ');
      } else {
        this.error = 'The run could not be simulated. Try again.';
      }
      return false;
    } finally {
      this.running = false;
    }
  }
}
