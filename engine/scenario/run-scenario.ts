/**
 * Runs a scenario against a definition with a simulated clock and returns the dated timeline.
 * Pure, like `step`: the CLI, the server's simulate endpoint and the designer all call this.
 */
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { Refusal } from '../problems.ts';
import type { Instant } from '../time.ts';
import type { Actor, CaseEvent, Effect } from '../runtime/events.ts';
import type { CaseState, Task } from '../runtime/state.ts';
import { step } from '../runtime/step.ts';
import { ScenarioInvalid, scenarioProblems } from './check-scenario.ts';
import type { Scenario, ScenarioStep } from './scenario.ts';

export type { Scenario, ScenarioStep, ScenarioUser } from './scenario.ts';
export { ScenarioInvalid, scenarioProblems } from './check-scenario.ts';

export interface TimelineEntry {
  at: Instant;
  type: string;
  node?: string;
  task?: string;
  by?: string;
  detail: Record<string, unknown>;
}

export interface ScenarioResult {
  caseState: CaseState | null;
  timeline: TimelineEntry[];
  /** Open tasks and pending timers when the scenario ends: the deadlines still to come, after the scenario's last moment. */
  upcoming: Array<{ at: Instant; type: 'task_due' | 'timer'; node: string; task?: string; name?: string }>;
  /** Open tasks whose deadline had passed by the scenario's last moment: overdue, not to come. */
  overdue: Array<{ at: Instant; type: 'task_due'; node: string; task: string; name: string }>;
  /** Refusals that the scenario did not expect, and expected refusals that did not happen. */
  failures: Array<{ step: number; message: string }>;
  /** Every effect the steps asked for (e-mails, sub-cases, tasks, timers, audit), with when. */
  effects: Array<Effect & { at: Instant }>;
}

/** Runs `scenario`; throws `ScenarioInvalid` when it lacks what it needs to run (people, dated steps). */
export function runScenario(definition: WorkflowDefinition, scenario: Scenario): ScenarioResult {
  const problems = scenarioProblems(scenario);
  if (problems.length > 0) throw new ScenarioInvalid(problems);
  const result: ScenarioResult = { caseState: null, timeline: [], upcoming: [], overdue: [], failures: [], effects: [] };
  let state: CaseState | null = null;
  let historyShown = 0;

  // The scenario's people are its directory: work passed to anyone else is refused, as in a council.
  const people = Object.fromEntries(Object.entries(scenario.users).map(([id, u]) => [id, { roles: u.roles, teams: u.teams ?? [] }]));
  const apply = (event: CaseEvent, at: Instant): void => {
    const { caseState, effects } = step(definition, state, event, { now: at, people });
    // Round-trip through JSON: what the engine returns must survive being saved.
    state = JSON.parse(JSON.stringify(caseState)) as CaseState;
    result.effects.push(...effects.map((effect) => ({ ...effect, at: caseState.updatedAt })));
    for (const entry of state.history.slice(historyShown)) {
      const { at: when, type, node, task, by, ...detail } = entry;
      result.timeline.push({ at: when, type, ...(node ? { node } : {}), ...(task ? { task } : {}), ...(by ? { by } : {}), detail });
    }
    historyShown = state.history.length;
  };

  const runClockTo = (until: Instant): void => {
    for (;;) {
      const current = state as CaseState | null;
      if (!current || current.status !== 'open') return;
      const due = Object.values(current.timers)
        .filter((t) => Date.parse(t.fireAt) <= Date.parse(until))
        .sort((a, b) => (a.fireAt < b.fireAt ? -1 : a.fireAt > b.fireAt ? 1 : a.id < b.id ? -1 : 1))[0];
      if (!due) return;
      apply({ type: 'timer_fired', timerId: due.id }, due.fireAt);
    }
  };

  scenario.steps.forEach((scenarioStep, index) => {
    if ('until' in scenarioStep) return runClockTo(scenarioStep.until);
    runClockTo(scenarioStep.at);
    try {
      apply(toEvent(scenarioStep, scenario, state, index), scenarioStep.at);
      if (scenarioStep.expectRefusal) {
        result.failures.push({ step: index, message: `expected a "${scenarioStep.expectRefusal}" refusal, but the step was accepted` });
      }
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      result.timeline.push({ at: new Date(scenarioStep.at).toISOString(), type: 'refused', detail: { code: error.code, message: error.message, ...error.details } });
      if (scenarioStep.expectRefusal !== error.code) {
        result.failures.push({ step: index, message: `refused: ${error.code}: ${error.message}` });
      }
    }
  });

  result.caseState = state;
  // The simulated time at the end: the latest moment any step names.
  const end = Math.max(...scenario.steps.map((s) => Date.parse('until' in s ? s.until : s.at)));
  const deadlines = upcoming(state);
  result.upcoming = deadlines.filter((d) => d.type !== 'task_due' || Date.parse(d.at) > end);
  result.overdue = deadlines.filter((d): d is ScenarioResult['overdue'][number] => d.type === 'task_due' && Date.parse(d.at) <= end);
  return result;
}

function toEvent(s: Exclude<ScenarioStep, { until: Instant }>, scenario: Scenario, state: CaseState | null, index: number): CaseEvent {
  const actor = (id: string): Actor => {
    const user = scenario.users[id];
    if (!user) throw new Refusal('invalid_event', `Scenario step ${index} names an unknown user "${id}".`);
    return { id, roles: user.roles, teams: user.teams ?? [] };
  };
  if ('start' in s) {
    const { entry, subject, data, by } = s.start;
    return { type: 'case_started', caseId: scenario.caseId ?? 'case-1', entry, subject, ...(data ? { data } : {}), by: actor(by) };
  }
  if ('complete' in s) {
    const { task, by, data, actions } = s.complete;
    return { type: 'task_completed', taskId: findTask(state, task).id, by: actor(by), data: data ?? {}, actions };
  }
  if ('reassign' in s) {
    const { task, by, to, reason } = s.reassign;
    return { type: 'task_reassigned', taskId: findTask(state, task).id, by: actor(by), to, ...(reason ? { reason } : {}) };
  }
  if ('withdraw' in s) return { type: 'case_withdrawn', by: actor(s.withdraw.by), reason: s.withdraw.reason };
  return { type: 'subflow_ended', childCaseId: s.subflowEnded.child, outcome: s.subflowEnded.outcome };
}

/** Scenarios name tasks by node id; the open task at that node is the one meant. */
function findTask(state: CaseState | null, ref: string): Task {
  const tasks = Object.values(state?.tasks ?? {});
  const task = tasks.find((t) => t.id === ref) ?? tasks.find((t) => t.node === ref && t.status === 'open');
  if (!task) throw new Refusal('unknown_task', `There is no open task at "${ref}".`, { task: ref });
  return task;
}

function upcoming(state: CaseState | null): ScenarioResult['upcoming'] {
  if (!state) return [];
  const dueTasks = Object.values(state.tasks)
    .filter((t) => t.status === 'open' && t.due)
    .map((t) => ({ at: t.due!, type: 'task_due' as const, node: t.node, task: t.id, name: t.name }));
  const timers = Object.values(state.timers)
    .filter((t) => t.purpose === 'wait')
    .map((t) => ({ at: t.fireAt, type: 'timer' as const, node: t.node }));
  return [...dueTasks, ...timers].sort((a, b) => (a.at < b.at ? -1 : 1));
}
