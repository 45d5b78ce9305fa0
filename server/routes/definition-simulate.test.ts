import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { assessment, booking, discussion, family, transfer } from '../../test/clinic/clinic-case.ts';
import { breakTransferForm, editDraft, nodeOf } from './definition-test-kit.ts';

let api: Api;
beforeEach(async () => {
  api = await apiHarness('2026-12-01T09:00:00Z');
});
afterEach(async () => api.close());

/** Booked on Monday 14 December 2026, assessed on the 23rd, transfer form sent on Tuesday 29 December. */
const scenario = {
  name: 'Booked before Christmas 2026',
  users: { sam: { roles: ['social_worker'] }, tina: { roles: ['sw_team_manager'] }, ellen: { roles: ['eh_team_manager'] } },
  steps: [
    { at: '2026-12-14T10:00:00Z', start: { entry: 'step_down', by: 'sam', subject: family, data: booking() } },
    // The case discussion is signed jointly by a team manager from Social Work and one from Early Help.
    { at: '2026-12-17T12:00:00Z', complete: { task: 'case_discussion', by: 'tina', data: discussion(), actions: [{ action: 'record_outcome' }] } },
    { at: '2026-12-17T12:05:00Z', complete: { task: 'case_discussion', by: 'ellen', data: discussion(), actions: [{ action: 'record_outcome' }] } },
    { at: '2026-12-23T15:00:00Z', complete: { task: 'complete_assessment', by: 'sam', data: assessment(), actions: [{ action: 'assessment_completed' }] } },
    { at: '2026-12-29T10:00:00Z', complete: { task: 'transfer_form', by: 'sam', data: transfer(), actions: [{ action: 'send_transfer' }] } },
    { until: '2026-12-31T17:00:00Z' },
  ],
};

type Simulation = {
  definition: { version: number | null; draft: boolean };
  period: { from: string; to: string };
  bankHolidays: Array<{ date: string; name: string }>;
  ok: boolean;
  timeline: Array<{ at: string; type: string; node?: string; detail: Record<string, unknown> }>;
  upcoming: Array<{ at: string; node: string }>;
  finalState: { status: string };
};

describe('simulating a dated scenario', () => {
  it('Given the clinic definition, When the admin simulates a step down across Christmas 2026, Then the timeline is dated, deadlines skip the bank holidays, and the holidays are listed', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const response = await admin.post('/api/definitions/clinic/simulate', { scenario });
    expect(response.status).toBe(200);
    const run = (await response.json()) as Simulation;
    expect(run).toMatchObject({ definition: { id: 'clinic', version: 1, draft: false }, timeZone: 'Europe/London', ok: true, failures: [], finalState: { status: 'open' } });
    expect(run.timeline.map((e) => e.at)).toEqual([...run.timeline.map((e) => e.at)].sort((a, b) => Date.parse(a) - Date.parse(b)));
    // The clinic meets on Thursday 17 December; the transfer form is due 2 working days after
    // Wednesday 23 December: Thursday 24th, then (after Christmas, the weekend and the Boxing Day
    // substitute) Tuesday 29th.
    expect(run.timeline.find((e) => e.type === 'timer_fired' && e.node === 'clinic_meets')?.at).toBe('2026-12-17T09:30:00.000Z');
    expect(run.timeline.find((e) => e.type === 'task_created' && e.node === 'transfer_form')?.detail['due']).toBe('2026-12-29T23:59:59.999Z');
    // Allocation: 3 working days from Tuesday 29th are 30th, 31st and — after New Year's Day — Monday 4 January.
    expect(run.upcoming).toEqual([expect.objectContaining({ node: 'allocate_family_worker', at: '2027-01-04T23:59:59.999Z' })]);
    expect(run.period).toEqual({ from: '2026-12-14', to: '2027-01-04' });
    expect(run.bankHolidays).toEqual([
      { date: '2026-12-25', name: 'Christmas Day', substitute: false },
      { date: '2026-12-26', name: 'Boxing Day', substitute: false },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)', substitute: true },
      { date: '2027-01-01', name: "New Year's Day", substitute: false },
    ]);
  });

  it('Given a draft with a longer timescale, When the admin simulates the draft, Then the draft’s deadline shows; version 1 keeps its own', async () => {
    const admin = await api.signIn('admin@clinic.example');
    // The wording changes with the number: a label still saying 2 would be a problem (wording_contradicts_timescale).
    await editDraft(admin, 'clinic', (d) => {
      const due = nodeOf(d, 'transfer_form').due as { after: { amount: number }; label: string };
      due.after.amount = 5;
      due.label = 'within 5 working days of completing the assessment (local choice)';
    });
    const draft = (await (await admin.post('/api/definitions/clinic/simulate', { scenario, draft: true })).json()) as Simulation;
    expect(draft.definition).toEqual({ id: 'clinic', version: null, draft: true });
    expect(draft.timeline.find((e) => e.node === 'transfer_form' && e.type === 'task_created')?.detail['due']).toBe('2027-01-04T23:59:59.999Z');
    const v1 = (await (await admin.post('/api/definitions/clinic/simulate', { scenario, version: 1 })).json()) as Simulation;
    expect(v1.timeline.find((e) => e.node === 'transfer_form' && e.type === 'task_created')?.detail['due']).toBe('2026-12-29T23:59:59.999Z');
  });

  it('Given a step the engine refuses, Then the run carries on and reports the failure in the timeline', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const early = { ...scenario, steps: [scenario.steps[0], { at: '2026-12-15T10:00:00Z', complete: { task: 'case_discussion', by: 'tina', data: discussion(), actions: [{ action: 'record_outcome' }] } }] };
    const run = (await (await admin.post('/api/definitions/clinic/simulate', { scenario: early })).json()) as Simulation & { failures: Array<{ step: number }> };
    expect(run.ok).toBe(false);
    expect(run.failures).toEqual([{ step: 1, message: expect.stringContaining('unknown_task') }]);
    expect(run.timeline.at(-1)).toMatchObject({ type: 'refused', at: '2026-12-15T10:00:00.000Z' });
  });
});

describe('example answers for the next step of a run', () => {
  type WithExample = Simulation & { example: Record<string, unknown> | null; failures: unknown[] };

  it('Given a way in with an intake form, When the admin asks for example answers, Then starting the case with them is accepted', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const at = '2026-12-14T10:00:00Z';
    const asked = (await (await admin.post('/api/definitions/clinic/simulate', { scenario: { users: scenario.users, steps: [{ until: at }] }, example: { at, start: { entry: 'step_down', subject: family } } })).json()) as WithExample;
    expect(asked.example).toEqual(expect.any(Object));
    const started = (await (await admin.post('/api/definitions/clinic/simulate', { scenario: { users: scenario.users, steps: [{ at, start: { entry: 'step_down', by: 'sam', subject: family, data: asked.example } }] } })).json()) as WithExample;
    expect(started.failures).toEqual([]);
    expect(started.finalState.status).toBe('open');
  });

  it('Given an open task, When the admin asks for its example answers at a moment, Then the engine accepts them for that task then (schema and the form’s checks)', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const first = { ...scenario, steps: scenario.steps.slice(0, 1) };
    const at = '2026-12-17T12:00:00Z';
    const asked = (await (await admin.post('/api/definitions/clinic/simulate', { scenario: first, example: { at, task: 'case_discussion' } })).json()) as WithExample;
    expect(asked.example).toEqual(expect.any(Object));
    const sign = (by: string, when: string) => ({ at: when, complete: { task: 'case_discussion', by, data: asked.example, actions: [{ action: 'record_outcome' }] } });
    const run = (await (await admin.post('/api/definitions/clinic/simulate', { scenario: { ...first, steps: [...first.steps, sign('tina', at), sign('ellen', '2026-12-17T12:05:00Z')] } })).json()) as WithExample;
    expect(run.failures).toEqual([]);
    expect(run.timeline.some((e) => e.type === 'task_completed' && e.node === 'case_discussion')).toBe(true);
  });

  it('Given a task that does not exist, Then the example is null; a request for both a task and a start is refused', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const none = (await (await admin.post('/api/definitions/clinic/simulate', { scenario, example: { at: '2026-12-31T17:00:00Z', task: 'nope' } })).json()) as WithExample;
    expect(none.example).toBeNull();
    const both = await admin.post('/api/definitions/clinic/simulate', { scenario, example: { at: '2026-12-31T17:00:00Z', task: 'x', start: { entry: 'step_down', subject: family } } });
    expect(both.status).toBe(422);
  });
});

describe('simulations that are refused', () => {
  it('Given a practitioner, or another authority’s admin, Then 403 and 404', async () => {
    const worker = await api.signIn('social_worker@clinic.example');
    expect(await (await worker.post('/api/definitions/clinic/simulate', { scenario })).json()).toMatchObject({ status: 403, code: 'admin_only' });
    const camden = await api.signIn('admin@camden.example');
    expect(await (await camden.post('/api/definitions/clinic/simulate', { scenario })).json()).toMatchObject({ status: 404, code: 'definition_not_found' });
    expect((await camden.post('/api/definitions/nope/simulate', { scenario })).status).toBe(404);
  });

  it('Given scenarios of the wrong shape, Then 422 names each fault by JSON pointer', async () => {
    const admin = await api.signIn('admin@clinic.example');
    const simulate = async (body: unknown) => (await (await admin.post('/api/definitions/clinic/simulate', body)).json()) as { status: number; errors: Array<{ pointer: string; message: string }> };
    const start = scenario.steps[0]!;
    const twoThings = await simulate({ scenario: { ...scenario, steps: [{ ...start, withdraw: { by: 'sam', reason: 'x' } }] } });
    expect(twoThings.status).toBe(422);
    expect(twoThings.errors.map((e) => e.pointer)).toEqual(['/scenario/steps/0', '/scenario/steps/0/start', '/scenario/steps/0/withdraw']);
    expect(twoThings.errors[0]!.message).toBe('Give each step exactly one of start, complete, reassign, withdraw, subflowEnded, until');
    const shapes = await simulate({ scenario: { users: { sam: {} }, steps: [{ start: start.start }, { at: '2026-12-20T00:00:00Z', until: '2026-12-20T00:00:00Z' }, {}] }, colour: 'red' });
    expect(shapes.errors.map((e) => [e.pointer, e.message])).toEqual([
      ['/scenario/users/sam/roles', 'Enter roles'],
      ['/scenario/steps/0/at', 'Enter when the step happens'],
      ['/scenario/steps/1/at', 'A step that runs the clock "until" a moment has no "at" or "expectRefusal" of its own'],
      ['/scenario/steps/2', 'Give each step exactly one of start, complete, reassign, withdraw, subflowEnded, until'],
      ['/colour', 'colour is not a question on this form'],
    ]);
    const order = await simulate({ scenario: { ...scenario, steps: [scenario.steps[1], scenario.steps[0]] } });
    expect(order.errors).toEqual([{ pointer: '/scenario/steps/1/at', keyword: 'minimum', message: 'Step 2 must not be earlier than step 1' }]);
    const long = await simulate({ scenario: { ...scenario, steps: [start, { until: '2031-01-01T00:00:00Z' }] } });
    expect(long.errors.map((e) => e.pointer)).toEqual(['/scenario/steps/1/until']);
    const both = await simulate({ scenario, version: 1, draft: true });
    expect(both.errors).toEqual([{ pointer: '/draft', keyword: 'not', message: 'Simulate either a version or the draft, not both' }]);
  });

  it('Given an unknown version, or a draft with problems, Then 404 and 422 with the problems', async () => {
    const admin = await api.signIn('admin@clinic.example');
    expect(await (await admin.post('/api/definitions/clinic/simulate', { scenario, version: 7 })).json()).toMatchObject({ status: 404, code: 'version_not_found', latestVersion: 1 });
    await editDraft(admin, 'clinic', breakTransferForm);
    const broken = (await (await admin.post('/api/definitions/clinic/simulate', { scenario, draft: true })).json()) as { status: number; code: string; detail: string; problems: Array<{ path: string }>; errors: Array<{ pointer: string }> };
    expect(broken).toMatchObject({ status: 422, code: 'definition_has_problems', detail: expect.stringContaining('before it can be simulated') });
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.errors.map((e) => e.pointer)).toEqual(broken.problems.map((p) => p.path));
  });
});
