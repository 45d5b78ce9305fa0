/** Who does a task, who may act on it, and who a message goes to. */
import type { Assignee, Recipient as RecipientSpec, WorkflowDefinition } from '../schema/definition.types.ts';
import type { Actor, Recipient } from '../runtime/events.ts';
import type { Arrival, Run } from '../runtime/run.ts';
import type { Assignment, Task } from '../runtime/state.ts';

/**
 * Resolves a node's assignee for one arrival. "Passed to" takes whoever the previous next action
 * named; "passed to at" whoever an earlier node's next action named (the allocated worker). When
 * nobody was named the work stays with the person who passed it on.
 */
export function resolveAssignee(spec: Assignee, run: Run, arrival: Arrival): Assignment {
  if ('role' in spec) return { role: spec.role };
  if ('team' in spec) return { team: spec.team };
  if ('worker' in spec) return { worker: spec.worker };
  if ('passedTo' in spec) {
    if (arrival.passTo) return arrival.passTo;
    if (spec.fallback) return resolveAssignee(spec.fallback, run, arrival);
    return { worker: arrival.passedBy ?? run.state.startedBy };
  }
  if ('passedToAt' in spec) {
    const passed = run.state.passedTo[spec.passedToAt];
    if (passed) return passed;
    if (spec.fallback) return resolveAssignee(spec.fallback, run, arrival);
    return { worker: run.state.performer[spec.passedToAt] ?? arrival.passedBy ?? run.state.startedBy };
  }
  const performer = run.state.performer[spec.performerOf];
  return { worker: performer ?? arrival.passedBy ?? run.state.startedBy };
}

export function resolveRecipients(specs: RecipientSpec[], run: Run, arrival: Arrival): Recipient[] {
  return specs.map((spec) => {
    if ('mailbox' in spec) {
      const mailbox = run.definition.mailboxes?.find((m) => m.id === spec.mailbox);
      return { mailbox: spec.mailbox, address: mailbox?.address ?? '', name: mailbox?.name ?? spec.mailbox };
    }
    return resolveAssignee(spec, run, arrival);
  });
}

/**
 * Whether a person may complete or pass on a task: it is theirs, their team's (by membership or
 * by holding one of the team's roles), or it waits for a role they hold.
 */
export function canAct(task: Task, actor: Actor, definition: WorkflowDefinition): boolean {
  const assignee = task.assignee;
  if ('worker' in assignee) return assignee.worker === actor.id;
  if ('role' in assignee) return actor.roles.includes(assignee.role);
  if (actor.teams.includes(assignee.team)) return true;
  const team = definition.teams.find((t) => t.id === assignee.team);
  return Boolean(team?.members?.includes(actor.id) || team?.roles?.some((r) => actor.roles.includes(r)));
}

/**
 * Who may pass an open task on: whoever can act on it, a manager named by one of the protocol's
 * roles, or an admin (to tidy up after someone leaves).
 */
export function mayPassOn(task: Task, actor: Actor, definition: WorkflowDefinition): boolean {
  return canAct(task, actor, definition) || managesProtocol(actor, definition);
}

/** An admin, or a manager named by one of the protocol's roles: may allocate and pass on any of its work. */
export function managesProtocol(actor: Actor, definition: WorkflowDefinition): boolean {
  return actor.roles.includes('admin') || definition.roles.some((r) => r.manager !== undefined && actor.roles.includes(r.manager));
}

export function describeAssignment(assignment: Assignment): string {
  if ('worker' in assignment) return `worker ${assignment.worker}`;
  if ('team' in assignment) return `team ${assignment.team}`;
  return `role ${assignment.role}`;
}
