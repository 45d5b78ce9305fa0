/**
 * Every error the API returns is an RFC 9457 problem document (`application/problem+json`).
 * HTTP status codes for engine refusals are chosen here, and only here.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Refusal, type FieldError, type Problem, type RefusalCode } from '../../engine/index.ts';

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

/**
 * Every `code` the API answers with, and what it means: one list, published in the OpenAPI
 * document (the Problem schema's `code` enum and `x-error-codes`). Engine refusals are listed by
 * `REFUSAL_STATUS`; the rest here. test/api/error-codes.test.ts fails when a route throws a code
 * that is not listed.
 */
export const HTTP_ERROR_CODES = {
  // Shape of the request
  malformed_json: 'The body is not valid JSON (400)',
  body_too_deep: 'The JSON body is nested too deeply (422)',
  body_too_large: 'The body is larger than the limit, given as `limit` (413)',
  unsupported_media_type: 'The body is not sent in the media type the operation takes (JSON; CSV for a people import); `errors[]` names `/headers/content-type` (415)',
  request_invalid: 'The body or the query string has values to correct; `errors[]` names each by JSON pointer (`/query/<name>` for a query parameter) (422)',
  csv_invalid: 'An uploaded CSV cannot be read: header, quoting or length; `errors[]` points at `/header`, `/rows` or `/rows/<line>` (422)',
  import_refused: 'An import was refused as a whole; the per-row report says why, and `errors[]` names each cell as `/rows/<row>/<column>` (422)',
  method_not_allowed: 'The path exists but not with this method; `Allow` lists those it has (405)',
  not_found: 'Nothing at this path or id, or it belongs to another authority (404)',
  // Signing in
  sign_in_required: 'No session, or it has ended (401)',
  sign_in_failed: 'E-mail address or password not recognised (401)',
  sign_in_throttled: 'Too many failed sign-ins; try later (429)',
  sso_required: 'This authority signs in through its identity provider, not a password (403)',
  csrf_token_invalid: 'A change without the session’s `X-CSRF-Token` (403)',
  admin_only: 'Only an admin may do this (403)',
  // Idempotency
  idempotency_key_invalid: 'The Idempotency-Key header is malformed; `errors[]` names it as `/headers/idempotency-key` (400)',
  idempotency_key_reused: 'The Idempotency-Key was used for another request; `errors[]` names it as `/headers/idempotency-key` (422)',
  request_in_progress: 'The same request is still running (409)',
  // Definitions
  definition_not_found: 'No such definition in your authority (404)',
  version_not_found: 'No such published version (404)',
  definition_exists: 'A definition with this id exists or existed; `errors[]` names `/id` (409)',
  definition_has_problems: 'The draft has problems that stop it being published or simulated; `errors[]` lists each at its JSON pointer in the definition, its `keyword` the problem’s code, and `problems` the validator’s own list (422)',
  draft_changed: 'The draft changed while it was being published (409)',
  no_draft: 'There is no draft (409)',
  nothing_to_publish: 'The draft is the same as the latest version (409)',
  if_match_required: 'Saving over a draft needs `If-Match`; `errors[]` names it as `/headers/if-match` (428)',
  already_published: 'That version is already published (409)',
  already_exists: 'The record already exists (409)',
  // People, cases, retention, exports
  email_taken: 'Someone already has this e-mail address (409)',
  legal_hold: 'The case is on legal hold (409)',
  not_held: 'The case is not on legal hold (404)',
  pdf_unavailable: 'No Chromium to print a PDF with (503)',
  ui_not_built: 'The web app has not been built (503)',
  internal_error: 'A fault of ours (500). If it came after the change was stored, sending it again with the same Idempotency-Key answers as the first success did; without a key, read before retrying',
} as const satisfies Record<string, string>;

/** Single sign-on refusals (server/auth/oidc.ts `SsoRefusal`): the redirect or the problem names one. */
export const SSO_ERROR_CODES = [
  'sso_cancelled', 'sso_code_rejected', 'sso_different_person', 'sso_disabled', 'sso_email_unverified', 'sso_no_email', 'sso_no_role', 'sso_nonce_mismatch', 'sso_not_configured', 'sso_other_authority',
  'sso_provider_refused', 'sso_provider_unavailable', 'sso_state_mismatch', 'sso_state_missing', 'sso_state_replayed', 'sso_token_expired', 'sso_token_invalid', 'sso_wrong_audience', 'sso_wrong_issuer',
] as const;

/** Every code, with what it means (engine refusals with their status). */
export function errorCodes(): Record<string, string> {
  const refusals = Object.fromEntries(Object.entries(REFUSAL_STATUS).map(([code, status]) => [code, `The workflow engine refused: see \`detail\` (${status})`]));
  const sso = Object.fromEntries(SSO_ERROR_CODES.map((code) => [code, 'Single sign-on refused (400–502)']));
  const all: Record<string, string> = { ...HTTP_ERROR_CODES, ...refusals, ...sso };
  return Object.fromEntries(Object.keys(all).sort().map((code) => [code, all[code]!]));
}

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad request',
  401: 'Sign in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  429: 'Too many requests',
  503: 'Service unavailable',
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
    const status = REFUSAL_STATUS[error.code] ?? 422;
    return document(status, error.code, error.message, {
      ...rest,
      ...(fieldErrors ? { errors: fieldErrors } : status === 422 ? { errors: refusalErrors(error.code, error.message, rest) } : {}),
    });
  }
  return document(500, 'internal_error', 'The server could not finish this request. Check whether your change was saved before trying again.', {});
}

function document(status: number, code: string, detail: string, extra: Record<string, unknown>): ProblemDocument {
  // Extensions first: a detail can never overwrite the document's own members (RFC 9457).
  return { ...extra, type: `https://stepwise.local/problems/${code}`, title: TITLES[status] ?? 'Error', status, code, detail };
}

/** A request header named in `errors[]`, as a query parameter is (`/query/<name>`): `/headers/<name>`, in lower case. */
export const headerPointer = (name: string) => `/headers/${name.toLowerCase()}`;

/**
 * 422 `definition_has_problems`: the draft cannot be published or simulated until it is fixed.
 * Each problem is a field error at its place in the definition (`/nodes/3/next`), its keyword the
 * problem's code; `problems` keeps the validator's own list, with each knock-on's `cause`.
 */
export function definitionHasProblems(problems: Problem[], before: 'published' | 'simulated'): HttpProblem {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return new HttpProblem(422, 'definition_has_problems', `The draft has ${count} to fix before it can be ${before}.`, {
    problems,
    errors: problems.map((p) => ({ pointer: p.path, keyword: p.code, message: p.message })),
  });
}

export function sendProblem(c: Context, problem: ProblemDocument): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}

/**
 * Field errors for an engine refusal that names no field itself, pointing into the request body
 * the routes send (work-task.ts): a next action is `/actions/<index>` (its `passTo`,
 * `scheduledFor` or `action`), a reassignment's target is `/to`. The refusal's own details stay at
 * the top level too (`index`, `worker`, `to`...), for clients that read them.
 */
export function refusalErrors(code: RefusalCode, message: string, details: Record<string, unknown>): FieldError[] {
  const action = typeof details['index'] === 'number' ? `/actions/${details['index']}` : undefined;
  const to = details['to'];
  const target = to && typeof to === 'object' ? ('team' in to ? '/to/team' : '/to/worker') : '/to/worker';
  const pointer = ((): string => {
    switch (code) {
      case 'pass_to_required':
      case 'pass_to_not_allowed':
      case 'unknown_worker':
        return action ? `${action}/passTo` : target;
      case 'scheduled_date_required':
        return `${action ?? '/actions'}/scheduledFor`;
      case 'invalid_event':
        return action ? `${action}/scheduledFor` : details['field'] === 'actions' ? '/actions' : '';
      case 'unknown_action':
      case 'actions_incomplete':
        return action ? `${action}/action` : '/actions';
      case 'guard_failed':
        return action ? `${action}/action` : '';
      default:
        return action ?? '';
    }
  })();
  return [{ pointer, keyword: code, message }];
}
