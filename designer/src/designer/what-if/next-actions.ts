/** The next actions of a what-if step: who each may be passed to, and the team an answer names. */
import type { NextAction, WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { personName, teamName } from './people.ts';
import type { ScenarioUser } from './scenario.ts';

export interface PassOption {
  value: string;
  label: string;
}

/** The value at a dotted path (`form.asm_screen.ehTeam`) of the case's answers. */
function read(data: unknown, path: string): unknown {
  let at = data;
  for (const key of path.split('.')) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/**
 * Whom `action` may be passed to: its teams, the team an answer names (`teamFrom`, read from the
 * case's answers with this task's own laid over them) first, then every team when it names one,
 * and the run's people when it goes to a worker.
 */
export function passOptions(definition: WorkflowDefinition, action: NextAction | undefined, users: Record<string, ScenarioUser>, answers: Record<string, unknown>): PassOption[] {
  const pass = action?.passTo;
  if (!pass) return [];
  const team = (id: string) => ({ value: `team:${id}`, label: upper(teamName(definition, id)) });
  const named = pass.teamFrom ? read(answers, pass.teamFrom) : undefined;
  const teams = [...(typeof named === 'string' ? [named] : []), ...(pass.teams ?? []), ...(pass.teamFrom ? definition.teams.map((t) => t.id) : [])];
  const workers = pass.workers || pass.roles ? Object.entries(users).filter(([, u]) => !pass.roles || u.roles.some((r) => pass.roles!.includes(r))) : [];
  return [...new Set(teams)].map(team).concat(workers.map(([id]) => ({ value: `worker:${id}`, label: upper(personName(definition, id, users)) })));
}

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A chosen pass-to value (`team:x`, `worker:y`) as the engine's `passTo`. */
export function passTo(value: string): { team: string } | { worker: string } | undefined {
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (!id) return undefined;
  return kind === 'team' ? { team: id } : { worker: id };
}
