/**
 * Checking the next actions chosen with a task, Mosaic style: each one exists, its guards hold,
 * the actions that must go together are chosen together, and it is passed to someone the protocol
 * allows — the right team (the one the front door confirmed), a worker holding the right role.
 */
import type { NextAction, UserTaskNode } from '../schema/definition.types.ts';
import { truthy } from '../logic/index.ts';
import { Refusal } from '../problems.ts';
import { readPath, type CaseData } from '../runtime/data.ts';
import type { ChosenAction } from '../runtime/events.ts';
import type { Run } from '../runtime/run.ts';
import { checkWorkerCanTake, stepRoles } from './who-may-act.ts';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Chosen {
  action: NextAction;
  choice: ChosenAction;
}

/** One thing wrong with the next actions chosen, as the refusal it would be on its own. */
export interface ActionProblem {
  code: Refusal['code'];
  message: string;
  /** Which chosen action (its position in the list sent, and its id), when it is about one. */
  index?: number;
  action?: string;
  [detail: string]: unknown;
}

/** The messages of the guards that fail over `view`; empty when all hold. */
export function failedGuards(guards: NonNullable<UserTaskNode['guards']>, view: CaseData, run: Run): string[] {
  return guards.filter((guard) => !truthy(guard.rule, view, run.calendar)).map((guard) => guard.message);
}

/**
 * Every problem with the next actions chosen, all at once, so that one submit reports them all:
 * unknown actions, unmet guards, actions that must go together, who it is passed to, dates.
 */
export function actionProblems(node: UserTaskNode, run: Run, view: CaseData, actions: ChosenAction[]): { chosen: Chosen[]; problems: ActionProblem[] } {
  if (actions.length === 0) return { chosen: [], problems: [{ code: 'invalid_event', message: 'Choose a next action.', field: 'actions' }] };
  const problems: ActionProblem[] = [];
  if (actions.length > 1 && !node.multipleActions) {
    problems.push({ code: 'invalid_event', message: `"${node.name}" takes one next action at a time.`, field: 'actions' });
  }
  const chosen: Array<Chosen & { index: number }> = [];
  actions.forEach((choice, index) => {
    const action = node.nextActions.find((a) => a.id === choice.action);
    if (action) chosen.push({ action, choice, index });
    else problems.push({ code: 'unknown_action', message: `"${choice.action}" is not a next action of "${node.name}".`, index });
  });
  for (const { action, choice, index } of chosen) {
    const about = { index, action: action.id };
    const failed = failedGuards(action.guards ?? [], view, run);
    if (failed.length > 0) problems.push({ code: 'guard_failed', message: failed.join(' '), messages: failed, ...about });
    const refused = (check: () => void) => {
      try {
        check();
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        problems.push({ ...about, ...error.details, code: error.code, message: error.message });
      }
    };
    refused(() => checkTogether(node, action, actions));
    refused(() => checkPassTo(run, view, action, choice, index));
    if (action.scheduledDate?.required && !choice.scheduledFor) {
      problems.push({ code: 'scheduled_date_required', message: `Enter a scheduled date for "${action.label}".`, ...about });
    }
    if (choice.scheduledFor !== undefined && !LOCAL_DATE.test(choice.scheduledFor)) {
      problems.push({ code: 'invalid_event', message: 'The scheduled date must be a real date, like 2027-01-27.', ...about });
    }
  }
  return { chosen: chosen.map(({ action, choice }) => ({ action, choice })), problems };
}

/** "Progress to early help – CSC case closure" goes with "Step down to Early Help (EH)". */
function checkTogether(node: UserTaskNode, action: NextAction, actions: ChosenAction[]): void {
  const missing = (action.requires ?? []).filter((id) => !actions.some((a) => a.action === id));
  if (missing.length === 0) return;
  const labels = missing.map((id) => `"${node.nextActions.find((a) => a.id === id)?.label ?? id}"`).join(' and ');
  throw new Refusal('actions_incomplete', `"${action.label}" must be chosen together with ${labels}.`, { action: action.id, missing });
}

function checkPassTo(run: Run, view: CaseData, action: NextAction, choice: ChosenAction, index: number): void {
  const passTo = action.passTo;
  if (!choice.passTo) {
    if (passTo && passTo.required !== false) {
      throw new Refusal('pass_to_required', `Choose who to pass "${action.label}" to.`, { index });
    }
    return;
  }
  const teamName = (id: string) => run.definition.teams.find((t) => t.id === id)?.name ?? id;
  if ('team' in choice.passTo) {
    const team = choice.passTo.team;
    if (!passTo?.teams?.includes(team)) {
      const where = passTo?.teams?.length ? `Choose one of: ${passTo.teams.map(teamName).join(', ')}.` : passTo?.workers ? 'Choose a worker.' : 'It goes on without being passed to anyone.';
      throw new Refusal('pass_to_not_allowed', `"${action.label}" cannot be passed to ${teamName(team)}. ${where}`, { index, passTo: choice.passTo });
    }
    if (passTo.teamFrom !== undefined) {
      const recorded = readPath(view, passTo.teamFrom);
      if (typeof recorded !== 'string' || recorded !== team) {
        throw new Refusal(
          'pass_to_not_allowed',
          typeof recorded === 'string'
            ? `Pass "${action.label}" to ${teamName(recorded)}, the team recorded earlier in this case, not ${teamName(team)}.`
            : `"${action.label}" cannot be passed on yet: no team has been recorded for it earlier in this case.`,
          { index, passTo: choice.passTo, expected: recorded ?? null },
        );
      }
    }
    return;
  }
  if (!passTo?.workers) {
    const where = passTo?.teams?.length ? `Choose one of the teams: ${passTo.teams.map(teamName).join(', ')}.` : 'It goes on without being passed to anyone.';
    throw new Refusal('pass_to_not_allowed', `"${action.label}" cannot be passed to a named worker. ${where}`, { index, passTo: choice.passTo });
  }
  checkWorkerCanTake(run, choice.passTo.worker, passTo.roles ?? targetRoles(run, action), action.label);
}

/** The roles the step an action leads to is given to: a worker who cannot do it cannot be given it. */
function targetRoles(run: Run, action: NextAction): readonly string[] | undefined {
  const target = run.graph.nodes.get(action.to);
  return target?.kind === 'user_task' ? stepRoles(target) : undefined;
}
