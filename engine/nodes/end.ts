/**
 * End: the path is over; the case closes when no other path is open, or at once with `terminate`,
 * which tells everyone whose open work it cancels.
 */
import type { EndNode } from '../schema/definition.types.ts';
import type { Run } from '../runtime/run.ts';

export function enterEnd(node: EndNode, run: Run): void {
  run.own('done')[node.id] = run.now;
  if (node.closureReason) {
    run.own('closures').push({ node: node.id, outcome: node.outcome, closureReason: node.closureReason, at: run.now });
  }
  const outcome = { id: node.outcome, node: node.id, ...(node.closureReason ? { closureReason: node.closureReason } : {}) };
  run.record({ type: 'path_ended', node: node.id, outcome: node.outcome });
  if (!node.terminate) {
    run.endedWith = outcome;
    return;
  }
  // Ending the whole case cancels other people's open work: it is never done silently.
  const cancelled = run.openTasks();
  run.close('closed', outcome);
  if (cancelled.length === 0) return;
  const by = run.actor;
  const notification = {
    id: run.nextId('n'),
    to: cancelled.map((task) => task.assignee),
    subject: `Case closed: ${node.name}`,
    body: `The case was closed at "${node.name}"${by === 'system' ? '' : ` by ${by}`}, so this work is no longer needed: ${cancelled.map((t) => `"${t.name}"`).join(', ')}.`,
    reason: `closed:${node.id}`,
  };
  run.effects.push({ type: 'notify', notification });
  run.record({ type: 'open_work_cancelled', node: node.id, tasks: cancelled.map((t) => t.id), notification: notification.id });
}
