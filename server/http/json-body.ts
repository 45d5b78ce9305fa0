/**
 * Reading a JSON request body: the right media type (415), well-formed JSON (400), no deeper than
 * MAX_BODY_DEPTH (422), and the shape the endpoint expects (422, unknown fields refused, each
 * error naming its field by JSON pointer). Request shapes are JSON Schemas, checked by the same
 * validator as practitioners' forms, so the messages read the GOV.UK way.
 */
import type { Context } from 'hono';
import { validateFormData } from '../../engine/index.ts';
import { headerPointer, HttpProblem } from './problem.ts';

/**
 * How many levels a body may nest below its top value (the same limit as a definition's, in
 * `routes/definition-body.ts`). The deepest real request, a definition, nests 15 (Camden's).
 * Without a limit, a body of brackets — over 100,000 levels fit in the 256 KB limit — overflows
 * the first recursive walk of it (Ajv, the engine's answer checks, or `JSON.stringify` when it is
 * stored) and the client got a 500. `JSON.parse` itself is not recursive in V8, so the check runs
 * on the parsed value, iteratively, before anything else reads it.
 */
export const MAX_BODY_DEPTH = 64;

export type RequestSchema = {
  title: string;
  schema: Record<string, unknown>;
  /** GOV.UK-style messages by JSON pointer and keyword, as in a form. */
  errorMessages?: Record<string, Record<string, string>>;
};

const utf8 = new TextDecoder();

export async function readJson<T>(c: Context, shape: RequestSchema): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpProblem(415, 'unsupported_media_type', 'Send the request body as JSON, with "Content-Type: application/json".', {
      errors: [{ pointer: headerPointer('Content-Type'), keyword: 'enum', message: 'Send the body as JSON, with Content-Type: application/json' }],
    });
  }
  let body: unknown;
  // The bytes, as the Idempotency-Key hash read them: Hono keeps one read of the body, and asking
  // for it as text after that builds a Response around the bytes again. Decoded as `text()` would.
  const text = utf8.decode(await c.req.arrayBuffer());
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(400, 'malformed_json', `The request body is not valid JSON: ${(error as Error).message}.`);
  }
  const deep = tooDeep(body);
  if (deep !== null) {
    throw new HttpProblem(422, 'body_too_deep', `The request body nests more than ${MAX_BODY_DEPTH} levels deep; no request needs that many.`, {
      limit: MAX_BODY_DEPTH,
      errors: [{ pointer: deep, keyword: 'maxDepth', message: `This is nested more than ${MAX_BODY_DEPTH} levels deep` }],
    });
  }
  const errors = validateFormData(shape, body, { blanksAreAnswers: true });
  if (errors.length > 0) {
    throw new HttpProblem(422, 'request_invalid', `The ${shape.title.toLowerCase()} request has answers to correct.`, { errors });
  }
  return body as T;
}

/** The pointer of the first object or array nested deeper than MAX_BODY_DEPTH, or null. */
function tooDeep(root: unknown): string | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_BODY_DEPTH) return path;
    for (const [key, child] of Object.entries(value)) {
      stack.push({ value: child, path: `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth: depth + 1 });
    }
  }
  return null;
}
