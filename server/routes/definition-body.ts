/**
 * A definition sent by the designer. The request check covers only the envelope: an object with
 * the definition format's top-level fields, an id and an authority. Everything inside is the
 * definition format's business: `validateDefinition` reports it as problems with JSON paths,
 * because a draft is work in progress and may be saved with problems.
 */
import type { FieldError, WorkflowDefinition } from '../../engine/index.ts';
import definitionSchema from '../../engine/schema/definition.schema.json' with { type: 'json' };
import { HttpProblem } from '../http/problem.ts';

const ID = { type: 'string', minLength: 1, maxLength: 80, pattern: '^[a-z][a-z0-9_-]*$' };

/**
 * The envelope's top-level fields are the definition format's own (its JSON Schema, the single
 * source of truth), so a field added to the format is accepted here without a second list. Each
 * is checked only for its JSON type ("Nodes must be a list"); its content is `validateDefinition`'s.
 */
type FieldSchema = { type?: string | string[]; $ref?: string };
const defs = definitionSchema.$defs as unknown as Record<string, FieldSchema>;
const typeOf = (field: FieldSchema): string | string[] | undefined => field.type ?? (field.$ref ? defs[field.$ref.replace('#/$defs/', '')]?.type : undefined);
const titleOf = (name: string) => (name.startsWith('$') ? name : name[0]!.toUpperCase() + name.slice(1));
const formatFields = Object.fromEntries(
  Object.entries(definitionSchema.properties as unknown as Record<string, FieldSchema>).map(([name, field]) => {
    const type = typeOf(field);
    return [name, { ...(type ? { type } : {}), title: titleOf(name) }];
  }),
);

export const definitionBody = {
  title: 'Definition',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'authority'],
    properties: {
      ...formatFields,
      id: { ...ID, title: 'Definition ID' },
      authority: {
        type: 'object',
        title: 'Authority',
        required: ['id'],
        properties: { id: { ...ID, title: 'Authority ID' }, name: { type: 'string', title: 'Authority name' } },
      },
    },
  },
  errorMessages: {
    '/id': { pattern: 'Definition ID must start with a lower-case letter and use only lower-case letters, digits, _ and -' },
    '/authority/id': { pattern: 'Authority ID must start with a lower-case letter and use only lower-case letters, digits, _ and -' },
  },
};

/** Deeper than any real definition; stops a crafted body from overflowing a recursive walk. */
const MAX_DEPTH = 64;

/**
 * Refuses a body that names another definition or authority than the one it is sent for, or that
 * nests deeper than a definition ever does.
 */
export function checkDefinitionBody(body: WorkflowDefinition, expected: { id?: string; authority: string }): void {
  const errors: FieldError[] = [];
  if (expected.id !== undefined && body.id !== expected.id) {
    errors.push({ pointer: '/id', keyword: 'const', message: `Definition ID must be ${expected.id}, the definition this is sent to` });
  }
  if (body.authority.id !== expected.authority) {
    errors.push({ pointer: '/authority/id', keyword: 'const', message: `Authority ID must be ${expected.authority}, your own authority` });
  }
  const deep = tooDeep(body);
  if (deep !== null) errors.push({ pointer: deep, keyword: 'maxDepth', message: `The definition is nested more than ${MAX_DEPTH} levels deep here` });
  if (errors.length > 0) throw new HttpProblem(422, 'request_invalid', 'The definition request has answers to correct.', { errors });
}

/** The pointer of the first value nested deeper than MAX_DEPTH, or null; iterative, so it cannot overflow itself. */
function tooDeep(root: unknown): string | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) return path;
    for (const [key, child] of Object.entries(value)) {
      stack.push({ value: child, path: `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth: depth + 1 });
    }
  }
  return null;
}

/** `If-Match` as sent: the draft's `savedAt`, bare or as a quoted entity tag. */
export function ifMatch(header: string | undefined): string | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  return value.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

export const etag = (savedAt: string) => `"${savedAt}"`;
