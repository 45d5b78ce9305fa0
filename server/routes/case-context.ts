/**
 * What the case and work routes share: the caller's case (or a 404 that looks exactly like a
 * missing id), the definition version a case runs on, the authority's people and how an
 * assignment reads for a person ("Demo Social Worker", "IEYS Kentish Town East duty manager").
 */
import type { Context } from 'hono';
import { mayWorkOn, type Assignment, type CaseState, type Instant, type Task, type WorkflowDefinition } from '../../engine/index.ts';
import { actorOf, type AppEnv } from '../http/env.ts';
import { HttpProblem } from '../http/problem.ts';
import { StoreError, type Store, type UserRecord } from '../store/index.ts';
import type * as Api from './api-types.gen.ts';

// Published versions never change, so they are cached per store for the life of the process.
const versions = new WeakMap<Store, Map<string, WorkflowDefinition>>();

export async function definitionVersion(store: Store, id: string, version: number): Promise<WorkflowDefinition | null> {
  let cache = versions.get(store);
  if (!cache) versions.set(store, (cache = new Map()));
  const key = `${id}@${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const found = await store.getDefinition(id, version);
  if (found) cache.set(key, found.definition);
  return found?.definition ?? null;
}

/** The latest published version of each of the authority's definitions. */
export async function authorityDefinitions(store: Store, authority: string): Promise<WorkflowDefinition[]> {
  const summaries = await store.listDefinitions(authority);
  const found = await Promise.all(
    summaries.filter((s) => s.latestVersion !== null).map((s) => definitionVersion(store, s.id, s.latestVersion!)),
  );
  return found.filter((d): d is WorkflowDefinition => d !== null && d.authority.id === authority);
}

export const caseNotFound = () => new HttpProblem(404, 'not_found', 'There is no such case.');
export const taskNotFound = () => new HttpProblem(404, 'not_found', 'There is no such task on this case.');

export interface CaseContext {
  state: CaseState;
  definition: WorkflowDefinition;
}

/**
 * The case if it belongs to the caller's authority. Another authority's case answers exactly as
 * an unknown id does, so nobody learns that it exists. `what` makes the load an audited read.
 */
export async function callerCase(c: Context<AppEnv>, caseId: string, what?: string): Promise<CaseContext> {
  const { store, runner } = c.get('deps');
  const user = c.get('user');
  const state = what ? await readFor(runner, caseId, user, what) : await store.getCase(caseId);
  if (!state || state.authority !== user.authority) throw caseNotFound();
  const definition = await definitionVersion(store, state.definition.id, state.definition.version);
  if (!definition) throw caseNotFound();
  return { state, definition };
}

/** The audited read, with the authority check inside it: one load, and no entry for outsiders. */
async function readFor(runner: AppEnv['Variables']['deps']['runner'], caseId: string, user: { id: string; authority: string }, what: string) {
  try {
    return await runner.readCase(caseId, user.id, what, { authority: user.authority });
  } catch (error) {
    if (error instanceof StoreError && error.code === 'not_found') return null;
    throw error;
  }
}

export function taskOf(state: CaseState, taskId: string): Task {
  const task = Object.hasOwn(state.tasks, taskId) ? state.tasks[taskId] : undefined;
  if (!task) throw taskNotFound();
  return task;
}

/** A person as other people see them: never the e-mail address or the password hash. */
export interface Person {
  id: string;
  name: string;
  roles: string[];
  teams: string[];
  disabled: boolean;
}

export async function peopleOf(store: Store, authority: string): Promise<Map<string, Person>> {
  const users = await store.listUsers(authority);
  return new Map(users.map((u: UserRecord) => [u.id, { id: u.id, name: u.name, roles: u.roles, teams: u.teams, disabled: Boolean(u.disabled) }]));
}

export function assigneeView(assignment: Assignment, definition: WorkflowDefinition, people: Map<string, Person>): Api.Assignee {
  if ('worker' in assignment) return { kind: 'worker', id: assignment.worker, name: people.get(assignment.worker)?.name ?? assignment.worker };
  if ('team' in assignment) return { kind: 'team', id: assignment.team, name: definition.teams.find((t) => t.id === assignment.team)?.name ?? assignment.team };
  return { kind: 'role', id: assignment.role, name: definition.roles.find((r) => r.id === assignment.role)?.name ?? assignment.role };
}

export const personView = (id: string | undefined, people: Map<string, Person>): Api.Named | null =>
  id === undefined ? null : { id, name: people.get(id)?.name ?? (id === 'system' ? 'Stepwise' : id) };

/** Past its due time, whether or not the scheduler has marked it yet. */
/**
 * A case's reference as people say and type it: the first eight characters of its id, upper
 * case ("3F2A9C1B"). Derived, so it never changes and needs no counter; search finds it.
 */
export const caseReference = (caseId: string) => caseId.slice(0, 8).toUpperCase();

export const isOverdue = (task: { overdue: boolean; due?: Instant | null }, now: Instant) => task.overdue || (task.due != null && task.due < now);

/** An open task as the case page and the inbox show it. */
export function taskView(task: Task, definition: WorkflowDefinition, people: Map<string, Person>, user: UserRecord, now: Instant): Api.TaskSummary {
  const node = definition.nodes.find((n) => n.id === task.node);
  return {
    id: task.id,
    node: task.node,
    name: task.name,
    stage: node?.stage ?? null,
    status: task.status,
    assignee: assigneeView(task.assignee, definition, people),
    priority: task.priority,
    createdAt: task.createdAt,
    availableFrom: task.availableFrom ?? null,
    due: task.due ?? null,
    dueLabel: task.dueLabel ?? null,
    overdue: isOverdue(task, now),
    escalationLevel: task.escalationLevel,
    scheduledFor: task.scheduledFor ?? null,
    note: task.note ?? null,
    passedBy: personView(task.passedBy, people),
    canAct: task.status === 'open' && mayWorkOn(task, actorOf(user), definition),
  };
}

