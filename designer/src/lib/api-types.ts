/**
 * Shapes of the API's JSON, as the server's routes build them (server/routes/*.ts). Written out
 * here rather than imported, so the browser bundle and its type check never reach into server
 * code; when a route's response changes, change its type here too.
 */
import type { ChangeDescription, ChangeTopic } from '../../../engine/definition/describe.ts';
import type { FieldError } from '../../../engine/problems.ts';
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import type { FormInput } from './forms/model.ts';

export type { ChangeDescription, ChangeTopic, FieldError, WorkflowDefinition };
export type Priority = 'urgent' | 'normal' | 'low';
export type PassTo = { worker: string } | { team: string };
export interface Named { id: string; name: string }

export interface User {
  id: string;
  authority: string;
  name: string;
  email: string;
  roles: string[];
  teams: string[];
  disabled?: boolean;
}

/** The signed-in person's council, for the header: its name, and its logo if one is configured. */
export interface Authority { id: string; name: string; logo?: string }

export interface SessionView { user: User; authority?: Authority; csrfToken: string }

export interface Assignee { kind: 'worker' | 'team' | 'role'; id: string; name: string }

/** An open task as the case page and the task page show it (case-context.ts `taskView`). */
export interface TaskSummary {
  id: string;
  node: string;
  name: string;
  stage: string | null;
  status: 'open' | 'completed' | 'cancelled';
  assignee: Assignee;
  priority: Priority;
  createdAt: string;
  availableFrom: string | null;
  due: string | null;
  dueLabel: string | null;
  overdue: boolean;
  escalationLevel: number;
  scheduledFor: string | null;
  note: string | null;
  passedBy: Named | null;
  canAct: boolean;
}

/** `passes` is null when the rule could not be evaluated (over its limits): the engine says why on submit. */
export interface GuardCheck { message: string; rule: unknown; passes: boolean | null; mayDependOnAnswers: boolean }

/** An answer that chooses a next action: the action follows when the answer holds one of the values. */
export interface ChosenBy { field: string; values: unknown[] }

/**
 * What the task page evaluates the guards with as the person types (work-form.ts `ruleData`):
 * the case data the task's rules read, without this task's answers and choices, and the calendar.
 */
export interface TaskEvaluation {
  node: string;
  data: Record<string, unknown>;
  calendar: { timeZone: string; closureDays: Array<{ date: string; name: string }>; bankHolidays: Array<{ date: string; name: string }> };
}

export interface NextActionView {
  id: string;
  label: string;
  to: { id: string; name: string; kind: string | null };
  /** Closes the case (or this path of it), withdraws it, or steps up: checked on a page of its own first. */
  irreversible: 'closes' | 'withdraws' | 'steps_up' | null;
  /** Decided once: the answer to this question chooses the action, so the page does not ask again. */
  chosenBy: ChosenBy | null;
  /**
   * `workerRoles`: a worker named must hold one of these roles; null when any practitioner may be named.
   * `teamFromAnswer`: the question of this form whose answer is the team, so it is not asked again.
   */
  passTo: { required: boolean; teams: Named[]; workers: boolean; workerRoles: Named[] | null; teamFromAnswer: string | null } | null;
  /** Next actions (ids) that must be chosen together with this one. */
  requires: string[];
  scheduledDate: { required: boolean; label: string } | null;
  defaultPriority: Priority | null;
  guards: GuardCheck[];
  available: boolean;
}

/** GET /api/cases/:id/tasks/:taskId (work-form.ts `taskForm`). */
export interface TaskForm {
  case: { id: string; version: number; status: string; familyName: string; children: Array<{ name: string; dateOfBirth?: string }>; definition: Named & { version: number } };
  task: TaskSummary & { completedAt: string | null; completedBy: Named | string | null };
  form: (FormInput & { id: string }) | null;
  prefill: Record<string, unknown>;
  prefilled: string[];
  draft: { data: Record<string, unknown>; savedAt: string } | null;
  /** The answers given, once the task is completed (asked of the server; absent until it sends them). */
  answers?: Record<string, unknown> | null;
  /** What earlier steps recorded that this step needs (case-file.ts); absent from older servers. */
  caseFile?: CaseFileEntry[];
  guards: GuardCheck[];
  evaluation: TaskEvaluation;
  /** A step signed jointly: each signer with their signature once given, and the next actions signed so far. */
  signing: TaskSigning | null;
  /** Only people holding one of these roles may complete the task; null when the assignment decides. */
  roles: Named[] | null;
  multipleActions: boolean;
  actions: NextActionView[];
  people: Array<Named & { roles: Named[] }>;
  priorities: Array<{ id: Priority; label: string }>;
}

/** One signer of a jointly signed step: who they are (the protocol's words, else their roles' names), and their signature once given. */
export interface Signer {
  label: string;
  roles: Named[];
  signature: { at: string; role: Named; person: Named | null } | null;
}

export interface TaskSigning {
  signers: Signer[];
  /** What the signatures so far were given with, for the next signer to agree to. */
  proposedActions: Array<ChosenAction & { [choice: string]: unknown }>;
}

export interface ChosenAction { action: string; passTo?: PassTo; priority?: Priority; scheduledFor?: string; note?: string }

/** GET /api/cases/:id (case-view.ts `caseView`); the map is left loose for the case page to type. */
export interface CaseView {
  id: string;
  reference: string;
  version: number;
  status: 'open' | 'closed' | 'withdrawn';
  outcome: { id: string; name: string; node?: string; nodeName: string | null; closureReason?: string; at: string } | null;
  /** CIN census closures (engine `CaseState.closures`), recorded even while the case carries on in Early Help. */
  closures: Array<{ node: string; nodeName: string; outcome: string; outcomeName: string; closureReason: string; at: string }>;
  definition: Named & { version: number };
  entry: Named;
  family: { familyName: string; children: Array<{ name: string; dateOfBirth?: string }> };
  startedAt: string;
  startedBy: Named | null;
  updatedAt: string;
  stages: Array<{ node: string; kind: string | null; name: string; stage: string | null }>;
  openTasks: TaskSummary[];
  overdue: boolean;
  links: { parent: { caseId: string; node: string } | null; children: Array<{ caseId: string; node: string | null; at: string }> };
  map: ProtocolMapView;
}

/** Where the work went, with POST …/complete (work-completion.ts `completionOf`). */
export interface Completion {
  /** False while a jointly signed step waits for its other signatures. */
  completed: boolean;
  closed: boolean;
  outcome: Named | null;
  nextTasks: TaskSummary[];
  /** Work already waiting on the case's other paths, and still waiting. */
  stillOpen: TaskSummary[];
  startedCases: string[];
}

/** The minimal answer of POST …/complete (with `Prefer: return=minimal`): the case's head and the completion. */
export interface CompletedTask {
  id: string;
  reference: string;
  version: number;
  status: CaseView['status'];
  completion: Completion;
}

/** The protocol map of a case (case-view.ts `protocolMap`): every node, every arrow, and how far the case has got. */
export interface ProtocolMapView {
  nodes: Array<{ id: string; kind: string; name: string; stage: string | null; position?: { x: number; y: number }; state: 'active' | 'done' | 'not_reached' }>;
  edges: Array<{ from: string; to: string; label?: string }>;
  active: string[];
  done: string[];
}

/** How pressing a task is, worked out by the server with the protocol's working-day calendar. */
export type DueTag = { kind: 'overdue'; workingDays: number } | { kind: 'today' } | { kind: 'tomorrow' };

export interface WorkItem {
  caseId: string;
  /** The case reference people say and type ("3F2A9C1B"). */
  reference: string;
  taskId: string;
  familyName: string;
  name: string;
  node: string;
  stage: string | null;
  definition: Named;
  assignee: Assignee;
  via: 'me' | 'other' | 'team' | 'role';
  priority: Priority;
  due: string | null;
  dueLabel: string | null;
  overdue: boolean;
  dueTag: DueTag | null;
  /** Not mine yet, and I hold a role the step is given to: "Assign to me" is offered. */
  canTake: boolean;
  createdAt: string;
}

export interface WorkList {
  tasks: WorkItem[];
  counts: { total: number; mine: number; teams: number; roles: number; overdue: number };
  teams: Array<Named & { kind: string; open: number }>;
  roles: Named[];
}

export interface Tray {
  team: Named & { kind: string };
  tasks: WorkItem[];
  counts: { total: number; overdue: number };
  /** For managers: the people the tray's work can be allocated to; null for everyone else. */
  allocate: { people: Named[] } | null;
}

export interface CaseSummary {
  id: string;
  reference: string;
  familyName: string;
  status: string;
  definition: Named & { version: number };
  startedAt: string;
  updatedAt: string;
  openTasks: number;
  nextDue: string | null;
  overdue: boolean;
  stages: Array<{ node: string; name: string; stage: string | null }>;
}

/** A form recorded on a case: the start form (no task) or a completed task's answers. */
export interface RecordedForm {
  node: string;
  task: string | null;
  name: string;
  form: { id: string; title: string };
  completedAt: string;
  completedBy: Named | null;
}

/** A recorded answer as people read it: labels, option titles, long dates; repeats by item. */
export interface CaseFileRow {
  label: string;
  value: string | string[];
  items?: Array<{ label: string; rows: CaseFileRow[] }>;
}

export interface CaseFileEntry extends RecordedForm {
  sections: Array<{ title: string | null; rows: CaseFileRow[] }>;
}

/** GET /api/cases/:id/start-form (case-start-form.ts): the answers given when the case was started. */
export interface StartFormView {
  case: { id: string; reference: string; familyName: string; definition: Named };
  form: CaseFileEntry;
}

export interface Timeline {
  caseId: string;
  status: string;
  history: Array<{ at: string; london: string; type: string; node: string | null; nodeName: string | null; task: string | null; who: Named | null; text: string; /** How the engine moved (a decision, a join): kept for the record, not shown. */ internal?: boolean; detail: Record<string, unknown>; email?: { subject: string; body: string } | null }>;
  /** Every recorded form, newest first (case-timeline.ts); absent from older servers. */
  forms?: RecordedForm[];
  upcoming: Array<{ at: string; london: string; kind: string; label: string; node: string; nodeName: string | null; task: string | null; overdue: boolean }>;
}

/** GET /api/definitions (definition-reads.ts): the authority's protocols. */
export interface DefinitionList {
  authority: string;
  canEdit: boolean;
  definitions: Array<Named & { description: string | null; latestVersion: number | null; publishedAt: string | null; hasDraft: boolean }>;
}

/** GET /api/definitions/:id: a published version in full. */
export interface PublishedDefinition extends Named {
  authority: string;
  version: number;
  latestVersion: number;
  publishedAt: string;
  publishedBy: string;
  definition: WorkflowDefinition;
}

// The designer's side of definitions (definition-reads.ts, definition-drafts.ts, definition-simulate.ts).

/** GET /api/definitions as an admin sees it: each definition's draft too. */
export interface AdminDefinitionList {
  authority: string;
  canEdit: boolean;
  definitions: Array<
    DefinitionList['definitions'][number] & {
      publishedBy: string | null;
      draft?: { savedAt: string; savedBy: string; unpublishedChanges: number | null; problemCount: number } | null;
    }
  >;
}

/** A problem with a definition (engine `Problem`): a stable code, a JSON pointer and a sentence. */
export interface DefinitionProblem {
  code: string;
  path: string;
  message: string;
  /** The root problem this one follows from (a knock-on of a deleted step, a missing arrow). */
  cause?: { code: string; path: string };
}

/** GET/PUT /api/definitions/:id/draft and POST /api/definitions. */
export interface DraftView {
  id: string;
  authority: string;
  /** The If-Match token; null until the draft is first saved. */
  savedAt: string | null;
  savedBy: string | null;
  latestVersion: number | null;
  unpublishedChanges: number | null;
  problems: DefinitionProblem[];
  definition: WorkflowDefinition;
}

export interface PublishResult { id: string; version: number; previousVersion: number | null; publishedAt: string; publishedBy: string; name: string; note: string | null }

export type ChangeCategory = 'node' | 'timescale' | 'form' | 'team' | 'role' | 'other';
export type ChangeSummary = Record<ChangeCategory, number> & { total: number };

export interface DefinitionVersions {
  id: string;
  name: string;
  latestVersion: number | null;
  /** `note`: the admin's change note; null for versions published before notes were kept. */
  versions: Array<{ version: number; name: string; publishedAt: string; publishedBy: string; note: string | null; changes: ChangeSummary | null }>;
}

/** One change (engine `Change`): a path with ids in place of list positions. */
export interface DefinitionChange { path: string; kind: 'added' | 'removed' | 'changed'; category: ChangeCategory; before?: unknown; after?: unknown }

/** `described`: the same changes in plain English (engine/definition/describe.ts), for people to read. */
export interface DefinitionDiff { id: string; from: number; to: number | 'draft'; summary: ChangeSummary; described: ChangeDescription[]; changes: DefinitionChange[] }

/** POST /api/definitions/:id/simulate: the dated run of a scenario. */
export interface Simulation {
  definition: { id: string; version: number | null; draft: boolean };
  timeZone: string;
  period: { from: string; to: string };
  bankHolidays: Array<{ date: string; name: string; substitute?: boolean }>;
  closureDays: Array<{ date: string; name: string }>;
  ok: boolean;
  failures: Array<{ step: number; message: string }>;
  timeline: Array<{ at: string; type: string; node?: string; task?: string; by?: string; detail: Record<string, unknown> }>;
  upcoming: Array<{ at: string; type: 'task_due' | 'timer'; node: string; task?: string; name?: string }>;
  /** Open tasks whose deadline had passed by the run's last moment. */
  overdue?: Array<{ at: string; type: 'task_due'; node: string; task: string; name: string }>;
  finalState: SimulatedCase | null;
  /** Example answers for the next step, when asked for (`example` in the request); null when that step has no form. */
  example?: Record<string, unknown> | null;
}

/** What to ask example answers for with a simulation: an open task, or a way in with its family, as of `at`. */
export type ExampleRequest = { at: string } & ({ task: string; actions?: string[] } | { start: { entry: string; subject: { familyName: string; children: Array<{ name: string; dateOfBirth?: string }> } } });

/** The parts of the engine's case state the what-if page reads. */
export interface SimulatedCase {
  status: 'open' | 'closed' | 'withdrawn';
  outcome?: { id: string; node?: string; closureReason?: string; at: string };
  tasks: Record<string, { id: string; node: string; name: string; status: 'open' | 'completed' | 'cancelled'; createdAt: string; due?: string; dueLabel?: string; availableFrom?: string; overdue: boolean; completedAt?: string; assignee: { worker: string } | { team: string } | { role: string }; prefill?: Record<string, unknown> }>;
  timers: Record<string, { id: string; purpose: string; node: string; fireAt: string }>;
}

/** A third party's name found on a case, for a subject access export (server/export/third-parties.ts). */
export interface SubjectAccessParty {
  /** Stable across exports of the same case: `staff:<user id>` or `named:<hash of the name>`. */
  id: string;
  name: string;
  kind: 'staff' | 'named_in_answers';
  /** What replaces the name when it is redacted: `[Third party N]`. */
  label: string;
}

/** GET /api/cases/{id}/subject-access: the children and the third parties an export can cover. */
export interface SubjectAccessPreview {
  caseId: string;
  reference: string;
  familyName: string;
  children: Array<{ index: number; name: string }>;
  child: number | null;
  thirdParties: SubjectAccessParty[];
}

/**
 * The response bodies as /api/openapi.json describes them, generated from
 * server/routes/response-schemas.ts (`npm run gen:api-types`). The types below are checked
 * against them both ways at compile time, so the web app and the document cannot part: change a
 * schema and not the type (or the reverse) and the type check fails here.
 */
export type * as Documented from './api-schema.gen.ts';
import type * as Documented from './api-schema.gen.ts';
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const documentedShapes: {
  session: SameShape<SessionView, Documented.SessionView>;
  publish: SameShape<PublishResult, Documented.PublishResult>;
  versions: SameShape<DefinitionVersions, Documented.DefinitionVersions>;
} = { session: true, publish: true, versions: true };
