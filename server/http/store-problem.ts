/** Store errors as HTTP problems: a lost race is a 409, a missing record a 404. */
import { StoreError } from '../store/index.ts';
import { problemFor, type ProblemDocument } from './problem.ts';
import { HttpProblem } from './problem.ts';

export function storeProblem(error: StoreError): ProblemDocument {
  switch (error.code) {
    case 'conflict':
      return problemFor(new HttpProblem(409, 'stale_version', 'Someone else has changed this record since you opened it. Reload it and try again.'));
    case 'not_found':
      return problemFor(new HttpProblem(404, 'not_found', 'There is no such record.'));
    case 'no_draft':
      return problemFor(new HttpProblem(409, 'no_draft', 'There is no draft to publish.'));
    case 'already_published':
    case 'already_exists':
      return problemFor(new HttpProblem(409, error.code, error.message));
    case 'stale_draft':
      return problemFor(new HttpProblem(409, 'stale_version', 'Someone else has saved this draft since you opened it. Reload it, then make your changes again.', draftDetails(error)));
    case 'draft_changed':
      return problemFor(new HttpProblem(409, 'draft_changed', 'The draft changed while it was being published, so it was not published. Check it again, then publish.', draftDetails(error)));
    case 'definition_exists':
      return problemFor(new HttpProblem(409, 'definition_exists', `There is already a definition with the ID ${String(error.details['id'])}.`, {
        errors: [{ pointer: '/id', keyword: 'unique', message: 'Choose an ID that has not been used before' }],
      }));
    case 'idempotency_hold_lost':
      return problemFor(new HttpProblem(409, 'request_in_progress', 'Your request was sent again while this attempt was still running; the later attempt is the one that counts. Reload the page to see what was saved.'));
    case 'authority_mismatch':
      return problemFor(new HttpProblem(404, 'not_found', 'There is no such record.'));
    case 'legal_hold':
      return problemFor(new HttpProblem(409, 'legal_hold', 'This case is on legal hold, so it is kept. Release the hold first.'));
    default:
      return problemFor(error);
  }
}

/** Who saved the draft that is there now, and when, so the designer can say so. */
const draftDetails = (error: StoreError) => ({ savedAt: error.details['savedAt'] ?? null, savedBy: error.details['savedBy'] ?? null });
