/**
 * Derives the denormalised task and timer rows from a case state. Both stores write exactly
 * these rows in the step's transaction, so the rows can never disagree with the case.
 */
import type { Assignment, CaseState, Instant } from '../../engine/index.ts';
import type { ChainHead } from './audit-chain.ts';
import { caseSearchKey, normaliseSearchText } from './search-key.ts';
import type { CaseSummary, DefinitionSummary, TaskRow, TimerRow } from './types.ts';

/**
 * Normalises an instant to `YYYY-MM-DDTHH:mm:ss.sssZ`: the engine may carry `...:00Z` and
 * `...:00.000Z` for the same moment, and stores compare instants as strings.
 */
export function instant(value: Instant): Instant {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${value}`);
  return date.toISOString();
}

export function assigneeOf(assignment: Assignment): Pick<TaskRow, 'assigneeKind' | 'assignee'> {
  if ('worker' in assignment) return { assigneeKind: 'worker', assignee: assignment.worker };
  if ('team' in assignment) return { assigneeKind: 'team', assignee: assignment.team };
  return { assigneeKind: 'role', assignee: assignment.role };
}

export function taskRows(state: CaseState): TaskRow[] {
  return Object.values(state.tasks).map((task) => ({
    caseId: state.id,
    taskId: task.id,
    authority: state.authority,
    definitionId: state.definition.id,
    node: task.node,
    name: task.name,
    status: task.status,
    ...assigneeOf(task.assignee),
    priority: task.priority,
    due: task.due ? instant(task.due) : null,
    overdue: task.overdue,
    createdAt: instant(task.createdAt),
    familyName: state.subject.familyName,
    completedAt: task.completedAt ? instant(task.completedAt) : null,
    completedBy: task.completedBy ?? null,
    dueLabel: task.dueLabel ?? null,
  }));
}

export function timerRows(state: CaseState): TimerRow[] {
  return Object.values(state.timers).map((timer) => ({
    caseId: state.id,
    timerId: timer.id,
    authority: state.authority,
    fireAt: instant(timer.fireAt),
    purpose: timer.purpose,
    node: timer.node,
  }));
}

export function caseSummary(state: CaseState): CaseSummary {
  return {
    id: state.id,
    authority: state.authority,
    definition: { ...state.definition },
    status: state.status,
    familyName: state.subject.familyName,
    version: state.version,
    startedAt: instant(state.startedAt),
    updatedAt: instant(state.updatedAt),
  };
}

/**
 * Which task and timer rows a commit must write. Given the state the step started from (and the
 * commit is checked against that version), rows whose task or timer did not change are skipped:
 * rewriting them would only add pages to every fsync.
 */
export function rowsToWrite(state: CaseState, previous: CaseState | undefined, expectedVersion: number | null) {
  // Rows also carry case fields; if any of those changed, every row is rewritten.
  const sameCase = previous && previous.id === state.id && previous.version === expectedVersion && previous.authority === state.authority
    && previous.definition.id === state.definition.id && previous.subject.familyName === state.subject.familyName;
  const before = sameCase ? previous : undefined;
  const same = (a: unknown, b: unknown) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);
  return {
    task: (id: string) => !before || !same(before.tasks[id], state.tasks[id]),
    timer: (id: string) => !before || !same(before.timers[id], state.timers[id]),
  };
}

/**
 * The case row / document: the state as JSON plus the columns queries and the audit head need.
 * `json` is the state as stored, when a store keeps part of it elsewhere (sqlite-history.ts).
 */
export function caseRecord(state: CaseState, head: ChainHead, json = JSON.stringify(state)) {
  const summary = caseSummary(state);
  return {
    id: state.id, authority: state.authority, definitionId: state.definition.id, definitionVersion: state.definition.version,
    status: state.status, familyName: summary.familyName, familyKey: normaliseSearchText(summary.familyName),
    searchKey: caseSearchKey(state.id, state.subject), version: state.version,
    startedAt: summary.startedAt, updatedAt: summary.updatedAt, state: json, auditCount: head.count, auditHead: head.hash,
  };
}

/** Merges an authority's latest published versions and drafts into one list, by id. */
export function definitionSummaries(
  authority: string,
  published: Array<{ id: string; version: number; name: string }>,
  drafts: Array<{ id: string; name: string }>,
): DefinitionSummary[] {
  const byId = new Map<string, DefinitionSummary>();
  for (const p of published) byId.set(p.id, { id: p.id, authority, name: p.name, latestVersion: p.version, hasDraft: false });
  for (const d of drafts) {
    const known = byId.get(d.id);
    if (known) known.hasDraft = true;
    else byId.set(d.id, { id: d.id, authority, name: d.name, latestVersion: null, hasDraft: true });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `statuses` as a list, for `status = ANY(...)` style filters. */
export function statusList<T extends string>(status: T | T[] | undefined): T[] | undefined {
  if (status === undefined) return undefined;
  return Array.isArray(status) ? status : [status];
}

/**
 * The `savedAt` of a definition draft's next save. It is the draft's version token, so every save
 * must move it, even two in the same millisecond or under a clock set back: never at or before
 * the one it replaces.
 */
export function nextSavedAt(at: Instant, previous: Instant | undefined): Instant {
  const now = Date.parse(instant(at));
  const last = previous === undefined ? Number.NaN : Date.parse(previous);
  return new Date(Number.isNaN(last) || now > last ? now : last + 1).toISOString();
}
