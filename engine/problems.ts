/**
 * The two kinds of errors the engine speaks.
 *
 * - A `Problem` is something wrong with a definition. Validation collects every problem and
 *   returns them as a list; nothing throws. The designer underlines them, CI fails on them.
 * - A `Refusal` is a runtime "no": an event the case cannot take. It is thrown as a typed
 *   error so that the server can map its code to an HTTP status in one place.
 *
 * Codes are stable snake_case strings: tests, the designer and API clients match on them.
 */

export interface Problem {
  /** Stable snake_case code, e.g. `unknown_node`. */
  code: string;
  /** JSON pointer into the definition, e.g. `/nodes/3/next`. */
  path: string;
  /** One plain-English sentence an admin can act on. */
  message: string;
  /**
   * Set on a knock-on problem: the problem (also in the list, by its code and path) it follows
   * from — a reference to a step that no longer exists, a step nothing reaches because another
   * is unreachable. Fixing that one fixes this one too; the designer folds knock-ons under it.
   */
  cause?: { code: string; path: string };
}

/** One invalid answer in a submitted form, GOV.UK style. */
export interface FieldError {
  /** JSON pointer into the form data, e.g. `/children/0/dateOfBirth`. */
  pointer: string;
  /** The JSON Schema keyword that failed (`required`, `maxLength`, ...). */
  keyword: string;
  /** The message shown in the error summary and beside the field. */
  message: string;
}

export type RefusalCode =
  | 'case_closed'
  | 'event_not_expected'
  | 'unknown_task'
  | 'unknown_action'
  | 'guard_failed'
  | 'form_invalid'
  | 'pass_to_required'
  | 'pass_to_not_allowed'
  | 'scheduled_date_required'
  | 'unknown_entry'
  | 'stale_version'
  | 'event_out_of_order'
  | 'invalid_event'
  | 'task_not_open'
  | 'not_allowed'
  | 'same_person'
  | 'already_signed'
  | 'unknown_worker'
  | 'actions_incomplete'
  | 'action_not_chosen'
  | 'not_yet_available'
  | 'runaway_flow'
  | 'logic_too_costly'
  | 'definition_broken';

export class Refusal extends Error {
  override readonly name = 'Refusal';
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details: { fieldErrors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
  }
}

/** JSON pointer segment escaping (RFC 6901). */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
