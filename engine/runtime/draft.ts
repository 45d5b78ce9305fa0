/**
 * Copy-on-write over a case state: a step copies only what it changes, and never changes the state
 * it was given. The draft's top level is a copy; each map and list under it is the input's own
 * until the step first writes to it (`own`), and is copied then, once. A task is copied the same
 * way (`ownTask`) before a step changes its fields. Everything deeper — answers, history entries,
 * timers, assignments — a step replaces and never edits, so the new state shares it with the old.
 *
 * The rule is kept by the engine itself; tests hold it to it by stepping deep-frozen states
 * (step-purity.test.ts, and every scenario through test/support/case-driver.ts).
 */
import type { CaseState, Task } from './state.ts';

/** The maps and lists of a case state that a step writes to. */
export type Writable = 'form' | 'done' | 'entered' | 'action' | 'performer' | 'passedTo' | 'closures' | 'tasks' | 'timers' | 'joins' | 'waitingFor' | 'history';

export class CaseDraft {
  readonly state: CaseState;
  /** The maps and lists copied so far (all of them, for a state this step made itself). */
  private readonly owned: Set<Writable> | 'all';
  private readonly ownedTasks = new Set<string>();

  /** `made`: the state is new in this step (a case starting), so there is nothing to copy. */
  constructor(base: CaseState, made = false) {
    // A spread: V8 copies the shape with it, the cheapest copy of an object no key is added to.
    this.state = made ? base : { ...base };
    this.owned = made ? 'all' : new Set();
  }

  /** The state's `key`, to write to: copied the first time in this step. */
  own<K extends Writable>(key: K): CaseState[K] {
    if (this.owned !== 'all' && !this.owned.has(key)) {
      this.owned.add(key);
      this.state[key] = shallowCopy(this.state[key]);
      this.copied(key);
    }
    return this.state[key];
  }

  /** The task `id` (which must exist), to change: copied the first time in this step. */
  ownTask(id: string): Task {
    const tasks = this.own('tasks');
    if (this.owned !== 'all' && !this.ownedTasks.has(id)) {
      this.ownedTasks.add(id);
      tasks[id] = shallowCopy(tasks[id]!);
    }
    return tasks[id]!;
  }

  /** Adds a task made in this step: it is the step's own already. */
  protected addTask(task: Task): void {
    this.own('tasks')[task.id] = task;
    this.ownedTasks.add(task.id);
  }

  /** Called when `key` has just been copied: whatever still holds the input's one is out of date. */
  protected copied(_key: Writable): void {}
}

/**
 * `Object.assign({}, value)`, not `{ ...value }`, for what a step adds keys to: V8 gives a spread
 * copy a shape of its own, so each key then added (a task's `completedAt`, a node in `done`)
 * builds another new shape. Completing a task copied by spreading cost ten times as much; a copy
 * made by Object.assign shares its shapes with every other case. The same holds wherever the
 * engine copies an object and adds to it.
 */
function shallowCopy<T extends object>(value: T): T {
  return (Array.isArray(value) ? [...value] : Object.assign({}, value)) as T;
}
