/**
 * Who may act on a task beyond its being assigned to them: the roles the protocol gives the step
 * to ("the EH team manager offers the consultation"), maker and checker kept apart, and steps that
 * two people of named roles sign jointly. Refusals name who may do it, in the protocol's words.
 */
import type { Signer, UserTaskNode, WorkflowDefinition } from '../schema/definition.types.ts';
import { Refusal } from '../problems.ts';
import type { Actor, Person } from '../runtime/events.ts';
import type { Run } from '../runtime/run.ts';
import type { Signature, Task } from '../runtime/state.ts';
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
  // "Social worker (CIN)" reads "a social worker (CIN)"; "Early Help manager", "Graft TM" and
  // "Social Worker (SW)" keep their capitals.
  const rest = name.split(/\s+/).slice(1);
  const proper = rest.some((word) => !word.startsWith('(') && /[A-Z]/.test(word));
  const lower = /^[A-Z][a-z]/.test(first) && !proper ? name[0]!.toLowerCase() + name.slice(1) : name;
  return `${an ? 'an' : 'a'} ${lower}`;
}

export function rolesSentence(definition: WorkflowDefinition, roles: readonly string[]): string {
  const names = roles.map((r) => aRole(definition, r));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The signers of a jointly signed step, the short form (one per role) written out. */
export function signersOf(node: UserTaskNode): Signer[] {
  const joint = node.signatures;
  if (!joint) return [];
  return 'signers' in joint ? joint.signers : joint.roles.map((role) => ({ roles: [role] }));
}

/** The roles that may do this step at all: `roles`, or for a jointly signed step its signers'. */
export function stepRoles(node: UserTaskNode): readonly string[] | undefined {
  return node.signatures ? [...new Set(signersOf(node).flatMap((s) => s.roles))] : node.roles;
}

/**
 * Whether `actor` may work on `task` at all (open it, save a draft, complete or sign it), before
 * anything case-specific such as maker and checker: the task is theirs by assignment and they hold
 * a role the step is given to; a jointly signed step is open to anyone holding a signer's role.
 */
export function mayWorkOn(task: Task, actor: Actor, definition: WorkflowDefinition): boolean {
  const node = definition.nodes.find((n) => n.id === task.node);
  if (node?.kind !== 'user_task') return canAct(task, actor, definition);
  const roles = stepRoles(node);
  const holds = !roles || roles.some((r) => actor.roles.includes(r));
  return node.signatures ? holds : holds && canAct(task, actor, definition);
}

/**
 * Refuses unless `by` may complete (or sign) `task` now: it is theirs by assignment (a jointly
 * signed step is anyone's who holds a signer's role), they hold a role the step is given to, and
 * they did not do a step this one must be kept apart from.
 */
export function checkMayAct(node: UserTaskNode, run: Run, task: Task, by: Actor): void {
  const roles = stepRoles(node);
  if (!node.signatures && !canAct(task, by, run.definition)) {
    throw new Refusal('not_allowed', `"${task.name}" is with ${holder(run.definition, task)}, not with you or your team.`, { task: task.id, assignee: task.assignee });
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

/** Who has a task, as a practitioner would say it: "North Early Help", "an EH front door manager", "kate". */
export function holder(definition: WorkflowDefinition, task: Task): string {
  const assignee = task.assignee;
  if ('worker' in assignee) return assignee.worker;
  if ('role' in assignee) return aRole(definition, assignee.role);
  return definition.teams.find((t) => t.id === assignee.team)?.name ?? assignee.team;
}

/**
 * Refuses a worker who cannot take `node`'s task: unknown to the directory, or not holding a role
 * the step is given to. Without a directory nobody can be shown to exist, so no named worker can
 * be given work: a task passed to a stranger would wait, and escalate, for ever.
 */
export function checkWorkerCanTake(run: Run, worker: string, roles: readonly string[] | undefined, what: string): void {
  const person: Person | undefined = run.people && Object.hasOwn(run.people, worker) ? run.people[worker] : undefined;
  if (!person) {
    const message = run.people
      ? `There is no one with the id "${worker}" in this authority to pass "${what}" to.`
      : `"${what}" cannot be passed to "${worker}": there is no directory of people to check them against.`;
    throw new Refusal('unknown_worker', message, { worker });
  }
  if (!roles?.length) return;
  if (!roles.some((r) => person.roles.includes(r))) {
    throw new Refusal('pass_to_not_allowed', `"${what}" can only be passed to ${rolesSentence(run.definition, roles)}; "${worker}" is not one.`, { worker, roles });
  }
}

export type Signing = { complete: true } | { complete: false };

/**
 * For a jointly signed step: records `by`'s signature on these answers and actions, for the first
 * signer whose roles they hold that has not signed. The step completes with the last signature; a
 * co-signer who changes what was signed starts the signing again, so that every signature is on
 * the same decision. One person signs once.
 */
export function sign(node: UserTaskNode, run: Run, task: Task, by: Actor, proposal: NonNullable<Task['proposal']>): Signing {
  const signers = signersOf(node);
  const same = task.proposal !== undefined && canonical(task.proposal) === canonical(proposal);
  const held = same ? (task.signatures ?? []) : [];
  const waiting = (list: Signature[]) => signers.map((signer, slot) => ({ signer, slot })).filter(({ slot }) => !list.some((s) => s.slot === slot));
  const needs = (list: Signature[]) => waiting(list).map(({ signer }) => signer.label ?? rolesSentence(run.definition, signer.roles)).join(' and ');
  if ((task.signatures ?? []).some((s) => s.by === by.id) && same) {
    throw new Refusal('already_signed', `You have already signed "${task.name}"; it needs ${needs(held)} to sign too.`, { task: task.id });
  }
  const open = waiting(held).find(({ signer }) => signer.roles.some((r) => by.roles.includes(r)));
  if (!open) {
    throw new Refusal('already_signed', `"${task.name}" has been signed for your role already; it needs ${needs(held)} to sign.`, { task: task.id });
  }
  if ((task.signatures ?? []).length > 0 && !same) {
    run.record({ type: 'signatures_cleared', node: node.id, task: task.id, by: by.id, previous: (task.signatures ?? []).map((s) => s.by) });
  }
  const role = open.signer.roles.find((r) => by.roles.includes(r))!;
  task.signatures = [...held, { by: by.id, role, slot: open.slot, at: run.now }];
  task.proposal = proposal;
  run.record({ type: 'task_signed', node: node.id, task: task.id, by: by.id, role });
  const next = waiting(task.signatures)[0];
  if (!next) return { complete: true };
  task.prefill = structuredClone(proposal.answers);
  // The step waits in the co-signer's work: a team that holds every signer, or a named worker who
  // has yet to sign, keeps it; else it passes to the next signer's role (the first of their roles,
  // when they may hold several).
  const keeps = 'team' in task.assignee || ('worker' in task.assignee && task.assignee.worker !== by.id);
  if (!keeps) {
    const to = { role: next.signer.roles[0]! };
    run.record({ type: 'task_reassigned', node: node.id, task: task.id, by: by.id, from: task.assignee, to, why: 'awaiting signature' });
    task.assignee = to;
  }
  run.updateTask(task);
  return { complete: false };
}

/** JSON with object keys sorted: the same answers sent in another key order are the same decision. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
