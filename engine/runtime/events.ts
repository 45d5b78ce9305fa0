/** Events a case can take (past-tense facts) and the effects a step asks for (imperatives). */
import type { Instant, LocalDate } from '../time.ts';
import type { Priority } from '../schema/definition.types.ts';
import type { Assignment, Subject, Task, Timer } from './state.ts';

/**
 * One change in a `subject_corrected` timeline entry (`{type, node, task, by, changes}`): a later
 * form corrected a fact about the child at `child` in `subject.children` (see `eachChild.updates`).
 */
export interface SubjectCorrection {
  child: number;
  /** The child's name once the entry's corrections are made. */
  name: string;
  fact: 'name' | 'dateOfBirth' | 'personId';
  /** Absent when the case did not hold the fact before. */
  from?: string;
  to: string;
}

/** The person behind an event, with what they hold in this authority. */
export interface Actor {
  id: string;
  roles: string[];
  teams: string[];
}

/** One next action chosen when completing a task (Mosaic's "Next actions" dialog). */
export interface ChosenAction {
  action: string;
  passTo?: { worker: string } | { team: string };
  priority?: Priority;
  scheduledFor?: LocalDate;
  note?: string;
}

interface EventBase {
  /** Refuse with `stale_version` unless the case is still at this version. */
  expectedVersion?: number;
}

export type CaseEvent = EventBase &
  (
    | {
        type: 'case_started';
        caseId: string;
        entry: string;
        subject: Subject;
        data?: Record<string, unknown>;
        by: Actor;
        /** Set when a sub-flow started this case. */
        parent?: { caseId: string; node: string };
      }
    | { type: 'task_completed'; taskId: string; by: Actor; data: Record<string, unknown>; actions: ChosenAction[] }
    | { type: 'task_reassigned'; taskId: string; by: Actor; to: { worker: string } | { team: string }; reason?: string }
    | { type: 'timer_fired'; timerId: string }
    | { type: 'case_withdrawn'; by: Actor; reason: string }
    | { type: 'subflow_ended'; childCaseId: string; outcome: string }
  );

export type Recipient = Assignment | { mailbox: string; address: string; name: string };

export interface Notification {
  id: string;
  to: Recipient[];
  subject: string;
  body: string;
  /** Why it was sent: a notification node, an escalation, an assignment. */
  reason: string;
}

export type Effect =
  | { type: 'create_task'; task: Task }
  | { type: 'update_task'; task: Task }
  | { type: 'cancel_task'; taskId: string }
  | { type: 'schedule_timer'; timer: Timer }
  | { type: 'cancel_timer'; timerId: string }
  | { type: 'notify'; notification: Notification }
  | {
      type: 'start_subflow';
      caseId: string;
      definition: string;
      entry: string;
      subject: Subject;
      input: Record<string, unknown>;
      parent: { caseId: string; node: string };
      /** The person whose event led here: the sub-case starts in their name. */
      by: string;
    }
  | { type: 'end_parent_wait'; parent: { caseId: string; node: string }; outcome: string }
  | { type: 'record_audit'; entry: AuditEntry };

export interface AuditEntry {
  at: Instant;
  caseId: string;
  actor: string;
  action: string;
  /** What changed, without personal data: ids, codes and counts only. */
  detail: Record<string, unknown>;
}

/** What the people directory knows of someone named in an event (a pass-to or reassignment target). */
export interface Person {
  roles: string[];
  teams: string[];
}

export interface StepContext {
  /**
   * When the event happens: ISO 8601 with a zone (stored as UTC). An event dated before the case's
   * last change is refused (`event_out_of_order`), except a timer firing, recorded when it fired.
   */
  now: Instant;
  /**
   * The people the event names, as the authority's directory has them, so that "pass to a worker
   * who is an EH team manager" can be checked. A worker it does not list is refused
   * (`unknown_worker`), and so is every named worker when it is absent (no directory at hand).
   */
  people?: Readonly<Record<string, Person>>;
}
