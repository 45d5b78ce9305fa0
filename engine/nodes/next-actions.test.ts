/**
 * Decide once, tried both ways: the answer chooses the next actions and the team, so the person
 * need not choose them again; choosing differently is refused in plain English with the case
 * unchanged, together with everything else wrong on the page.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../../test/support/case-driver.ts';
import { validateDefinition } from '../validate/validate-definition.ts';
import { DECIDED } from './decide-once.fixture.ts';

const users = { sam: { roles: ['social_worker'] }, dora: { roles: ['front_door'] }, kate: { roles: ['eh_team_manager'], teams: ['north'] } };
const at = '2026-12-21T10:00:00Z';
const family = { familyName: 'Okafor', children: [{ name: 'Ada Okafor' }] };
const referred = () => new CaseDriver(DECIDED, users, '2026-12-21T09:00:00Z').start('2026-12-21T09:00:00Z', 'start', 'sam', family);
const screened = () => referred().complete(at, 'screen', 'dora', { decision: 'team', team: 'north' });

describe('Given a front door whose screening decision chooses what happens next', () => {
  it('Then the fixture has no problems', () => {
    expect(validateDefinition(DECIDED)).toEqual([]);
  });

  it('When the front door answers and chooses nothing, Then the answer’s action is taken and the step goes to the team answered', () => {
    const d = screened();
    expect(d.state).toMatchObject({ action: { screen: 'contact' }, passedTo: { screen: { team: 'north' } } });
    expect(d.task('services').assignee).toEqual({ team: 'north' });
  });

  it('When the front door chooses the action its answer chooses, Then that is fine too', () => {
    expect(referred().complete(at, 'screen', 'dora', { decision: 'panel' }, 'panel').state?.status).toBe('closed');
  });

  it('When the answer is "panel" but the action sent is another, Then it is refused naming the action the answer leads to', () => {
    const refusal = referred().refused((d) => d.complete(at, 'screen', 'dora', { decision: 'panel', team: 'north' }, 'contact'));
    expect(refusal).toMatchObject({
      code: 'action_not_chosen',
      message: 'Your answer to "Screening decision" is "Refer to the panel", so what happens next is "Refer to the panel".',
      details: { expected: ['panel'] },
    });
  });

  it('When the team passed to is not the team answered, Then it is refused naming the answer', () => {
    const refusal = referred().refused((d) => d.complete(at, 'screen', 'dora', { decision: 'team', team: 'north' }, { action: 'contact', passTo: { team: 'south' } }));
    expect(refusal).toMatchObject({ code: 'pass_to_not_allowed', message: 'Pass "Contact the team" to North Early Help, your answer to "Early Help team", not South Early Help.' });
  });

  it('When no team is answered, Then the form’s own error says so, once; a blank decision is only the form’s error too', () => {
    const noTeam = referred().refused((d) => d.complete(at, 'screen', 'dora', { decision: 'team' }));
    expect(noTeam).toMatchObject({ code: 'pass_to_required', message: 'Answer "Early Help team" to say which team "Contact the team" goes to.' });
    const blank = referred().refused((d) => d.complete(at, 'screen', 'dora', { team: 'north' }, 'contact'));
    expect(blank).toMatchObject({ code: 'form_invalid', details: { fieldErrors: [{ pointer: '/decision', keyword: 'required' }] } });
    expect(blank.details['actionErrors']).toBeUndefined();
  });

  it('When a wrong action is sent with another answer to correct, Then both are reported in one refusal', () => {
    const refusal = referred().refused((d) => d.complete(at, 'screen', 'dora', { decision: 'advice', urgent: 'yes' }, 'panel'));
    expect(refusal).toMatchObject({ code: 'form_invalid', details: { fieldErrors: [{ pointer: '/urgent' }], actionErrors: [{ code: 'action_not_chosen', expected: ['advice'] }] } });
  });
});

describe('Given services chosen by checkboxes, on a task that takes several actions at once', () => {
  it('When "Parenting" and "School" are ticked, Then both referrals are made', () => {
    const d = screened().complete(at, 'services', 'kate', { services: ['parenting', 'school'] });
    expect(d.history('task_completed', 'services')[0]).toMatchObject({ actions: ['parenting', 'school'] });
  });

  it('When only one of the two referrals is sent, Then it is refused naming both', () => {
    const refusal = screened().refused((d) => d.complete(at, 'services', 'kate', { services: ['housing', 'parenting'] }, 'school'));
    expect(refusal.message).toBe('Your answer to "Services the family needs" is "Housing" and "Parenting", so what happens next is "Refer to parenting support" and "Refer to the school and housing teams".');
  });

  it('When nothing is ticked (the question is optional), Then the person is told to answer it', () => {
    const refusal = screened().refused((d) => d.complete(at, 'services', 'kate', {}));
    expect(refusal).toMatchObject({ code: 'action_not_chosen', message: 'Answer "Services the family needs" to say what happens next.' });
  });
});
