/**
 * The inbox. GET /api/work is "my work": open tasks assigned to me, in my teams' trays, and
 * waiting for a role I hold. GET /api/trays/:team is one team's tray, for its members and for
 * people holding one of its roles (the same people the engine lets act on its tasks). Each answer
 * is one entry on the reader's access log naming the cases listed (access-audit.ts).
 */
import { Hono } from 'hono';
import { managesProtocol, Refusal, stepRoles, type Team, type UserTaskNode, type WorkflowDefinition } from '../../engine/index.ts';
import { actorOf, type AppEnv } from '../http/env.ts';
import { HttpProblem } from '../http/problem.ts';
import type { TaskRow, UserRecord } from '../store/index.ts';
import { recordListRead } from './access-audit.ts';
import { authorityDefinitions, caseReference, isOverdue, peopleOf, type Person } from './case-context.ts';
import { dueTag } from './work-due.ts';
import { booleanParam, idParam, queryParameters, readQuery, unknownValue, type QueryShape } from './case-params.ts';
import { errors, type Paths } from './openapi-types.ts';
import type * as Api from './api-types.gen.ts';

const sorting = {
  sort: { type: 'string', title: 'Sort order', enum: ['due', 'priority', 'created'] },
  overdue: booleanParam('Overdue'),
};
const workQuery: QueryShape = { title: 'Work list', schema: { type: 'object', additionalProperties: false, properties: { ...sorting, team: idParam('Team') } } };
const trayQuery: QueryShape = { title: 'Tray', schema: { type: 'object', additionalProperties: false, properties: sorting } };
type WorkQuery = { sort?: 'due' | 'priority' | 'created'; overdue?: 'true' | 'false'; team?: string };

/** Whether a team's work is the person's: by membership, listed as a member, or by one of its roles. */
export const inTeam = (user: Pick<UserRecord, 'id' | 'roles' | 'teams'>, team: Team) =>
  user.teams.includes(team.id) || Boolean(team.members?.includes(user.id)) || Boolean(team.roles?.some((r) => user.roles.includes(r)));

function teamsOf(definitions: WorkflowDefinition[]): Map<string, Team> {
  const teams = new Map<string, Team>();
  for (const d of definitions) for (const t of d.teams) if (!teams.has(t.id)) teams.set(t.id, t);
  return teams;
}

const PRIORITY = { urgent: 0, normal: 1, low: 2 } as const;
const byDue = (a: TaskRow, b: TaskRow) => (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff') || a.createdAt.localeCompare(b.createdAt);
const ORDER = {
  due: byDue,
  priority: (a: TaskRow, b: TaskRow) => PRIORITY[a.priority] - PRIORITY[b.priority] || byDue(a, b),
  created: (a: TaskRow, b: TaskRow) => a.createdAt.localeCompare(b.createdAt) || a.taskId.localeCompare(b.taskId),
};

function rowView(row: TaskRow, user: UserRecord, definitions: WorkflowDefinition[], teams: Map<string, Team>, people: Map<string, Person>, now: string): Api.WorkItem {
  const definition = definitions.find((d) => d.id === row.definitionId);
  const node = definition?.nodes.find((n): n is UserTaskNode => n.id === row.node && n.kind === 'user_task');
  const roles = node ? stepRoles(node) : undefined;
  const kind = row.assigneeKind;
  const name =
    kind === 'worker' ? (people.get(row.assignee)?.name ?? row.assignee)
    : kind === 'team' ? (teams.get(row.assignee)?.name ?? row.assignee)
    : (definition?.roles.find((r) => r.id === row.assignee)?.name ?? row.assignee);
  return {
    caseId: row.caseId,
    reference: caseReference(row.caseId),
    taskId: row.taskId,
    familyName: row.familyName,
    name: row.name,
    node: row.node,
    stage: definition?.nodes.find((n) => n.id === row.node)?.stage ?? null,
    definition: { id: row.definitionId, name: definition?.name ?? row.definitionId },
    assignee: { kind, id: row.assignee, name },
    via: kind === 'worker' ? (row.assignee === user.id ? 'me' : 'other') : kind,
    priority: row.priority,
    due: row.due,
    dueLabel: row.dueLabel,
    overdue: isOverdue(row, now),
    dueTag: dueTag(row, definition, now),
    // "Assign to me": not mine yet, and I hold a role the step is given to (the engine checks it again).
    canTake: !(kind === 'worker' && row.assignee === user.id) && (!roles?.length || roles.some((r) => user.roles.includes(r))),
    createdAt: row.createdAt,
  };
}

function sortAndFilter(rows: TaskRow[], query: WorkQuery, now: string): TaskRow[] {
  const wanted = query.overdue === undefined ? rows : rows.filter((r) => isOverdue(r, now) === (query.overdue === 'true'));
  return [...wanted].sort(ORDER[query.sort ?? 'due']);
}

export const workRoutes = new Hono<AppEnv>()
  .get('/api/work', async (c) => {
    const query = readQuery<WorkQuery>(c, workQuery);
    const { store, clock } = c.get('deps');
    const user = c.get('user');
    const definitions = await authorityDefinitions(store, user.authority);
    const teams = teamsOf(definitions);
    const mine = [...teams.values()].filter((t) => inTeam(user, t));
    if (query.team !== undefined && !mine.some((t) => t.id === query.team)) throw unknownValue('team', 'Select one of your teams');
    // All my work, whatever the filter: the tabs count every tray's work.
    const rows = await store.listTasks({ authority: user.authority, status: 'open', limit: 2000, worker: user.id, teams: mine.map((t) => t.id), roles: user.roles });
    const inTray = (r: TaskRow, team: string) => r.assigneeKind === 'team' && r.assignee === team;
    const listed = query.team === undefined ? rows : rows.filter((r) => inTray(r, query.team!));
    const now = clock.now();
    const people = await peopleOf(store, user.authority);
    const tasks = sortAndFilter(listed, query, now).map((r) => rowView(r, user, definitions, teams, people, now));
    await recordListRead(c, 'my_work', tasks.map((t) => t.caseId), { team: query.team, overdue: query.overdue });
    return c.json({
      tasks,
      counts: {
        total: tasks.length,
        mine: tasks.filter((t) => t.via === 'me').length,
        teams: tasks.filter((t) => t.via === 'team').length,
        roles: tasks.filter((t) => t.via === 'role').length,
        overdue: tasks.filter((t) => t.overdue).length,
      },
      // Only trays with work in them: a duty manager in fourteen teams sees the few that need her.
      teams: mine
        .map((t) => ({ id: t.id, name: t.name, kind: t.kind ?? 'team', open: rows.filter((r) => inTray(r, t.id)).length }))
        .filter((t) => t.open > 0),
      roles: user.roles.map((id) => ({ id, name: definitions.flatMap((d) => d.roles).find((r) => r.id === id)?.name ?? id })),
    } satisfies Api.WorkList);
  })
  .get('/api/trays/:team', async (c) => {
    const query = readQuery<Omit<WorkQuery, 'team'>>(c, trayQuery);
    const { store, clock } = c.get('deps');
    const user = c.get('user');
    const definitions = await authorityDefinitions(store, user.authority);
    const teams = teamsOf(definitions);
    const team = teams.get(c.req.param('team'));
    if (!team) throw new HttpProblem(404, 'not_found', 'There is no such team.');
    if (!inTeam(user, team)) throw new Refusal('not_allowed', `You are not in ${team.name} and hold none of its roles.`);
    const rows = await store.listTasks({ authority: user.authority, status: 'open', teams: [team.id], limit: 2000 });
    const now = clock.now();
    const people = await peopleOf(store, user.authority);
    const tasks = sortAndFilter(rows, query, now).map((r) => rowView(r, user, definitions, teams, people, now));
    await recordListRead(c, 'tray', tasks.map((t) => t.caseId), { team: team.id, overdue: query.overdue });
    return c.json({
      team: { id: team.id, name: team.name, kind: team.kind ?? 'team' },
      tasks,
      counts: { total: tasks.length, overdue: tasks.filter((t) => t.overdue).length },
      allocate: allocation(user, team, definitions, people),
    } satisfies Api.Tray);
  });

/**
 * For managers (and admins): the people a tray's work can be allocated to — the team's members
 * and holders of its roles. Null for everyone else. The engine still checks each task's roles.
 */
function allocation(user: UserRecord, team: Team, definitions: WorkflowDefinition[], people: Map<string, Person>): Api.Tray['allocate'] {
  if (!definitions.some((d) => managesProtocol(actorOf(user), d))) return null;
  const members = [...people.values()].filter((p) => !p.disabled && inTeam(p, team)).map((p) => ({ id: p.id, name: p.name }));
  return { people: members.sort((a, b) => a.name.localeCompare(b.name)) };
}

const sortNotes = {
  sort: 'due (default; undated last), priority (Urgent first), created (oldest first)',
  overdue: 'only overdue (true) or only not overdue (false) tasks',
};

export const workPaths: Paths = {
  '/api/work': {
    get: {
      summary: 'My work: open tasks assigned to me, in my teams’ trays and waiting for my roles, with family name, due date, overdue flag, priority and assignee',
      tags: ['Work'],
      parameters: queryParameters(workQuery, { ...sortNotes, team: 'only this one of my teams; a team that is not mine is refused with 422' }),
      responses: { '200': { description: 'Tasks, counts, my teams and roles' }, ...errors(401, 422) },
    },
  },
  '/api/trays/{team}': {
    get: {
      summary: 'One team’s tray (members and holders of its roles only)',
      tags: ['Work'],
      parameters: [{ name: 'team', in: 'path', required: true, schema: { type: 'string' } }, ...queryParameters(trayQuery, sortNotes)],
      responses: { '200': { description: 'The team and its open tasks' }, ...errors(401, 403, 404, 422) },
    },
  },
};
