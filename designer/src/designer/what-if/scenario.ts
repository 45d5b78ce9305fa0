/**
 * What a what-if run needs besides the clicks: one pretend person per role (with the teams that
 * role works in), who would do a task, and London wall-clock times as instants. (Example answers
 * come from the server, made by the engine: engine/forms/example-answers.ts.) The scenario it builds is the engine's own format (engine/scenario), so the
 * saved file drops into test/ as a scenario test.
 */
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';

export interface ScenarioUser { name?: string; roles: string[]; teams?: string[] }
export type Json = Record<string, unknown>;

/** One person per role, called by the role's id, in every team that role works in. */
export function usersFor(definition: WorkflowDefinition): Record<string, ScenarioUser> {
  const users: Record<string, ScenarioUser> = {};
  for (const role of definition.roles ?? []) {
    const teams = (definition.teams ?? []).filter((t) => t.roles?.includes(role.id)).map((t) => t.id);
    users[role.id] = { name: role.name, roles: [role.id], ...(teams.length > 0 ? { teams } : {}) };
  }
  return users;
}

/** Who would do a task assigned like this: the worker named, the role's person, or someone in the team. */
export function actorFor(assignee: { worker: string } | { team: string } | { role: string }, users: Record<string, ScenarioUser>): string | undefined {
  if ('worker' in assignee) return assignee.worker;
  if ('role' in assignee) return users[assignee.role] ? assignee.role : undefined;
  return Object.entries(users).find(([, u]) => u.teams?.includes(assignee.team))?.[0];
}

const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The London wall-clock time of an instant, as `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
export function londonParts(iso: string): { date: string; time: string } {
  const p = Object.fromEntries(london.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { date: `${p['year']}-${p['month']}-${p['day']}`, time: `${p['hour']}:${p['minute']}` };
}

/** The instant (UTC ISO) of a London date and time, across BST and GMT. */
export function londonInstant(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, mi);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const seen = londonParts(new Date(guess).toISOString());
    const [sy, sm, sd] = seen.date.split('-').map(Number) as [number, number, number];
    const [sh, smi] = seen.time.split(':').map(Number) as [number, number];
    guess += wall - Date.UTC(sy, sm - 1, sd, sh, smi);
  }
  return new Date(guess).toISOString().replace('.000Z', 'Z');
}
