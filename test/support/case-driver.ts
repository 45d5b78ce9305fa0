/**
 * Drives one case through a definition with a simulated clock, for Given / When / Then scenario
 * tests. Moving the clock fires every timer that falls due on the way, in order, at its own
 * instant; every new state is round-tripped through JSON as a store would.
 */
import { Refusal, step, type Actor, type CaseEvent, type CaseState, type ChosenAction, type Effect, type Subject, type Task, type WorkflowDefinition } from '../../engine/index.ts';

export interface DriverUser {
  roles: string[];
  teams?: string[];
}

export class CaseDriver {
  /** Deep-freeze each state before stepping it (on in tests; the engine benchmark turns it off). */
  static freezeInputs = true;

  state: CaseState | null = null;
  now: string;
  /** Every effect, in order, with the instant it was produced. */
  readonly effects: Array<Effect & { at: string }> = [];

  constructor(
    readonly definition: WorkflowDefinition,
    readonly users: Record<string, DriverUser>,
    start: string,
  ) {
    this.now = new Date(start).toISOString();
  }

  actor(id: string): Actor {
    const user = this.users[id];
    if (!user) throw new Error(`unknown user ${id}`);
    return { id, roles: user.roles, teams: user.teams ?? [] };
  }

  /** Moves the clock to `at`, firing due timers on the way. */
  runUntil(at: string): this {
    const until = new Date(at).toISOString();
    for (;;) {
      const timers = Object.values(this.state?.timers ?? {}).filter((t) => t.fireAt <= until);
      timers.sort((a, b) => (a.fireAt < b.fireAt ? -1 : a.fireAt > b.fireAt ? 1 : a.id < b.id ? -1 : 1));
      const next = timers[0];
      if (!next || this.state?.status !== 'open') break;
      this.apply({ type: 'timer_fired', timerId: next.id }, next.fireAt);
    }
    if (until > this.now) this.now = until;
    return this;
  }

  start(at: string, entry: string, by: string, subject: Subject, data?: Record<string, unknown>): this {
    this.runUntil(at);
    return this.apply({ type: 'case_started', caseId: 'case-1', entry, subject, ...(data ? { data } : {}), by: this.actor(by) }, this.now);
  }

  complete(at: string, node: string, by: string, data: Record<string, unknown>, ...actions: Array<string | ChosenAction>): this {
    this.runUntil(at);
    const chosen = actions.map((a) => (typeof a === 'string' ? { action: a } : a));
    return this.apply({ type: 'task_completed', taskId: this.task(node).id, by: this.actor(by), data, actions: chosen }, this.now);
  }

  reassign(at: string, node: string, by: string, to: { worker: string } | { team: string }): this {
    this.runUntil(at);
    return this.apply({ type: 'task_reassigned', taskId: this.task(node).id, by: this.actor(by), to }, this.now);
  }

  withdraw(at: string, by: string, reason: string): this {
    this.runUntil(at);
    return this.apply({ type: 'case_withdrawn', by: this.actor(by), reason }, this.now);
  }

  subflowEnded(at: string, outcome: string): this {
    this.runUntil(at);
    const child = Object.keys(this.state?.waitingFor ?? {})[0];
    if (!child) throw new Error('the case is not waiting for a sub-flow');
    return this.apply({ type: 'subflow_ended', childCaseId: child, outcome }, this.now);
  }

  /** Runs `act` and returns the refusal it must produce; the case is left unchanged. */
  refused(act: (driver: this) => unknown): Refusal {
    const before = JSON.stringify(this.state);
    try {
      act(this);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      if (JSON.stringify(this.state) !== before) throw new Error('a refused event changed the case');
      return error;
    }
    throw new Error('expected the engine to refuse');
  }

  /** The open task at a node (throws if there is none). */
  task(node: string): Task {
    const task = this.openTasks().find((t) => t.node === node);
    if (!task) throw new Error(`no open task at ${node}; open: ${this.openTasks().map((t) => t.node).join(', ') || 'none'}`);
    return task;
  }

  openTasks(): Task[] {
    return Object.values(this.state?.tasks ?? {}).filter((t) => t.status === 'open');
  }

  /** Timeline entries (the case history) of one type, optionally at one node. */
  history(type: string, node?: string) {
    return (this.state?.history ?? []).filter((h) => h.type === type && (node === undefined || h.node === node));
  }

  notifications() {
    return this.effects.flatMap((e) => (e.type === 'notify' ? [{ at: e.at, ...e.notification }] : []));
  }

  /** The scenario's people are the directory: passing work to anyone else is refused. */
  private directory?: Record<string, { roles: string[]; teams: string[] }>;
  private people() {
    this.directory ??= Object.fromEntries(Object.entries(this.users).map(([id, u]) => [id, { roles: u.roles, teams: u.teams ?? [] }]));
    return this.directory;
  }

  private apply(event: CaseEvent, at: string): this {
    // The engine must never change the state it is given: frozen, any attempt throws.
    if (this.state && CaseDriver.freezeInputs) deepFreeze(this.state);
    const { caseState, effects } = step(this.definition, this.state, event, { now: at, people: this.people() });
    this.state = JSON.parse(JSON.stringify(caseState)) as CaseState;
    this.effects.push(...effects.map((e) => ({ ...e, at })));
    return this;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
