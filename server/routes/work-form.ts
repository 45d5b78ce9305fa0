/**
 * The task workspace in one response: the task, its form from the case's own definition version,
 * the answers copied over from earlier steps (and which fields they fill), the caller's saved
 * draft, and the next actions with who the work may be passed to and why an action is not
 * available yet. Guards are evaluated with the engine's own `truthy` over the case data, with
 * the draft (or the prefill) standing in for answers not yet sent; a guard that reads this
 * task's own answers says so (`mayDependOnAnswers`), since the answers sent decide it. The page
 * evaluates them again as the person types (`evaluation`: what the rules read of the case, and
 * the calendar their working days count with), so "Not available yet" never waits for a reload.
 * All the guards of one page share one evaluation budget (`MAX_STEPS_TOGETHER`): past it, a guard
 * is not evaluated and reads as undecided (`passes: null`, so its action is not available), rather
 * than hold the server for seconds; completing the task is then refused as `logic_too_costly`.
 */
import {
  Budget, caseData, graphOf, readPath, signersOf, stepRoles, truthy, varsRead, WorkingCalendar,
  type CaseData, type CaseState, type Guard, type Instant, type Task, type UserTaskNode, type WorkflowDefinition,
} from '../../engine/index.ts';
import type { TaskDraft, UserRecord } from '../store/index.ts';
import { personView, taskView, type Person } from './case-context.ts';
import { irreversibleStep } from './action-ends.ts';
import { caseFileFor } from './case-file.ts';
import type * as Api from './api-types.gen.ts';

const PRIORITIES: Api.TaskForm['priorities'] = [
  { id: 'urgent', label: 'Urgent' },
  { id: 'normal', label: 'Normal' },
  { id: 'low', label: 'Low' },
];

function guardCheck(nodeId: string, view: ReturnType<typeof caseData>, calendar: WorkingCalendar, budget: Budget) {
  const own = `form.${nodeId}`;
  return (guard: Guard): Api.GuardCheck => {
    let passes: boolean | null;
    try {
      passes = truthy(guard.rule, view, calendar, budget);
    } catch {
      // A rule over its limits, or the page's budget spent: the engine refuses it on submit and says why.
      passes = null;
    }
    const choosing = (path: string) => path === 'chosen' || path === 'choices' || path.startsWith('choices.');
    const mayDependOnAnswers = varsRead(guard.rule).some((path) => path === own || path.startsWith(`${own}.`) || choosing(path));
    return { message: guard.message, rule: guard.rule, passes, mayDependOnAnswers };
  };
}

/** Defines rather than assigns, so that no path segment can reach an object's prototype. */
const put = (into: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * The part of a data view that `paths` (dotted, as rules read them) reach: each path's value
 * kept whole, everything else left out. A path already inside a kept value adds nothing.
 */
export function pickPaths(view: unknown, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const kept = new Set<string>();
  const depth = (path: string) => path.split('.').length;
  for (const path of [...paths].sort((a, b) => depth(a) - depth(b))) {
    const segments = path.split('.');
    if (segments.some((_, i) => kept.has(segments.slice(0, i + 1).join('.')))) continue;
    const value = readPath(view, path);
    if (value === undefined) continue;
    let into = out;
    for (const segment of segments.slice(0, -1)) {
      if (!Object.hasOwn(into, segment)) put(into, segment, {});
      into = into[segment] as Record<string, unknown>;
    }
    put(into, segments.at(-1)!, value);
    kept.add(path);
  }
  return out;
}

/**
 * What the page needs to evaluate this task's guards itself: the case data its rules read,
 * without this task's own answers and what is chosen with them (the page lays those over as
 * typed, with the engine's `withAnswers`), never the whole case.
 */
export function ruleData(view: CaseData, node: string, guards: readonly Guard[]): Record<string, unknown> {
  const own = `form.${node}`;
  const typed = (path: string) => path === own || path.startsWith(`${own}.`) || path === 'chosen' || path === 'choices' || path.startsWith('choices.');
  const data = pickPaths(view, guards.flatMap((g) => varsRead(g.rule)).filter((path) => !typed(path)));
  // A rule that reads every form at once gets them all but this task's.
  const forms = data['form'] as Record<string, unknown> | undefined;
  if (forms && Object.hasOwn(forms, node)) put(data, 'form', Object.fromEntries(Object.entries(forms).filter(([id]) => id !== node)));
  return data;
}

/**
 * The calendar working-day operators count with, bank holidays included from last year to three
 * years ahead: the page cannot load England's holidays itself (designer/vite.config.ts says why).
 */
function calendarView(calendar: WorkingCalendar, today: string): Api.TaskForm['evaluation']['calendar'] {
  const year = Number(today.slice(0, 4));
  const bankHolidays = calendar.bankHolidaysBetween(`${year - 1}-01-01`, `${year + 3}-12-31`).map(({ date, name }) => ({ date, name }));
  return { timeZone: calendar.timeZone, closureDays: calendar.closureDays, bankHolidays };
}

/** The question whose answer names the team, when `teamFrom` reads a top-level answer on this task's own form. */
function teamFromAnswer(teamFrom: string | undefined, node: string): string | null {
  const prefix = `form.${node}.`;
  const field = teamFrom?.startsWith(prefix) ? teamFrom.slice(prefix.length) : '';
  return field !== '' && !field.includes('.') ? field : null;
}

/** People who may be named in "Pass to worker": the authority's practitioners of this protocol. */
export function practitioners(definition: WorkflowDefinition, people: Map<string, Person>): Api.TaskForm['people'] {
  return [...people.values()]
    .filter((p) => !p.disabled && p.roles.some((r) => definition.roles.some((role) => role.id === r)))
    .map((p) => ({ id: p.id, name: p.name, roles: definition.roles.filter((r) => p.roles.includes(r.id)).map((r) => ({ id: r.id, name: r.name })) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export function taskForm(
  state: CaseState,
  definition: WorkflowDefinition,
  task: Task,
  context: { user: UserRecord; people: Map<string, Person>; draft: TaskDraft | null; now: Instant },
): Api.TaskForm {
  const { user, people, now } = context;
  // Once someone has signed a jointly signed step, a draft saved before that signature is stale:
  // the co-signer starts from what was signed, so that signing it unchanged completes the step.
  const signedAt = (task.signatures ?? []).map((s) => s.at).sort().at(-1);
  const draft = context.draft && signedAt && context.draft.savedAt < signedAt ? null : context.draft;
  const graph = graphOf(definition);
  const found = graph.nodes.get(task.node);
  const node: UserTaskNode | undefined = found?.kind === 'user_task' ? found : undefined;
  const form = task.form && Object.hasOwn(definition.forms, task.form) ? definition.forms[task.form] : undefined;
  const answers = draft?.data ?? task.prefill ?? {};
  const calendar = WorkingCalendar.for(definition.calendar);
  const today = calendar.localDate(now);
  const before = caseData(state, now, today);
  const view = caseData(state, now, today, { node: task.node, data: answers });
  const check = guardCheck(task.node, view, calendar, new Budget());
  const roleName = (id: string) => definition.roles.find((r) => r.id === id)?.name ?? id;
  const teamName = (id: string) => definition.teams.find((t) => t.id === id)?.name ?? id;
  const taskGuards = (node?.guards ?? []).map(check);
  const actions = (node?.nextActions ?? []).map((action): Api.NextActionView => {
    const guards = (action.guards ?? []).map(check);
    const target = graph.nodes.get(action.to);
    // The team an earlier step recorded ("the team the front door confirmed") is the only one offered.
    const recorded = action.passTo?.teamFrom ? readPath(view, action.passTo.teamFrom) : undefined;
    // A team named by an answer on this very form follows the answer as typed: every team is
    // listed, for the page to name whichever is answered. Until a team is recorded, every team is
    // offered and the engine decides on submit.
    const fromAnswer = teamFromAnswer(action.passTo?.teamFrom, task.node);
    const teams = (action.passTo?.teams ?? []).filter((id) => fromAnswer !== null || typeof recorded !== 'string' || id === recorded);
    const workerRoles = action.passTo?.roles ?? (target?.kind === 'user_task' ? stepRoles(target) : undefined);
    return {
      id: action.id,
      label: action.label,
      to: { id: action.to, name: target?.name ?? action.to, kind: target?.kind ?? null },
      /** Closes the case (or this path of it), withdraws it, or steps up: asked to check first. */
      irreversible: irreversibleStep(graph, action.to),
      /** Decided once: the answer to this question of the form chooses the action (the engine checks it). */
      chosenBy: action.chosenBy ? { field: action.chosenBy.field, values: action.chosenBy.values } : null,
      passTo: action.passTo
        ? {
            required: action.passTo.required !== false,
            teams: teams.map((id) => ({ id, name: teamName(id) })),
            workers: action.passTo.workers === true,
            /** A worker named must hold one of these roles; null when any practitioner may be named. */
            workerRoles: action.passTo.workers && workerRoles ? workerRoles.map((id) => ({ id, name: roleName(id) })) : null,
            /** The question of this form whose answer is the team: not asked again. */
            teamFromAnswer: fromAnswer,
          }
        : null,
      /** Next actions that must be chosen together with this one. */
      requires: action.requires ?? [],
      scheduledDate: action.scheduledDate ? { required: action.scheduledDate.required === true, label: action.scheduledDate.label ?? 'Scheduled date' } : null,
      defaultPriority: action.defaultPriority ?? null,
      guards,
      /** Every guard of the task and of this action passes with the answers as they stand. */
      available: [...taskGuards, ...guards].every((g) => g.passes === true),
    };
  });
  return {
    case: {
      id: state.id,
      version: state.version,
      status: state.status,
      familyName: state.subject.familyName,
      children: state.subject.children,
      definition: { id: definition.id, version: definition.version, name: definition.name },
    },
    task: {
      ...taskView(task, definition, people, user, now),
      completedAt: task.completedAt ?? null,
      completedBy: personView(task.completedBy, people),
    },
    /** What earlier steps recorded that this step needs, rendered for reading (labels, option titles, long dates). */
    caseFile: caseFileFor(state, definition, task, people),
    /** What the task was completed with, for the read-only view; null while it is open. */
    answers: task.status === 'completed' ? (task.answers ?? null) : null,
    form: form ? { id: task.form!, title: form.title, description: form.description ?? null, schema: form.schema, layout: form.layout ?? null, errorMessages: form.errorMessages ?? {} } : null,
    prefill: task.prefill ?? {},
    prefilled: Object.keys(task.prefill ?? {}),
    draft: draft ? { data: draft.data, savedAt: draft.savedAt } : null,
    guards: taskGuards,
    /** For the page to evaluate the guards again as the answers and choices change. */
    evaluation: {
      node: task.node,
      data: ruleData(before, task.node, [...(node?.guards ?? []), ...(node?.nextActions ?? []).flatMap((a) => a.guards ?? [])]),
      calendar: calendarView(calendar, today),
    },
    /** A step signed jointly: each signer, with their signature once given, and the actions signed so far. */
    signing: node?.signatures
      ? {
          signers: signersOf(node).map((signer, slot) => ({
            label: signer.label ?? signer.roles.map(roleName).join(' or '),
            roles: signer.roles.map((id) => ({ id, name: roleName(id) })),
            signature: (task.signatures ?? []).filter((s) => s.slot === slot).map((s) => ({ at: s.at, role: { id: s.role, name: roleName(s.role) }, person: personView(s.by, people) }))[0] ?? null,
          })),
          proposedActions: task.proposal?.actions ?? [],
        }
      : null,
    /** Only people holding one of these roles may complete the task; null when the assignment decides. */
    roles: node?.roles ? node.roles.map((id) => ({ id, name: roleName(id) })) : null,
    multipleActions: node?.multipleActions === true,
    actions,
    /** Who "Pass to worker" may name, for every action with `passTo.workers`. */
    people: actions.some((a) => a.passTo?.workers) ? practitioners(definition, people) : [],
    priorities: PRIORITIES,
  };
}
