/**
 * Routing details the authority definitions needed: who work is passed to past decisions and
 * notifications, the allocated worker, latest-of anchors, census closures mid-case, start guards.
 */
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { validateDefinition } from '../validate/validate-definition.ts';
import { CaseDriver } from '../../test/support/case-driver.ts';

const task = (id: string, next: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  id, kind: 'user_task', name: id, assignee: { role: 'worker' }, nextActions: next, ...extra,
});

const definition = {
  id: 'routing', version: 1, name: 'Routing', authority: { id: 'x', name: 'X' },
  calendar: { region: 'england-and-wales' },
  roles: [{ id: 'worker', name: 'Worker' }, { id: 'manager', name: 'Manager' }],
  teams: [{ id: 'tray', name: 'Tray', roles: ['worker'] }],
  outcomes: [{ id: 'done', name: 'Done' }, { id: 'csc_closed', name: 'CSC episode closed' }],
  forms: {
    intake: { title: 'Intake', schema: { type: 'object', additionalProperties: false, properties: { consent: { type: 'boolean', title: 'Consent' } } } },
    meeting: { title: 'Meeting', schema: { type: 'object', additionalProperties: false, required: ['date'], properties: { date: { type: 'string', format: 'date', title: 'Date' } } } },
  },
  nodes: [
    { id: 'start', kind: 'start', name: 'Start', form: 'intake', next: 'allocate', guards: [{ rule: { '==': [{ var: 'form.start.consent' }, true] }, message: 'The family must agree first.' }] },
    task('allocate', [{ id: 'pass', label: 'Pass', to: 'route', passTo: { workers: true, teams: ['tray'] } }], { multipleActions: true }),
    { id: 'route', kind: 'decision', name: 'Route', branches: [{ when: true, to: 'tell' }], default: 'tell' },
    { id: 'tell', kind: 'notification', name: 'Tell', to: [{ passedToAt: 'allocate' }], subject: 'Allocated', body: 'b', next: 'split' },
    { id: 'split', kind: 'parallel', name: 'Split', branches: ['first_meeting', 'close_csc'] },
    { id: 'close_csc', kind: 'end', name: 'Close CSC', outcome: 'csc_closed', closureReason: 'RC9' },
    task('first_meeting', [{ id: 'next', label: 'Next', to: 'later_meeting' }], { form: 'meeting', assignee: { passedTo: true } }),
    task('later_meeting', [{ id: 'again', label: 'Again', to: 'later_meeting' }, { id: 'finish', label: 'Finish', to: 'end' }], {
      form: 'meeting', assignee: { passedToAt: 'allocate' },
      due: { after: { amount: 8, unit: 'weeks' }, from: ['form.first_meeting.date', 'form.later_meeting.date'] },
    }),
    { id: 'end', kind: 'end', name: 'End', outcome: 'done' },
  ],
} as unknown as WorkflowDefinition;

const users = { wendy: { roles: ['worker'] }, fred: { roles: ['worker'] } };
const subject = { familyName: 'Khan', children: [{ name: 'Zara Khan' }] };

describe('routing through decisions, notifications and the allocated worker', () => {
  it('validates with no problems', () => {
    expect(validateDefinition(definition)).toEqual([]);
  });

  it('Given no consent, When the case starts, Then the start guard refuses it', () => {
    const driver = new CaseDriver(definition, users, '2027-02-01T09:00:00Z');
    const refusal = driver.refused((d) => d.start('2027-02-01T09:00:00Z', 'start', 'wendy', subject, { consent: false }));
    expect([refusal.code, refusal.message]).toEqual(['guard_failed', 'The family must agree first.']);
  });

  it('Given work passed to Fred, When it goes through a decision and a notification, Then Fred gets the e-mail and the task, and later tasks find him as the allocated worker', () => {
    const driver = new CaseDriver(definition, users, '2027-02-01T09:00:00Z')
      .start('2027-02-01T09:00:00Z', 'start', 'wendy', subject, { consent: true })
      .complete('2027-02-01T10:00:00Z', 'allocate', 'wendy', {}, { action: 'pass', passTo: { worker: 'fred' } });
    expect(driver.notifications()[0]?.to).toEqual([{ worker: 'fred' }]);
    expect(driver.task('first_meeting').assignee).toEqual({ worker: 'fred' });
    expect(driver.state?.passedTo).toEqual({ allocate: { worker: 'fred' } });
    driver.complete('2027-02-03T10:00:00Z', 'first_meeting', 'fred', { date: '2027-02-03' }, 'next');
    expect(driver.task('later_meeting').assignee).toEqual({ worker: 'fred' });
  });

  it('Given a CSC closure on one branch, When the case carries on, Then the census closure is recorded with its date and the case stays open', () => {
    const driver = new CaseDriver(definition, users, '2027-02-01T09:00:00Z')
      .start('2027-02-01T09:00:00Z', 'start', 'wendy', subject, { consent: true })
      .complete('2027-02-01T10:00:00Z', 'allocate', 'wendy', {}, { action: 'pass', passTo: { team: 'tray' } });
    expect(driver.state?.closures).toEqual([{ node: 'close_csc', outcome: 'csc_closed', closureReason: 'RC9', at: '2027-02-01T10:00:00.000Z' }]);
    expect(driver.state?.status).toBe('open');
  });

  it('Given meetings recorded in two places, When the next is due, Then it counts 8 weeks from the latest meeting date', () => {
    const driver = new CaseDriver(definition, users, '2027-02-01T09:00:00Z')
      .start('2027-02-01T09:00:00Z', 'start', 'wendy', subject, { consent: true })
      .complete('2027-02-01T10:00:00Z', 'allocate', 'wendy', {}, { action: 'pass', passTo: { worker: 'fred' } })
      .complete('2027-02-03T10:00:00Z', 'first_meeting', 'fred', { date: '2027-02-03' }, 'next');
    // 3 Feb + 8 weeks = Wed 31 Mar 2027, in BST.
    expect(driver.task('later_meeting').due).toBe('2027-03-31T22:59:59.999Z');
    driver.complete('2027-03-24T10:00:00Z', 'later_meeting', 'fred', { date: '2027-03-24' }, 'again');
    // The later meeting on 24 Mar is now the latest: + 8 weeks = Wed 19 May 2027.
    expect(driver.task('later_meeting').due).toBe('2027-05-19T22:59:59.999Z');
  });
});

describe('a timescale chosen by a condition', () => {
  const chosen = structuredClone(definition) as unknown as { nodes: Array<Record<string, unknown>> };
  const meeting = chosen.nodes.find((n) => n.id === 'first_meeting')!;
  meeting.due = {
    label: '10 working days, or 15 for families referred to the panel',
    choose: [{ when: { '==': [{ var: 'passedTo.allocate.team' }, 'tray'] }, then: { after: { amount: 15, unit: 'working_days' }, label: '15 working days (panel)' } }],
    otherwise: { after: { amount: 10, unit: 'working_days' }, label: '10 working days' },
  };
  const withChoice = chosen as unknown as WorkflowDefinition;

  it('validates, and lint reads the choice’s condition like any other', () => {
    expect(validateDefinition(withChoice)).toEqual([]);
    const broken = structuredClone(chosen);
    ((broken.nodes.find((n) => n.id === 'first_meeting')!.due as { choose: Array<{ when: unknown }> }).choose[0]!).when = { var: 'form.nope.x' };
    expect(validateDefinition(broken).map((p) => [p.code, p.path])).toEqual([['condition_reads_unknown_field', '/nodes/6/due/choose/0/when']]);
  });

  it('Given work passed to the tray, Then the longer timescale applies; to a worker, the shorter', () => {
    const start = (passTo: { team: string } | { worker: string }) =>
      new CaseDriver(withChoice, users, '2027-02-01T09:00:00Z')
        .start('2027-02-01T09:00:00Z', 'start', 'wendy', subject, { consent: true })
        .complete('2027-02-01T10:00:00Z', 'allocate', 'wendy', {}, { action: 'pass', passTo });
    // Mon 1 Feb 2027 + 15 working days = Mon 22 Feb; + 10 = Mon 15 Feb.
    expect(start({ team: 'tray' }).task('first_meeting')).toMatchObject({ due: '2027-02-22T23:59:59.999Z', dueLabel: '15 working days (panel)' });
    expect(start({ worker: 'fred' }).task('first_meeting')).toMatchObject({ due: '2027-02-15T23:59:59.999Z', dueLabel: '10 working days' });
  });
});
