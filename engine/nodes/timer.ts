/** Timer: wait until a date, an offset from a case date, the next weekly slot or a window opening. */
import type { TimerNode } from '../schema/definition.types.ts';
import type { Run } from '../runtime/run.ts';
import type { Timer } from '../runtime/state.ts';
import { resolveWhen } from '../runtime/when.ts';

export function enterTimer(node: TimerNode, run: Run): void {
  // A chain of waits keeps to its schedule when one of them fired late: see `Run.countFrom`.
  const resolved = resolveWhen(node.wait, 'wait', run.data(), run.countFrom, run.calendar);
  if ('missing' in resolved) {
    // Validation checks that something sets every anchor; if an optional date was left blank
    // the protocol carries on rather than waiting forever, and says so in the timeline.
    run.record({ type: 'timer_skipped', node: node.id, missing: resolved.missing });
    run.own('done')[node.id] = run.now;
    run.enter(node.next, { from: node.id });
    return;
  }
  const timer = run.schedule({ purpose: 'wait', node: node.id, fireAt: resolved.at });
  run.record({ type: 'timer_scheduled', node: node.id, timer: timer.id, fireAt: resolved.at, label: node.wait.label });
}

export function fireWait(node: TimerNode, run: Run, timer: Timer): void {
  run.own('done')[node.id] = run.now;
  run.record({ type: 'timer_fired', node: node.id, timer: timer.id, dueAt: timer.fireAt });
  run.enter(node.next, { from: node.id });
}
