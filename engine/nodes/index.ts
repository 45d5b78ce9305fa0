/**
 * One lifecycle for every node kind: a path arrives (`enterNode`), the kind's behaviour decides
 * at once or waits; a wait ends with a task completion, a timer or a sub-flow ending.
 */
import type { Node } from '../schema/definition.types.ts';
import type { Arrival, Run } from '../runtime/run.ts';
import { enterDecision } from './decision.ts';
import { enterEnd } from './end.ts';
import { enterJoin } from './join.ts';
import { enterNotification } from './notification.ts';
import { enterParallel } from './parallel.ts';
import { enterSubflow } from './subflow.ts';
import { enterTimer } from './timer.ts';
import { enterUserTask } from './user-task.ts';

export function enterNode(node: Node, run: Run, arrival: Arrival): void {
  switch (node.kind) {
    case 'start':
      // Reaching a start node again (a loop back to the beginning) simply carries on.
      return run.enter(node.next, { ...arrival, from: node.id });
    case 'user_task':
      return enterUserTask(node, run, arrival);
    case 'decision':
      return enterDecision(node, run, arrival);
    case 'timer':
      return enterTimer(node, run);
    case 'parallel':
      return enterParallel(node, run, arrival);
    case 'join':
      return enterJoin(node, run, arrival);
    case 'notification':
      return enterNotification(node, run, arrival);
    case 'subflow':
      return enterSubflow(node, run);
    case 'end':
      return enterEnd(node, run);
  }
}

export { canAct, describeAssignment, managesProtocol, mayPassOn } from './assign.ts';
export { completeTask } from './complete-task.ts';
export { reassignTask } from './reassign-task.ts';
export { mayWorkOn, signersOf, stepRoles } from './who-may-act.ts';
export { fireWait } from './timer.ts';
export { fireDue, fireEscalation } from './user-task.ts';
