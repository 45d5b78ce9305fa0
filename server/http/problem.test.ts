import { describe, expect, it } from 'vitest';
import { Refusal } from '../../engine/index.ts';
import { definitionHasProblems, HttpProblem, problemFor } from './problem.ts';

describe('problem documents', () => {
  it('maps a refused form to 422 with its field errors as JSON pointers', () => {
    const problem = problemFor(
      new Refusal('form_invalid', 'The form has answers to correct.', {
        fieldErrors: [{ pointer: '/dateOfClosure', keyword: 'required', message: 'Enter the date of closure' }],
      }),
    );
    expect(problem).toEqual({
      type: 'https://stepwise.local/problems/form_invalid',
      title: 'There is a problem',
      status: 422,
      code: 'form_invalid',
      detail: 'The form has answers to correct.',
      errors: [{ pointer: '/dateOfClosure', keyword: 'required', message: 'Enter the date of closure' }],
    });
  });

  it('maps races and stale versions to 409 and wrong people to 403', () => {
    expect(problemFor(new Refusal('task_not_open', 'Someone else already did this')).status).toBe(409);
    expect(problemFor(new Refusal('stale_version', 'Reload')).status).toBe(409);
    expect(problemFor(new Refusal('not_allowed', 'Not yours')).status).toBe(403);
  });

  it('gives a definition’s problems as field errors at their place in the definition, keeping the validator’s list', () => {
    const problems = [
      { code: 'unknown_node', path: '/nodes/3/next', message: 'Step 4 goes on to a step that does not exist' },
      { code: 'unreachable', path: '/nodes/5', message: 'Nothing leads to step 6', cause: { code: 'unknown_node', path: '/nodes/3/next' } },
    ];
    expect(problemFor(definitionHasProblems(problems, 'published'))).toMatchObject({
      status: 422,
      code: 'definition_has_problems',
      detail: 'The draft has 2 problems to fix before it can be published.',
      problems,
      errors: [
        { pointer: '/nodes/3/next', keyword: 'unknown_node', message: 'Step 4 goes on to a step that does not exist' },
        { pointer: '/nodes/5', keyword: 'unreachable', message: 'Nothing leads to step 6' },
      ],
    });
    expect(problemFor(definitionHasProblems(problems.slice(0, 1), 'simulated')).detail).toBe('The draft has a problem to fix before it can be simulated.');
  });

  it('keeps explicit HTTP problems as they are and hides unexpected errors', () => {
    expect(problemFor(new HttpProblem(413, 'body_too_large', 'Too big', { limit: 1024 }))).toMatchObject({ status: 413, code: 'body_too_large', limit: 1024 });
    const hidden = problemFor(new Error('SQLITE_CORRUPT: secret path /data/x'));
    expect(hidden).toMatchObject({ status: 500, code: 'internal_error' });
    expect(JSON.stringify(hidden)).not.toContain('secret');
  });
});
