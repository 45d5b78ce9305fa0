import { describe, expect, it } from 'vitest';
import { passTarget } from './pass-task.ts';

describe('Given a manager passing a tray’s task on', () => {
  it('When they take it themselves, Then it goes to them by name', () => {
    expect(passTarget({ choice: 'me', worker: '', team: '' }, 'camden.eh_team_manager')).toEqual({ to: { worker: 'camden.eh_team_manager' } });
  });

  it('When they choose a person but not which one, Then the person question says so', () => {
    expect(passTarget({ choice: 'worker', worker: '', team: '' }, 'x')).toEqual({ error: { field: 'worker', message: 'Select the person to pass it to' } });
  });

  it('When they choose nothing, Then the first question says so', () => {
    expect(passTarget({ choice: '', worker: 'y', team: 't' }, 'x')).toEqual({ error: { field: 'choice', message: 'Select who should do this task' } });
  });

  it('When they choose a team, Then it goes to the team', () => {
    expect(passTarget({ choice: 'team', worker: '', team: 'ieys_kte_duty_manager' }, 'x')).toEqual({ to: { team: 'ieys_kte_duty_manager' } });
  });
});
