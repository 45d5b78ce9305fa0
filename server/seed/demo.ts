/**
 * A fresh store gets the four definitions published and a demo person for every role in every
 * authority, plus an admin each, so `npm start` is usable at once. Demo sign-in: the role id and
 * the authority id as `<role>@<authority>.example`, password `DEMO_PASSWORD` (README).
 */
import { basename, join } from 'node:path';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { hashPassword } from '../auth/password.ts';
import type { Store, UserRecord } from '../store/index.ts';
import { readDefinitionFiles, type DefinitionFiles } from './definition-files.ts';

export const DEMO_PASSWORD = 'stepwise-demo';

/**
 * Some trays name no roles: membership is per person (Camden's locality duty managers and
 * Families in Focus). In the demo, the Early Help people of that authority sit in all of them so
 * tray work can be picked up; a real authority lists its members.
 */
const DEMO_TRAY_STAFF: Record<string, string[]> = {
  camden: ['eh_duty_manager', 'eh_team_manager', 'eh_family_worker'],
};

/**
 * The file each loaded definition came from (`definitions/camden.json`), for the change note its
 * start-up publishing records. Kept beside the definitions rather than in them, so what is
 * published is exactly the file's content.
 */
const sourceFiles = new WeakMap<WorkflowDefinition, string>();

/**
 * Every definition file in `dir`: the valid ones loaded (each remembered with its file), the
 * invalid ones reported for the caller to log and skip (definition-files.ts).
 */
export async function loadDefinitionFiles(dir: string): Promise<DefinitionFiles> {
  const loaded = await readDefinitionFiles(dir);
  for (const [definition, file] of loaded.files) sourceFiles.set(definition, file);
  return loaded;
}

/** Every definition file in `dir`; throws on the first invalid one (tests and benches, which want them all). */
export async function loadDefinitions(dir: string): Promise<WorkflowDefinition[]> {
  const { definitions, invalid } = await loadDefinitionFiles(dir);
  const [first] = invalid;
  if (first) throw new Error(`${first.file} has ${first.count} problem(s); run "npx stepwise validate ${join(dir, basename(first.file))}".`);
  return definitions;
}

/**
 * Publishes each definition file the store does not have yet, and each whose `version` is newer
 * than the store's latest published version (a protocol tightened in the repository reaches a
 * running store). Cases already running stay on the version they started with; an admin moves
 * them through the migration plan and its dry run. A store whose admins have published as many
 * versions as the file's number or more is left alone: their work is never overwritten by a file.
 * Returns the ids it published.
 */
export async function publishMissing(store: Store, definitions: WorkflowDefinition[], at: string): Promise<string[]> {
  const published: string[] = [];
  for (const definition of definitions) {
    const latest = await store.latestPublished(definition.id);
    if (latest && latest.version >= definition.version) continue;
    await store.saveDraft(definition, { by: 'system', at });
    const file = sourceFiles.get(definition);
    await store.publish(definition.id, { by: 'system', at, note: file ? `Published from ${file} at start-up` : 'Published at start-up' });
    published.push(definition.id);
  }
  return published;
}

/** The demo people: one per role of each definition, and an admin per authority. */
export function demoPeople(definitions: WorkflowDefinition[]): Array<Omit<UserRecord, 'passwordHash'>> {
  const people = new Map<string, Omit<UserRecord, 'passwordHash'>>();
  for (const definition of definitions) {
    const authority = definition.authority.id;
    const admin = `admin@${authority}.example`;
    people.set(admin, { id: `${authority}.admin`, authority, name: `${definition.authority.name} admin`, email: admin, roles: ['admin'], teams: [] });
    for (const role of definition.roles) {
      const email = `${role.id}@${authority}.example`;
      const staffsOpenTrays = DEMO_TRAY_STAFF[authority]?.includes(role.id) ?? false;
      const worked = teamsWorkedBy(definition, role.id);
      const teams = definition.teams
        .filter((t) => t.roles?.includes(role.id) || worked.has(t.id) || (staffsOpenTrays && !t.roles?.length))
        .map((t) => t.id);
      const existing = people.get(email);
      people.set(email, {
        id: `${authority}.${role.id}`,
        authority,
        name: `Demo ${role.name}`,
        email,
        roles: [role.id],
        teams: [...new Set([...(existing?.teams ?? []), ...teams])],
      });
    }
  }
  return [...people.values()];
}

/**
 * The teams whose trays hold work a role does: a task given to a team (directly, or as the
 * fallback of "whoever it was passed to") that the role may act on, and a team an action may pass
 * work to for a task the role does. A team's own `roles` say who may act for it, but a role that
 * does the team's tasks without being listed there (Clinic's family workers, whose joint visits
 * fall back to their team) would otherwise have no team in the demo, and an empty tray.
 */
export function teamsWorkedBy(definition: WorkflowDefinition, role: string): Set<string> {
  const teams = new Set<string>();
  const teamOf = (assignee: unknown): string | undefined => {
    if (!assignee || typeof assignee !== 'object') return undefined;
    const a = assignee as { team?: string; fallback?: unknown };
    return a.team ?? teamOf(a.fallback);
  };
  for (const node of definition.nodes) {
    if (node.kind !== 'user_task') continue;
    const team = teamOf(node.assignee);
    if (team && node.roles?.includes(role)) teams.add(team);
    for (const action of node.nextActions) {
      const target = definition.nodes.find((n) => n.id === action.to);
      if (target?.kind === 'user_task' && target.roles?.includes(role)) action.passTo?.teams?.forEach((t) => teams.add(t));
    }
  }
  return teams;
}

export async function seedDemoPeople(store: Store, definitions: WorkflowDefinition[], password = DEMO_PASSWORD): Promise<number> {
  const passwordHash = await hashPassword(password);
  let added = 0;
  for (const person of demoPeople(definitions)) {
    if (await store.findUserByEmail(person.email)) continue;
    await store.saveUser({ ...person, passwordHash });
    added += 1;
  }
  return added;
}
