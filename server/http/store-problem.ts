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
    case 'authority_mismatch':
      return problemFor(new HttpProblem(404, 'not_found', 'There is no such record.'));
    default:
      return problemFor(error);
  }
}
