/* Generated from server/routes/response-schemas.ts by `npm run gen:api-types`. Do not edit by hand. */

/**
 * Every named response body of the Stepwise API.
 */
export interface ApiResponses {
  AuditVerdict?: AuditVerdict;
  CaseAudit?: CaseAudit;
  CaseView?: CaseView;
  DefinitionDiff?: DefinitionDiff;
  DefinitionProblem?: DefinitionProblem;
  DefinitionVersions?: DefinitionVersions;
  DraftView?: DraftView;
  GetCases?: GetCases;
  GetCasesIdLegalHold?: GetCasesIdLegalHold;
  GetCasesIdSubjectAccessExport?: GetCasesIdSubjectAccessExport;
  GetDefinitions?: GetDefinitions;
  GetDefinitionsIdMigrationsPlan?: GetDefinitionsIdMigrationsPlan;
  GetOutbox?: GetOutbox;
  GetReportsOpenCases?: GetReportsOpenCases;
  GetReportsTasks?: GetReportsTasks;
  GetReportsTimescales?: GetReportsTimescales;
  GetRetention?: GetRetention;
  GetSso?: GetSso;
  GetWebhooks?: GetWebhooks;
  Health?: Health;
  OpenApiDocument?: OpenApiDocument;
  PeopleImport?: PeopleImport;
  PeopleList?: PeopleList;
  Person?: Person;
  PersonAnswer?: PersonAnswer;
  PersonChanged?: PersonChanged;
  PostCases?: PostCases;
  PostCasesIdLegalHold?: PostCasesIdLegalHold;
  PostCasesIdTasksTaskIdComplete?: PostCasesIdTasksTaskIdComplete;
  PostCasesIdTasksTaskIdReassign?: PostCasesIdTasksTaskIdReassign;
  PostCasesIdWithdraw?: PostCasesIdWithdraw;
  PostDefinitionsIdMigrations?: PostDefinitionsIdMigrations;
  PostDefinitionsIdValidate?: PostDefinitionsIdValidate;
  PostWebhooks?: PostWebhooks;
  PostWebhooksIdDisable?: PostWebhooksIdDisable;
  PostWebhooksIdEnable?: PostWebhooksIdEnable;
  PublishResult?: PublishResult;
  PublishedDefinitionView?: PublishedDefinitionView;
  SessionView?: SessionView;
  Simulation?: Simulation;
  StartFormView?: StartFormView;
  SubjectAccessPreview?: SubjectAccessPreview;
  TaskForm?: TaskForm;
  Timeline?: Timeline;
  Tray?: Tray;
  WorkList?: WorkList;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "AuditVerdict".
 */
export interface AuditVerdict {
  caseId: string;
  checkedAt: string;
  ok: boolean;
  brokenAt?: number;
  reason?: string;
  entries: number;
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
 * via the `definition` "CaseView".
 */
export interface CaseView {
  id: string;
  reference: string;
  version: number;
  status: string;
  outcome: string | null;
  closures: unknown[];
  definition: {
    id: string;
    version: number;
    name: string;
  };
  entry: {
    id: string;
    name: string;
  };
  family: {
    familyName: string;
    children: {
      name: string;
      dateOfBirth?: string;
      personId?: string;
    }[];
  };
  startedAt: string;
  startedBy: {
    id: string;
    name: string;
  };
  updatedAt: string;
  stages: {
    node: string;
    kind: string;
    name: string;
    stage: string | null;
  }[];
  openTasks: {
    id: string;
    node: string;
    name: string;
    stage: string | null;
    status: string;
    assignee: {
      kind: 'worker' | 'team' | 'role';
      id: string;
      name: string;
    };
    priority: 'urgent' | 'normal' | 'low';
    createdAt: string;
    availableFrom: string | null;
    due: null | string;
    dueLabel: string | null;
    overdue: boolean;
    escalationLevel: number;
    scheduledFor: unknown;
    note: string | null;
    passedBy: {
      id: string;
      name: string;
    } | null;
    canAct: boolean;
  }[];
  overdue: boolean;
  links: {
    parent: null | {
      caseId: string;
      node: string;
    };
    children: unknown[];
  };
  map: {
    nodes: {
      id: string;
      kind: string;
      name: string;
      stage: string | null;
      position?: {
        x: number;
        y: number;
      };
      state: string;
    }[];
    edges: {
      from: string;
      to: string;
      label?: string;
    }[];
    active: string[];
    done: string[];
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "DefinitionDiff".
 */
export interface DefinitionDiff {
  id: string;
  from: number;
  to: string | number;
  summary: {
    [k: string]: unknown | undefined;
  };
  described: {
    kind: string;
    topic: string;
    text: string;
    about: string;
    paths: string[];
  }[];
  changes:
    | ({
        path: string;
        kind: string;
        category: string;
        before:
          | number
          | string
          | {
              [k: string]: unknown | undefined;
            }[];
        after:
          | number
          | string
          | {
              [k: string]: unknown | undefined;
            }[];
      } | null)[]
    | null;
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
    changes: {
      node: number;
      timescale: number;
      form: number;
      team: number;
      role: number;
      other: number;
      total: number;
    } | null;
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
  definition: {
    [k: string]: unknown | undefined;
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "GetCases".
 */
export interface GetCases {
  cases: {
    id: string;
    reference: string;
    familyName: string;
    status: string;
    definition: {
      id: string;
      version: number;
      name: string;
    };
    startedAt: string;
    updatedAt: string;
    openTasks: number;
    nextDue: null | string;
    overdue: boolean;
    stages: {
      node: string;
      name: string;
      stage: string | null;
    }[];
  }[];
  count: number;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "GetCasesIdLegalHold".
 */
export interface GetCasesIdLegalHold {
  caseId: string;
  authority: string;
  by: string;
  at: string;
  reason: string;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "GetCasesIdSubjectAccessExport".
 */
export interface GetCasesIdSubjectAccessExport {
  format: string;
  version: number;
  exportedAt: string;
  authority: {
    id: string;
    name: string;
  };
  scope: {
    kind: string;
    child?: string;
  };
  case: {
    id: string;
    reference: string;
    protocol: {
      id: string;
      version: number;
      name: string;
    };
    status: string;
    startedAt: string;
    startedBy: string;
    outcome: string | null;
    familyName: string;
    children: {
      name: string;
      dateOfBirth: string;
      personId: string;
    }[];
  };
  forms: {
    step: string;
    form: string;
    completedAt: string;
    completedAtLondon: string;
    completedBy: string;
    sections: {
      title: string;
      rows: {
        [k: string]: unknown | undefined;
      }[];
    }[];
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
 * via the `definition` "GetDefinitions".
 */
export interface GetDefinitions {
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
      [k: string]: unknown | undefined;
    };
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "GetDefinitionsIdMigrationsPlan".
 */
export interface GetDefinitionsIdMigrationsPlan {
  definition: string;
  from: number;
  to: number;
  cases: {
    caseId: string;
    version: number;
    migratable: boolean;
    blockers: {
      code: string;
      node: string;
      ref: string;
    }[];
  }[];
  summary: {
    [k: string]: unknown | undefined;
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "GetOutbox".
 */
export interface GetOutbox {
  authority: string;
  counts: {
    [k: string]: unknown | undefined;
  };
  total: number;
  truncated: boolean;
  messages: {
    id: string;
    kind: string;
    caseId: string;
    status: string;
    attempts: number;
    createdAt: string;
    availableAt: string;
    doneAt: null | string;
    lastError: null | string;
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
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "GetReportsOpenCases".
 */
export interface GetReportsOpenCases {
  report: string;
  authority: string;
  asOf: string;
  totals: {
    [k: string]: unknown | undefined;
  };
  byStage: {
    [k: string]: unknown | undefined;
  }[];
  byTeam: {
    [k: string]: unknown | undefined;
  }[];
  truncated: boolean;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "GetReportsTasks".
 */
export interface GetReportsTasks {
  report: string;
  authority: string;
  asOf: string;
  dueSoonWorkingDays: number;
  dueSoonUntil: {
    [k: string]: unknown | undefined;
  };
  totals: {
    [k: string]: unknown | undefined;
  };
  byTeam: {
    [k: string]: unknown | undefined;
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
 * via the `definition` "GetReportsTimescales".
 */
export interface GetReportsTimescales {
  report: string;
  authority: string;
  asOf: string;
  from: string;
  to: string;
  period: {
    start: string;
    end: string;
  };
  totals: {
    [k: string]: unknown | undefined;
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
    metPercent: null | number;
    openOverdue: number;
    byTeam: {
      [k: string]: unknown | undefined;
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
 * via the `definition` "GetRetention".
 */
export interface GetRetention {
  at: string;
  today: string;
  authority: string;
  due:
    | ({
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
        hold: unknown;
      } | null)[]
    | null;
  held: {
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
    hold: {
      caseId: string;
      authority: string;
      by: string;
      at: string;
      reason: string;
    };
  }[];
  undated: unknown[];
  notYetDue: number;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "GetSso".
 */
export interface GetSso {
  authorities: {
    id: string;
    name: string;
    href: string;
  }[];
  passwords: boolean;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "GetWebhooks".
 */
export interface GetWebhooks {
  authority: string;
  eventTypes: string[];
  subscriptions: {
    id: string;
    authority: string;
    url: string;
    events: string[];
    description: string;
    createdAt: string;
    createdBy: string;
    disabledAt: string | null;
    active: boolean;
  }[];
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
 * via the `definition` "PeopleImport".
 */
export interface PeopleImport {
  dryRun: boolean;
  counts: {
    [k: string]: unknown | undefined;
  };
  rows: {
    row: number;
    email: string;
    outcome: 'add' | 'change' | 'unchanged' | 'refused';
    changes?: string[];
    errors: {
      column: string;
      message: string;
    }[];
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PeopleList".
 */
export interface PeopleList {
  authority: string;
  roles: {
    id: string;
    name: string;
  }[];
  teams: {
    id: string;
    name: string;
  }[];
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
 * via the `definition` "PersonChanged".
 */
export interface PersonChanged {
  person: Person;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PostCases".
 */
export interface PostCases {
  id: string;
  reference: string;
  version: number;
  status: string;
  outcome: string | null;
  closures: unknown[];
  definition: {
    id: string;
    version: number;
    name: string;
  };
  entry: {
    id: string;
    name: string;
  };
  family: {
    familyName: string;
    children: {
      name: string;
      dateOfBirth?: string;
      personId?: string;
    }[];
  };
  startedAt: string;
  startedBy: {
    id: string;
    name: string;
  };
  updatedAt: string;
  stages: {
    node: string;
    kind: string;
    name: string;
    stage: string | null;
  }[];
  openTasks: {
    id: string;
    node: string;
    name: string;
    stage: string | null;
    status: string;
    assignee: {
      kind: 'worker' | 'team' | 'role';
      id: string;
      name: string;
    };
    priority: 'urgent' | 'normal' | 'low';
    createdAt: string;
    availableFrom: string | null;
    due: null | string;
    dueLabel: string | null;
    overdue: boolean;
    escalationLevel: number;
    scheduledFor: unknown;
    note: string | null;
    passedBy: {
      id: string;
      name: string;
    } | null;
    canAct: boolean;
  }[];
  overdue: boolean;
  links: {
    parent: unknown;
    children: unknown[];
  };
  map: {
    nodes: {
      id: string;
      kind: string;
      name: string;
      stage: string | null;
      position?: {
        x: number;
        y: number;
      };
      state: string;
    }[];
    edges: {
      from: string;
      to: string;
      label?: string;
    }[];
    active: string[];
    done: string[];
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PostCasesIdLegalHold".
 */
export interface PostCasesIdLegalHold {
  caseId: string;
  by: string;
  at: string;
  reason: string;
  authority: string;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PostCasesIdTasksTaskIdComplete".
 */
export interface PostCasesIdTasksTaskIdComplete {
  id: string;
  reference: string;
  version: number;
  status: string;
  outcome?: null | {
    id: string;
    node: string;
    closureReason?: string;
    at: string;
    name: string;
    nodeName: string;
  };
  closures?: {
    node: string;
    outcome: string | null;
    closureReason: string;
    at: string;
    nodeName: string;
    outcomeName: string;
  }[];
  definition?: {
    id: string;
    version: number;
    name: string;
  };
  entry?: {
    id: string;
    name: string;
  };
  family?: {
    familyName: string;
    children: {
      name: string;
      dateOfBirth?: string;
      personId?: string;
    }[];
  };
  startedAt?: string;
  startedBy?: {
    id: string;
    name: string;
  };
  updatedAt?: string;
  stages?: {
    node: string;
    kind: string;
    name: string;
    stage: string | null;
  }[];
  openTasks?: {
    id: string;
    node: string;
    name: string;
    stage: string | null;
    status: string;
    assignee: {
      kind: 'worker' | 'team' | 'role';
      id: string;
      name: string;
    };
    priority: 'urgent' | 'normal' | 'low';
    createdAt: string;
    availableFrom: null | string;
    due: string | null;
    dueLabel: string | null;
    overdue: boolean;
    escalationLevel: number;
    scheduledFor: unknown;
    note: null | string;
    passedBy: {
      id: string;
      name: string;
    } | null;
    canAct: boolean;
  }[];
  overdue?: boolean;
  links?: {
    parent: unknown;
    children: {
      caseId: string;
      node: string;
      at: string;
    }[];
  };
  map?: {
    nodes: {
      id: string;
      kind: string;
      name: string;
      stage: string | null;
      position?: {
        x: number;
        y: number;
      };
      state: string;
    }[];
    edges: {
      from: string;
      to: string;
      label?: string;
    }[];
    active: string[];
    done: string[];
  };
  completion: {
    completed: boolean;
    closed: boolean;
    outcome: null | {
      id: string;
      name: string;
    };
    nextTasks: {
      id: string;
      node: string;
      name: string;
      stage: string | null;
      status: string;
      assignee: {
        kind: 'worker' | 'team' | 'role';
        id: string;
        name: string;
      };
      priority: 'urgent' | 'normal' | 'low';
      createdAt: string;
      availableFrom: null | string;
      due: string | null;
      dueLabel: string | null;
      overdue: boolean;
      escalationLevel: number;
      scheduledFor: unknown;
      note: null | string;
      passedBy: {
        id: string;
        name: string;
      } | null;
      canAct: boolean;
    }[];
    stillOpen: {
      id: string;
      node: string;
      name: string;
      stage: string | null;
      status: string;
      assignee: {
        kind: 'worker' | 'team' | 'role';
        id: string;
        name: string;
      };
      priority: 'urgent' | 'normal' | 'low';
      createdAt: string;
      availableFrom: string | null;
      due: string | null;
      dueLabel: string | null;
      overdue: boolean;
      escalationLevel: number;
      scheduledFor: unknown;
      note: string | null;
      passedBy: {
        id: string;
        name: string;
      } | null;
      canAct: boolean;
    }[];
    startedCases: string[];
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PostCasesIdTasksTaskIdReassign".
 */
export interface PostCasesIdTasksTaskIdReassign {
  id: string;
  reference: string;
  version: number;
  status: string;
  outcome: string | null;
  closures: unknown[];
  definition: {
    id: string;
    version: number;
    name: string;
  };
  entry: {
    id: string;
    name: string;
  };
  family: {
    familyName: string;
    children: {
      name: string;
      dateOfBirth: string;
      personId: string;
    }[];
  };
  startedAt: string;
  startedBy: {
    id: string;
    name: string;
  };
  updatedAt: string;
  stages: {
    node: string;
    kind: string;
    name: string;
    stage: string | null;
  }[];
  openTasks: {
    id: string;
    node: string;
    name: string;
    stage: string | null;
    status: string;
    assignee: {
      kind: 'worker' | 'team' | 'role';
      id: string;
      name: string;
    };
    priority: 'urgent' | 'normal' | 'low';
    createdAt: string;
    availableFrom: string | null;
    due: string | null;
    dueLabel: string | null;
    overdue: boolean;
    escalationLevel: number;
    scheduledFor: unknown;
    note: string | null;
    passedBy: {
      id: string;
      name: string;
    } | null;
    canAct: boolean;
  }[];
  overdue: boolean;
  links: {
    parent: unknown;
    children: unknown[];
  };
  map: {
    nodes: {
      id: string;
      kind: string;
      name: string;
      stage: string | null;
      position: {
        x: number;
        y: number;
      };
      state: string;
    }[];
    edges: {
      from: string;
      to: string;
      label?: string;
    }[];
    active: string[];
    done: string[];
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PostCasesIdWithdraw".
 */
export interface PostCasesIdWithdraw {
  id: string;
  reference: string;
  version: number;
  status: string;
  outcome: {
    id: string;
    at: string;
    name: string;
    nodeName: string | null;
  } | null;
  closures: unknown[];
  definition: {
    id: string;
    version: number;
    name: string;
  };
  entry: {
    id: string;
    name: string;
  };
  family: {
    familyName: string;
    children: {
      name: string;
      dateOfBirth: string;
      personId: string;
    }[];
  };
  startedAt: string;
  startedBy: {
    id: string;
    name: string;
  };
  updatedAt: string;
  stages: unknown[];
  openTasks: unknown[];
  overdue: boolean;
  links: {
    parent: unknown;
    children: unknown[];
  };
  map: {
    nodes: {
      id: string;
      kind: string;
      name: string;
      stage: string | null;
      position: {
        x: number;
        y: number;
      };
      state: string;
    }[];
    edges: {
      from: string;
      to: string;
      label?: string;
    }[];
    active: unknown[];
    done: string[];
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PostDefinitionsIdMigrations".
 */
export interface PostDefinitionsIdMigrations {
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
        code: string;
        node: string;
        ref: string;
      }[];
    }[];
  };
  summary: {
    [k: string]: unknown | undefined;
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
 * via the `definition` "PostDefinitionsIdValidate".
 */
export interface PostDefinitionsIdValidate {
  id: string;
  valid: boolean;
  problems: {
    code: string;
    path: string;
    message: string;
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PostWebhooks".
 */
export interface PostWebhooks {
  subscription: {
    id: string;
    authority: string;
    url: string;
    events: string[];
    description: string;
    createdAt: string;
    createdBy: string;
    disabledAt: string | null;
    active: boolean;
  };
  secret: string;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PostWebhooksIdDisable".
 */
export interface PostWebhooksIdDisable {
  subscription: {
    id: string;
    authority: string;
    url: string;
    events: string[];
    description: string;
    createdAt: string;
    createdBy: string;
    disabledAt: string;
    active: boolean;
  };
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "PostWebhooksIdEnable".
 */
export interface PostWebhooksIdEnable {
  subscription: {
    id: string;
    authority: string;
    url: string;
    events: string[];
    description: string;
    createdAt: string;
    createdBy: string;
    disabledAt: string | null;
    active: boolean;
  };
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
  definition: {
    [k: string]: unknown | undefined;
  };
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
  authority?: {
    id: string;
    name: string;
    logo?: string;
  };
  csrfToken: string;
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
    substitute: boolean;
  }[];
  closureDays: unknown[];
  ok: boolean;
  failures: {
    step: number;
    message: string;
  }[];
  timeline: {
    at: string;
    type: string;
    node?: string;
    by?: string;
    detail: {
      [k: string]: unknown | undefined;
    };
    task?: string;
  }[];
  upcoming: {
    at: string;
    type: string;
    node: string;
    task?: string;
    name?: string;
  }[];
  overdue: unknown[];
  finalState: {
    schemaVersion: number;
    id: string;
    definition: {
      id: string;
      version: number;
    };
    authority: string;
    status: string;
    entry: string;
    startedAt: string;
    startedBy: string;
    updatedAt: string;
    version: number;
    seq: number;
    subject: {
      [k: string]: unknown | undefined;
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
    closures: unknown[];
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
      node: string;
      by?: string;
      children?: number;
      notification?: string;
      subject?: string;
      to?:
        | {
            team: string;
          }[]
        | string;
      timer?: string;
      fireAt?: string;
      label?: string;
      dueAt?: string;
      task?: string;
      assignee?: string;
      priority?: 'urgent' | 'normal' | 'low';
      due?: string | null;
      role?: string;
      actions?: string[];
      overdue?: boolean;
      branch?: string;
    }[];
  } | null;
  example?: {
    socialWorkerName?: string;
    socialWorkTeam?: string;
    stepDownPoint?: string;
    reasonForStepDown?: string;
    ongoingSupportNeeded?: string;
    familyAgreed?: boolean;
    mashReferralAllocatedToEarlyHelp?: boolean;
    dateOfDiscussion?: string;
    allocatedSocialWorker?: string;
    socialWorkTeamManager?: string;
    earlyHelpTeamManager?: string;
    outcome?: string | null;
    assessmentCompletionDate?: string;
    identifiedFamilyWorker?: string;
    rationale?: string;
    ehmCaseNoteAdded?: boolean;
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
    definition: {
      id: string;
      name: string;
    };
  };
  form: {
    [k: string]: unknown | undefined;
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
  status: string;
  children: {
    index: number;
    name: string;
  }[];
  child: null | number;
  thirdParties: {
    id: string;
    name: string;
    kind: string;
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
    status: string;
    familyName: string;
    children: {
      name: string;
      dateOfBirth?: string;
      personId?: string;
    }[];
    definition: {
      id: string;
      version: number;
      name: string;
    };
  };
  task: {
    id: string;
    node: string;
    name: string;
    stage: string | null;
    status: string;
    assignee: {
      kind: 'worker' | 'team' | 'role';
      id: string;
      name: string;
    };
    priority: 'urgent' | 'normal' | 'low';
    createdAt: string;
    availableFrom: string | null;
    due: string | null;
    dueLabel: string | null;
    overdue: boolean;
    escalationLevel: number;
    scheduledFor: unknown;
    note: string | null;
    passedBy: {
      id: string;
      name: string;
    } | null;
    canAct: boolean;
    completedAt: null | string;
    completedBy: null | {
      [k: string]: unknown | undefined;
    };
  };
  caseFile: {
    node: string;
    task: string | null;
    name: string;
    form: {
      [k: string]: unknown | undefined;
    };
    completedAt: string;
    completedBy: {
      [k: string]: unknown | undefined;
    };
    sections: {
      title: string;
      rows: {
        [k: string]: unknown | undefined;
      }[];
    }[];
  }[];
  answers: null | {
    [k: string]: unknown | undefined;
  };
  form: {
    [k: string]: unknown | undefined;
  };
  prefill: {
    ehTeam?: string;
    children?: {
      name: string;
      dateOfBirth: string;
      personId: string;
    }[];
    caseSteppedDownFrom?: string;
    detailsOfContact?: string;
    previousInvolvement?: string;
    analysis?: string;
    summaryOfConcerns?: string;
    outlineStepDownPlan?: string;
    circumstancesReferBack?: string;
  };
  prefilled: string[];
  draft: null | {
    [k: string]: unknown | undefined;
  };
  guards: {
    message: string;
    rule: {
      [k: string]: unknown | undefined;
    };
    passes: boolean | null;
    mayDependOnAnswers: boolean;
  }[];
  evaluation: {
    node: string;
    data: {
      [k: string]: unknown | undefined;
    };
    calendar: {
      [k: string]: unknown | undefined;
    };
  };
  signing: unknown;
  roles: {
    id: string;
    name: string;
  }[];
  multipleActions: boolean;
  actions: {
    id: string;
    label: string;
    to: {
      id: string;
      name: string;
      kind: string;
    };
    irreversible: null | string;
    chosenBy: {
      field: string;
      values: string[];
    } | null;
    passTo: {
      required: boolean;
      teams: {
        id: string;
        name: string;
      }[];
      workers: boolean;
      workerRoles:
        | null
        | {
            id: string;
            name: string;
          }[];
      teamFromAnswer: string | null;
    } | null;
    requires: string[];
    scheduledDate: null | {
      required: boolean;
      label: string;
    };
    defaultPriority: unknown;
    guards: {
      message: string;
      rule: {
        [k: string]: unknown | undefined;
      };
      passes: boolean | null;
      mayDependOnAnswers: boolean;
    }[];
    available: boolean;
  }[];
  people: {
    id: string;
    name: string;
    roles: {
      id: string;
      name: string;
    }[];
  }[];
  priorities: {
    id: string;
    label: string;
  }[];
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "Timeline".
 */
export interface Timeline {
  caseId: string;
  status: string;
  history: {
    at: string;
    london: string;
    type: string;
    node: string | null;
    nodeName: string | null;
    task: null | string;
    who: {
      id: string;
      name: string;
    } | null;
    text: string;
    internal: boolean;
    detail: {
      [k: string]: unknown | undefined;
    };
    email: null | {
      subject: string;
      body: string;
    };
  }[];
  upcoming: {
    overdue: boolean;
    node: string;
    nodeName: string;
    task: string;
    at: string;
    kind: string;
    label: string;
    london: string;
  }[];
  forms: {
    node: string;
    task: string | null;
    name: string;
    form: {
      [k: string]: unknown | undefined;
    };
    completedAt: string;
    completedBy: {
      [k: string]: unknown | undefined;
    };
  }[];
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
  tasks: {
    caseId: string;
    reference: string;
    taskId: string;
    familyName: string;
    name: string;
    node: string;
    stage: string | null;
    definition: {
      id: string;
      name: string;
    };
    assignee: {
      kind: 'worker' | 'team' | 'role';
      id: string;
      name: string;
    };
    via: 'me' | 'team' | 'role' | 'other';
    priority: 'urgent' | 'normal' | 'low';
    due: string | null;
    dueLabel: string | null;
    overdue: boolean;
    dueTag: {
      kind: string;
      workingDays?: number;
    } | null;
    canTake: boolean;
    createdAt: string;
  }[];
  counts: {
    [k: string]: unknown | undefined;
  };
  allocate: {
    people: {
      id: string;
      name: string;
    }[];
  } | null;
}
/**
 * This interface was referenced by `ApiResponses`'s JSON-Schema
 * via the `definition` "WorkList".
 */
export interface WorkList {
  tasks: {
    caseId: string;
    reference: string;
    taskId: string;
    familyName: string;
    name: string;
    node: string;
    stage: string | null;
    definition: {
      id: string;
      name: string;
    };
    assignee: {
      kind: 'worker' | 'team' | 'role';
      id: string;
      name: string;
    };
    via: 'me' | 'team' | 'role' | 'other';
    priority: 'urgent' | 'normal' | 'low';
    due: null | string;
    dueLabel: string | null;
    overdue: boolean;
    dueTag: null | {
      kind: string;
      workingDays?: number;
    };
    canTake: boolean;
    createdAt: string;
  }[];
  counts: {
    [k: string]: unknown | undefined;
  };
  teams: {
    id: string;
    name: string;
    kind: string;
    open: number;
  }[];
  roles: {
    id: string;
    name: string;
  }[];
}
