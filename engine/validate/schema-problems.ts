/**
 * Ajv's errors for the definition schema, as problems an admin can read: the step named by its
 * name, the part in words ("the unit of the deadline"), what to do, and the options where a
 * value is not one of them.
 */
import type { ErrorObject } from '../schema/ajv.ts';
import type { Problem } from '../problems.ts';
import { meantAlternative } from './schema-union.ts';
import { KINDS, needsSentence, placeOf } from './schema-words.ts';
import { valueAt } from './values.ts';

export { valueAt };

/**
 * Ajv reports every failed `oneOf` alternative. Where a `oneOf` failed, the errors deeper inside
 * it (the alternative that was meant) are kept over the noise at its own level; where nothing
 * failed deeper, the alternative the value fits best is chosen and only its complaints are kept,
 * or — when nothing says which was meant — one problem lists the choices.
 */
export function schemaProblems(errors: ErrorObject[], definition: unknown): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const push = (problem: Problem) => {
    const key = `${problem.code} ${problem.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  const unions = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const deeper = (path: string) => errors.some((other) => other.instancePath.startsWith(path + '/'));
  for (const error of errors) {
    const path = error.instancePath;
    if (!unions.has(path)) {
      push(toProblem(error, definition));
      continue;
    }
    if (deeper(path)) continue;
    const value = valueAt(path, definition);
    const fit = meantAlternative(path, definition, value);
    if (!fit || (fit.present === 0 && fit.unknown.length === 0 && Object.keys(value ?? {}).length === 0) || fit.present === 0) {
      push(chooseOne(path, definition));
      continue;
    }
    for (const missing of fit.missing) push({ code: 'schema_required', path: `${path}/${missing}`, message: needsSentence(path, missing, definition) });
    for (const extra of fit.unknown) push(unknownProperty(path, extra, definition));
  }
  return problems;
}

/** A value that is none of a union's shapes, with nothing to say which was meant. */
function chooseOne(path: string, definition: unknown): Problem {
  const key = path.split('/').filter((s) => !/^\d+$/.test(s)).at(-1) ?? '';
  const where = placeOf(path, definition);
  const assignee = `choose a role, a team, a named worker, whoever the previous step passed it to, whoever did an earlier step, or whoever an earlier step passed it to`;
  const when = 'choose how long after the step starts (or after a date from the case), how long before a date from the case, a date from the case, the next weekly slot, or a window';
  const ask: Record<string, string> = {
    assignee: `${where} is not set: ${assignee}`, fallback: `${where} is not set: ${assignee}`, reassignTo: `${where} is not set: ${assignee}`,
    to: `${where} is not set: choose a role, a team, a named worker, a shared mailbox, or whoever did an earlier step`,
    notify: `${where} is not set: choose a role, a team, a named worker, a shared mailbox, or whoever did an earlier step`,
    due: `${where} is not set: ${when}, or several chosen by conditions`, availableFrom: `${where} is not set: ${when}`, wait: `${where} is not set: ${when}`,
    then: `${where} is not set: ${when}`, otherwise: `${where} is not set: ${when}`,
    from: `${where} is not a date from the case: choose one, or several of which the latest counts`,
  };
  return { code: 'schema_one_of', path, message: `${ask[key] ?? `${where} is not in a form the definition format knows: see the format's reference for what it can be`}.` };
}

function unknownProperty(path: string, extra: string, definition: unknown): Problem {
  return { code: 'schema_unknown_property', path: `${path}/${extra}`, message: `${placeOf(path, definition)} has "${extra}", which the definition format does not know: remove it.` };
}

function toProblem(error: ErrorObject, definition: unknown): Problem {
  const path = error.instancePath;
  const where = placeOf(path, definition);
  const params = error.params as Record<string, unknown>;
  const value = valueAt(path, definition);
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      if (missing === 'default' && valueAt(`${path}/kind`, definition) === 'decision') {
        return { code: 'decision_without_default', path: `${path}/default`, message: `${where} has no default route: choose where it leads when no branch holds.` };
      }
      return { code: 'schema_required', path: `${path}/${missing}`, message: needsSentence(path, missing, definition) };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return unknownProperty(path, String(params.additionalProperty ?? params.unevaluatedProperty), definition);
    case 'discriminator': {
      const kind = valueAt(`${path}/kind`, definition);
      const said = typeof kind === 'string' ? `a kind the engine does not know ("${kind}")` : 'no kind';
      return { code: 'schema_unknown_kind', path: `${path}/kind`, message: `${where} has ${said}. Use one of: ${KINDS}.` };
    }
    case 'enum':
    case 'const':
      return { code: 'schema_not_allowed', path, message: `${where} is ${shown(value)}, which is not allowed here. Use one of: ${listAllowed(params)}.` };
    case 'pattern':
      return { code: 'schema_pattern', path, message: `${where} is ${shown(value)}, ${patternWords(String(params.pattern))}.` };
    case 'type':
      return { code: 'schema_type', path, message: `${where} should be ${typeWords(String(params.type))}, not ${shown(value)}.` };
    case 'minItems': {
      const n = Number(params.limit);
      return { code: 'schema_min_items', path, message: `${where} needs at least ${n === 1 ? 'one' : n}: add ${n === 1 ? 'one' : 'more'}.` };
    }
    case 'minLength':
      return { code: 'schema_min_length', path, message: `${where} is empty: fill it in.` };
    case 'maxLength':
      return { code: 'schema_max_length', path, message: `${where} is too long: use at most ${String(params.limit)} characters.` };
    case 'minimum':
    case 'maximum':
      return { code: `schema_${error.keyword}`, path, message: `${where} is ${shown(value)}, but must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}.` };
    case 'uniqueItems':
      return { code: 'schema_unique_items', path, message: `${where} lists the same thing twice (items ${Number(params.j) + 1} and ${Number(params.i) + 1}): remove one.` };
    default:
      return { code: `schema_${snake(error.keyword)}`, path, message: `${where} ${error.message ?? 'is not valid'}.` };
  }
}

/** A value as quoted in a sentence: primitives as written, lists and objects by what they are (never deep-printed). */
function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a set of properties';
  return JSON.stringify(value) ?? 'nothing';
}

function patternWords(pattern: string): string {
  if (pattern.includes('[01]\\d|2[0-3]')) return 'which is not a time: write it as HH:MM, for example 09:30';
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return 'which is not a date: write it as YYYY-MM-DD, for example 2026-12-25';
  if (pattern.startsWith('^[a-z][a-z0-9_-]*')) return 'which cannot be an ID: use lower-case letters, digits, "_" and "-", starting with a letter';
  if (pattern.startsWith('^(case|form|done')) return 'which is not a path into case data: write it as case.<field>, form.<step>.<question>, done.<step>, entered.<step>, action.<step> or passedTo.<step>';
  return `which does not have the form it needs (${pattern})`;
}

function typeWords(type: string): string {
  const words: Record<string, string> = { integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'a set of properties' };
  return type.split(',').map((t) => words[t] ?? t).join(' or ');
}

function listAllowed(params: Record<string, unknown>): string {
  const values = Array.isArray(params.allowedValues) ? params.allowedValues : [params.allowedValue];
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function snake(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
