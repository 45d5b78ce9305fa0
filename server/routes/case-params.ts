/**
 * Query strings are input too: each list endpoint describes its parameters as a JSON Schema
 * (strings only, unknown parameters refused) and every error names its parameter by a pointer
 * under `/query`, like body errors do.
 */
import type { Context } from 'hono';
import { validateFormData } from '../../engine/index.ts';
import type { RequestSchema } from '../http/json-body.ts';
import { HttpProblem } from '../http/problem.ts';

export function readQuery<T>(c: Context, shape: RequestSchema): T {
  const all = c.req.queries();
  const repeated = Object.keys(all).filter((name) => (all[name]?.length ?? 0) > 1);
  if (repeated.length > 0) {
    throw invalidQuery(repeated.map((name) => ({ pointer: `/query/${name}`, keyword: 'maxItems', message: `Give ${name} once` })));
  }
  const values = c.req.query();
  const errors = validateFormData(shape, values, { blanksAreAnswers: true }).map((e) => ({
    ...e,
    pointer: `/query${e.pointer}`,
    ...(e.keyword === 'additionalProperties' ? { message: `${e.pointer.slice(1)} is not a parameter of this search` } : {}),
  }));
  if (errors.length > 0) throw invalidQuery(errors);
  return values as T;
}

export function invalidQuery(errors: Array<{ pointer: string; keyword: string; message: string }>): HttpProblem {
  return new HttpProblem(422, 'request_invalid', 'The search has answers to correct.', { errors });
}

/** A parameter that is well formed but names nothing the caller's authority has. */
export const unknownValue = (name: string, message: string) => invalidQuery([{ pointer: `/query/${name}`, keyword: 'enum', message }]);

export const booleanParam = (title: string) => ({ type: 'string', title, enum: ['true', 'false'] });
export const idParam = (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 200 });
