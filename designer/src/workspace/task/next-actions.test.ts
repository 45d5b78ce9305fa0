import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../lib/api.ts';
import type { NextActionView, TaskForm } from '../../lib/api-types.ts';
import { actionTarget, chosenActions, initialActions, isBlocked, placeProblem } from './next-actions.ts';

const action = (id: string, extra: Partial<NextActionView> = {}): NextActionView => ({
  id, label: `Label ${id}`, to: { id: `${id}_node`, name: `Node ${id}`, kind: 'user_task' }, irreversible: null, chosenBy: null, passTo: null, requires: [], scheduledDate: null, defaultPriority: null, guards: [], available: true, ...extra,
});

const view = {
  actions: [
    action('send', { passTo: { required: true, teams: [{ id: 'front_door', name: 'EH front door' }], workers: false, workerRoles: null, teamFromAnswer: null }, defaultPriority: 'urgent' }),
    action('review', { passTo: { required: true, teams: [{ id: 'a', name: 'A' }], workers: true, workerRoles: [{ id: 'sw', name: 'Social worker' }, { id: 'ehtm', name: 'EH team manager' }], teamFromAnswer: null }, scheduledDate: { required: true, label: 'Scheduled Date' } }),
    action('stop', { guards: [{ message: 'The family must agree first.', rule: true, passes: false, mayDependOnAnswers: false }] }),
  ],
  multipleActions: false,
} as unknown as TaskForm;

const problem = (status: number, body: Record<string, unknown>) => new ApiProblem(status, body);

describe('next actions', () => {
  it('start with nothing chosen, the action’s default priority, and the only team filled in', () => {
    expect(initialActions(view)).toEqual({
      chosen: [],
      details: {
        send: { passTo: 'team:front_door', priority: 'urgent', note: '' },
        review: { passTo: '', priority: 'normal', note: '' },
        stop: { passTo: '', priority: 'normal', note: '' },
      },
    });
  });

  it('block an action only when a guard fails that no answer on the form can change', () => {
    expect(view.actions.map(isBlocked)).toEqual([false, false, true]);
    expect(isBlocked(action('x', { guards: [{ message: 'm', rule: true, passes: false, mayDependOnAnswers: true }] }))).toBe(false);
  });

  it('make the request body: pass to, priority, scheduled date where the action has one, a trimmed note', () => {
    const value = initialActions(view);
    value.chosen = ['review'];
    value.details['review'] = { passTo: 'worker:u1', priority: 'low', scheduledFor: '2027-01-04', note: '  call first ' };
    expect(chosenActions(view, value)).toEqual([{ action: 'review', passTo: { worker: 'u1' }, priority: 'low', scheduledFor: '2027-01-04', note: 'call first' }]);
    value.chosen = ['send'];
    value.details['send']!.scheduledFor = '2027-01-04';
    expect(chosenActions(view, value)).toEqual([{ action: 'send', passTo: { team: 'front_door' }, priority: 'urgent' }]);
  });

  it('Given a step signed jointly that someone has signed, Then the next signer starts from the actions they signed, which make the same request body', () => {
    const signed = [{ action: 'review', passTo: { worker: 'u1' }, priority: 'low' as const, scheduledFor: '2027-01-04', note: 'call first' }];
    const signature = { at: '2027-01-01T10:00:00Z', role: { id: 'sw', name: 'Social worker' }, person: { id: 'u2', name: 'Sam' } };
    const signing = { signers: [{ label: 'Social worker', roles: [signature.role], signature }], proposedActions: [...signed, { action: 'gone' }] };
    const value = initialActions({ ...view, signing });
    expect(value.chosen).toEqual(['review']);
    expect(value.details['review']).toEqual({ passTo: 'worker:u1', priority: 'low', scheduledFor: '2027-01-04', note: 'call first' });
    expect(chosenActions(view, value)).toEqual(signed);
  });
});

describe('placing refusals of POST …/complete', () => {
  const sent = [{ action: 'review' }];
  const value = { ...initialActions(view), chosen: ['review'] };

  it('puts form errors on the form, and request errors on the form or the action they name', () => {
    expect(placeProblem(problem(422, { code: 'form_invalid', errors: [{ pointer: '/a', keyword: 'required', message: 'Enter a' }] }), view, sent).form).toEqual([{ pointer: '/a', keyword: 'required', message: 'Enter a' }]);
    value.details['review']!.scheduledFor = '2027--4';
    const placed = placeProblem(problem(422, { code: 'request_invalid', errors: [
      { pointer: '/data/b', keyword: 'type', message: 'B is not valid' },
      { pointer: '/actions/0/scheduledFor', keyword: 'format', message: 'Scheduled date must be a real date' },
    ] }), view, sent, value);
    expect(placed.form).toEqual([{ pointer: '/b', keyword: 'type', message: 'B is not valid' }]);
    expect([...placed.actions]).toEqual([['review/scheduledFor', { messages: ['Scheduled Date must include a month'], parts: ['month'] }]]);
  });

  it('puts guard messages on the choice of action, without full stops', () => {
    const placed = placeProblem(problem(422, { code: 'guard_failed', detail: 'x', messages: ['Attach the assessment.', 'Give 3 dates.'] }), view, sent);
    expect(placed.actions.get('actions')).toEqual({ messages: ['Attach the assessment', 'Give 3 dates'] });
    expect(actionTarget('actions', view, value)).toBe('next-action-2');
  });

  it('puts pass-to and scheduled-date refusals on those controls of the action at their index', () => {
    const pass = placeProblem(problem(422, { code: 'pass_to_required', index: 0 }), view, sent);
    expect([...pass.actions]).toEqual([['review/passTo', { messages: ['Select who to pass “Label review” to'] }]]);
    expect(actionTarget('review/passTo', view, value)).toBe('next-action-review-pass-to');
    const date = placeProblem(problem(422, { code: 'scheduled_date_required', index: 0 }), view, sent);
    expect([...date.actions]).toEqual([['review/scheduledFor', { messages: ['Enter the scheduled date'] }]]);
    expect(actionTarget('review/scheduledFor', view, value)).toBe('next-action-review-scheduled-day');
  });

  it('Given a worker who does not hold the roles an action allows, Then the refusal is on that action’s pass-to and names the roles', () => {
    const placed = placeProblem(problem(422, { code: 'pass_to_not_allowed', detail: 'x', worker: 'u9', roles: ['sw'] }), view, [{ action: 'send' }, { action: 'review', passTo: { worker: 'u9' } }]);
    expect([...placed.actions]).toEqual([['review/passTo', { messages: ['Select a worker who is a social worker or an EH team manager'] }]]);
    const unknown = placeProblem(problem(422, { code: 'unknown_worker', detail: 'x', worker: 'u9' }), view, [{ action: 'review', passTo: { worker: 'u9' } }]);
    expect([...unknown.actions]).toEqual([['review/passTo', { messages: ['Select a worker from the list'] }]]);
    const recorded = placeProblem(problem(422, { code: 'pass_to_not_allowed', detail: 'Pass "Label send" to Camden EH, the team recorded earlier in this case, not A.', index: 0, expected: 'camden_eh' }), view, [{ action: 'send' }]);
    expect(recorded.actions.get('send/passTo')?.messages).toEqual(['Pass "Label send" to Camden EH, the team recorded earlier in this case, not A']);
  });

  it('Given actions that must be chosen together, When one is sent alone, Then the choice of actions says which to add', () => {
    const placed = placeProblem(problem(422, { code: 'actions_incomplete', detail: 'x', action: 'review', missing: ['send'] }), view, sent);
    expect(placed.actions.get('actions')).toEqual({ messages: ['Select “Label send” as well: “Label review” must be chosen together with it'] });
  });

  it('Given one refusal with every problem on the page, Then each goes to its question or next-action control', () => {
    const sent = [{ action: 'send' }, { action: 'review', scheduledFor: undefined }] as never;
    const placed = placeProblem(problem(422, {
      code: 'form_invalid',
      errors: [{ pointer: '/a', keyword: 'required', message: 'Enter a' }],
      guardMessages: ['Attach the assessment.'],
      actionErrors: [
        { code: 'pass_to_required', message: 'x', index: 0, action: 'send' },
        { code: 'scheduled_date_required', message: 'x', index: 1, action: 'review' },
      ],
    }), view, sent);
    expect(placed.form).toEqual([{ pointer: '/a', keyword: 'required', message: 'Enter a' }]);
    expect(Object.fromEntries([...placed.actions].map(([k, v]) => [k, v.messages]))).toEqual({
      actions: ['Attach the assessment'],
      'send/passTo': ['Select who to pass “Label send” to'],
      'review/scheduledFor': ['Enter the scheduled date'],
    });
    const none = placeProblem(problem(422, { code: 'form_invalid', errors: [], actionErrors: [{ code: 'invalid_event', message: 'Choose a next action.', field: 'actions' }] }), view, []);
    expect(none.actions.get('actions')?.messages).toEqual(['Select what happens next']);
  });

  it('says refusals of who may act at the top of the page', () => {
    for (const [status, code] of [[403, 'not_allowed'], [403, 'same_person'], [409, 'already_signed']] as const) {
      expect(placeProblem(problem(status, { code, detail: `Refused: ${code}.` }), view, sent).page).toEqual([`Refused: ${code}.`]);
    }
  });

  it('says anything else at the top of the page', () => {
    expect(placeProblem(problem(409, { code: 'not_yet_available', detail: 'Not before Monday.' }), view, sent).page).toEqual(['Not before Monday.']);
  });

  describe('Given actions chosen by an answer (decide once)', () => {
    const teams = [{ id: 'kte', name: 'KTE' }];
    const decided = {
      actions: [
        action('contact_team', { chosenBy: { field: 'outcome', values: ['team'] }, passTo: { required: true, teams, workers: false, workerRoles: null, teamFromAnswer: 'ehTeam' } }),
        action('send_advice', { chosenBy: { field: 'outcome', values: ['advice'] } }),
      ],
      multipleActions: false,
    } as unknown as TaskForm;
    const sent = [{ action: 'contact_team', passTo: { team: 'kte' } }];
    const value = { ...initialActions(decided), chosen: ['contact_team'] };

    it('When the engine says the action is not the one the answer chooses, Then it is said at that question', () => {
      const placed = placeProblem(problem(422, { code: 'action_not_chosen', detail: 'Your screening decision chooses “Label send_advice”.', field: 'outcome' }), decided, sent);
      expect(placed.form).toEqual([{ pointer: '/outcome', keyword: 'action_not_chosen', message: 'Your screening decision chooses “Label send_advice”' }]);
      expect(placed.actions.size).toBe(0);
      // Without a field named, the question that chooses the actions; and with every other problem at once.
      const all = placeProblem(problem(422, { code: 'form_invalid', errors: [], actionErrors: [{ code: 'action_not_chosen', message: 'Not the action chosen.' }] }), decided, sent);
      expect(all.form).toEqual([{ pointer: '/outcome', keyword: 'action_not_chosen', message: 'Not the action chosen' }]);
    });

    it('When the team named by an answer is refused, Then it is said at the question that names it', () => {
      const placed = placeProblem(problem(422, { code: 'pass_to_required', index: 0 }), decided, [{ action: 'contact_team' }]);
      expect(placed.form).toEqual([{ pointer: '/ehTeam', keyword: 'pass_to', message: 'Select who to pass “Label contact_team” to' }]);
      expect(placed.actions.size).toBe(0);
    });

    it('Then a problem with what happens next links to that section, not to a radio', () => {
      expect(actionTarget('actions', decided, value)).toBe('next-action');
      expect(actionTarget('contact_team/priority', decided, value)).toBe('next-action-contact_team-priority');
    });
  });
});

