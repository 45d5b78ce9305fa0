/**
 * One step's working draft. `step` opens a Run over the case state (copy-on-write: see draft.ts),
 * the node behaviours change the draft and collect effects, and `step` hands both back. Nothing
 * here performs an effect.
 */
import type { Node, WorkflowDefinition } from '../schema/definition.types.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import { compiledOf, type CompiledDefinition } from '../definition/compiled.ts';
import type { Graph } from '../definition/graph.ts';
import { Budget, BudgetSpent, LogicError, truthy } from '../logic/index.ts';
import { Refusal } from '../problems.ts';
import type { Instant, LocalDate } from '../time.ts';
import type { Priority } from '../schema/definition.types.ts';
import { caseData, withAnswers, type CaseData } from './data.ts';
import { CaseDraft, type Writable } from './draft.ts';
import type { ChosenAction, Effect, Person } from './events.ts';
import type { Assignment, CaseState, HistoryRecord, Subject, Task, Timer } from './state.ts';

/** How a path arrives at a node: from where, and what the previous next action passed on. */
export interface Arrival {
  from?: string;
  passTo?: Assignment;
  passedBy?: string;
  priority?: Priority;
  scheduledFor?: LocalDate;
  note?: string;
}

/** A protocol that loops without ever waiting would spin forever; stop it. */
const MAX_NODES_PER_STEP = 10_000;

/** The parts of the state the case data view (`data()`) holds. */
const VIEWED: ReadonlySet<Writable> = new Set(['form', 'done', 'entered', 'action', 'passedTo']);

export class Run extends CaseDraft {
  readonly effects: Effect[] = [];
  readonly compiled: CompiledDefinition;
  readonly graph: Graph;
  readonly calendar: WorkingCalendar;
  /** Directory entries of the people the event names; see `StepContext.people`. */
  readonly people: Readonly<Record<string, Person>> | undefined;
  /** What every condition this step evaluates may spend together (`MAX_STEPS_TOGETHER`). */
  readonly budget = new Budget();
  /** Who caused this step: a person's id, or `system` for timers and sub-flow endings. */
  actor = 'system';
  /**
   * The due instant of the timer this step fires. A timer that fires late is recorded at `now`;
   * the timescales its firing starts still count from here (`countFrom`), as if it had been on time.
   */
  dueAt?: Instant;
  /** The outcome of the last end node reached, applied if the case closes in this step. */
  endedWith?: { id: string; node: string; closureReason?: string };
  private readonly queue: Array<{ node: string; arrival: Arrival }> = [];
  private todayOnce?: LocalDate;
  private dataOnce?: CaseData;

  /** `made`: the state is new in this step (a case starting); see `CaseDraft`. */
  constructor(
    readonly definition: WorkflowDefinition,
    state: CaseState,
    readonly now: Instant,
    options: { people?: Readonly<Record<string, Person>> | undefined; made?: boolean } = {},
  ) {
    super(state, options.made);
    this.people = options.people;
    this.compiled = compiledOf(definition);
    this.graph = this.compiled.graph;
    this.calendar = this.compiled.calendar;
  }

  /** The instant the timescales started in this step count from: see `dueAt`. */
  get countFrom(): Instant {
    return this.dueAt ?? this.now;
  }

  nextId(prefix: 't' | 'm' | 'n' | 'c'): string {
    this.state.seq += 1;
    return `${this.state.id}.${prefix}${this.state.seq}`;
  }

  /** Today in the authority's time zone; a step happens at one instant, so it is worked out once. */
  get today(): LocalDate {
    this.todayOnce ??= this.calendar.localDate(this.now);
    return this.todayOnce;
  }

  /**
   * The case data conditions read. Without `answers` it is built once per step: it holds the
   * draft's maps, not copies, so it sees every change the step makes (and is built again when one
   * of them is first copied: `copied`).
   */
  data(answers?: { node: string; data: Record<string, unknown>; chosen?: ChosenAction[] }): CaseData {
    this.dataOnce ??= caseData(this.state, this.now, this.today);
    return answers ? withAnswers(this.dataOnce, answers) : this.dataOnce;
  }

  /**
   * Replaces the family the case is about (a later form corrected a child's facts). Replaced, not
   * edited: the subject is shared with the state the step was given. Conditions read the new one.
   */
  replaceSubject(subject: Subject): void {
    this.state.subject = subject;
    this.dataOnce = undefined;
  }

  protected override copied(key: Writable): void {
    if (VIEWED.has(key)) this.dataOnce = undefined;
  }

  node(id: string): Node {
    const node = this.graph.nodes.get(id);
    if (!node) throw new Refusal('definition_broken', `The definition has no node "${id}".`, { node: id });
    return node;
  }

  /**
   * Whether `rule` holds over `data`, charged to the step's budget; see `withinBudget`. A guard that
   * cannot be evaluated (an answer of the wrong shape that cannot be compared) does not hold, as a
   * decision's branch does not: its message is given with the rest, and the event is refused, not a crash.
   */
  holds(rule: unknown, data: unknown, node?: string): boolean {
    try {
      return truthy(rule, data, this.calendar, this.budget);
    } catch (error) {
      if (error instanceof LogicError) return false;
      throw this.spentOn(error, node);
    }
  }

  /**
   * Runs `check`, which evaluates conditions against this step's budget. Once the budget is spent
   * the step is refused (`logic_too_costly`), naming `node`, the step whose conditions spent it:
   * so many conditions would hold the server for seconds, and its other users with it.
   */
  withinBudget<T>(node: string, check: () => T): T {
    try {
      return check();
    } catch (error) {
      throw this.spentOn(error, node);
    }
  }

  /** `error`, or the step's refusal naming `node` when it is the budget running out there. */
  private spentOn(error: unknown, node: string | undefined): unknown {
    if (!(error instanceof BudgetSpent) || node === undefined) return error;
    const name = this.graph.nodes.get(node)?.name ?? node;
    const task = this.openTasks().find((t) => t.node === node)?.id;
    const limit = this.budget.limit.toLocaleString('en-GB');
    return new Refusal(
      'logic_too_costly',
      `The conditions of "${name}" take too long to check (over ${limit} steps in one go), so nothing was done. The protocol's conditions there need simplifying.`,
      { node, ...(task ? { task } : {}), limit: this.budget.limit },
    );
  }

  record(entry: HistoryRecord): void {
    this.own('history').push({ at: this.now, ...entry });
  }

  /** Queues a path's arrival at a node; `drain` processes the queue in order. */
  enter(node: string, arrival: Arrival = {}): void {
    this.queue.push({ node, arrival });
  }

  drain(enterNode: (node: Node, run: Run, arrival: Arrival) => void): void {
    let processed = 0;
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (++processed > MAX_NODES_PER_STEP) {
        throw new Refusal('runaway_flow', 'The protocol loops without waiting for anyone; check its decisions.', {
          node: next.node,
        });
      }
      if (this.state.status !== 'open') return;
      this.own('entered')[next.node] = this.now;
      try {
        enterNode(this.node(next.node), this, next.arrival);
      } catch (error) {
        throw this.spentOn(error, next.node);
      }
    }
  }

  createTask(task: Task): void {
    this.addTask(task);
    this.effects.push({ type: 'create_task', task });
  }

  updateTask(task: Task): void {
    this.effects.push({ type: 'update_task', task });
  }

  schedule(timer: Omit<Timer, 'id'>): Timer {
    const scheduled: Timer = Object.assign({ id: this.nextId('m') }, timer);
    this.own('timers')[scheduled.id] = scheduled;
    this.effects.push({ type: 'schedule_timer', timer: scheduled });
    return scheduled;
  }

  cancelTimer(id: string): void {
    if (!this.state.timers[id]) return;
    delete this.own('timers')[id];
    this.effects.push({ type: 'cancel_timer', timerId: id });
  }

  /** Cancels an open task and every timer that belongs to it. */
  cancelTask(open: Task, why: string): void {
    const task = this.ownTask(open.id);
    task.status = 'cancelled';
    task.cancelledAt = this.now;
    this.cancelTimersOf(task.id);
    this.effects.push({ type: 'cancel_task', taskId: task.id });
    this.record({ type: 'task_cancelled', node: task.node, task: task.id, why });
  }

  cancelTimersOf(taskId: string): void {
    for (const timer of Object.values(this.state.timers)) {
      if (timer.task === taskId) this.cancelTimer(timer.id);
    }
  }

  openTasks(): Task[] {
    return Object.values(this.state.tasks).filter((t) => t.status === 'open');
  }

  /** Ends the case now: cancels whatever is still open and records the outcome. */
  close(
    status: 'closed' | 'withdrawn',
    outcome: { id: string; node?: string; closureReason?: string },
    detail: Record<string, unknown> = {},
  ): void {
    for (const task of this.openTasks()) this.cancelTask(task, status === 'withdrawn' ? 'case withdrawn' : 'case closed');
    for (const id of Object.keys(this.state.timers)) this.cancelTimer(id);
    this.state.status = status;
    this.state.outcome = Object.assign({}, outcome, { at: this.now });
    if (!isEmpty(this.state.joins)) this.state.joins = {};
    // A sub-case this case waited for carries on by itself; the timeline says it was let go.
    if (!isEmpty(this.state.waitingFor)) {
      for (const child of Object.keys(this.state.waitingFor)) this.record({ type: 'subflow_released', child });
      this.state.waitingFor = {};
    }
    this.record({ type: status === 'withdrawn' ? 'case_withdrawn' : 'case_closed', outcome: outcome.id, ...detail });
    if (this.state.parent) {
      this.effects.push({ type: 'end_parent_wait', parent: this.state.parent, outcome: outcome.id });
    }
  }

  /** Closes the case when no path is left open after a step. */
  closeIfFinished(): void {
    if (this.state.status !== 'open') return;
    const { timers, waitingFor, tasks } = this.state;
    const waiting = !isEmpty(timers) || !isEmpty(waitingFor) || Object.values(tasks).some((t) => t.status === 'open');
    if (waiting) return;
    this.close('closed', this.endedWith ?? { id: 'stalled' });
  }
}

/** Whether a record has no keys, without listing them. */
function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}
