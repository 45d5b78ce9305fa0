/**
 * The task workspace in one response: the task, its form from the case's own definition version,
 * the answers copied over from earlier steps (and which fields they fill), the caller's saved
 * draft, and the next actions with who the work may be passed to and why an action is not
 * available yet. Guards are evaluated with the engine's own `truthy` over the case data, with
 * the draft (or the prefill) standing in for answers not yet sent; a guard that reads this
 * task's own answers says so (`mayDependOnAnswers`), since the answers sent decide it.
 */
import {
  caseData, graphOf, readPath, signersOf, stepRoles, truthy, varsRead, WorkingCalendar,
  type CaseState, type Guard, type Instant, type Task, type UserTaskNode, type WorkflowDefinition,
} from '../../engine/index.ts';
import type { TaskDraft, UserRecord } from '../store/index.ts';
import { personView, taskView, type Person } from './case-context.ts';
import { irreversibleStep } from './action-ends.ts';
import { caseFileFor } from './case-file.ts';

const PRIORITIES = [
  { id: 'urgent', label: 'Urgent' },
  { id: 'normal', label: 'Normal' },
  { id: 'low', label: 'Low' },
];

function guardCheck(nodeId: string, view: ReturnType<typeof caseData>, calendar: WorkingCalendar) {
  const own = `form.${nodeId}`;
  return (guard: Guard) => {
    let passes: boolean | null;
    try {
      passes = truthy(guard.rule, view, calendar);
    } catch {
      passes = null; // a rule over limits: the engine will refuse it on submit and say why
    }
    const choosing = (path: string) => path === 'chosen' || path === 'choices' || path.startsWith('choices.');
    const mayDependOnAnswers = varsRead(guard.rule).some((path) => path === own || path.startsWith(`${own}.`) || choosing(path));
    return { message: guard.message, passes, mayDependOnAnswers };
  };
}

/** People who may be named in "Pass to worker": the authority's practitioners of this protocol. */
export function practitioners(definition: WorkflowDefinition, people: Map<string, Person>) {
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
) {
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
  const view = caseData(state, now, calendar.localDate(now), { node: task.node, data: answers });
  const check = guardCheck(task.node, view, calendar);
  const roleName = (id: string) => definition.roles.find((r) => r.id === id)?.name ?? id;
  const teamName = (id: string) => definition.teams.find((t) => t.id === id)?.name ?? id;
  const taskGuards = (node?.guards ?? []).map(check);
  const actions = (node?.nextActions ?? []).map((action) => {
    const guards = (action.guards ?? []).map(check);
    const target = graph.nodes.get(action.to);
    // The team an earlier step recorded ("the team the front door confirmed") is the only one offered.
    const recorded = action.passTo?.teamFrom ? readPath(view, action.passTo.teamFrom) : undefined;
    // Until that team is recorded (an answer on this very form, say), every team is offered and the engine decides on submit.
    const teams = (action.passTo?.teams ?? []).filter((id) => typeof recorded !== 'string' || id === recorded);
    const workerRoles = action.passTo?.roles ?? (target?.kind === 'user_task' ? stepRoles(target) : undefined);
    return {
      id: action.id,
      label: action.label,
      to: { id: action.to, name: target?.name ?? action.to, kind: target?.kind ?? null },
      /** Closes the case (or this path of it), withdraws it, or steps up: asked to check first. */
      irreversible: irreversibleStep(graph, action.to),
      passTo: action.passTo
        ? {
            required: action.passTo.required !== false,
            teams: teams.map((id) => ({ id, name: teamName(id) })),
            workers: action.passTo.workers === true,
            /** A worker named must hold one of these roles; null when any practitioner may be named. */
            workerRoles: action.passTo.workers && workerRoles ? workerRoles.map((id) => ({ id, name: roleName(id) })) : null,
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
