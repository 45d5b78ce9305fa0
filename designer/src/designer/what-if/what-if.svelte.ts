/**
 * A what-if run being recorded: the scenario's steps so far (start, tasks completed, the clock
 * run on) and the engine's dated answer for them. Every recorded step runs the whole scenario
 * again on the server against the draft (nothing is saved), so the open tasks, timeline and
 * deadlines shown are exactly what the engine would do.
 */
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { api as defaultApi, ApiProblem } from '../../lib/api.ts';
import type { Simulation, SimulatedCase } from '../../lib/api-types.ts';
import { usersFor, type Json, type ScenarioUser } from './scenario.ts';

export interface WhatIfApi {
  simulate(id: string, scenario: unknown): Promise<Simulation>;
}

export type OpenTask = SimulatedCase['tasks'][string];

export class WhatIfRun {
  readonly definitionId: string;
  steps = $state.raw<Json[]>([]);
  result = $state.raw<Simulation | null>(null);
  users = $state.raw<Record<string, ScenarioUser>>({});
  running = $state(false);
  error = $state<string | null>(null);
  readonly #api: WhatIfApi;

  constructor(definition: WorkflowDefinition, api: WhatIfApi = defaultApi) {
    this.definitionId = definition.id;
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

  /** Records a step and runs the scenario; a step the server refuses outright is taken back. */
  async record(step: Json): Promise<boolean> {
    const before = this.steps;
    this.steps = [...before, step];
    const ok = await this.run();
    if (!ok) this.steps = before;
    return ok;
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
      const failure = this.result.failures.at(-1);
      if (failure && failure.step === this.steps.length - 1) this.error = `The engine refused the last step: ${failure.message}`;
      return true;
    } catch (e) {
      if (e instanceof ApiProblem) {
        const details = [...e.errors.map((x) => `${x.pointer}: ${x.message}`), ...((e.extra['problems'] as Array<{ message: string }> | undefined) ?? []).map((p) => p.message)];
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
