/**
 * Every error the API returns is an RFC 9457 problem document (`application/problem+json`).
 * HTTP status codes for engine refusals are chosen here, and only here.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Refusal, type FieldError, type RefusalCode } from '../../engine/index.ts';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  /** Stable snake_case code clients match on. */
  code: string;
  detail?: string;
  /** GOV.UK-style field errors, each naming its field by JSON pointer. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

const REFUSAL_STATUS: Record<RefusalCode, ContentfulStatusCode> = {
  case_closed: 409,
  event_not_expected: 409,
  task_not_open: 409,
  stale_version: 409,
  event_out_of_order: 409,
  not_yet_available: 409,
  unknown_task: 404,
  unknown_entry: 422,
  unknown_action: 422,
  guard_failed: 422,
  form_invalid: 422,
  pass_to_required: 422,
  pass_to_not_allowed: 422,
  scheduled_date_required: 422,
  invalid_event: 422,
  not_allowed: 403,
  same_person: 403,
  already_signed: 409,
  unknown_worker: 422,
  actions_incomplete: 422,
  action_not_chosen: 422,
  // A published definition passed validation, so these point at a fault of ours, not the client's.
  runaway_flow: 500,
  logic_too_costly: 500,
  definition_broken: 500,
};

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad request',
  401: 'Sign in required',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'There is a problem',
  428: 'Precondition required',
  500: 'Something went wrong',
};

/** An error that already knows its HTTP problem; thrown by routes and middleware. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export function problemFor(error: unknown): ProblemDocument {
  if (error instanceof HttpProblem) return document(error.status, error.code, error.message, error.extra);
  if (error instanceof Refusal) {
    const { fieldErrors, ...rest } = error.details;
    return document(REFUSAL_STATUS[error.code] ?? 422, error.code, error.message, {
      ...(fieldErrors ? { errors: fieldErrors } : {}),
      ...rest,
    });
  }
  return document(500, 'internal_error', 'The server could not finish this request. Nothing was saved.', {});
}

function document(status: number, code: string, detail: string, extra: Record<string, unknown>): ProblemDocument {
  // Extensions first: a detail can never overwrite the document's own members (RFC 9457).
  return { ...extra, type: `https://stepwise.local/problems/${code}`, title: TITLES[status] ?? 'Error', status, code, detail };
}

export function sendProblem(c: Context, problem: ProblemDocument): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}
