/** Each routes file describes its own endpoints; `openapi.ts` gathers them into one document. */
export type Operation = {
  summary: string;
  tags: string[];
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Record<string, unknown>; description?: string }>;
  requestBody?: { required: true; content: { 'application/json': { schema: Record<string, unknown> } } | { 'text/csv': { schema: Record<string, unknown> } } };
  responses: Record<string, { description: string }>;
};

export type PathItem = Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', Operation>>;
export type Paths = Record<string, PathItem>;

/** The usual error responses, as problem+json documents. */
export function errors(...statuses: number[]): Record<string, { description: string }> {
  const text: Record<number, string> = {
    400: 'Malformed JSON',
    401: 'Not signed in',
    403: 'Wrong role, or CSRF token missing',
    404: 'Not found (or another authority’s)',
    409: 'Conflict: someone else changed it, or it is no longer open',
    413: 'Body too large',
    415: 'Body is not JSON',
    422: 'Invalid input; `errors` names each field by JSON pointer',
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: `${text[s] ?? 'Error'} (application/problem+json)` }]));
}

export const jsonBody = (schema: Record<string, unknown>): NonNullable<Operation['requestBody']> => ({ required: true, content: { 'application/json': { schema } } });
