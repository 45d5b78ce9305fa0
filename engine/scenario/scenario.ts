/**
 * A scenario: dated events for one case — start it, complete tasks as named people with their
 * answers and next actions, reassign, withdraw, and let the clock run. The designer's what-if
 * runs and the scenario tests are both scenarios.
 */
import type { Instant } from '../time.ts';
import type { ChosenAction } from '../runtime/events.ts';
import type { Subject } from '../runtime/state.ts';

export interface ScenarioUser {
  name?: string;
  roles: string[];
  teams?: string[];
}

interface StepBase {
  /** When the event happens. The clock runs to this moment first, firing any timers due. */
  at: Instant;
  /** The step is expected to be refused with this code; the run carries on. */
  expectRefusal?: string;
}

export type ScenarioStep =
  | (StepBase & { start: { entry: string; subject: Subject; data?: Record<string, unknown>; by: string } })
  | (StepBase & {
      complete: {
        /** The node id of the open task (or its task id). */
        task: string;
        by: string;
        data?: Record<string, unknown>;
        actions: ChosenAction[];
      };
    })
  | (StepBase & { reassign: { task: string; by: string; to: { worker: string } | { team: string }; reason?: string } })
  | (StepBase & { withdraw: { by: string; reason: string } })
  | (StepBase & { subflowEnded: { child: string; outcome: string } })
  | { until: Instant };

export interface Scenario {
  name?: string;
  description?: string;
  /** The definition id the scenario was written for (informational). */
  definition?: string;
  caseId?: string;
  users: Record<string, ScenarioUser>;
  steps: ScenarioStep[];
}
