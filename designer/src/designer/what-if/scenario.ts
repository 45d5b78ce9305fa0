/**
 * What a what-if run needs besides the clicks: one pretend person per role (with the teams that
 * role works in), who would do a task, example answers that satisfy a form, and London wall-clock
 * times as instants. The scenario it builds is the engine's own format (engine/scenario), so the
 * saved file drops into test/ as a scenario test.
 */
import type { Form, WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';

export interface ScenarioUser { name?: string; roles: string[]; teams?: string[] }
export type Json = Record<string, unknown>;
type Schema = Record<string, unknown>;

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

/** An answer for one schema that its checks accept: the first option, a date, yes, a number in range. */
function sample(schema: Schema | undefined, date: string): unknown {
  if (!schema) return undefined;
  if ('const' in schema) return schema['const'];
  const options = (schema['oneOf'] ?? schema['anyOf']) as Schema[] | undefined;
  if (Array.isArray(options) && options.length > 0 && 'const' in options[0]!) return options[0]!['const'];
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[])[0];
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[]).find((t) => t !== 'null') : schema['type'];
  switch (type) {
    case 'boolean':
      return true;
    case 'number':
    case 'integer':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
    case 'array': {
      const items = schema['items'] as Schema | undefined;
      const min = typeof schema['minItems'] === 'number' ? schema['minItems'] : 1;
      const choices = (items?.['oneOf'] ?? items?.['enum']) as unknown[] | undefined;
      // Checkboxes: as many different answers as the question needs.
      if (Array.isArray(choices) && choices.length > 0) return choices.slice(0, Math.max(1, min)).map((c) => (typeof c === 'object' && c !== null && 'const' in c ? (c as Schema)['const'] : c));
      const item = sample(items, date);
      return item === undefined ? [] : Array.from({ length: Math.max(1, min) }, () => structuredClone(item));
    }
    case 'object':
      return sampleObject(schema, date);
    default: {
      if (schema['format'] === 'date') return date;
      if (schema['format'] === 'date-time') return `${date}T09:00:00Z`;
      if (schema['format'] === 'email') return 'someone@example.org';
      if (schema['format'] === 'time') return '09:30';
      const text = 'Example answer';
      // A pattern (a time like 10:30, a postcode): the first of some usual answers that fits it.
      const pattern = typeof schema['pattern'] === 'string' ? schema['pattern'] : undefined;
      const fits = pattern ? ['09:30', text, 'AB12 3CD', '1'].find((c) => matches(pattern, c)) : undefined;
      if (fits) return fits;
      const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : text.length;
      return text.slice(0, Math.max(1, max));
    }
  }
}

function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

function sampleObject(schema: Schema, date: string): Json {
  const out: Json = {};
  for (const [name, sub] of Object.entries((schema['properties'] as Record<string, Schema> | undefined) ?? {})) {
    const value = sample(sub, date);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Example answers to every question of the form, dated `date` (YYYY-MM-DD). */
export function sampleAnswers(form: Form | undefined, date: string): Json {
  return form ? sampleObject(form.schema as Schema, date) : {};
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
