/**
 * Who may act on a task beyond its being assigned to them: the roles the protocol gives the step
 * to ("the EH team manager offers the consultation"), maker and checker kept apart, and steps that
 * two people of named roles sign jointly. Refusals name who may do it, in the protocol's words.
 */
import type { UserTaskNode, WorkflowDefinition } from '../schema/definition.types.ts';
import { Refusal } from '../problems.ts';
import type { Actor, Person } from '../runtime/events.ts';
import type { Run } from '../runtime/run.ts';
import type { Task } from '../runtime/state.ts';
import { canAct } from './assign.ts';

/**
 * "a social worker", "an EH team manager", "a MASH manager": the role's name as a practitioner
 * reads it. Short or vowel-less capitals are spelled out (an E-H, an L-C-S); others read as words.
 */
export function aRole(definition: WorkflowDefinition, role: string): string {
  const name = definition.roles.find((r) => r.id === role)?.name ?? role;
  const first = name.split(/[\s/-]/)[0] ?? '';
  const spelled = /^[A-Z]+$/.test(first) && (first.length <= 2 || !/[AEIOU]/.test(first));
  const an = spelled ? /^[AEFHILMNORSX]/.test(first) : /^[aeiou]/i.test(first);
  // "Social worker" reads "a social worker"; "Early Help operational manager" keeps its proper noun.
  const second = name.split(/\s+/)[1] ?? '';
  const lower = /^[A-Z][a-z]/.test(first) && !/^[A-Z]/.test(second) ? name[0]!.toLowerCase() + name.slice(1) : name;
  return `${an ? 'an' : 'a'} ${lower}`;
}

export function rolesSentence(definition: WorkflowDefinition, roles: readonly string[]): string {
  const names = roles.map((r) => aRole(definition, r));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The roles that may do this step at all: `roles`, or for a jointly signed step its signers'. */
function stepRoles(node: UserTaskNode): readonly string[] | undefined {
  return node.signatures?.roles ?? node.roles;
}

/**
 * Refuses unless `by` may complete (or sign) `task` now: it is theirs by assignment (a jointly
 * signed step is anyone's who holds a signer's role), they hold a role the step is given to, and
 * they did not do a step this one must be kept apart from.
 */
export function checkMayAct(node: UserTaskNode, run: Run, task: Task, by: Actor): void {
  const roles = stepRoles(node);
  if (!node.signatures && !canAct(task, by, run.definition)) {
    throw new Refusal('not_allowed', `"${task.name}" is not assigned to you or your team.`, { task: task.id });
  }
  if (roles && !roles.some((r) => by.roles.includes(r))) {
    throw new Refusal('not_allowed', `Only ${rolesSentence(run.definition, roles)} can do "${task.name}".`, { task: task.id, roles });
  }
  for (const other of node.separateFrom ?? []) {
    if (run.state.performer[other] === by.id) {
      const name = run.definition.nodes.find((n) => n.id === other)?.name ?? other;
      throw new Refusal('same_person', `You did "${name}" on this case, so someone else must do "${task.name}".`, { task: task.id, node: other });
    }
  }
}

/**
 * Refuses a worker who cannot take `node`'s task: unknown to the directory (when there is one), or
 * not holding a role the step is given to.
 */
export function checkWorkerCanTake(run: Run, worker: string, roles: readonly string[] | undefined, what: string): void {
  const person: Person | undefined = run.people && Object.hasOwn(run.people, worker) ? run.people[worker] : undefined;
  if (run.people && !person) {
    throw new Refusal('unknown_worker', `There is no one with the id "${worker}" in this authority to pass "${what}" to.`, { worker });
  }
  if (!roles?.length) return;
  if (!person) {
    throw new Refusal('pass_to_not_allowed', `"${what}" can only be passed to ${rolesSentence(run.definition, roles)}, and who "${worker}" is cannot be checked.`, { worker, roles });
  }
  if (!roles.some((r) => person.roles.includes(r))) {
    throw new Refusal('pass_to_not_allowed', `"${what}" can only be passed to ${rolesSentence(run.definition, roles)}; "${worker}" is not one.`, { worker, roles });
  }
}

export type Signing = { complete: true } | { complete: false; role: string };

/**
 * For a jointly signed step: records `by`'s signature on these answers and actions. The step
 * completes with the last role's signature; a co-signer who changes what was signed starts the
 * signing again, so that every signature is on the same decision.
 */
export function sign(node: UserTaskNode, run: Run, task: Task, by: Actor, proposal: NonNullable<Task['proposal']>): Signing {
  const roles = node.signatures!.roles;
  const held = task.signatures ?? [];
  if (held.some((s) => s.by === by.id)) {
    throw new Refusal('already_signed', `You have already signed "${task.name}"; it needs ${rolesSentence(run.definition, unsigned(roles, held))} to sign too.`, { task: task.id });
  }
  const role = unsigned(roles, held).find((r) => by.roles.includes(r));
  if (!role) {
    throw new Refusal('already_signed', `"${task.name}" has been signed for your role already; it needs ${rolesSentence(run.definition, unsigned(roles, held))} to sign.`, { task: task.id });
  }
  const same = task.proposal !== undefined && JSON.stringify(task.proposal) === JSON.stringify(proposal);
  if (held.length > 0 && !same) run.record({ type: 'signatures_cleared', node: node.id, task: task.id, by: by.id, previous: held.map((s) => s.by) });
  task.signatures = [...(same ? held : []), { by: by.id, role, at: run.now }];
  task.proposal = proposal;
  run.record({ type: 'task_signed', node: node.id, task: task.id, by: by.id, role });
  const remaining = unsigned(roles, task.signatures);
  if (remaining.length === 0) return { complete: true };
  task.prefill = structuredClone(proposal.answers);
  run.updateTask(task);
  return { complete: false, role };
}

function unsigned(roles: readonly string[], held: NonNullable<Task['signatures']>): string[] {
  return roles.filter((r) => !held.some((s) => s.role === r));
}
