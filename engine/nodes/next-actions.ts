/**
 * Checking the next actions chosen with a task, Mosaic style: each one exists, its guards hold,
 * the actions that must go together are chosen together, and it is passed to someone the protocol
 * allows — the right team (the one the front door confirmed), a worker holding the right role.
 * Decide once: where the task's own form already asks the decision (`chosenBy`) or the team
 * (`passTo.teamFrom`), the answer decides, and the practitioner is not asked again.
 */
import type { NextAction, UserTaskNode } from '../schema/definition.types.ts';
import { varsRead } from '../logic/index.ts';
import { pointer, Refusal, type FieldError } from '../problems.ts';
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

/**
 * The messages of the guards that fail over `view`; empty when all hold. A guard that reads only
 * answers of this task's form that the form already reports (`fieldErrors`) is left out: its
 * message would say a second time what the question's own error says ("Send a copy first" beside
 * "Select yes if a copy was sent").
 */
export function failedGuards(guards: NonNullable<UserTaskNode['guards']>, view: CaseData, run: Run, reported?: { node: string; fieldErrors: readonly FieldError[] }): string[] {
  return guards
    .filter((guard) => !(reported && saidByFieldErrors(guard.rule, reported.node, reported.fieldErrors)))
    .filter((guard) => !run.holds(guard.rule, view, reported?.node))
    .map((guard) => guard.message);
}

/** Whether every answer of the task's own form that `rule` reads (at least one) already has an error of its own. */
function saidByFieldErrors(rule: unknown, node: string, fieldErrors: readonly FieldError[]): boolean {
  if (fieldErrors.length === 0) return false;
  const own = `form.${node}.`;
  const fields = varsRead(rule).filter((path) => path.startsWith(own)).map((path) => pointer(path.slice(own.length).split('.')[0]!));
  return fields.length > 0 && fields.every((at) => fieldErrors.some((e) => e.pointer === at || e.pointer.startsWith(`${at}/`)));
}

/**
 * The next actions a task completes with, when its answers decide them. With `chosenBy`, the
 * answer chooses the actions: none sent takes the answer's, different ones are a problem reported
 * with the rest. A chosen action that must go to the team recorded (`passTo.teamFrom`) and is passed
 * to no one goes to that team. `fieldErrors` are the form's own: an answer they report already is
 * not reported twice.
 */
export function decidedActions(
  node: UserTaskNode,
  run: Run,
  answers: { data: Record<string, unknown>; sent: ChosenAction[]; fieldErrors: FieldError[] },
): { actions: ChosenAction[]; problems: ActionProblem[] } {
  const { actions, problems } = chosenByAnswer(node, run, answers);
  if (!node.nextActions.some((a) => a.passTo?.teamFrom)) return { actions, problems };
  const recorded = run.data({ node: node.id, data: answers.data });
  return { actions: actions.map((choice) => withRecordedTeam(node, choice, recorded)), problems };
}

function chosenByAnswer(
  node: UserTaskNode,
  run: Run,
  { data, sent, fieldErrors }: { data: Record<string, unknown>; sent: ChosenAction[]; fieldErrors: FieldError[] },
): { actions: ChosenAction[]; problems: ActionProblem[] } {
  const field = node.nextActions.find((a) => a.chosenBy)?.chosenBy?.field;
  // An action the task does not have is refused as such (`unknown_action`), whatever the answer.
  if (field === undefined || sent.some((s) => !node.nextActions.some((a) => a.id === s.action))) return { actions: sent, problems: [] };
  const answer = data[field];
  const given = Array.isArray(answer) ? answer : answer === undefined ? [] : [answer];
  const derived = node.nextActions.filter((a) => a.chosenBy?.values.some((v) => given.includes(v)));
  const question = questionOf(node, run, field);
  const yourAnswer = `Your answer to "${question.label}" is ${given.map((v) => `"${question.title(v)}"`).join(' and ')}`;
  if (derived.length === 0) {
    if (fieldErrors.some((e) => e.pointer === pointer(field))) return { actions: [], problems: [] };
    const leading = node.nextActions.flatMap((a) => a.chosenBy?.values ?? []).map((v) => `"${question.title(v)}"`);
    const message = given.length === 0 ? `Answer "${question.label}" to say what happens next.` : `${yourAnswer}, but "${node.name}" goes on only with ${leading.join(' or ')}.`;
    return { actions: [], problems: [{ code: 'action_not_chosen', message, field }] };
  }
  if (sent.length === derived.length && derived.every((a) => sent.some((s) => s.action === a.id))) return { actions: sent, problems: [] };
  const actions = derived.map((a) => sent.find((s) => s.action === a.id) ?? { action: a.id });
  if (sent.length === 0) return { actions, problems: [] };
  const labels = derived.map((a) => `"${a.label}"`).join(' and ');
  return {
    actions,
    problems: [{ code: 'action_not_chosen', message: `${yourAnswer}, so what happens next is ${labels}.`, field: 'actions', expected: derived.map((a) => a.id) }],
  };
}

/** A question of the task's form, as the practitioner reads it: its label and its options' titles. */
function questionOf(node: UserTaskNode, run: Run, field: string): { label: string; title: (value: unknown) => string } {
  const form = run.compiled.form(node.form);
  const info = form ? run.compiled.fields(form).get(field) : undefined;
  return {
    label: info?.label ?? field,
    // JSON, not String(): an answer of the wrong shape may be an object that has no text form.
    title: (value) => info?.options?.find((o) => o.value === value)?.label ?? (typeof value === 'string' ? value : JSON.stringify(value)),
  };
}

/** "Pass to the team recorded": asked already, so a choice passed to no one goes to that team. */
function withRecordedTeam(node: UserTaskNode, choice: ChosenAction, recorded: CaseData): ChosenAction {
  const passTo = node.nextActions.find((a) => a.id === choice.action)?.passTo;
  if (choice.passTo || !passTo?.teamFrom) return choice;
  const team = readPath(recorded, passTo.teamFrom);
  return typeof team === 'string' && passTo.teams?.includes(team) ? { ...choice, passTo: { team } } : choice;
}

/** The task being completed, with its answers overlaid on the case (`view`) and the form's own errors. */
export interface Completing {
  node: UserTaskNode;
  run: Run;
  view: CaseData;
  fieldErrors: FieldError[];
}

/**
 * Every problem with the next actions chosen, all at once, so that one submit reports them all:
 * unknown actions, unmet guards, actions that must go together, who it is passed to, dates.
 */

export function actionProblems(at: Completing, actions: ChosenAction[]): { chosen: Chosen[]; problems: ActionProblem[] } {
  const { node, run, view } = at;
  if (actions.length === 0) {
    // An answer that chooses nothing is reported as such (`decidedActions`), not as "choose one".
    const decided = node.nextActions.some((a) => a.chosenBy);
    return { chosen: [], problems: decided ? [] : [{ code: 'invalid_event', message: 'Choose a next action.', field: 'actions' }] };
  }
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
    const failed = failedGuards(action.guards ?? [], view, run, { node: node.id, fieldErrors: at.fieldErrors });
    if (failed.length > 0) problems.push({ code: 'guard_failed', message: failed.join(' '), messages: failed, ...about });
    refusedInto(problems, about, () => checkTogether(node, action, actions));
    refusedInto(problems, about, () => checkPassTo(at, action, choice, index));
    if (action.scheduledDate?.required && !choice.scheduledFor) {
      problems.push({ code: 'scheduled_date_required', message: `Enter a scheduled date for "${action.label}".`, ...about });
    }
    if (choice.scheduledFor !== undefined && !LOCAL_DATE.test(choice.scheduledFor)) {
      problems.push({ code: 'invalid_event', message: 'The scheduled date must be a real date, like 2027-01-27.', ...about });
    }
  }
  return { chosen: chosen.map(({ action, choice }) => ({ action, choice })), problems };
}

/** Runs `check`; the refusal it throws, if any, is added to `problems` as being `about` one action. */
function refusedInto(problems: ActionProblem[], about: { index: number; action: string }, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    problems.push({ ...about, ...error.details, code: error.code, message: error.message });
  }
}

/** "Progress to early help – CSC case closure" goes with "Step down to Early Help (EH)". */
function checkTogether(node: UserTaskNode, action: NextAction, actions: ChosenAction[]): void {
  const missing = (action.requires ?? []).filter((id) => !actions.some((a) => a.action === id));
  if (missing.length === 0) return;
  const labels = missing.map((id) => `"${node.nextActions.find((a) => a.id === id)?.label ?? id}"`).join(' and ');
  throw new Refusal('actions_incomplete', `"${action.label}" must be chosen together with ${labels}.`, { action: action.id, missing });
}

function checkPassTo(at: Completing, action: NextAction, choice: ChosenAction, index: number): void {
  const { node, run, view } = at;
  const passTo = action.passTo;
  // The team asked on this very form: when its answer is wrong, the form's own error says so.
  const own = passTo?.teamFrom?.startsWith(`form.${node.id}.`) ? passTo.teamFrom.slice(`form.${node.id}.`.length) : undefined;
  const reported = own !== undefined && at.fieldErrors.some((e) => e.pointer === pointer(own));
  const asked = own === undefined ? undefined : questionOf(node, run, own).label;
  if (!choice.passTo) {
    if (passTo && passTo.required !== false && !reported) {
      const message = asked ? `Answer "${asked}" to say which team "${action.label}" goes to.` : `Choose who to pass "${action.label}" to.`;
      throw new Refusal('pass_to_required', message, { index });
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
      if ((typeof recorded !== 'string' && !reported) || (typeof recorded === 'string' && recorded !== team)) {
        const where = asked ? `your answer to "${asked}"` : 'the team recorded earlier in this case';
        throw new Refusal(
          'pass_to_not_allowed',
          typeof recorded === 'string'
            ? `Pass "${action.label}" to ${teamName(recorded)}, ${where}, not ${teamName(team)}.`
            : asked
              ? `Answer "${asked}" to say which team "${action.label}" goes to.`
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
