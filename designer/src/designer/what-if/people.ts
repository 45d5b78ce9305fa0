/**
 * People and teams of a what-if run in words: "the social worker", "the Early Help front door
 * team", not ids. A run's pretend people are one per role (called by the role's id) plus, for a
 * team nobody in the run belongs to, a member made for it.
 */
import { aRole, stepRoles } from '../../../../engine/nodes/who-may-act.ts';
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import type { ScenarioUser } from './scenario.ts';

type Assignee = { worker: string } | { team: string } | { role: string };

export function teamName(definition: WorkflowDefinition, team: string): string {
  const name = definition.teams.find((t) => t.id === team)?.name ?? team;
  return /\b(team|inbox|panel)$/i.test(name) ? `the ${name}` : `the ${name} team`;
}

/** "the social worker (CIN social worker)", or the person's name. */
export function personName(definition: WorkflowDefinition, id: string, users: Record<string, ScenarioUser>): string {
  if (definition.roles.some((r) => r.id === id)) return aRole(definition, id).replace(/^an? /, 'the ');
  // "a member of IEYS Kentish Town East", inside a sentence.
  if (id.startsWith('member.')) return (users[id]?.name ?? id).replace(/^A /, 'a ');
  return users[id]?.name ?? id;
}

/** Who a task is with, in words: "the social worker", "the Early Help front door team", "any Early Help team manager". */
export function assigneeText(definition: WorkflowDefinition, assignee: Assignee, users: Record<string, ScenarioUser>): string {
  if ('worker' in assignee) return personName(definition, assignee.worker, users);
  if ('team' in assignee) return teamName(definition, assignee.team);
  return aRole(definition, assignee.role).replace(/^an? /, 'any ');
}

/** The id of the member made for `team` when nobody in the run belongs to it. */
export const memberOf = (team: string) => `member.${team}`;

/**
 * A member for each team that open tasks are with and nobody in the run belongs to (Camden's
 * duty trays have no roles: membership decides), holding the roles the task's step is given to.
 */
export function teamMembers(definition: WorkflowDefinition, tasks: Array<{ node: string; assignee: Assignee }>, users: Record<string, ScenarioUser>): Record<string, ScenarioUser> {
  const added: Record<string, ScenarioUser> = {};
  for (const task of tasks) {
    if (!('team' in task.assignee)) continue;
    const team = task.assignee.team;
    const node = definition.nodes.find((n) => n.id === task.node);
    const roles = node?.kind === 'user_task' ? [...(stepRoles(node) ?? [])] : [];
    const member = added[memberOf(team)] ?? users[memberOf(team)];
    if (member) {
      // Made for an earlier step of this team: it takes on this step's roles too.
      if (roles.length > 0 && !roles.some((r) => member.roles.includes(r))) added[memberOf(team)] = { ...member, roles: [...member.roles, ...roles] };
      continue;
    }
    if (Object.values(users).some((u) => u.teams?.includes(team))) continue;
    const name = definition.teams.find((t) => t.id === team)?.name ?? team;
    added[memberOf(team)] = { name: `A member of ${name}`, roles, teams: [team] };
  }
  return added;
}
