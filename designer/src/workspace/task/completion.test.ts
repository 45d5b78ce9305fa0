import { describe, expect, it } from 'vitest';
import type { Completion, TaskSummary } from '../../lib/api-types.ts';
import { conflictTitle, confirmation, irreversibleChosen } from './completion.ts';

const task = (extra: Partial<TaskSummary>) => ({ id: 't', name: 'Contact the social worker', assignee: { kind: 'team', id: 'kte', name: 'IEYS Kentish Town East' }, due: '2026-12-22T23:59:59.999Z', ...extra }) as TaskSummary;
const done = (extra: Partial<Completion>): Completion => ({ completed: true, closed: false, outcome: null, nextTasks: [], stillOpen: [], startedCases: [], ...extra });

describe('the confirmation after a task', () => {
  it('says who has the work now and when it is due', () => {
    expect(confirmation(done({ nextTasks: [task({})] }))).toEqual({ title: 'Task completed', lines: ['Contact the social worker: now with IEYS Kentish Town East, due Tuesday 22 December 2026'] });
    expect(confirmation(done({ nextTasks: [task({ assignee: { kind: 'worker', id: 'sam', name: 'Sam' }, due: null })] }), 'sam').lines).toEqual(['Contact the social worker: now with you']);
  });

  it('says the case is closed, with its outcome', () => {
    expect(confirmation(done({ closed: true, outcome: { id: 'x', name: 'Family did not agree' } })).lines).toEqual(['The case is closed: Family did not agree']);
  });

  it('names the work still waiting on other paths when nothing new opened, and says so when nothing is', () => {
    expect(confirmation(done({ stillOpen: [task({ name: 'CSC case closure', assignee: { kind: 'worker', id: 'sam', name: 'Sam' }, due: null })] })).lines).toEqual(['Still waiting: CSC case closure, with Sam']);
    expect(confirmation(done({})).lines).toEqual(['Nothing is waiting for anyone yet: the case goes on when the other steps are done.']);
  });

  it('says a signature is recorded when the step waits for another signer', () => {
    expect(confirmation(done({ completed: false })).title).toBe('Your signature is recorded');
  });

  it('finds the chosen actions that cannot be taken back', () => {
    const actions = [{ id: 'a', irreversible: null }, { id: 'b', irreversible: 'closes' }] as never;
    expect(irreversibleChosen(actions, ['a'])).toEqual([]);
    expect(irreversibleChosen(actions, ['b']).map((a) => a.id)).toEqual(['b']);
  });

  it('heads a refused completion by what happened meanwhile: closed, already done by this person, or by someone else', () => {
    expect(conflictTitle({ code: 'case_closed', extra: {} })).toBe('This case has been closed');
    expect(conflictTitle({ code: 'task_not_open', extra: { byYou: true } })).toBe('You have already completed this task');
    expect(conflictTitle({ code: 'task_not_open', extra: {} })).toBe('Someone else already did this');
  });
});
