/**
 * Who may read an authority's management information (reports, audit trails): its admins and its
 * managers. A manager is anyone holding a role that some other role names as its `manager` in
 * one of the authority's published definitions (Camden: SW team manager, CSSW service manager
 * and head of service, EH team manager, EH service manager and head of service). Roles that lead
 * a duty rota but manage no role (Camden's EH front door manager, EH duty manager) are
 * practitioners here: their work is in their inbox, not in the authority-wide figures.
 */
import type { Context } from 'hono';
import { WorkingCalendar, type WorkflowDefinition } from '../../engine/index.ts';
import { isAdmin, type AppEnv } from '../http/env.ts';
import { HttpProblem } from '../http/problem.ts';
import type { TaskRow, UserRecord } from '../store/index.ts';
import { authorityDefinitions } from './case-context.ts';

export function managerRoles(definitions: WorkflowDefinition[]): Set<string> {
  const managers = new Set<string>();
  for (const definition of definitions) for (const role of definition.roles) if (role.manager) managers.add(role.manager);
  return managers;
}

export const isManager = (user: UserRecord, definitions: WorkflowDefinition[]) => {
  const managers = managerRoles(definitions);
  return isAdmin(user) || user.roles.some((r) => managers.has(r));
};

/** What a report needs about the authority: its definitions (latest versions), people and names. */
export interface ReportContext {
  authority: string;
  definitions: Map<string, WorkflowDefinition>;
  people: Map<string, UserRecord>;
  teamName(id: string): string;
  calendarOf(definitionId: string): WorkingCalendar;
}

/** Refuses (403) anyone who is neither an admin nor a manager of their authority. */
export async function managerContext(c: Context<AppEnv>): Promise<ReportContext> {
  const { store } = c.get('deps');
  const user = c.get('user');
  const list = await authorityDefinitions(store, user.authority);
  if (!isManager(user, list)) {
    throw new HttpProblem(403, 'not_allowed', 'Only admins and managers can see this. Ask your manager if you need it.');
  }
  const people = new Map((await store.listUsers(user.authority)).map((u) => [u.id, u]));
  const definitions = new Map(list.map((d) => [d.id, d]));
  const teams = new Map(list.flatMap((d) => d.teams.map((t) => [t.id, t.name] as const)));
  return {
    authority: user.authority,
    definitions,
    people,
    teamName: (id) => teams.get(id) ?? id,
    calendarOf: (id) => WorkingCalendar.for(definitions.get(id)?.calendar ?? {}),
  };
}

/** One group a task counts in, for "by team" figures. */
export interface TeamGroup {
  team: string | null;
  teamName: string;
}

const NO_TEAM: TeamGroup = { team: null, teamName: 'No team' };

/**
 * The teams a task's work sits with: the team or tray it is assigned to; for a named worker, each
 * team that worker is in (so a worker in two teams counts in both, and team rows need not add up
 * to the total); for a role, or a worker in no team, "No team".
 */
export function teamsOf(row: Pick<TaskRow, 'assigneeKind' | 'assignee'>, context: ReportContext): TeamGroup[] {
  if (row.assigneeKind === 'team') return [{ team: row.assignee, teamName: context.teamName(row.assignee) }];
  if (row.assigneeKind === 'worker') {
    const teams = context.people.get(row.assignee)?.teams ?? [];
    if (teams.length > 0) return teams.map((t) => ({ team: t, teamName: context.teamName(t) }));
  }
  return [NO_TEAM];
}

/** The largest number of rows one report reads; a report says `truncated` if it hit it. */
export const REPORT_LIMIT = 50_000;
