/**
 * What a scenario must have before it can run at all: people with roles, and steps that each do one
 * thing at a real moment. The events themselves are checked by `step`, which refuses a malformed
 * one; this is only what the runner reads before it builds them. The full format is the JSON Schema
 * the simulate endpoint and the CLI check against (server/routes/definition-scenario-schema.ts).
 */
import { parseInstant } from '../calendar/zone.ts';
import { pointer, type Problem } from '../problems.ts';

const KINDS = ['start', 'complete', 'reassign', 'withdraw', 'subflowEnded', 'until'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isInstant(value: unknown): boolean {
  try {
    parseInstant(value as string);
    return true;
  } catch {
    return false;
  }
}

/** Thrown by `runScenario` for a scenario it cannot run, with every problem found. */
export class ScenarioInvalid extends Error {
  override readonly name = 'ScenarioInvalid';
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path || '/'}: ${p.message}`).join('\n'));
  }
}

export function scenarioProblems(scenario: unknown): Problem[] {
  if (!isObject(scenario)) return [{ code: 'scenario_invalid', path: '', message: 'A scenario is a JSON object with "users" and "steps".' }];
  return [...userProblems(scenario['users']), ...stepProblems(scenario['steps'])];
}

function userProblems(users: unknown): Problem[] {
  if (!isObject(users)) {
    return [{ code: 'users_missing', path: '/users', message: 'List the people who act in the scenario under "users", each with their roles: "users": {"sam": {"roles": ["social_worker"]}}.' }];
  }
  return Object.entries(users).flatMap(([id, user]): Problem[] => {
    const roles = isObject(user) ? user['roles'] : undefined;
    const teams = isObject(user) ? user['teams'] : undefined;
    const list = (v: unknown) => Array.isArray(v) && v.every((r) => typeof r === 'string');
    if (!list(roles)) return [{ code: 'user_invalid', path: pointer('users', id, 'roles'), message: `Give "${id}" their roles, as a list of role ids.` }];
    if (teams !== undefined && !list(teams)) return [{ code: 'user_invalid', path: pointer('users', id, 'teams'), message: `The teams of "${id}" must be a list of team ids.` }];
    return [];
  });
}

function stepProblems(steps: unknown): Problem[] {
  if (!Array.isArray(steps)) return [{ code: 'steps_missing', path: '/steps', message: 'List what happens under "steps", each a dated event or an "until".' }];
  const problems: Problem[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step: unknown = steps[i];
    const at = `/steps/${i}`;
    const kinds = isObject(step) ? KINDS.filter((k) => Object.hasOwn(step, k)) : [];
    if (!isObject(step) || kinds.length !== 1) {
      problems.push({ code: 'step_invalid', path: at, message: `Give step ${i} exactly one of ${KINDS.join(', ')}.` });
      continue;
    }
    const kind = kinds[0]!;
    const when = kind === 'until' ? 'until' : 'at';
    if (!isInstant(step[when])) problems.push({ code: 'step_invalid', path: `${at}/${when}`, message: `Step ${i} needs "${when}": a date and time with a zone, like 2026-12-01T09:30:00Z.` });
    if (kind !== 'until' && !isObject(step[kind])) problems.push({ code: 'step_invalid', path: `${at}/${kind}`, message: `"${kind}" in step ${i} must be an object.` });
  }
  return problems;
}
