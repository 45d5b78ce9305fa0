/**
 * Moving running cases to a newer definition version, only when an admin asks. Publishing never
 * moves a case; `planMigration` is the dry run (what would move, what blocks), `applyMigration`
 * moves only cases that can move safely, each in its own audited, version-checked commit.
 *
 * A case can move when everything it is waiting at still exists in the new version as the same
 * kind of node: its open tasks' nodes (and their forms), its pending timers' nodes (and the
 * escalation rung a timer is for), the sub-flows it waits for and the joins it has half-passed.
 * Due dates and timers already set are kept as they are: the new version applies from the next
 * node the case enters.
 */
import type { CaseState, Node, WorkflowDefinition } from '../../engine/index.ts';
import { ConflictError, StoreError, type Store } from '../store/index.ts';
import { instant } from '../store/rows.ts';
import type { Clock } from './clock.ts';

export interface Blocker {
  code: 'task_node_missing' | 'task_form_missing' | 'timer_node_missing' | 'escalation_missing' | 'subflow_node_missing' | 'join_node_missing';
  node: string;
  /** The task or timer concerned, when there is one. */
  ref?: string;
}

export interface CasePlan {
  caseId: string;
  version: number;
  migratable: boolean;
  blockers: Blocker[];
}

export interface MigrationPlan {
  definition: string;
  from: number;
  to: number;
  cases: CasePlan[];
}

export interface MigrationResult {
  moved: string[];
  skipped: Array<{ caseId: string; reason: string }>;
}

async function load(store: Store, id: string, version: number): Promise<WorkflowDefinition> {
  const found = await store.getDefinition(id, version);
  if (!found) throw new StoreError('not_found', `There is no published version ${version} of ${id}.`, { id, version, missing: 'definition' });
  return found.definition;
}

/** Why a case could not run on `to`; empty when it can. */
export function blockersFor(state: CaseState, from: WorkflowDefinition, to: WorkflowDefinition): Blocker[] {
  const oldNodes = new Map<string, Node>(from.nodes.map((n) => [n.id, n]));
  const newNodes = new Map<string, Node>(to.nodes.map((n) => [n.id, n]));
  const same = (id: string, kind: Node['kind']) => newNodes.get(id)?.kind === kind;
  const blockers: Blocker[] = [];
  for (const task of Object.values(state.tasks)) {
    if (task.status !== 'open') continue;
    const node = newNodes.get(task.node);
    if (!node || node.kind !== 'user_task') blockers.push({ code: 'task_node_missing', node: task.node, ref: task.id });
    else if (node.form && !to.forms[node.form]) blockers.push({ code: 'task_form_missing', node: task.node, ref: task.id });
  }
  for (const timer of Object.values(state.timers)) {
    const kind = oldNodes.get(timer.node)?.kind ?? (timer.task ? 'user_task' : 'timer');
    const node = newNodes.get(timer.node);
    if (!node || node.kind !== kind) blockers.push({ code: 'timer_node_missing', node: timer.node, ref: timer.id });
    else if (timer.purpose === 'escalation' && node.kind === 'user_task' && !node.escalations?.[timer.rung ?? 0]) {
      blockers.push({ code: 'escalation_missing', node: timer.node, ref: timer.id });
    }
  }
  for (const [child, node] of Object.entries(state.waitingFor)) {
    if (!same(node, 'subflow')) blockers.push({ code: 'subflow_node_missing', node, ref: child });
  }
  for (const node of Object.keys(state.joins)) {
    if (!same(node, 'join')) blockers.push({ code: 'join_node_missing', node });
  }
  return blockers;
}

/** The dry run: every open case on `fromVersion`, and whether it can move to `toVersion`. */
export async function planMigration(store: Store, definitionId: string, fromVersion: number, toVersion: number): Promise<MigrationPlan> {
  const [from, to] = await Promise.all([load(store, definitionId, fromVersion), load(store, definitionId, toVersion)]);
  const summaries = await store.findCases({ authority: from.authority.id, definition: { id: definitionId, version: fromVersion }, status: 'open', limit: 100_000 });
  const cases: CasePlan[] = [];
  for (const summary of summaries) {
    const state = await store.getCase(summary.id);
    if (!state) continue;
    const blockers = blockersFor(state, from, to);
    cases.push({ caseId: state.id, version: state.version, migratable: blockers.length === 0, blockers });
  }
  return { definition: definitionId, from: fromVersion, to: toVersion, cases };
}

export interface ApplyOptions {
  by: string;
  clock: Clock;
  /** Only these cases (e.g. the ones an admin ticked in the dry run); default all migratable. */
  caseIds?: string[];
}

/** Moves the cases the plan found migratable, re-checking each against its current state. */
export async function applyMigration(store: Store, plan: MigrationPlan, options: ApplyOptions): Promise<MigrationResult> {
  const [from, to] = await Promise.all([load(store, plan.definition, plan.from), load(store, plan.definition, plan.to)]);
  const wanted = options.caseIds ? new Set(options.caseIds) : null;
  const result: MigrationResult = { moved: [], skipped: [] };
  for (const entry of plan.cases) {
    if (wanted && !wanted.has(entry.caseId)) continue;
    const state = await store.getCase(entry.caseId);
    if (!entry.migratable || !state || state.status !== 'open' || state.definition.version !== plan.from) {
      result.skipped.push({ caseId: entry.caseId, reason: entry.migratable ? 'no_longer_on_version' : 'blocked' });
      continue;
    }
    // The case may have moved on since the dry run: check it again as it is now.
    if (blockersFor(state, from, to).length) {
      result.skipped.push({ caseId: entry.caseId, reason: 'blocked' });
      continue;
    }
    const now = instant(options.clock.now());
    const updatedAt = instant(state.updatedAt);
    const next: CaseState = {
      ...state,
      definition: { id: plan.definition, version: plan.to },
      version: state.version + 1,
      updatedAt: now > updatedAt ? now : updatedAt,
      history: [...state.history, { at: now, type: 'definition_migrated', from: plan.from, to: plan.to, by: options.by }],
    };
    const audit = [{ at: now, actor: options.by, action: 'case_migrated', detail: { version: next.version, from: plan.from, to: plan.to } }];
    try {
      await store.commitStep({ caseState: next, expectedVersion: state.version, audit, outbox: [], at: now });
      result.moved.push(state.id);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      result.skipped.push({ caseId: state.id, reason: 'changed_meanwhile' });
    }
  }
  return result;
}
