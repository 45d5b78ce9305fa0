/** Ajv's errors for the definition schema, as problems an admin can read. */
import type { ErrorObject } from '../schema/ajv.ts';
import type { Problem } from '../problems.ts';

/**
 * Ajv reports every failed `oneOf` alternative; where a `oneOf` failed, keep the errors deeper
 * inside it (the alternative that was meant) over the noise at its own level. Errors elsewhere
 * are all kept, even when something deeper below them is wrong too.
 */
export function schemaProblems(errors: ErrorObject[], definition: unknown): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const unions = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const deepest = errors.filter(
    (e) => !unions.has(e.instancePath) || !errors.some((other) => other.instancePath.startsWith(e.instancePath + '/')),
  );
  for (const error of deepest) {
    const problem = toProblem(error, definition);
    const key = `${problem.code} ${problem.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function toProblem(error: ErrorObject, definition: unknown): Problem {
  const path = error.instancePath;
  const where = path === '' ? 'The definition' : `${describe(path, definition)}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      if (missing === 'default' && kindAt(path, definition) === 'decision') {
        return { code: 'decision_without_default', path: `${path}/default`, message: `${where} has no default route: add one for when no branch matches.` };
      }
      return { code: 'schema_required', path: `${path}/${missing}`, message: `${where} is missing "${missing}".` };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
      return { code: 'schema_unknown_property', path: `${path}/${extra}`, message: `${where} has "${extra}", which the definition format does not know.` };
    }
    case 'discriminator':
      return { code: 'schema_unknown_kind', path: `${path}/kind`, message: `${where} has a kind the engine does not know.` };
    case 'enum':
    case 'const':
      return { code: 'schema_not_allowed', path, message: `${where} must be one of: ${listAllowed(params)}.` };
    default:
      return { code: `schema_${snake(error.keyword)}`, path, message: `${where} ${error.message ?? 'is not valid'}.` };
  }
}

function describe(path: string, definition: unknown): string {
  const node = path.match(/^\/nodes\/(\d+)/);
  if (node) {
    const id = valueAt(`/nodes/${node[1]}/id`, definition);
    const rest = path.slice(node[0].length);
    return `Node ${typeof id === 'string' ? `"${id}"` : node[1]}${rest ? ` (at ${rest})` : ''}`;
  }
  return `The value at ${path}`;
}

function kindAt(path: string, definition: unknown): unknown {
  return valueAt(`${path}/kind`, definition);
}

export function valueAt(pointer: string, value: unknown): unknown {
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function listAllowed(params: Record<string, unknown>): string {
  const values = Array.isArray(params.allowedValues) ? params.allowedValues : [params.allowedValue];
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function snake(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
