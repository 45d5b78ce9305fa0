/**
 * Case state: plain JSON with a schema version. It holds everything a case is — its answers,
 * open and finished tasks, pending timers and full history — so it can be saved, loaded and
 * stepped anywhere. Due times are absolute instants, never "time remaining".
 *
 * Schema version history (bump and add a migration in `migrate.ts` when this changes):
 *   1 — first version. Later additions are optional fields an older state simply lacks
 *       (`Task.signatures`, `Task.proposal`), so they need no migration.
 */
import type { Instant, LocalDate } from '../time.ts';
import type { Priority } from '../schema/definition.types.ts';

export const CASE_SCHEMA_VERSION = 1;

export interface Child {
  name: string;
  dateOfBirth?: LocalDate;
  /** The case-management system's person id (Mosaic ID, LCS ID...). */
  personId?: string;
}

/** The family a case is about. */
export interface Subject {
  familyName: string;
  children: Child[];
}

/** Who work is with: a named worker, a team or tray, or anyone holding a role. */
export type Assignment = { worker: string } | { team: string } | { role: string };

export interface Task {
  id: string;
  node: string;
  name: string;
  form?: string;
  status: 'open' | 'completed' | 'cancelled';
  assignee: Assignment;
  priority: Priority;
  createdAt: Instant;
  availableFrom?: Instant;
  due?: Instant;
  /** The timescale as the protocol words it, e.g. "within 2 working days". */
  dueLabel?: string;
  overdue: boolean;
  /** How many rungs of the escalation ladder have been reached. */
  escalationLevel: number;
  /** Answers copied over from earlier steps. */
  prefill?: Record<string, unknown>;
  /** From the next action that created this task. */
  passedBy?: string;
  note?: string;
  scheduledFor?: LocalDate;
  completedAt?: Instant;
  completedBy?: string;
  /**
   * The answers this task was completed with. `form.<node>` holds only a step's latest answers;
   * a step that runs again (a meeting every 6–8 weeks) keeps each occasion's answers here.
   */
  answers?: Record<string, unknown>;
  actions?: string[];
  cancelledAt?: Instant;
  /** A task signed jointly: each signature so far, on the answers and actions in `proposal`. */
  signatures?: Signature[];
  /** What the signatures so far were given on; a co-signer who changes it starts the signing again. */
  proposal?: { answers: Record<string, unknown>; actions: Array<{ action: string; [choice: string]: unknown }> };
}

export interface Signature {
  by: string;
  /** The role they signed in. */
  role: string;
  /** Which of the step's signers they signed as (its index). */
  slot: number;
  at: Instant;
}

export type TimerPurpose = 'wait' | 'due' | 'escalation' | 'window_opens';

export interface Timer {
  id: string;
  purpose: TimerPurpose;
  node: string;
  fireAt: Instant;
  task?: string;
  /** Index into the task node's escalation ladder. */
  rung?: number;
}

/** One line of a case's timeline. */
export interface HistoryEntry extends HistoryRecord {
  at: Instant;
}

/** A timeline line before it is stamped with the step's time. */
export interface HistoryRecord {
  type: string;
  node?: string;
  task?: string;
  by?: string;
  [detail: string]: unknown;
}

export interface CaseState {
  schemaVersion: typeof CASE_SCHEMA_VERSION;
  id: string;
  definition: { id: string; version: number };
  authority: string;
  status: 'open' | 'closed' | 'withdrawn';
  outcome?: { id: string; node?: string; closureReason?: string; at: Instant };
  entry: string;
  startedAt: Instant;
  startedBy: string;
  /** Set when a sub-flow of another case started this one. */
  parent?: { caseId: string; node: string };
  updatedAt: Instant;
  /** Increments on every accepted event; used for optimistic concurrency. */
  version: number;
  /** Counter for the ids of tasks, timers and sub-cases created by this case. */
  seq: number;
  subject: Subject;
  /** Answers by node id. */
  form: Record<string, Record<string, unknown>>;
  /** When each node last completed / was last entered. */
  done: Record<string, Instant>;
  entered: Record<string, Instant>;
  /** The next action(s) chosen at each user task, comma-separated when several. */
  action: Record<string, string>;
  /** Who completed each node. */
  performer: Record<string, string>;
  /** Who each node's next action passed the work to (the first action that named someone). */
  passedTo: Record<string, Assignment>;
  /**
   * Episodes closed with a CIN census reason. A CSC episode often closes while the case carries
   * on in Early Help, so closures are recorded when an end node is reached, not only at the end.
   */
  closures: Array<{ node: string; outcome: string; closureReason: string; at: Instant }>;
  tasks: Record<string, Task>;
  /** Pending timers only; fired and cancelled ones are in the history. */
  timers: Record<string, Timer>;
  /** Per join node: the incoming nodes that have arrived. */
  joins: Record<string, string[]>;
  /** Sub-flows this case waits for: child case id → subflow node id. */
  waitingFor: Record<string, string>;
  history: HistoryEntry[];
}
