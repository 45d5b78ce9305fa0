/**
 * The body of every success response, as JSON Schema: the one description of what the API answers.
 * The OpenAPI document (`openapi.ts`) attaches these to each operation; `npm run gen:api-types`
 * writes their TypeScript types from `responseComponents` (api-types.gen.ts), which each route's
 * body is checked against when it is compiled and the web app reads; and every response of every
 * route test is checked against them (test/support/conformance.ts), so a route that changes shape
 * fails to compile or fails its tests until this file says so too. Refusals are all the shared
 * `Problem`.
 *
 * Each shape is written once: a shape used in more than one place is a named component, reached
 * with `ref`, and the builders below keep a schema reading like the type it describes.
 */
type Schema = Record<string, unknown>;
type Responses = Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;

const str = { type: 'string' };
const int = { type: 'integer' };
const num = { type: 'number' };
const bool = { type: 'boolean' };
/** Any JSON value. */
const anything = {};
/** An object whose keys this document does not pin down (a count by status, a rule, answers). */
const record = { type: 'object' };
/**
 * A part the engine's own schema describes in full (/schema/definition.schema.json): this document
 * leaves it open, and `x-typescript` names the engine's type, so the generated TypeScript (and so
 * the routes and the web app) reads it as the engine does rather than as a bag of unknowns.
 */
const engineTyped = (type: string, description: string) => ({ type: 'object', description, 'x-typescript': type });
const workflowDefinition = engineTyped('WorkflowDefinition', 'A workflow definition, as /schema/definition.schema.json describes');
const formLayout = engineTyped('FormLayout', 'A form’s layout, as /schema/definition.schema.json describes (its FormLayout)');

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (items: Schema) => ({ type: 'array', items });
const oneOf = (...values: string[]) => ({ enum: values });
const constant = (value: string) => ({ const: value });
const anyOf = (...schemas: Schema[]) => ({ anyOf: schemas });

/** `T | null`: a plain type gains `null` in its `type`; anything else is `anyOf` with null. */
function nullable(schema: Schema): Schema {
  const keys = Object.keys(schema);
  if (keys.length === 1 && typeof schema.type === 'string') return { type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** A closed object: the `required` properties, the `optional` ones, and nothing else. */
function object(required: Record<string, Schema>, optional: Record<string, Schema> = {}): Schema {
  return { type: 'object', required: Object.keys(required), properties: { ...required, ...optional }, additionalProperties: false };
}

/** An object with these properties that may carry more (a person, this document). */
function openObject(required: Record<string, Schema>, optional: Record<string, Schema> = {}): Schema {
  return { ...object(required, optional), additionalProperties: true };
}

// Shared parts of the case, task and work shapes, spread where a body extends them.
const priority = ref('Priority');
const caseStatus = ref('CaseStatus');
const changeKind = oneOf('added', 'removed', 'changed');
const datedName = object({ date: str, name: str }, { substitute: bool });
/** The engine's `Subject`: the family a case is about. */
const subject = object({ familyName: str, children: arrayOf(ref('Child')) });

/** case-context.ts `taskView`. */
const taskSummary = {
  id: str,
  node: str,
  name: str,
  stage: nullable(str),
  status: oneOf('open', 'completed', 'cancelled'),
  assignee: ref('Assignee'),
  priority,
  createdAt: str,
  availableFrom: nullable(str),
  due: nullable(str),
  dueLabel: nullable(str),
  overdue: bool,
  escalationLevel: int,
  scheduledFor: nullable(str),
  note: nullable(str),
  passedBy: nullable(ref('Named')),
  canAct: bool,
};

/** case-view.ts `caseView`. */
const caseView = {
  id: str,
  reference: str,
  version: int,
  status: caseStatus,
  outcome: nullable(object({ id: str, at: str, name: str, nodeName: nullable(str) }, { node: str, closureReason: str })),
  closures: arrayOf(object({ node: str, nodeName: str, outcome: str, outcomeName: str, closureReason: str, at: str })),
  definition: ref('DefinitionRef'),
  entry: ref('Named'),
  family: subject,
  startedAt: str,
  startedBy: nullable(ref('Named')),
  updatedAt: str,
  stages: arrayOf(object({ node: str, kind: nullable(str), name: str, stage: nullable(str) })),
  openTasks: arrayOf(ref('TaskSummary')),
  overdue: bool,
  links: object({
    parent: nullable(object({ caseId: str, node: str })),
    children: arrayOf(object({ caseId: str, node: nullable(str), at: str })),
  }),
  map: ref('ProtocolMapView'),
};

/** case-file.ts: a form recorded on a case (the start form, or a completed task's answers). */
const recordedForm = {
  node: str,
  task: nullable(str),
  name: str,
  form: object({ id: str, title: str }),
  completedAt: str,
  completedBy: nullable(ref('Named')),
};

/** The engine's `MigrationPlan`. */
const migrationPlan = {
  definition: str,
  from: int,
  to: int,
  cases: arrayOf(
    object({
      caseId: str,
      version: int,
      migratable: bool,
      /** `ref` is the task, timer or sub-case concerned; a join has none. */
      blockers: arrayOf(
        object(
          { code: oneOf('task_node_missing', 'task_form_missing', 'timer_node_missing', 'escalation_missing', 'subflow_node_missing', 'join_node_missing'), node: str },
          { ref: str },
        ),
      ),
    }),
  ),
};

/** outbox.ts `view`: what every outbox message shows. */
const outboxJob = {
  id: str,
  kind: str,
  caseId: str,
  status: oneOf('pending', 'done', 'dead'),
  attempts: int,
  createdAt: str,
  availableAt: str,
  doneAt: nullable(str),
  lastError: nullable(str),
};

// The reports' rows (report-*.ts): counts by team (`team` null for "No team"), by worker, by month.
const teamGroup = { team: nullable(str), teamName: str };
const taskCounts = { open: int, overdue: int, dueSoon: int, noDueDate: int };
/** report-csv.ts `percent`: to one decimal place, null when nothing was completed. */
const metCounts = { completed: int, met: int, late: int, metPercent: nullable(num), openOverdue: int };
const timescaleTally = { ...metCounts, byTeam: arrayOf(object({ ...teamGroup, ...metCounts })), byMonth: arrayOf(object({ month: str, ...metCounts })) };

const migrationSummary = object({ cases: int, migratable: int, blocked: int });

/** Named bodies and shared shapes: components of the document, and the web app's types. */
export const responseComponents: Record<string, Schema> = {
  // Small shapes used across the API.
  Named: object({ id: str, name: str }),
  DefinitionRef: object({ id: str, version: int, name: str }),
  Priority: oneOf('urgent', 'normal', 'low'),
  CaseStatus: oneOf('open', 'closed', 'withdrawn'),
  Assignee: object({ kind: oneOf('worker', 'team', 'role'), id: str, name: str }),
  Child: object({ name: str }, { dateOfBirth: str, personId: str }),
  ChangeSummary: object({ node: int, timescale: int, form: int, team: int, role: int, other: int, total: int }),
  DefinitionProblem: object({ code: str, path: str, message: str }, { cause: object({ code: str, path: str }) }),
  LegalHold: object({ caseId: str, authority: str, by: str, at: str, reason: str }),
  Person: openObject({
    id: str,
    authority: str,
    name: str,
    email: str,
    roles: arrayOf(str),
    teams: arrayOf(str),
    disabled: bool,
    hasPassword: bool,
    signsInWithProvider: bool,
  }),
  PersonAnswer: object({ person: ref('Person') }),
  WebhookSubscription: object({
    id: str,
    authority: str,
    url: str,
    events: arrayOf(str),
    description: str,
    createdAt: str,
    createdBy: str,
    disabledAt: nullable(str),
    active: bool,
  }),
  WebhookAnswer: object({ subscription: ref('WebhookSubscription') }),

  // Service and session.
  Health: object({ status: constant('ok'), nextTimerAt: nullable(str) }),
  OpenApiDocument: openObject({ openapi: constant('3.1.0'), info: record, paths: record, components: record }),
  SessionView: object(
    {
      user: object(
        { id: str, authority: str, name: str, email: str, roles: arrayOf(str), teams: arrayOf(str) },
        { sso: object({ issuer: str, subject: str }), disabled: bool },
      ),
      csrfToken: str,
    },
    { authority: object({ id: str, name: str }, { logo: str }) },
  ),
  SignInOptions: object({ authorities: arrayOf(object({ id: str, name: str, href: str })), passwords: bool }),

  // Cases.
  CaseSummary: object({
    id: str,
    reference: str,
    familyName: str,
    status: caseStatus,
    definition: ref('DefinitionRef'),
    startedAt: str,
    updatedAt: str,
    openTasks: int,
    nextDue: nullable(str),
    overdue: bool,
    stages: arrayOf(object({ node: str, name: str, stage: nullable(str) })),
  }),
  CaseList: object({ cases: arrayOf(ref('CaseSummary')), count: int }),
  TaskSummary: object(taskSummary),
  ProtocolMapView: object({
    nodes: arrayOf(
      object({ id: str, kind: str, name: str, stage: nullable(str), state: oneOf('active', 'done', 'not_reached') }, { position: object({ x: int, y: int }) }),
    ),
    edges: arrayOf(object({ from: str, to: str }, { label: str })),
    active: arrayOf(str),
    done: arrayOf(str),
  }),
  CaseView: object(caseView),
  Completion: object({
    completed: bool,
    closed: bool,
    outcome: nullable(ref('Named')),
    nextTasks: arrayOf(ref('TaskSummary')),
    stillOpen: arrayOf(ref('TaskSummary')),
    startedCases: arrayOf(str),
  }),
  /** With `Prefer: return=minimal`: the case's head and the completion. */
  CompletedTask: object({ id: str, reference: str, version: int, status: caseStatus, completion: ref('Completion') }),
  CompletedCase: object({ ...caseView, completion: ref('Completion') }),
  TaskCompletion: anyOf(ref('CompletedTask'), ref('CompletedCase')),
  CaseFileRow: object({ label: str, value: anyOf(str, arrayOf(str)) }, { items: arrayOf(object({ label: str, rows: arrayOf(ref('CaseFileRow')) })) }),
  CaseFileSection: object({ title: nullable(str), rows: arrayOf(ref('CaseFileRow')) }),
  RecordedForm: object(recordedForm),
  CaseFileEntry: object({ ...recordedForm, sections: arrayOf(ref('CaseFileSection')) }),
  StartFormView: object({
    case: object({ id: str, reference: str, familyName: str, definition: ref('Named') }),
    form: ref('CaseFileEntry'),
  }),
  Timeline: object({
    caseId: str,
    status: caseStatus,
    history: arrayOf(
      object({
        at: str,
        london: str,
        type: str,
        node: nullable(str),
        nodeName: nullable(str),
        task: nullable(str),
        who: nullable(ref('Named')),
        text: str,
        internal: bool,
        detail: record,
        email: nullable(object({ subject: str, body: str })),
      }),
    ),
    upcoming: arrayOf(object({ at: str, london: str, kind: str, label: str, node: str, nodeName: nullable(str), task: nullable(str), overdue: bool })),
    forms: arrayOf(ref('RecordedForm')),
  }),
  CaseAudit: object({
    caseId: str,
    familyName: str,
    definition: record,
    status: str,
    entries: arrayOf(object({ seq: int, at: str, actor: str, actorName: str, action: str, detail: anything })),
  }),
  AuditVerdict: object({ caseId: str, checkedAt: str, ok: bool, entries: int }, { brokenAt: int, reason: str, keyedFrom: int }),
  SubjectAccessPreview: object({
    caseId: str,
    reference: str,
    familyName: str,
    status: caseStatus,
    children: arrayOf(object({ index: int, name: str })),
    child: nullable(int),
    thirdParties: arrayOf(object({ id: str, name: str, kind: oneOf('staff', 'named_in_answers'), label: str })),
    formats: arrayOf(str),
  }),
  SubjectAccessExport: object({
    format: str,
    version: int,
    exportedAt: str,
    authority: ref('Named'),
    scope: object({ kind: str }, { child: str }),
    case: object({
      id: str,
      reference: str,
      protocol: ref('DefinitionRef'),
      status: caseStatus,
      startedAt: str,
      startedBy: nullable(str),
      outcome: nullable(object({ name: str, closureReason: nullable(str), at: str })),
      familyName: str,
      children: arrayOf(object({ name: str, dateOfBirth: nullable(str), personId: nullable(str) })),
    }),
    forms: arrayOf(object({ step: str, form: str, completedAt: str, completedAtLondon: str, completedBy: nullable(str), sections: arrayOf(ref('CaseFileSection')) })),
    timeline: arrayOf(object({ at: str, london: str, type: str, text: str, who: nullable(str), internal: bool })),
    emails: arrayOf(object({ createdAt: str, createdAtLondon: str, status: str, to: arrayOf(str), subject: str, body: str })),
    views: arrayOf(object({ at: str, london: str, who: str, what: str })),
    redaction: object({ found: int, redacted: int, labels: arrayOf(str) }),
  }),

  // A task's page (work-form.ts `taskForm`).
  GuardCheck: object({ message: str, rule: anything, passes: nullable(bool), mayDependOnAnswers: bool }),
  NextActionView: object({
    id: str,
    label: str,
    to: object({ id: str, name: str, kind: nullable(str) }),
    irreversible: nullable(oneOf('closes', 'withdraws', 'steps_up')),
    chosenBy: nullable(object({ field: str, values: arrayOf(anything) })),
    passTo: nullable(
      object({ required: bool, teams: arrayOf(ref('Named')), workers: bool, workerRoles: nullable(arrayOf(ref('Named'))), teamFromAnswer: nullable(str) }),
    ),
    requires: arrayOf(str),
    scheduledDate: nullable(object({ required: bool, label: str })),
    defaultPriority: nullable(priority),
    guards: arrayOf(ref('GuardCheck')),
    available: bool,
  }),
  Signer: object({ label: str, roles: arrayOf(ref('Named')), signature: nullable(object({ at: str, role: ref('Named'), person: nullable(ref('Named')) })) }),
  TaskForm: object({
    case: object({ id: str, version: int, status: caseStatus, familyName: str, children: arrayOf(ref('Child')), definition: ref('DefinitionRef') }),
    task: object({ ...taskSummary, completedAt: nullable(str), completedBy: nullable(ref('Named')) }),
    form: nullable(object({ id: str, title: str, description: nullable(str), schema: record, layout: nullable(formLayout), errorMessages: record })),
    prefill: record,
    prefilled: arrayOf(str),
    draft: nullable(object({ data: record, savedAt: str })),
    answers: nullable(record),
    caseFile: arrayOf(ref('CaseFileEntry')),
    guards: arrayOf(ref('GuardCheck')),
    evaluation: object({ node: str, data: record, calendar: object({ timeZone: str, closureDays: arrayOf(datedName), bankHolidays: arrayOf(datedName) }) }),
    /** What the signatures so far were given with: the actions as chosen, with any other choices made with them. */
    signing: nullable(
      object({
        signers: arrayOf(ref('Signer')),
        proposedActions: arrayOf(
          openObject({ action: str }, { passTo: anyOf(object({ worker: str }), object({ team: str })), priority, scheduledFor: str, note: str }),
        ),
      }),
    ),
    roles: nullable(arrayOf(ref('Named'))),
    multipleActions: bool,
    actions: arrayOf(ref('NextActionView')),
    people: arrayOf(object({ id: str, name: str, roles: arrayOf(ref('Named')) })),
    priorities: arrayOf(object({ id: priority, label: str })),
  }),

  // Work lists.
  WorkItem: object({
    caseId: str,
    reference: str,
    taskId: str,
    familyName: str,
    name: str,
    node: str,
    stage: nullable(str),
    definition: ref('Named'),
    assignee: ref('Assignee'),
    via: oneOf('me', 'other', 'team', 'role'),
    priority,
    due: nullable(str),
    dueLabel: nullable(str),
    overdue: bool,
    dueTag: nullable(
      anyOf(object({ kind: constant('overdue'), workingDays: int }), object({ kind: constant('today') }), object({ kind: constant('tomorrow') })),
    ),
    canTake: bool,
    createdAt: str,
  }),
  WorkList: object({
    tasks: arrayOf(ref('WorkItem')),
    counts: object({ total: int, mine: int, teams: int, roles: int, overdue: int }),
    teams: arrayOf(object({ id: str, name: str, kind: str, open: int })),
    roles: arrayOf(ref('Named')),
  }),
  Tray: object({
    team: object({ id: str, name: str, kind: str }),
    tasks: arrayOf(ref('WorkItem')),
    counts: object({ total: int, overdue: int }),
    allocate: nullable(object({ people: arrayOf(ref('Named')) })),
  }),

  // Definitions.
  DefinitionList: object({
    authority: str,
    canEdit: bool,
    definitions: arrayOf(
      object(
        {
          id: str,
          name: str,
          description: nullable(str),
          latestVersion: nullable(int),
          publishedAt: nullable(str),
          publishedBy: nullable(str),
          hasDraft: bool,
        },
        { draft: nullable(object({ savedAt: str, savedBy: str, unpublishedChanges: nullable(int), problemCount: int })) },
      ),
    ),
  }),
  PublishedDefinitionView: object({
    id: str,
    authority: str,
    name: str,
    version: int,
    latestVersion: int,
    publishedAt: str,
    publishedBy: str,
    definition: workflowDefinition,
  }),
  DraftView: object({
    id: str,
    authority: str,
    /** The concurrency token: sent back as `If-Match` when saving. Null: nothing saved yet. */
    savedAt: nullable(str),
    savedBy: nullable(str),
    latestVersion: nullable(int),
    /** How many changes the draft makes to the latest published version; null if never published. */
    unpublishedChanges: nullable(int),
    problems: arrayOf(ref('DefinitionProblem')),
    definition: workflowDefinition,
  }),
  DefinitionValidation: object({ id: str, valid: bool, problems: arrayOf(ref('DefinitionProblem')) }),
  PublishResult: object({ id: str, version: int, previousVersion: nullable(int), publishedAt: str, publishedBy: str, name: str, note: nullable(str) }),
  DefinitionVersions: object({
    id: str,
    name: str,
    latestVersion: nullable(int),
    versions: arrayOf(object({ version: int, name: str, publishedAt: str, publishedBy: str, note: nullable(str), changes: nullable(ref('ChangeSummary')) })),
  }),
  DefinitionDiff: object({
    id: str,
    from: int,
    to: anyOf(int, constant('draft')),
    summary: ref('ChangeSummary'),
    /** The same changes in plain English (engine/definition/describe.ts), for people to read. */
    described: arrayOf(
      object({
        topic: oneOf('deadline', 'who', 'question', 'step', 'way_out', 'notification', 'other'),
        kind: changeKind,
        about: nullable(str),
        text: str,
        paths: arrayOf(str),
      }),
    ),
    changes: arrayOf(
      object({ path: str, kind: changeKind, category: oneOf('node', 'timescale', 'form', 'team', 'role', 'other') }, { before: anything, after: anything }),
    ),
  }),
  MigrationPlan: object({ ...migrationPlan, summary: migrationSummary }),
  MigrationRun: object(
    { dryRun: bool, plan: object(migrationPlan), summary: migrationSummary, notInPlan: arrayOf(str) },
    { result: object({ moved: arrayOf(str), skipped: arrayOf(object({ caseId: str, reason: str })) }) },
  ),
  Simulation: object(
    {
      definition: object({ id: str, version: nullable(int), draft: bool }),
      timeZone: str,
      period: object({ from: str, to: str }),
      bankHolidays: arrayOf(datedName),
      closureDays: arrayOf(datedName),
      ok: bool,
      failures: arrayOf(object({ step: int, message: str })),
      timeline: arrayOf(object({ at: str, type: str, detail: record }, { node: str, by: str, task: str })),
      upcoming: arrayOf(object({ at: str, type: oneOf('task_due', 'timer'), node: str }, { task: str, name: str })),
      /** The engine's `CaseState` at the run's end; its history entries carry what each kind records. */
      finalState: nullable(
        object(
          {
            schemaVersion: int,
            id: str,
            definition: object({ id: str, version: int }),
            authority: str,
            status: caseStatus,
            entry: str,
            startedAt: str,
            startedBy: str,
            updatedAt: str,
            version: int,
            seq: int,
            subject,
            form: record,
            done: record,
            entered: record,
            action: record,
            performer: record,
            passedTo: record,
            closures: arrayOf(record),
            tasks: record,
            timers: record,
            joins: record,
            waitingFor: record,
            history: arrayOf(openObject({ at: str, type: str })),
          },
          { outcome: record, parent: record },
        ),
      ),
    },
    {
      overdue: arrayOf(object({ at: str, type: constant('task_due'), node: str, task: str, name: str })),
      example: nullable(record),
    },
  ),

  // People, webhooks, the outbox, retention and reports.
  PeopleList: object({ authority: str, roles: arrayOf(ref('Named')), teams: arrayOf(ref('Named')), minPasswordLength: int, people: arrayOf(ref('Person')) }),
  PeopleImport: object({
    dryRun: bool,
    counts: object({ add: int, change: int, unchanged: int, refused: int }),
    rows: arrayOf(
      object(
        { row: int, email: str, outcome: oneOf('add', 'change', 'unchanged', 'refused'), errors: arrayOf(object({ column: str, message: str })) },
        { changes: arrayOf(str) },
      ),
    ),
  }),
  WebhookList: object({ authority: str, eventTypes: arrayOf(str), subscriptions: arrayOf(ref('WebhookSubscription')) }),
  WebhookCreated: object({ subscription: ref('WebhookSubscription'), secret: str }),
  Outbox: object({
    authority: str,
    counts: record,
    total: int,
    truncated: bool,
    /** An e-mail with its contents, or a job that links cases (or sends an event), without them. */
    messages: arrayOf(
      anyOf(
        object({ ...outboxJob, kind: constant('notify'), reason: str, subject: str, body: str, to: arrayOf(object({ kind: str, id: str, name: str }, { address: str })), addresses: arrayOf(str) }),
        object(outboxJob),
      ),
    ),
  }),
  PlannedDisposal: object({
    caseId: str,
    authority: str,
    definition: object({ id: str, version: int }),
    status: str,
    version: int,
    closedAt: str,
    due: nullable(str),
    then: str,
    because: str,
    rule: str,
    hold: nullable(ref('LegalHold')),
  }),
  RetentionReport: object({
    at: str,
    today: str,
    authority: nullable(str),
    due: arrayOf(ref('PlannedDisposal')),
    held: arrayOf(ref('PlannedDisposal')),
    undated: arrayOf(ref('PlannedDisposal')),
    notYetDue: int,
  }),
  OpenCasesReport: object({
    report: constant('open-cases'),
    authority: str,
    asOf: str,
    totals: object({ openCases: int, withoutOpenTask: int }),
    byStage: arrayOf(object({ stage: str, cases: int })),
    byTeam: arrayOf(object({ ...teamGroup, cases: int })),
    truncated: bool,
  }),
  TasksReport: object({
    report: constant('tasks'),
    authority: str,
    asOf: str,
    dueSoonWorkingDays: int,
    /** By definition id: the end of the day `dueSoonWorkingDays` working days ahead on its calendar. */
    dueSoonUntil: { type: 'object', additionalProperties: str },
    totals: object(taskCounts),
    byTeam: arrayOf(object({ ...teamGroup, ...taskCounts })),
    byWorker: arrayOf(object({ worker: nullable(str), workerName: str, ...taskCounts })),
    truncated: bool,
  }),
  TimescalesReport: object({
    report: constant('timescales'),
    authority: str,
    asOf: str,
    from: str,
    to: str,
    period: object({ start: str, end: str }),
    totals: object(timescaleTally),
    timescales: arrayOf(object({ definitionId: str, node: str, name: str, stage: nullable(str), label: str, ...timescaleTally })),
    truncated: bool,
  }),
};

/** A report as CSV, with `format=csv`. */
const csv = { ...str, description: 'With `format=csv`: a header row, then one row a line (RFC 4180)' };

type Bodies = Record<string, Record<string, Schema>>;
/** A JSON body named in the components, with any other media types the operation also answers. */
const ok = (name: string, also: Record<string, Schema> = {}): Bodies => ({ '200': { 'application/json': ref(name), ...also } });
const created = (name: string): Bodies => ({ '201': { 'application/json': ref(name) } });
const noContent: Bodies = { '204': {} };

/** `<method> <path>` → status → media type → schema. */
export const responseBodies: Record<string, Bodies> = {
  'delete /api/cases/{id}/legal-hold': noContent,
  'delete /api/session': noContent,
  'delete /api/webhooks/{id}': noContent,
  'get /api/cases': ok('CaseList'),
  'get /api/cases/{id}': ok('CaseView'),
  'get /api/cases/{id}/legal-hold': ok('LegalHold'),
  'get /api/cases/{id}/start-form': ok('StartFormView'),
  'get /api/cases/{id}/subject-access': ok('SubjectAccessPreview'),
  'get /api/cases/{id}/subject-access/export': ok('SubjectAccessExport', { 'application/pdf': { ...str, format: 'binary' }, 'text/html': str }),
  'get /api/cases/{id}/tasks/{taskId}': ok('TaskForm'),
  'get /api/cases/{id}/timeline': ok('Timeline'),
  'get /api/definitions': ok('DefinitionList'),
  'get /api/definitions/{id}': ok('PublishedDefinitionView'),
  'get /api/definitions/{id}/diff': ok('DefinitionDiff'),
  'get /api/definitions/{id}/draft': ok('DraftView'),
  'get /api/definitions/{id}/migrations/plan': ok('MigrationPlan'),
  'get /api/definitions/{id}/versions': ok('DefinitionVersions'),
  'get /api/outbox': ok('Outbox'),
  'get /api/reports/open-cases': ok('OpenCasesReport', { 'text/csv': csv }),
  'get /api/reports/tasks': ok('TasksReport', { 'text/csv': csv }),
  'get /api/reports/timescales': ok('TimescalesReport', { 'text/csv': csv }),
  'get /api/retention': ok('RetentionReport'),
  'get /api/session': ok('SessionView'),
  'get /api/sso': ok('SignInOptions'),
  'get /api/trays/{team}': ok('Tray'),
  'get /api/webhooks': ok('WebhookList'),
  'get /api/work': ok('WorkList'),
  'post /api/cases': created('CaseView'),
  'post /api/cases/{id}/legal-hold': created('LegalHold'),
  'post /api/cases/{id}/tasks/{taskId}/complete': ok('TaskCompletion'),
  'post /api/cases/{id}/tasks/{taskId}/reassign': ok('CaseView'),
  'post /api/cases/{id}/withdraw': ok('CaseView'),
  'post /api/definitions': created('DraftView'),
  'post /api/definitions/{id}/migrations': ok('MigrationRun'),
  'post /api/definitions/{id}/publish': created('PublishResult'),
  'post /api/definitions/{id}/simulate': ok('Simulation'),
  'post /api/definitions/{id}/validate': ok('DefinitionValidation'),
  'post /api/session': created('SessionView'),
  'post /api/webhooks': created('WebhookCreated'),
  'post /api/webhooks/{id}/disable': ok('WebhookAnswer'),
  'post /api/webhooks/{id}/enable': ok('WebhookAnswer'),
  'put /api/cases/{id}/tasks/{taskId}/draft': noContent,
  'put /api/definitions/{id}/draft': ok('DraftView'),
  'get /api/health': ok('Health'),
  'get /api/cases/{id}/audit': ok('CaseAudit'),
  'get /api/cases/{id}/audit/verify': ok('AuditVerdict'),
  'get /api/openapi.json': ok('OpenApiDocument'),
  'get /api/people': ok('PeopleList'),
  'post /api/people': created('PersonAnswer'),
  'patch /api/people/{id}': ok('PersonAnswer'),
  'post /api/people/import': ok('PeopleImport'),
  'get /api/docs': { '200': { 'text/html': str } },
};

/** Adds each success status's body to an operation's responses (refusals get `Problem` in openapi.ts). */
export function withBodies(operation: string, responses: Responses): Responses {
  const bodies = responseBodies[operation] ?? {};
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => {
      const content = bodies[status];
      if (Number(status) >= 400 || !content || Object.keys(content).length === 0) return [status, response];
      return [status, { ...response, content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])) }];
    }),
  );
}
