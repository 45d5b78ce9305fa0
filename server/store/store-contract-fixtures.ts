/**
 * Hand-made case states for the store contract: the store does not run the engine, so the
 * contract controls exactly which tasks, assignees and timers a case has.
 */
import { CASE_SCHEMA_VERSION, type Assignment, type CaseState, type Task, type Timer, type WorkflowDefinition } from '../../engine/index.ts';
import type { Store } from './store.ts';
import type { AuditInput, AuditRecord } from './types.ts';

/** Implementation-specific ways to damage the audit log, as someone with raw database access could. */
export interface Tamper {
  editAuditDetail(caseId: string, seq: number, detail: Record<string, unknown>): Promise<void>;
  deleteAudit(caseId: string, seq: number): Promise<void>;
  /** Replaces a case's whole log and the head on its case row: a rebuild by someone without the key. */
  replaceLog(caseId: string, entries: AuditRecord[], head: { count: number; hash: string }): Promise<void>;
}

export interface StoreHarness {
  store: Store;
  tamper: Tamper;
  /** Another Store on the same database with its own connection, as a second server process has; the test closes it. */
  peer(): Promise<Store>;
  dispose(): Promise<void>;
}

/** Runs `race` on the harness's store and a second store on the same database (another process, as far as the store can tell), then closes the second. */
export async function withPeer(get: () => StoreHarness, race: (one: Store, two: Store) => Promise<void>): Promise<void> {
  const { store, peer } = get();
  const two = await peer();
  try {
    await race(store, two);
  } finally {
    await two.close();
  }
}

export const T0 = '2026-11-02T09:00:00.000Z';

export function at(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * 60_000).toISOString();
}

export function task(id: string, node: string, assignee: Assignment, extra: Partial<Task> = {}): Task {
  return { id, node, name: `Stage ${node}`, status: 'open', assignee, priority: 'normal', createdAt: T0, overdue: false, escalationLevel: 0, ...extra };
}

export function timer(id: string, fireAt: string, extra: Partial<Timer> = {}): Timer {
  return { id, purpose: 'due', node: 'screen', fireAt, ...extra };
}

export interface CaseSpec {
  id: string;
  authority?: string;
  version?: number;
  status?: CaseState['status'];
  familyName?: string;
  children?: CaseState['subject']['children'];
  definition?: { id: string; version: number };
  tasks?: Task[];
  timers?: Timer[];
}

export function makeCase(spec: CaseSpec): CaseState {
  return {
    schemaVersion: CASE_SCHEMA_VERSION,
    id: spec.id,
    definition: spec.definition ?? { id: 'every-node', version: 1 },
    authority: spec.authority ?? 'north',
    status: spec.status ?? 'open',
    entry: 'step_down',
    startedAt: T0,
    startedBy: 'sam',
    updatedAt: at(spec.version ?? 1),
    version: spec.version ?? 1,
    seq: 10,
    subject: { familyName: spec.familyName ?? 'Okafor', children: spec.children ?? [{ name: 'Ada', dateOfBirth: '2015-04-02' }] },
    form: { step_down: { consent: true } },
    done: {},
    entered: {},
    action: {},
    performer: {},
    passedTo: {},
    closures: [],
    tasks: Object.fromEntries((spec.tasks ?? []).map((t) => [t.id, t])),
    timers: Object.fromEntries((spec.timers ?? []).map((t) => [t.id, t])),
    joins: {},
    waitingFor: {},
    history: [{ at: T0, type: 'case_started', by: 'sam' }],
  };
}

export function auditOf(state: CaseState, action = 'case_started'): AuditInput {
  return { at: state.updatedAt, actor: 'sam', action, detail: { version: state.version } };
}

/** Writes a case as the runner would: version 1 as new, later versions against the one before. */
export async function save(store: Store, state: CaseState, outbox: Array<{ id: string; kind: 'notify'; payload: unknown }> = []): Promise<void> {
  const expectedVersion = state.version === 1 ? null : state.version - 1;
  await store.commitStep({ caseState: state, expectedVersion, audit: [auditOf(state, state.version === 1 ? 'case_started' : 'task_completed')], outbox });
}

export function definition(id: string, authority: string, name = 'Protocol'): WorkflowDefinition {
  return {
    id,
    version: 0,
    name,
    authority: { id: authority, name: `${authority} council` },
    calendar: { region: 'england-and-wales', timeZone: 'Europe/London' },
    roles: [{ id: 'social_worker', name: 'Social worker' }],
    teams: [],
    forms: {},
    nodes: [
      { id: 'start', kind: 'start', name: 'Start', next: 'end' },
      { id: 'end', kind: 'end', name: 'End', outcome: 'done' },
    ],
  } as unknown as WorkflowDefinition;
}

export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the promise to reject');
}
