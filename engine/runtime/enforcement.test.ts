/**
 * The constructs that make a protocol hold people to it, each tried both ways: the case that
 * follows the rule, and the case that tries to break it and is refused in plain English, with
 * the case unchanged. Dates are real: 24 December 2026 is the fixture's closure day, 25 and 28
 * December and 1 January 2027 are bank holidays.
 */
import { describe, expect, it } from 'vitest';
import { CaseDriver } from '../../test/support/case-driver.ts';
import { ENFORCED } from './enforcement.fixture.ts';

const users = {
  sam: { roles: ['social_worker'] },
  tina: { roles: ['sw_team_manager', 'social_worker'] },
  tom: { roles: ['sw_team_manager'] },
  dora: { roles: ['front_door'] },
  kate: { roles: ['eh_team_manager'], teams: ['north'] },
  fay: { roles: ['eh_family_worker'], teams: ['north'] },
  olu: { roles: ['eh_ops_manager'] },
  oona: { roles: ['eh_ops_manager'] },
  max: { roles: ['mash_ops_manager'] },
};
const family = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }, { name: 'Ben Okafor' }] };
const referral = (overrides: Record<string, unknown> = {}) => ({
  children: [{ name: 'Ada Okafor', school: 'Argyle Primary' }, { name: 'Ben Okafor', school: 'Argyle Nursery' }],
  plan: '1. Parenting programme. 2. School attendance support.',
  visitDates: ['2026-12-22', '2026-12-23', '2026-12-29'],
  ...overrides,
});

const started = (by = 'sam') => new CaseDriver(ENFORCED, users, '2026-12-21T09:00:00Z').start('2026-12-21T09:00:00Z', 'start', 'sam', family).complete('2026-12-21T10:00:00Z', 'referral', by, referral(), 'send');
const screened = (team = 'north', by = 'sam') => started(by).complete('2026-12-21T11:00:00Z', 'screen', 'dora', { team }, 'confirm');
const signedOff = () => screened().complete('2026-12-21T12:00:00Z', 'signoff', 'tom', {}, { action: 'step_down', passTo: { team: 'north' } }, 'close_csc');

describe('Data rules: blank answers, one item per child, dates checked against the calendar', () => {
  const atReferral = () => new CaseDriver(ENFORCED, users, '2026-12-21T09:00:00Z').start('2026-12-21T09:00:00Z', 'start', 'sam', family);

  it('Given a new referral task, Then it already holds one item for each child, named, with the date of birth the case knows', () => {
    expect(atReferral().task('referral').prefill).toEqual({ children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }, { name: 'Ben Okafor' }] });
  });

  it('When the plan is only spaces, Then it is refused as unanswered, and no blank is stored', () => {
    const refusal = atReferral().refused((d) => d.complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral({ plan: '   \n ' }), 'send'));
    expect(refusal.details.fieldErrors).toEqual([expect.objectContaining({ pointer: '/plan', keyword: 'required' })]);
    const blankBirthday = referral({ children: [{ name: 'Ada Okafor', school: 'Argyle Primary', dateOfBirth: ' ' }, { name: 'Ben Okafor', school: 'Argyle Nursery' }] });
    const driver = atReferral().complete('2026-12-21T10:00:00Z', 'referral', 'sam', blankBirthday, 'send');
    expect(driver.state!.form['referral']!['children']).toEqual([{ name: 'Ada Okafor', school: 'Argyle Primary' }, { name: 'Ben Okafor', school: 'Argyle Nursery' }]);
  });

  it('When details are given for one child of two, Then it is refused naming the child left out', () => {
    const refusal = atReferral().refused((d) => d.complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral({ children: [{ name: 'Ada Okafor', school: 'Argyle Primary' }] }), 'send'));
    expect(refusal.details.fieldErrors).toContainEqual({ pointer: '/children', keyword: 'eachChild', message: 'Add the details for Ben Okafor' });
  });

  it('When a child who is not on the case is added, or one is listed twice, Then it is refused naming them', () => {
    const stranger = atReferral().refused((d) => d.complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral({ children: [...referral().children as object[], { name: 'Cy Smith', school: 'X' }] }), 'send'));
    expect(stranger.details.fieldErrors?.[0]?.message).toBe('Cy Smith is not a child on this case: give the details for Ada Okafor and Ben Okafor only');
    const twice = atReferral().refused((d) => d.complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral({ children: [...referral().children as object[], { name: ' ben okafor ', school: 'X' }] }), 'send'));
    expect(twice.details.fieldErrors?.[0]?.message).toBe('ben okafor is listed more than once');
  });

  it('When a visit date is in the past, or beyond 10 working days over Christmas, Then each bad date is named and the good ones are not', () => {
    // From Monday 21 December 2026 the 10th working day is Friday 8 January 2027 (24 Dec is closed; 25, 28 Dec and 1 Jan are bank holidays).
    const refusal = atReferral().refused((d) => d.complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral({ visitDates: ['2026-12-18', '2027-01-08', '2027-01-11'] }), 'send'));
    expect(refusal.details.fieldErrors?.map((e) => e.pointer)).toEqual(['/visitDates/0', '/visitDates/2']);
    expect(refusal.details.fieldErrors?.[0]?.message).toMatch(/within the 10 working day/);
  });

  it('When the same date is given three times, Then the schema refuses it: the dates must differ', () => {
    const refusal = atReferral().refused((d) => d.complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral({ visitDates: ['2026-12-22', '2026-12-22', '2026-12-22'] }), 'send'));
    expect(refusal.details.fieldErrors?.map((e) => e.keyword)).toEqual(['uniqueItems']);
  });

  it('When every problem is there at once, Then one submit hears them all, in page order', () => {
    const refusal = atReferral().refused((d) => d.complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral({ children: [], plan: ' ', visitDates: ['2027-02-01', '2027-02-02', '2027-02-03'] }), 'send'));
    expect(refusal.details.fieldErrors?.map((e) => e.pointer)).toEqual(['/children', '/plan', '/visitDates/0', '/visitDates/1', '/visitDates/2']);
  });
});

describe('Who may act: maker and checker', () => {
  it('Given Tina wrote the referral herself, When she tries to sign it off, Then it is refused: someone else must', () => {
    const refusal = screened('north', 'tina').refused((d) => d.complete('2026-12-21T12:00:00Z', 'signoff', 'tina', {}, { action: 'step_down', passTo: { team: 'north' } }, 'close_csc'));
    expect(refusal.code).toBe('same_person');
    expect(refusal.message).toBe('You did "Send the referral" on this case, so someone else must do "Sign off the step down".');
  });

  it('Given Sam wrote the referral, Then Tom, another manager, signs it off', () => {
    expect(signedOff().state!.performer['signoff']).toBe('tom');
  });
});

describe('Outcomes that go together, and the team the front door confirmed', () => {
  it('When the manager closes to social care without stepping down to Early Help, Then it is refused naming the missing action', () => {
    const refusal = screened().refused((d) => d.complete('2026-12-21T12:00:00Z', 'signoff', 'tom', {}, 'close_csc'));
    expect(refusal.code).toBe('actions_incomplete');
    expect(refusal.message).toBe('"Progress to early help - CSC case closure" must be chosen together with "Step down to Early Help (EH)".');
  });

  it('When the step down is passed to another team than the one the front door confirmed, Then it is refused naming that team', () => {
    const refusal = screened('north').refused((d) => d.complete('2026-12-21T12:00:00Z', 'signoff', 'tom', {}, { action: 'step_down', passTo: { team: 'south' } }, 'close_csc'));
    expect(refusal.code).toBe('pass_to_not_allowed');
    expect(refusal.message).toBe('Pass "Step down to Early Help (EH)" to North Early Help, the team recorded earlier in this case, not South Early Help.');
  });

  it('When both actions go to the confirmed team, Then social care closes with RC9 and the work reaches North Early Help', () => {
    const driver = signedOff();
    expect(driver.state!.closures).toEqual([expect.objectContaining({ node: 'closed', closureReason: 'RC9' })]);
    expect(driver.task('allocate').assignee).toEqual({ team: 'north' });
  });
});

describe('Who may act: passing work to a worker of the right role', () => {
  it('When Kate allocates the visit to a team manager, or to someone the authority does not have, Then it is refused', () => {
    const wrongRole = signedOff().refused((d) => d.complete('2026-12-22T09:00:00Z', 'allocate', 'kate', {}, { action: 'allocate', passTo: { worker: 'kate' } }));
    expect(wrongRole.code).toBe('pass_to_not_allowed');
    expect(wrongRole.message).toBe('"Allocate" can only be passed to an EH family worker; "kate" is not one.');
    const stranger = signedOff().refused((d) => d.complete('2026-12-22T09:00:00Z', 'allocate', 'kate', {}, { action: 'allocate', passTo: { worker: 'zed' } }));
    expect(stranger.code).toBe('unknown_worker');
  });

  it('When the visit is allocated to Fay, Then only Fay, a family worker, can record it, and it cannot be reassigned to a manager', () => {
    const driver = signedOff().complete('2026-12-22T09:00:00Z', 'allocate', 'kate', {}, { action: 'allocate', passTo: { worker: 'fay' } });
    expect(driver.task('visit').assignee).toEqual({ worker: 'fay' });
    const reassigned = driver.refused((d) => d.reassign('2026-12-22T10:00:00Z', 'visit', 'kate', { worker: 'tom' }));
    expect(reassigned.message).toBe('"Joint visit" can only be passed to an EH family worker; "tom" is not one.');
    expect(driver.complete('2026-12-23T10:00:00Z', 'visit', 'fay', {}, 'done').state!.status).toBe('closed');
  });

  it('When Sam, a social worker who neither holds the visit nor manages family workers, tries to pass it on, Then it is refused, and Kate, their manager, may', () => {
    const driver = signedOff().complete('2026-12-22T09:00:00Z', 'allocate', 'kate', {}, { action: 'allocate', passTo: { worker: 'fay' } });
    const refusal = driver.refused((d) => d.reassign('2026-12-22T10:00:00Z', 'visit', 'sam', { team: 'north' }));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toBe('Only whoever can act on "Joint visit", a manager, or an admin can pass it on.');
    expect(driver.task('visit').assignee).toEqual({ worker: 'fay' });
    expect(driver.reassign('2026-12-22T10:00:00Z', 'visit', 'kate', { team: 'north' }).task('visit').assignee).toEqual({ team: 'north' });
  });
});

describe('Who may act: a dispute reviewed jointly by the Early Help and MASH operational managers', () => {
  const atReview = () => started().complete('2026-12-21T11:00:00Z', 'screen', 'dora', { team: 'north' }, 'dispute');
  const decision = { decision: 'Early Help: needs fit the service specification.' };

  it('When the Early Help manager signs alone, Then the review stays open, signed once, and waits in MASH\u2019s work with the decision ready', () => {
    const driver = atReview().complete('2026-12-21T14:00:00Z', 'joint_review', 'olu', decision, 'early_help');
    const task = driver.task('joint_review');
    expect(task.signatures).toEqual([{ by: 'olu', role: 'eh_ops_manager', slot: 0, at: '2026-12-21T14:00:00.000Z' }]);
    expect(task.prefill).toEqual(decision);
    expect(task.assignee).toEqual({ role: 'mash_ops_manager' });
    expect(driver.history('task_signed', 'joint_review')).toHaveLength(1);
  });

  it('When the same manager, or a second Early Help manager, tries to sign again, Then it is refused: MASH must sign', () => {
    const driver = atReview().complete('2026-12-21T14:00:00Z', 'joint_review', 'olu', decision, 'early_help');
    expect(driver.refused((d) => d.complete('2026-12-21T15:00:00Z', 'joint_review', 'olu', decision, 'early_help')).message).toBe(
      'You have already signed "Joint review of the dispute"; it needs a MASH operational manager to sign too.',
    );
    expect(driver.refused((d) => d.complete('2026-12-21T15:00:00Z', 'joint_review', 'oona', decision, 'early_help')).code).toBe('already_signed');
  });

  it('When MASH signs the same decision with its answers in another order, Then it is the same decision and the review completes', () => {
    const done = atReview()
      .complete('2026-12-21T14:00:00Z', 'joint_review', 'olu', decision, { action: 'early_help', note: 'Agreed at the meeting.', priority: 'normal' })
      .complete('2026-12-21T15:00:00Z', 'joint_review', 'max', decision, { priority: 'normal', note: 'Agreed at the meeting.', action: 'early_help' });
    expect(done.state!.outcome?.id).toBe('resolved');
    expect(done.history('signatures_cleared', 'joint_review')).toEqual([]);
  });

  it('When someone of neither role tries, Then it is refused naming both roles', () => {
    const refusal = atReview().refused((d) => d.complete('2026-12-21T14:00:00Z', 'joint_review', 'tom', decision, 'early_help'));
    expect(refusal.message).toBe('Only an Early Help operational manager or a MASH operational manager can do "Joint review of the dispute".');
  });

  it('When MASH signs a different decision, Then the first signature is cleared; once both sign the same decision the review completes', () => {
    const driver = atReview()
      .complete('2026-12-21T14:00:00Z', 'joint_review', 'olu', decision, 'early_help')
      .complete('2026-12-22T09:00:00Z', 'joint_review', 'max', { decision: 'MASH: threshold met.' }, 'mash');
    expect(driver.task('joint_review').signatures).toEqual([{ by: 'max', role: 'mash_ops_manager', slot: 1, at: '2026-12-22T09:00:00.000Z' }]);
    expect(driver.history('signatures_cleared', 'joint_review')).toEqual([expect.objectContaining({ previous: ['olu'] })]);
    const done = driver.complete('2026-12-22T10:00:00Z', 'joint_review', 'oona', { decision: 'MASH: threshold met.' }, 'mash');
    const task = Object.values(done.state!.tasks).find((t) => t.node === 'joint_review')!;
    expect(task).toMatchObject({ status: 'completed', completedBy: 'oona', actions: ['mash'] });
    expect(task.signatures?.map((s) => s.role)).toEqual(['mash_ops_manager', 'eh_ops_manager']);
    expect(done.state!.outcome?.id).toBe('resolved');
  });
});

describe('Who may act: two people of the same role decide jointly (two service managers)', () => {
  const twoManagers = () => {
    const definition = structuredClone(ENFORCED);
    const review = definition.nodes.find((n) => n.id === 'joint_review');
    if (review?.kind === 'user_task') review.signatures = { signers: [{ roles: ['eh_ops_manager'], label: 'one service manager' }, { roles: ['eh_ops_manager'], label: 'the other service manager' }] };
    return new CaseDriver(definition, users, '2026-12-21T09:00:00Z')
      .start('2026-12-21T09:00:00Z', 'start', 'sam', family)
      .complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral(), 'send')
      .complete('2026-12-21T11:00:00Z', 'screen', 'dora', { team: 'north' }, 'dispute');
  };

  it('When one manager signs twice, Then it is refused; when a second manager signs the same decision, Then it completes', () => {
    const driver = twoManagers().complete('2026-12-21T14:00:00Z', 'joint_review', 'olu', { decision: 'North.' }, 'early_help');
    expect(driver.refused((d) => d.complete('2026-12-21T15:00:00Z', 'joint_review', 'olu', { decision: 'North.' }, 'early_help')).message).toBe(
      'You have already signed "Joint review of the dispute"; it needs the other service manager to sign too.',
    );
    const done = driver.complete('2026-12-21T15:00:00Z', 'joint_review', 'oona', { decision: 'North.' }, 'early_help');
    expect(done.state!.outcome?.id).toBe('resolved');
  });
});

describe('Guards that read what was chosen with each next action', () => {
  it('When a step down must be passed as Urgent and is passed as Low, Then the guard refuses it; as Urgent it goes', () => {
    const definition = structuredClone(ENFORCED);
    const signoff = definition.nodes.find((n) => n.id === 'signoff');
    if (signoff?.kind === 'user_task') {
      signoff.nextActions[0]!.guards = [{ rule: { '==': [{ var: 'choices.step_down.priority' }, 'urgent'] }, message: 'Step downs are allocated as a priority: choose Urgent.' }];
    }
    const atSignoff = () => new CaseDriver(definition, users, '2026-12-21T09:00:00Z')
      .start('2026-12-21T09:00:00Z', 'start', 'sam', family)
      .complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral(), 'send')
      .complete('2026-12-21T11:00:00Z', 'screen', 'dora', { team: 'north' }, 'confirm');
    const refusal = atSignoff().refused((d) => d.complete('2026-12-21T12:00:00Z', 'signoff', 'tom', {}, { action: 'step_down', passTo: { team: 'north' }, priority: 'low' }, 'close_csc'));
    expect(refusal.message).toBe('Step downs are allocated as a priority: choose Urgent.');
    const driver = atSignoff().complete('2026-12-21T12:00:00Z', 'signoff', 'tom', {}, { action: 'step_down', passTo: { team: 'north' }, priority: 'urgent' }, 'close_csc');
    expect(driver.task('allocate').priority).toBe('urgent');
  });
});

describe('One service ending the case never cancels the other service\u2019s work silently', () => {
  it('Given the social worker\u2019s closure is open, When Early Help ends the whole case, Then Sam\u2019s task is cancelled and Sam is told who closed it', () => {
    const definition = structuredClone(ENFORCED);
    definition.nodes.push(
      { id: 'close', kind: 'user_task', name: 'Close to social care', assignee: { role: 'social_worker' }, nextActions: [{ id: 'close', label: 'Close', to: 'closed' }] },
      { id: 'not_needed', kind: 'end', name: 'Step down no longer required', outcome: 'stepped_down', terminate: true },
    );
    for (const node of definition.nodes) {
      if (node.kind === 'user_task' && node.id === 'signoff') node.nextActions[1]!.to = 'close';
      if (node.kind === 'user_task' && node.id === 'allocate') node.nextActions.push({ id: 'not_needed', label: 'Step down no longer required', to: 'not_needed' });
    }
    const driver = new CaseDriver(definition, users, '2026-12-21T09:00:00Z')
      .start('2026-12-21T09:00:00Z', 'start', 'sam', family)
      .complete('2026-12-21T10:00:00Z', 'referral', 'sam', referral(), 'send')
      .complete('2026-12-21T11:00:00Z', 'screen', 'dora', { team: 'north' }, 'confirm')
      .complete('2026-12-21T12:00:00Z', 'signoff', 'tom', {}, { action: 'step_down', passTo: { team: 'north' } }, 'close_csc')
      .complete('2026-12-22T09:00:00Z', 'allocate', 'kate', {}, 'not_needed');
    expect(driver.state!.status).toBe('closed');
    const told = driver.notifications().find((n) => n.reason === 'closed:not_needed');
    expect(told).toMatchObject({ to: [{ role: 'social_worker' }], subject: 'Case closed: Step down no longer required' });
    expect(told?.body).toContain('by kate');
    expect(driver.history('open_work_cancelled', 'not_needed')).toHaveLength(1);
  });
});

describe('Refusals say who has the work', () => {
  it('When someone other than the front door screens the referral, Then the refusal says it is with an EH front door manager', () => {
    const refusal = started().refused((d) => d.complete('2026-12-21T11:00:00Z', 'screen', 'kate', { team: 'north' }, 'confirm'));
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message).toBe('"Screen the referral" is with an EH front door manager, not with you or your team.');
  });
});
