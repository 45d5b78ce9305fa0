/**
 * Shapes of the API's JSON for the web app. Every response body is the type generated from the
 * OpenAPI document's schemas (server/routes/api-types.gen.ts, `npm run gen:api-types`), the same
 * types the routes' bodies are checked against when they are compiled, so the server, the web app
 * and the document cannot part: change a schema and the type check shows each route and page it
 * affects. Written by hand here: names for parts of those bodies, the few views narrower than the
 * document (each says why), and what the web app sends.
 */
import type { ChangeDescription, ChangeTopic } from '../../../engine/definition/describe.ts';
import type { FieldError } from '../../../engine/problems.ts';
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import type * as Api from '../../../server/routes/api-types.gen.ts';
import type { FormInput } from './forms/model.ts';

export type { ChangeDescription, ChangeTopic, FieldError, WorkflowDefinition };

export type {
  Assignee,
  CaseFileEntry,
  CaseFileRow,
  CaseSummary,
  CaseView,
  ChangeSummary,
  CompletedTask,
  Completion,
  DefinitionDiff,
  DefinitionList,
  DefinitionProblem,
  DefinitionVersions,
  GuardCheck,
  Named,
  NextActionView,
  Priority,
  ProtocolMapView,
  PublishResult,
  RecordedForm,
  SessionView,
  Signer,
  StartFormView,
  SubjectAccessPreview,
  TaskSummary,
  Timeline,
  Tray,
  WorkItem,
  WorkList,
} from '../../../server/routes/api-types.gen.ts';

// Parts of the documented bodies, by the names the pages use.
export type User = Api.SessionView['user'];
/** The signed-in person's council, for the header: its name, and its logo if one is configured. */
export type Authority = NonNullable<Api.SessionView['authority']>;
/** An answer that chooses a next action: the action follows when the answer holds one of the values. */
export type ChosenBy = NonNullable<Api.NextActionView['chosenBy']>;
/** What the task page evaluates the guards with as the person types (work-form.ts `ruleData`). */
export type TaskEvaluation = Api.TaskForm['evaluation'];
export type TaskSigning = NonNullable<Api.TaskForm['signing']>;
/** How pressing a task is, worked out by the server with the protocol's working-day calendar. */
export type DueTag = NonNullable<Api.WorkItem['dueTag']>;
export type SubjectAccessParty = Api.SubjectAccessPreview['thirdParties'][number];
export type DefinitionChange = Api.DefinitionDiff['changes'][number];
export type ChangeCategory = DefinitionChange['category'];
/** GET /api/definitions as an admin sees it: the document's list, in which each definition's draft is shown to admins. */
export type AdminDefinitionList = Api.DefinitionList;

/** GET /api/definitions/:id: a published version in full (its definition as the engine's type). */
export type PublishedDefinition = Api.PublishedDefinitionView;
/** GET/PUT /api/definitions/:id/draft and POST /api/definitions. */
export type DraftView = Api.DraftView;

// Views narrower than the document: where it leaves a form or a case state open (the definition
// schema and the engine describe them, not this one), the web app reads them as the engine's types.

/** GET /api/cases/:id/tasks/:taskId, its form as the form renderer reads it. */
export type TaskForm = Omit<Api.TaskForm, 'form'> & { form: (FormInput & { id: string }) | null };

/** POST /api/definitions/:id/simulate: the dated run of a scenario, its final case as the engine's. */
export type Simulation = Omit<Api.Simulation, 'finalState'> & { finalState: SimulatedCase | null };

/** The parts of the engine's case state (left open in the document) that the what-if page reads. */
export interface SimulatedCase {
  status: Api.CaseStatus;
  outcome?: { id: string; node?: string; closureReason?: string; at: string };
  tasks: Record<string, { id: string; node: string; name: string; status: 'open' | 'completed' | 'cancelled'; createdAt: string; due?: string; dueLabel?: string; availableFrom?: string; overdue: boolean; completedAt?: string; assignee: { worker: string } | { team: string } | { role: string }; prefill?: Record<string, unknown> }>;
  timers: Record<string, { id: string; purpose: string; node: string; fireAt: string }>;
}

// What the web app sends.

export type PassTo = { worker: string } | { team: string };

export interface ChosenAction { action: string; passTo?: PassTo; priority?: Api.Priority; scheduledFor?: string; note?: string }

/** What to ask example answers for with a simulation: an open task, or a way in with its family, as of `at`. */
export type ExampleRequest = { at: string } & ({ task: string; actions?: string[] } | { start: { entry: string; subject: { familyName: string; children: Array<{ name: string; dateOfBirth?: string }> } } });
