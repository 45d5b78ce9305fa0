/**
 * Reading a JSON request body: the right media type (415), well-formed JSON (400), and the shape
 * the endpoint expects (422, unknown fields refused, each error naming its field by JSON pointer).
 * Request shapes are JSON Schemas, checked by the same validator as practitioners' forms, so the
 * messages read the GOV.UK way.
 */
import type { Context } from 'hono';
import { validateFormData } from '../../engine/index.ts';
import { HttpProblem } from './problem.ts';

export type RequestSchema = {
  title: string;
  schema: Record<string, unknown>;
  /** GOV.UK-style messages by JSON pointer and keyword, as in a form. */
  errorMessages?: Record<string, Record<string, string>>;
};

export async function readJson<T>(c: Context, shape: RequestSchema): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpProblem(415, 'unsupported_media_type', 'Send the request body as JSON, with "Content-Type: application/json".');
  }
  let body: unknown;
  const text = await c.req.text();
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(400, 'malformed_json', `The request body is not valid JSON: ${(error as Error).message}.`);
  }
  const errors = validateFormData(shape, body, { blanksAreAnswers: true });
  if (errors.length > 0) {
    throw new HttpProblem(422, 'request_invalid', `The ${shape.title.toLowerCase()} request has answers to correct.`, { errors });
  }
  return body as T;
}
