/**
 * Query strings are input too: each endpoint that reads one describes its parameters as a JSON
 * Schema (strings only, unknown parameters refused), and every error names its parameter by a
 * pointer under `/query`, like body errors do, with the same code as a body's: `request_invalid`.
 *
 * The same schema object is the route's validator and its documented `parameters`
 * (`queryParameters`), so the OpenAPI document states exactly the rules the route runs.
 */
import type { Context } from 'hono';
import { validateFormData } from '../../engine/index.ts';
import { HttpProblem } from '../http/problem.ts';
import type { Operation } from './openapi-types.ts';

/** A query string's shape: every parameter a string property; anything else is refused. */
export interface QueryShape {
  title: string;
  schema: { type: 'object'; additionalProperties: false; required?: string[]; properties: Record<string, Record<string, unknown>> };
  errorMessages?: Record<string, Record<string, string>>;
}

/** For endpoints that take no query parameters: any given is refused, not silently ignored. */
export const noQuery: QueryShape = { title: 'Query', schema: { type: 'object', additionalProperties: false, properties: {} } };

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The query parameters, checked like a body: each error names its parameter as `/query/<name>`. */
export function readQuery<T>(c: Context, shape: QueryShape): T {
  const all = c.req.queries();
  const errors = Object.entries(all)
    .filter(([, values]) => values.length > 1)
    .map(([name]) => ({ pointer: `/query/${escape(name)}`, keyword: 'maxItems', message: `Give ${name} once` }));
  const values = Object.fromEntries(Object.entries(all).map(([name, given]) => [name, given[0] ?? '']));
  for (const e of validateFormData(shape, values, { blanksAreAnswers: true })) {
    errors.push({ ...e, pointer: `/query${e.pointer}`, ...(e.keyword === 'additionalProperties' ? { message: `${e.pointer.slice(1)} is not a query parameter here` } : {}) });
  }
  if (errors.length > 0) throw invalidQuery(errors);
  return values as T;
}

export function invalidQuery(errors: Array<{ pointer: string; keyword: string; message: string }>): HttpProblem {
  return new HttpProblem(422, 'request_invalid', 'The query string has values to correct.', { errors });
}

/** A parameter that is well formed but names nothing the caller's authority has. */
export const unknownValue = (name: string, message: string) => invalidQuery([{ pointer: `/query/${name}`, keyword: 'enum', message }]);

export const booleanParam = (title: string) => ({ type: 'string', title, enum: ['true', 'false'] });
export const idParam = (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 200 });

/**
 * The documented `parameters` of a query shape: each property's own schema (the rules `readQuery`
 * runs), required as the shape says, described by `notes` (what the route checks beyond the
 * schema, e.g. "one of your authority's teams") or else by its title.
 */
export function queryParameters(shape: QueryShape, notes: Record<string, string> = {}): NonNullable<Operation['parameters']> {
  const required = new Set(shape.schema.required ?? []);
  return Object.entries(shape.schema.properties).map(([name, schema]) => ({
    name,
    in: 'query' as const,
    ...(required.has(name) ? { required: true } : {}),
    schema,
    description: notes[name] ?? String(schema['title'] ?? name),
  }));
}
