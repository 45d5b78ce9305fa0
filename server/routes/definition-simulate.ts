/**
 * The designer's dated what-if run: a scenario (engine/scenario) against a published version or
 * the draft, run by the same pure engine as real cases, with nothing saved. The answer carries
 * the bank holidays and closure days in the period, so the designer can shade them on the
 * timeline and an admin can see why a deadline moved.
 */
import { Hono, type Context } from 'hono';
import { runScenario, validateDefinition, WorkingCalendar, type CaseState, type FieldError, type Scenario, type WorkflowDefinition } from '../../engine/index.ts';
import type { AppEnv } from '../http/env.ts';
import { readJson } from '../http/json-body.ts';
import { definitionHasProblems, HttpProblem } from '../http/problem.ts';
import { ownedDefinition, publishedVersion, requireAdmin, type OwnedDefinition } from './definition-access.ts';
import { scenarioMessages, scenarioSchema } from './definition-scenario-schema.ts';
import { exampleAnswersFor, type ExampleFor } from '../../engine/scenario/example-answers.ts';
import { subjectSchema } from './subject-schema.ts';
import type * as Api from './api-types.gen.ts';

interface SimulateBody {
  scenario: Scenario;
  version?: number;
  draft?: boolean;
  /** Also answer: example answers for the next step (an open task, or a way in), as of `at`. */
  example?: { at: string } & ({ task: string; actions?: string[] } | { start: { entry: string; subject: Extract<ExampleFor, { start: unknown }>['start']['subject'] } });
}

const id = (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 200 });
/** Example answers for the next step: a task of the run (by node or task id), or a way in with its family. */
const exampleRequest = {
  type: 'object',
  title: 'Example answers',
  additionalProperties: false,
  required: ['at'],
  oneOf: [
    { required: ['task'], not: { required: ['start'] } },
    { required: ['start'], not: { anyOf: [{ required: ['task'] }, { required: ['actions'] }] } },
  ],
  properties: {
    at: { type: 'string', title: 'When', format: 'date-time', maxLength: 40 },
    task: id('Task'),
    actions: { type: 'array', title: 'Next actions', maxItems: 20, items: id('Next action') },
    start: {
      type: 'object',
      title: 'Start',
      additionalProperties: false,
      required: ['entry', 'subject'],
      properties: {
        entry: id('Entry'),
        subject: subjectSchema(id('Family name'), { required: ['name'], properties: { name: id('Name'), dateOfBirth: { type: 'string', title: 'Date of birth', format: 'date' }, personId: id('Person ID') } }),
      },
    },
  },
};

export const simulateRequest = {
  title: 'Simulation',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['scenario'],
    properties: {
      scenario: scenarioSchema,
      version: { type: 'integer', title: 'Version', minimum: 1, maximum: 999_999_999 },
      draft: { type: 'boolean', title: 'Draft' },
      example: exampleRequest,
    },
  },
  // readJson hands the whole shape to the form validator, which reads `errorMessages` too.
  errorMessages: scenarioMessages('/scenario'),
};

/** Scenario dates stay where the calendar and a person's patience are meaningful. */
const EARLIEST = '2000-01-01T00:00:00Z';
const LATEST = '2199-12-31T23:59:59Z';
const MAX_SPAN_MS = 3 * 366 * 24 * 60 * 60 * 1000;

/** Steps in date order, within a three-year span: a longer run is not a what-if, it is a soak test. */
function checkDates(scenario: Scenario): void {
  const errors: FieldError[] = [];
  let previous: number | undefined;
  let first: number | undefined;
  scenario.steps.forEach((s, i) => {
    const key = 'until' in s ? 'until' : 'at';
    const pointer = `/scenario/steps/${i}/${key}`;
    const at = Date.parse('until' in s ? s.until : s.at);
    if (at < Date.parse(EARLIEST) || at > Date.parse(LATEST)) errors.push({ pointer, keyword: 'minimum', message: 'Dates must be between the years 2000 and 2199' });
    else if (previous !== undefined && at < previous) errors.push({ pointer, keyword: 'minimum', message: `Step ${i + 1} must not be earlier than step ${i}` });
    else if (first !== undefined && at - first > MAX_SPAN_MS) errors.push({ pointer, keyword: 'maximum', message: 'A scenario must span three years or less' });
    previous = Math.max(previous ?? at, at);
    first ??= at;
  });
  if (errors.length > 0) throw new HttpProblem(422, 'request_invalid', 'The simulation request has answers to correct.', { errors });
}

async function definitionToRun(c: Context<AppEnv>, owned: OwnedDefinition, body: SimulateBody): Promise<{ definition: WorkflowDefinition; version: number | null }> {
  if (body.draft) {
    const definition = owned.draft?.definition ?? owned.latest!.definition;
    const problems = validateDefinition(definition);
    if (problems.length > 0) throw definitionHasProblems(problems, 'simulated');
    return { definition, version: null };
  }
  if (body.version === undefined && !owned.latest) {
    throw new HttpProblem(404, 'version_not_found', 'This definition has not been published yet: simulate its draft instead.', { latestVersion: null });
  }
  const found = await publishedVersion(c, owned, body.version ?? owned.latest!.version);
  return { definition: found.definition, version: found.version };
}

/** Example answers for the next step, on the case as it stands at `at` (the clock run on to it first: a timer may open the task). */
function exampleFor(definition: WorkflowDefinition, scenario: Scenario, state: CaseState | null, example: NonNullable<SimulateBody['example']>) {
  const last = Math.max(...scenario.steps.map((s) => Date.parse('until' in s ? s.until : s.at)));
  const later = state && Date.parse(example.at) > last ? runScenario(definition, { ...scenario, steps: [...scenario.steps, { until: example.at }] }).caseState : state;
  return exampleAnswersFor(definition, later, example, example.at);
}

export const definitionSimulateRoutes = new Hono<AppEnv>().post('/api/definitions/:id/simulate', async (c) => {
  const owned = await ownedDefinition(c, c.req.param('id'));
  requireAdmin(c, 'simulate definitions');
  const body = await readJson<SimulateBody>(c, simulateRequest);
  if (body.draft && body.version !== undefined) {
    throw new HttpProblem(422, 'request_invalid', 'The simulation request has answers to correct.', {
      errors: [{ pointer: '/draft', keyword: 'not', message: 'Simulate either a version or the draft, not both' }],
    });
  }
  checkDates(body.scenario);
  const { definition, version } = await definitionToRun(c, owned, body);
  const result = runScenario(definition, body.scenario);

  const calendar = WorkingCalendar.for(definition.calendar);
  const instants = [
    ...body.scenario.steps.map((s) => ('until' in s ? s.until : s.at)),
    ...result.timeline.map((e) => e.at),
    ...result.upcoming.map((u) => u.at),
  ].sort((a, b) => Date.parse(a) - Date.parse(b));
  const from = calendar.localDate(instants[0]!);
  const to = calendar.localDate(instants[instants.length - 1]!);
  return c.json({
    definition: { id: owned.id, version, draft: version === null },
    timeZone: calendar.timeZone,
    period: { from, to },
    bankHolidays: calendar.bankHolidaysBetween(from, to),
    closureDays: calendar.closureDays.filter((d) => d.date >= from && d.date <= to),
    ok: result.failures.length === 0,
    failures: result.failures,
    timeline: result.timeline,
    upcoming: result.upcoming,
    overdue: result.overdue,
    finalState: result.caseState,
    ...(body.example ? { example: exampleFor(definition, body.scenario, result.caseState, body.example) } : {}),
  } satisfies Api.Simulation);
});
