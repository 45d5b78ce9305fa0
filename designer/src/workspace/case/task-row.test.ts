import { describe, expect, it } from 'vitest';
import { taskRow } from './task-row.ts';

const kate = { kind: 'worker' as const, id: 'camden.eh_team_manager', name: 'Demo Early Help team manager' };

describe('Given a case page’s tasks', () => {
  it('When the task is mine to act on, Then its name links to its form and it says You', () => {
    expect(taskRow('c 1', { id: 't1', status: 'open', assignee: kate, canAct: true }, kate.id)).toEqual({ href: '/cases/c%201/tasks/t1', view: null, withText: 'You', canPass: true });
  });

  it('When it is someone else’s, Then it reads "With <who>" and offers no form to fill in', () => {
    expect(taskRow('c1', { id: 't1', status: 'open', assignee: kate, canAct: false }, 'camden.eh_front_door_manager')).toEqual({ href: null, view: null, withText: 'With Demo Early Help team manager', canPass: true });
  });

  it('When it is completed, Then it links only to its read-only answers page, "View"', () => {
    expect(taskRow('c1', { id: 't1', status: 'completed', assignee: kate, canAct: false }, 'someone')).toEqual({ href: null, view: '/cases/c1/tasks/t1/view', withText: 'Done by Demo Early Help team manager', canPass: false });
  });
});
