/* Generated from server/routes/response-schemas.ts by `npm run gen:api-types`. Do not edit by hand. */
import type {FormLayout, WorkflowDefinition} from '../../engine/schema/definition.types.ts';

/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "CaseStatus".
 */
export type CaseStatus = 'open' | 'closed' | 'withdrawn';
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Priority".
 */
export type Priority = 'urgent' | 'normal' | 'low';
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "TaskCompletion".
 */
export type TaskCompletion = CompletedTask | CompletedCase;

/**
 * Every named response body of the Stepwise API.
 */
export interface ApiResponses {
  Assignee?: Assignee;
  AuditVerdict?: AuditVerdict;
  CaseAudit?: CaseAudit;
  CaseFileEntry?: CaseFileEntry;
  CaseFileRow?: CaseFileRow;
  CaseFileSection?: CaseFileSection;
  CaseList?: CaseList;
  CaseStatus?: CaseStatus;
  CaseSummary?: CaseSummary;
  CaseView?: CaseView;
  ChangeSummary?: ChangeSummary;
  Child?: Child;
  CompletedCase?: CompletedCase;
  CompletedTask?: CompletedTask;
  Completion?: Completion;
  DefinitionDiff?: DefinitionDiff;
  DefinitionList?: DefinitionList;
  DefinitionProblem?: DefinitionProblem;
  DefinitionRef?: DefinitionRef;
  DefinitionValidation?: DefinitionValidation;
  DefinitionVersions?: DefinitionVersions;
  DraftView?: DraftView;
  GuardCheck?: GuardCheck;
  Health?: Health;
  LegalHold?: LegalHold;
  MigrationPlan?: MigrationPlan;
  MigrationRun?: MigrationRun;
  Named?: Named;
  NextActionView?: NextActionView;
  OpenApiDocument?: OpenApiDocument;
  OpenCasesReport?: OpenCasesReport;
  Outbox?: Outbox;
  PeopleImport?: PeopleImport;
  PeopleList?: PeopleList;
  Person?: Person;
  PersonAnswer?: PersonAnswer;
  PlannedDisposal?: PlannedDisposal;
  Priority?: Priority;
  ProtocolMapView?: ProtocolMapView;
  PublishResult?: PublishResult;
  PublishedDefinitionView?: PublishedDefinitionView;
  RecordedForm?: RecordedForm;
  RetentionReport?: RetentionReport;
  SessionView?: SessionView;
  SignInOptions?: SignInOptions;
  Signer?: Signer;
  Simulation?: Simulation;
  StartFormView?: StartFormView;
  SubjectAccessExport?: SubjectAccessExport;
  SubjectAccessPreview?: SubjectAccessPreview;
  TaskCompletion?: TaskCompletion;
  TaskForm?: TaskForm;
  TaskSummary?: TaskSummary;
  TasksReport?: TasksReport;
  Timeline?: Timeline;
  TimescalesReport?: TimescalesReport;
  Tray?: Tray;
  WebhookAnswer?: WebhookAnswer;
  WebhookCreated?: WebhookCreated;
  WebhookList?: WebhookList;
  WebhookSubscription?: WebhookSubscription;
  WorkItem?: WorkItem;
  WorkList?: WorkList;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Assignee".
 */
export interface Assignee {
  kind: 'worker' | 'team' | 'role';
  id: string;
  name: string;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "AuditVerdict".
 */
export interface AuditVerdict {
  caseId: string;
  checkedAt: string;
  ok: boolean;
  entries: number;
  brokenAt?: number;
  reason?: string;
  keyedFrom?: number;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "CaseAudit".
 */
export interface CaseAudit {
  caseId: string;
  familyName: string;
  definition: {
    [k: string]: unknown | undefined;
  };
  status: string;
  entries: {
    seq: number;
    at: string;
    actor: string;
    actorName: string;
    action: string;
    detail: unknown;
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "CaseFileEntry".
 */
export interface CaseFileEntry {
  node: string;
  task: string | null;
  name: string;
  form: {
    id: string;
    title: string;
  };
  completedAt: string;
  completedBy: Named | null;
  sections: CaseFileSection[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Named".
 */
export interface Named {
  id: string;
  name: string;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "CaseFileSection".
 */
export interface CaseFileSection {
  title: string | null;
  rows: CaseFileRow[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "CaseFileRow".
 */
export interface CaseFileRow {
  label: string;
  value: string | string[];
  items?: {
    label: string;
    rows: CaseFileRow[];
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "CaseList".
 */
export interface CaseList {
  cases: CaseSummary[];
  count: number;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "CaseSummary".
 */
export interface CaseSummary {
  id: string;
  reference: string;
  familyName: string;
  status: CaseStatus;
  definition: DefinitionRef;
  startedAt: string;
  updatedAt: string;
  openTasks: number;
  nextDue: string | null;
  overdue: boolean;
  stages: {
    node: string;
    name: string;
    stage: string | null;
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "DefinitionRef".
 */
export interface DefinitionRef {
  id: string;
  version: number;
  name: string;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "CaseView".
 */
export interface CaseView {
  id: string;
  reference: string;
  version: number;
  status: CaseStatus;
  outcome: {
    id: string;
    at: string;
    name: string;
    nodeName: string | null;
    node?: string;
    closureReason?: string;
  } | null;
  closures: {
    node: string;
    nodeName: string;
    outcome: string;
    outcomeName: string;
    closureReason: string;
    at: string;
  }[];
  definition: DefinitionRef;
  entry: Named;
  family: {
    familyName: string;
    children: Child[];
  };
  startedAt: string;
  startedBy: Named | null;
  updatedAt: string;
  stages: {
    node: string;
    kind: string | null;
    name: string;
    stage: string | null;
  }[];
  openTasks: TaskSummary[];
  overdue: boolean;
  links: {
    parent: {
      caseId: string;
      node: string;
    } | null;
    children: {
      caseId: string;
      node: string | null;
      at: string;
    }[];
  };
  map: ProtocolMapView;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Child".
 */
export interface Child {
  name: string;
  dateOfBirth?: string;
  personId?: string;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "TaskSummary".
 */
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
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "ProtocolMapView".
 */
export interface ProtocolMapView {
  nodes: {
    id: string;
    kind: string;
    name: string;
    stage: string | null;
    state: 'active' | 'done' | 'not_reached';
    position?: {
      x: number;
      y: number;
    };
  }[];
  edges: {
    from: string;
    to: string;
    label?: string;
  }[];
  active: string[];
  done: string[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "ChangeSummary".
 */
export interface ChangeSummary {
  node: number;
  timescale: number;
  form: number;
  team: number;
  role: number;
  other: number;
  total: number;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "CompletedCase".
 */
export interface CompletedCase {
  id: string;
  reference: string;
  version: number;
  status: CaseStatus;
  outcome: {
    id: string;
    at: string;
    name: string;
    nodeName: string | null;
    node?: string;
    closureReason?: string;
  } | null;
  closures: {
    node: string;
    nodeName: string;
    outcome: string;
    outcomeName: string;
    closureReason: string;
    at: string;
  }[];
  definition: DefinitionRef;
  entry: Named;
  family: {
    familyName: string;
    children: Child[];
  };
  startedAt: string;
  startedBy: Named | null;
  updatedAt: string;
  stages: {
    node: string;
    kind: string | null;
    name: string;
    stage: string | null;
  }[];
  openTasks: TaskSummary[];
  overdue: boolean;
  links: {
    parent: {
      caseId: string;
      node: string;
    } | null;
    children: {
      caseId: string;
      node: string | null;
      at: string;
    }[];
  };
  map: ProtocolMapView;
  completion: Completion;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Completion".
 */
export interface Completion {
  completed: boolean;
  closed: boolean;
  outcome: Named | null;
  nextTasks: TaskSummary[];
  stillOpen: TaskSummary[];
  startedCases: string[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "CompletedTask".
 */
export interface CompletedTask {
  id: string;
  reference: string;
  version: number;
  status: CaseStatus;
  completion: Completion;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "DefinitionDiff".
 */
export interface DefinitionDiff {
  id: string;
  from: number;
  to: number | 'draft';
  summary: ChangeSummary;
  described: {
    topic: 'deadline' | 'who' | 'question' | 'step' | 'way_out' | 'notification' | 'other';
    kind: 'added' | 'removed' | 'changed';
    about: string | null;
    text: string;
    paths: string[];
  }[];
  changes: {
    path: string;
    kind: 'added' | 'removed' | 'changed';
    category: 'node' | 'timescale' | 'form' | 'team' | 'role' | 'other';
    before?: unknown;
    after?: unknown;
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "DefinitionList".
 */
export interface DefinitionList {
  authority: string;
  canEdit: boolean;
  definitions: {
    id: string;
    name: string;
    description: string | null;
    latestVersion: number | null;
    publishedAt: string | null;
    publishedBy: string | null;
    hasDraft: boolean;
    draft?: {
      savedAt: string;
      savedBy: string;
      unpublishedChanges: number | null;
      problemCount: number;
    } | null;
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "DefinitionProblem".
 */
export interface DefinitionProblem {
  code: string;
  path: string;
  message: string;
  cause?: {
    code: string;
    path: string;
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "DefinitionValidation".
 */
export interface DefinitionValidation {
  id: string;
  valid: boolean;
  problems: DefinitionProblem[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "DefinitionVersions".
 */
export interface DefinitionVersions {
  id: string;
  name: string;
  latestVersion: number | null;
  versions: {
    version: number;
    name: string;
    publishedAt: string;
    publishedBy: string;
    note: string | null;
    changes: ChangeSummary | null;
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "DraftView".
 */
export interface DraftView {
  id: string;
  authority: string;
  savedAt: string | null;
  savedBy: string | null;
  latestVersion: number | null;
  unpublishedChanges: number | null;
  problems: DefinitionProblem[];
  /**
   * A workflow definition, as /schema/definition.schema.json describes
   */
  definition: WorkflowDefinition;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "GuardCheck".
 */
export interface GuardCheck {
  message: string;
  rule: unknown;
  passes: boolean | null;
  mayDependOnAnswers: boolean;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Health".
 */
export interface Health {
  status: 'ok';
  nextTimerAt: string | null;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "LegalHold".
 */
export interface LegalHold {
  caseId: string;
  authority: string;
  by: string;
  at: string;
  reason: string;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "MigrationPlan".
 */
export interface MigrationPlan {
  definition: string;
  from: number;
  to: number;
  cases: {
    caseId: string;
    version: number;
    migratable: boolean;
    blockers: {
      code:
        | 'task_node_missing'
        | 'task_form_missing'
        | 'timer_node_missing'
        | 'escalation_missing'
        | 'subflow_node_missing'
        | 'join_node_missing';
      node: string;
      ref?: string;
    }[];
  }[];
  summary: {
    cases: number;
    migratable: number;
    blocked: number;
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "MigrationRun".
 */
export interface MigrationRun {
  dryRun: boolean;
  plan: {
    definition: string;
    from: number;
    to: number;
    cases: {
      caseId: string;
      version: number;
      migratable: boolean;
      blockers: {
        code:
          | 'task_node_missing'
          | 'task_form_missing'
          | 'timer_node_missing'
          | 'escalation_missing'
          | 'subflow_node_missing'
          | 'join_node_missing';
        node: string;
        ref?: string;
      }[];
    }[];
  };
  summary: {
    cases: number;
    migratable: number;
    blocked: number;
  };
  notInPlan: string[];
  result?: {
    moved: string[];
    skipped: {
      caseId: string;
      reason: string;
    }[];
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "NextActionView".
 */
export interface NextActionView {
  id: string;
  label: string;
  to: {
    id: string;
    name: string;
    kind: string | null;
  };
  irreversible: ('closes' | 'withdraws' | 'steps_up') | null;
  chosenBy: {
    field: string;
    values: unknown[];
  } | null;
  passTo: {
    required: boolean;
    teams: Named[];
    workers: boolean;
    workerRoles: Named[] | null;
    teamFromAnswer: string | null;
  } | null;
  requires: string[];
  scheduledDate: {
    required: boolean;
    label: string;
  } | null;
  defaultPriority: Priority | null;
  guards: GuardCheck[];
  available: boolean;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "OpenApiDocument".
 */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: {
    [k: string]: unknown | undefined;
  };
  paths: {
    [k: string]: unknown | undefined;
  };
  components: {
    [k: string]: unknown | undefined;
  };
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "OpenCasesReport".
 */
export interface OpenCasesReport {
  report: 'open-cases';
  authority: string;
  asOf: string;
  totals: {
    openCases: number;
    withoutOpenTask: number;
  };
  byStage: {
    stage: string;
    cases: number;
  }[];
  byTeam: {
    team: string | null;
    teamName: string;
    cases: number;
  }[];
  truncated: boolean;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Outbox".
 */
export interface Outbox {
  authority: string;
  counts: {
    [k: string]: unknown | undefined;
  };
  total: number;
  truncated: boolean;
  messages: (
    | {
        id: string;
        kind: 'notify';
        caseId: string;
        status: 'pending' | 'done' | 'dead';
        attempts: number;
        createdAt: string;
        availableAt: string;
        doneAt: string | null;
        lastError: string | null;
        reason: string;
        subject: string;
        body: string;
        to: {
          kind: string;
          id: string;
          name: string;
          address?: string;
        }[];
        addresses: string[];
      }
    | {
        id: string;
        kind: string;
        caseId: string;
        status: 'pending' | 'done' | 'dead';
        attempts: number;
        createdAt: string;
        availableAt: string;
        doneAt: string | null;
        lastError: string | null;
      }
  )[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PeopleImport".
 */
export interface PeopleImport {
  dryRun: boolean;
  counts: {
    add: number;
    change: number;
    unchanged: number;
    refused: number;
  };
  rows: {
    row: number;
    email: string;
    outcome: 'add' | 'change' | 'unchanged' | 'refused';
    errors: {
      column: string;
      message: string;
    }[];
    changes?: string[];
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PeopleList".
 */
export interface PeopleList {
  authority: string;
  roles: Named[];
  teams: Named[];
  minPasswordLength: number;
  people: Person[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Person".
 */
export interface Person {
  id: string;
  authority: string;
  name: string;
  email: string;
  roles: string[];
  teams: string[];
  disabled: boolean;
  hasPassword: boolean;
  signsInWithProvider: boolean;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PersonAnswer".
 */
export interface PersonAnswer {
  person: Person;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PlannedDisposal".
 */
export interface PlannedDisposal {
  caseId: string;
  authority: string;
  definition: {
    id: string;
    version: number;
  };
  status: string;
  version: number;
  closedAt: string;
  due: string | null;
  then: string;
  because: string;
  rule: string;
  hold: LegalHold | null;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PublishResult".
 */
export interface PublishResult {
  id: string;
  version: number;
  previousVersion: number | null;
  publishedAt: string;
  publishedBy: string;
  name: string;
  note: string | null;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PublishedDefinitionView".
 */
export interface PublishedDefinitionView {
  id: string;
  authority: string;
  name: string;
  version: number;
  latestVersion: number;
  publishedAt: string;
  publishedBy: string;
  /**
   * A workflow definition, as /schema/definition.schema.json describes
   */
  definition: WorkflowDefinition;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "RecordedForm".
 */
export interface RecordedForm {
  node: string;
  task: string | null;
  name: string;
  form: {
    id: string;
    title: string;
  };
  completedAt: string;
  completedBy: Named | null;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "RetentionReport".
 */
export interface RetentionReport {
  at: string;
  today: string;
  authority: string | null;
  due: PlannedDisposal[];
  held: PlannedDisposal[];
  undated: PlannedDisposal[];
  notYetDue: number;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "SessionView".
 */
export interface SessionView {
  user: {
    id: string;
    authority: string;
    name: string;
    email: string;
    roles: string[];
    teams: string[];
    sso?: {
      issuer: string;
      subject: string;
    };
    disabled?: boolean;
  };
  csrfToken: string;
  authority?: {
    id: string;
    name: string;
    logo?: string;
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "SignInOptions".
 */
export interface SignInOptions {
  authorities: {
    id: string;
    name: string;
    href: string;
  }[];
  passwords: boolean;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Signer".
 */
export interface Signer {
  label: string;
  roles: Named[];
  signature: {
    at: string;
    role: Named;
    person: Named | null;
  } | null;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Simulation".
 */
export interface Simulation {
  definition: {
    id: string;
    version: number | null;
    draft: boolean;
  };
  timeZone: string;
  period: {
    from: string;
    to: string;
  };
  bankHolidays: {
    date: string;
    name: string;
    substitute?: boolean;
  }[];
  closureDays: {
    date: string;
    name: string;
    substitute?: boolean;
  }[];
  ok: boolean;
  failures: {
    step: number;
    message: string;
  }[];
  timeline: {
    at: string;
    type: string;
    detail: {
      [k: string]: unknown | undefined;
    };
    node?: string;
    by?: string;
    task?: string;
  }[];
  upcoming: {
    at: string;
    type: 'task_due' | 'timer';
    node: string;
    task?: string;
    name?: string;
  }[];
  finalState: {
    schemaVersion: number;
    id: string;
    definition: {
      id: string;
      version: number;
    };
    authority: string;
    status: CaseStatus;
    entry: string;
    startedAt: string;
    startedBy: string;
    updatedAt: string;
    version: number;
    seq: number;
    subject: {
      familyName: string;
      children: Child[];
    };
    form: {
      [k: string]: unknown | undefined;
    };
    done: {
      [k: string]: unknown | undefined;
    };
    entered: {
      [k: string]: unknown | undefined;
    };
    action: {
      [k: string]: unknown | undefined;
    };
    performer: {
      [k: string]: unknown | undefined;
    };
    passedTo: {
      [k: string]: unknown | undefined;
    };
    closures: {
      [k: string]: unknown | undefined;
    }[];
    tasks: {
      [k: string]: unknown | undefined;
    };
    timers: {
      [k: string]: unknown | undefined;
    };
    joins: {
      [k: string]: unknown | undefined;
    };
    waitingFor: {
      [k: string]: unknown | undefined;
    };
    history: {
      at: string;
      type: string;
      [k: string]: unknown | undefined;
    }[];
    outcome?: {
      [k: string]: unknown | undefined;
    };
    parent?: {
      [k: string]: unknown | undefined;
    };
  } | null;
  overdue?: {
    at: string;
    type: 'task_due';
    node: string;
    task: string;
    name: string;
  }[];
  example?: {
    [k: string]: unknown | undefined;
  } | null;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "StartFormView".
 */
export interface StartFormView {
  case: {
    id: string;
    reference: string;
    familyName: string;
    definition: Named;
  };
  form: CaseFileEntry;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "SubjectAccessExport".
 */
export interface SubjectAccessExport {
  format: string;
  version: number;
  exportedAt: string;
  authority: Named;
  scope: {
    kind: string;
    child?: string;
  };
  case: {
    id: string;
    reference: string;
    protocol: DefinitionRef;
    status: CaseStatus;
    startedAt: string;
    startedBy: string | null;
    outcome: {
      name: string;
      closureReason: string | null;
      at: string;
    } | null;
    familyName: string;
    children: {
      name: string;
      dateOfBirth: string | null;
      personId: string | null;
    }[];
  };
  forms: {
    step: string;
    form: string;
    completedAt: string;
    completedAtLondon: string;
    completedBy: string | null;
    sections: CaseFileSection[];
  }[];
  timeline: {
    at: string;
    london: string;
    type: string;
    text: string;
    who: string | null;
    internal: boolean;
  }[];
  emails: {
    createdAt: string;
    createdAtLondon: string;
    status: string;
    to: string[];
    subject: string;
    body: string;
  }[];
  views: {
    at: string;
    london: string;
    who: string;
    what: string;
  }[];
  redaction: {
    found: number;
    redacted: number;
    labels: string[];
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "SubjectAccessPreview".
 */
export interface SubjectAccessPreview {
  caseId: string;
  reference: string;
  familyName: string;
  status: CaseStatus;
  children: {
    index: number;
    name: string;
  }[];
  child: number | null;
  thirdParties: {
    id: string;
    name: string;
    kind: 'staff' | 'named_in_answers';
    label: string;
  }[];
  formats: string[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "TaskForm".
 */
export interface TaskForm {
  case: {
    id: string;
    version: number;
    status: CaseStatus;
    familyName: string;
    children: Child[];
    definition: DefinitionRef;
  };
  task: {
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
    completedAt: string | null;
    completedBy: Named | null;
  };
  form: {
    id: string;
    title: string;
    description: string | null;
    schema: {
      [k: string]: unknown | undefined;
    };
    layout: FormLayout | null;
    errorMessages: {
      [k: string]: unknown | undefined;
    };
  } | null;
  prefill: {
    [k: string]: unknown | undefined;
  };
  prefilled: string[];
  draft: {
    data: {
      [k: string]: unknown | undefined;
    };
    savedAt: string;
  } | null;
  answers: {
    [k: string]: unknown | undefined;
  } | null;
  caseFile: CaseFileEntry[];
  guards: GuardCheck[];
  evaluation: {
    node: string;
    data: {
      [k: string]: unknown | undefined;
    };
    calendar: {
      timeZone: string;
      closureDays: {
        date: string;
        name: string;
        substitute?: boolean;
      }[];
      bankHolidays: {
        date: string;
        name: string;
        substitute?: boolean;
      }[];
    };
  };
  signing: {
    signers: Signer[];
    proposedActions: {
      action: string;
      passTo?:
        | {
            worker: string;
          }
        | {
            team: string;
          };
      priority?: Priority;
      scheduledFor?: string;
      note?: string;
      [k: string]: unknown | undefined;
    }[];
  } | null;
  roles: Named[] | null;
  multipleActions: boolean;
  actions: NextActionView[];
  people: {
    id: string;
    name: string;
    roles: Named[];
  }[];
  priorities: {
    id: Priority;
    label: string;
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "TasksReport".
 */
export interface TasksReport {
  report: 'tasks';
  authority: string;
  asOf: string;
  dueSoonWorkingDays: number;
  dueSoonUntil: {
    [k: string]: string | undefined;
  };
  totals: {
    open: number;
    overdue: number;
    dueSoon: number;
    noDueDate: number;
  };
  byTeam: {
    team: string | null;
    teamName: string;
    open: number;
    overdue: number;
    dueSoon: number;
    noDueDate: number;
  }[];
  byWorker: {
    worker: string | null;
    workerName: string;
    open: number;
    overdue: number;
    dueSoon: number;
    noDueDate: number;
  }[];
  truncated: boolean;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Timeline".
 */
export interface Timeline {
  caseId: string;
  status: CaseStatus;
  history: {
    at: string;
    london: string;
    type: string;
    node: string | null;
    nodeName: string | null;
    task: string | null;
    who: Named | null;
    text: string;
    internal: boolean;
    detail: {
      [k: string]: unknown | undefined;
    };
    email: {
      subject: string;
      body: string;
    } | null;
  }[];
  upcoming: {
    at: string;
    london: string;
    kind: string;
    label: string;
    node: string;
    nodeName: string | null;
    task: string | null;
    overdue: boolean;
  }[];
  forms: RecordedForm[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "TimescalesReport".
 */
export interface TimescalesReport {
  report: 'timescales';
  authority: string;
  asOf: string;
  from: string;
  to: string;
  period: {
    start: string;
    end: string;
  };
  totals: {
    completed: number;
    met: number;
    late: number;
    metPercent: number | null;
    openOverdue: number;
    byTeam: {
      team: string | null;
      teamName: string;
      completed: number;
      met: number;
      late: number;
      metPercent: number | null;
      openOverdue: number;
    }[];
    byMonth: {
      month: string;
      completed: number;
      met: number;
      late: number;
      metPercent: number | null;
      openOverdue: number;
    }[];
  };
  timescales: {
    definitionId: string;
    node: string;
    name: string;
    stage: string | null;
    label: string;
    completed: number;
    met: number;
    late: number;
    metPercent: number | null;
    openOverdue: number;
    byTeam: {
      team: string | null;
      teamName: string;
      completed: number;
      met: number;
      late: number;
      metPercent: number | null;
      openOverdue: number;
    }[];
    byMonth: {
      month: string;
      completed: number;
      met: number;
      late: number;
      metPercent: number | null;
      openOverdue: number;
    }[];
  }[];
  truncated: boolean;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Tray".
 */
export interface Tray {
  team: {
    id: string;
    name: string;
    kind: string;
  };
  tasks: WorkItem[];
  counts: {
    total: number;
    overdue: number;
  };
  allocate: {
    people: Named[];
  } | null;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "WorkItem".
 */
export interface WorkItem {
  caseId: string;
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
  dueTag:
    | (
        | {
            kind: 'overdue';
            workingDays: number;
          }
        | {
            kind: 'today';
          }
        | {
            kind: 'tomorrow';
          }
      )
    | null;
  canTake: boolean;
  createdAt: string;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "WebhookAnswer".
 */
export interface WebhookAnswer {
  subscription: WebhookSubscription;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "WebhookSubscription".
 */
export interface WebhookSubscription {
  id: string;
  authority: string;
  url: string;
  events: string[];
  description: string;
  createdAt: string;
  createdBy: string;
  disabledAt: string | null;
  active: boolean;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "WebhookCreated".
 */
export interface WebhookCreated {
  subscription: WebhookSubscription;
  secret: string;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "WebhookList".
 */
export interface WebhookList {
  authority: string;
  eventTypes: string[];
  subscriptions: WebhookSubscription[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "WorkList".
 */
export interface WorkList {
  tasks: WorkItem[];
  counts: {
    total: number;
    mine: number;
    teams: number;
    roles: number;
    overdue: number;
  };
  teams: {
    id: string;
    name: string;
    kind: string;
    open: number;
  }[];
  roles: Named[];
}
