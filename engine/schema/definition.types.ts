/* Generated from definition.schema.json by `npm run gen:types`. Do not edit by hand. */

/**
 * Lower-case identifier: letters, digits, `_` and `-`.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "LocalDate".
 */
export type LocalDate = string;
/**
 * A JSONLogic rule over case data (see DataPath for what `var` can read).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "JsonLogic".
 */
export type JsonLogic = {} | boolean | string | number | unknown[] | null;
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Node".
 */
export type Node =
  | StartNode
  | UserTaskNode
  | DecisionNode
  | TimerNode
  | ParallelNode
  | JoinNode
  | NotificationNode
  | SubflowNode
  | EndNode;
/**
 * An entry point: a case starts here. A definition may have several (step down after assessment, after CIN review; step up).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "StartNode".
 */
export type StartNode = NodeBase & {
  kind: 'start';
  form?: Id;
  /**
   * Roles allowed to start a case here.
   */
  roles?: Id[];
  next: Id;
  /**
   * Must hold (over the intake answers) before a case can start here.
   */
  guards?: Guard[];
};
/**
 * A step a person does: fill a form, then choose the next action.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "UserTaskNode".
 */
export type UserTaskNode = NodeBase & {
  kind: 'user_task';
  form?: Id;
  assignee: Assignee;
  /**
   * Only holders of one of these roles may complete (or sign) this task, whoever it is assigned or passed to ("the EH team manager offers the consultation").
   *
   * @minItems 1
   */
  roles?: [Id, ...Id[]];
  /**
   * Maker and checker: whoever completed one of these nodes on the case may not complete this one.
   *
   * @minItems 1
   */
  separateFrom?: [Id, ...Id[]];
  signatures?: JointSignatures;
  priority?: Priority;
  availableFrom?: When;
  due?: Timescale;
  escalations?: Escalation[];
  prefill?: PrefillMapping[];
  /**
   * What earlier steps recorded that this step needs, shown above its form. Without it, every completed form of the case is shown, newest first.
   */
  caseFile?: {
    /**
     * The earlier user tasks or start nodes whose recorded answers to show, in this order (each step's latest occasion first).
     *
     * @minItems 1
     */
    show: [Id, ...Id[]];
  };
  /**
   * Must hold (over the submitted data) before the task can be completed at all.
   */
  guards?: Guard[];
  /**
   * Several next actions may be chosen at once (Mosaic's 'Add'); each starts its own path.
   */
  multipleActions?: boolean;
  /**
   * @minItems 1
   */
  nextActions: [NextAction, ...NextAction[]];
};
/**
 * Who does a task: a role, a team or tray, a named worker, whoever the previous next action was passed to, whoever completed an earlier node, or whoever an earlier node's next action passed the work to (the allocated worker).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Assignee".
 */
export type Assignee =
  | {
      role: Id;
    }
  | {
      team: Id;
    }
  | {
      worker: string;
    }
  | {
      passedTo: true;
      fallback?: Assignee;
    }
  | {
      performerOf: Id;
    }
  | {
      passedToAt: Id;
      fallback?: Assignee;
    };
/**
 * Signed jointly: one person for each signer submits the same answers and next actions; the last signature completes the task. Each signature is recorded with who, in which role and when.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "JointSignatures".
 */
export type JointSignatures =
  | {
      /**
       * One signer per role.
       *
       * @minItems 2
       */
      roles: [Id, Id, ...Id[]];
    }
  | {
      /**
       * Each signer: a different person holding one of the signer's roles (two service managers: two signers with the same role).
       *
       * @minItems 2
       */
      signers: [Signer, Signer, ...Signer[]];
    };
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Priority".
 */
export type Priority = 'urgent' | 'normal' | 'low';
/**
 * A moment computed from case dates.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "When".
 */
export type When = WhenAfter | WhenBefore | WhenAt | WhenNextSlot | WhenWindow;
/**
 * The case date a timescale counts from: one data path, or several, of which the latest date that is set counts ("two weeks after the last meeting, wherever it was recorded").
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Anchor".
 */
export type Anchor = DataPath | [DataPath, ...DataPath[]];
/**
 * A path into case data: `case.startedAt`, `form.<nodeId>.<field>`, `done.<nodeId>` (when a node completed), `entered.<nodeId>` (when a node was entered), `action.<nodeId>` (the next action chosen there), `passedTo.<nodeId>` (who that node's next action passed the work to).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "DataPath".
 */
export type DataPath = string;
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "LocalTime".
 */
export type LocalTime = string;
/**
 * A moment (When), or one chosen by conditions: the first `choose` entry whose rule holds, else `otherwise` ("10 working days, or 15 for families referred to the Early Help Panel").
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Timescale".
 */
export type Timescale = When | WhenChoice;
/**
 * Who a notification goes to: an assignee-like target or a shared mailbox.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Recipient".
 */
export type Recipient =
  | Assignee
  | {
      mailbox: Id;
    };
/**
 * Chooses a route by JSONLogic over case data; the first branch whose rule holds wins, else the default.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "DecisionNode".
 */
export type DecisionNode = NodeBase & {
  kind: 'decision';
  /**
   * @minItems 1
   */
  branches: [
    {
      label?: string;
      when: JsonLogic;
      to: Id;
    },
    ...{
      label?: string;
      when: JsonLogic;
      to: Id;
    }[]
  ];
  default: Id;
};
/**
 * Waits until a moment: a date, an offset from a case date, the next weekly slot, or the opening of a window.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "TimerNode".
 */
export type TimerNode = NodeBase & {
  kind: 'timer';
  wait: When;
  next: Id;
};
/**
 * Splits into branches that run at the same time.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "ParallelNode".
 */
export type ParallelNode = NodeBase & {
  kind: 'parallel';
  /**
   * @minItems 2
   */
  branches: [Id, Id, ...Id[]];
};
/**
 * Waits until a path has arrived from every incoming node, then continues once.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "JoinNode".
 */
export type JoinNode = NodeBase & {
  kind: 'join';
  next: Id;
};
/**
 * Sends a message (e-mail) and carries on. `{{path}}` placeholders read case data.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "NotificationNode".
 */
export type NotificationNode = NodeBase & {
  kind: 'notification';
  /**
   * @minItems 1
   */
  to: [Recipient, ...Recipient[]];
  subject: string;
  body: string;
  next: Id;
};
/**
 * Starts a case on another definition (or another entry of this one), e.g. step up. Waits for it to end when `wait` is true.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "SubflowNode".
 */
export type SubflowNode = NodeBase & {
  kind: 'subflow';
  definition: Id;
  entry: Id;
  /**
   * Field of the new case's intake form ← data path in this case.
   */
  input?: {
    [k: string]: DataPath | undefined;
  };
  wait?: boolean;
  next: Id;
};
/**
 * Ends the path. When no other path is open, the case closes with this outcome.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "EndNode".
 */
export type EndNode = NodeBase & {
  kind: 'end';
  outcome: Id;
  /**
   * Children in Need census reason for closure, where this end closes the case to CSC.
   */
  closureReason?: 'RC1' | 'RC2' | 'RC3' | 'RC4' | 'RC5' | 'RC6' | 'RC7' | 'RC8' | 'RC9';
  /**
   * End the whole case now, cancelling other open paths.
   */
  terminate?: boolean;
};
/**
 * How long a closed (or withdrawn) case is kept, and what then happens to it. Absent: until the youngest child's 25th birthday, then anonymised (README, What is stored). Applied by the daily retention job with the latest published version's rule; a case on legal hold is never disposed of.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Retention".
 */
export type Retention =
  | {
      /**
       * Kept until the youngest child on the case reaches `age` (a 29 February birthday falls on 1 March). A case with no child's date of birth is kept and listed for review.
       */
      keepUntil: 'youngestChildAge';
      age: number;
      /**
       * Kept at least this many years after the case closed, whatever the children's ages.
       */
      atLeastYearsAfterClosing?: number;
      then: Disposal;
    }
  | {
      keepFor: {
        years: number;
      };
      /**
       * Counted from the day the case closed (or was withdrawn).
       */
      from: 'closed';
      then: Disposal;
    };
/**
 * `anonymise`: names, dates of birth, case-system ids and free-text answers replaced, the case's shape, census codes and dates kept for statistics. `delete`: the case and everything kept beside it removed.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Disposal".
 */
export type Disposal = 'anonymise' | 'delete';

/**
 * One authority's step-down / step-up protocol, as data. The single source of truth for the definition format: TypeScript types are generated from this file.
 */
export interface WorkflowDefinition {
  $schema?: string;
  id: Id;
  /**
   * Version number; published versions are immutable.
   */
  version: number;
  name: string;
  description?: string;
  authority: {
    id: Id;
    name: string;
  };
  calendar: CalendarConfig;
  /**
   * Roles people hold in this protocol (social worker, EH team manager...).
   */
  roles: Role[];
  /**
   * Teams and trays where work waits (duty managers, EHM trays...).
   */
  teams: Team[];
  /**
   * Shared e-mail inboxes notifications can go to (e.g. Camden's EH Step Down inbox).
   */
  mailboxes?: Mailbox[];
  /**
   * Outcomes a case can end with, for reports.
   */
  outcomes?: Outcome[];
  /**
   * Forms by id.
   */
  forms: {
    [k: string]: Form | undefined;
  };
  /**
   * @minItems 1
   */
  nodes: [Node, ...Node[]];
  /**
   * Notes for admins: where the source protocol was silent or ambiguous, what was chosen and why.
   */
  notes?: Note[];
  retention?: Retention;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "CalendarConfig".
 */
export interface CalendarConfig {
  /**
   * Whose bank holidays count.
   */
  region: 'england-and-wales';
  timeZone?: 'Europe/London';
  /**
   * Days the authority is closed, on top of bank holidays.
   */
  closureDays?: {
    date: LocalDate;
    name: string;
  }[];
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Role".
 */
export interface Role {
  id: Id;
  name: string;
  /**
   * Which service the role belongs to, e.g. `Children's social care`.
   */
  service?: string;
  manager?: Id;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Team".
 */
export interface Team {
  id: Id;
  /**
   * The name exactly as practitioners see it.
   */
  name: string;
  kind?: 'team' | 'tray' | 'duty' | 'panel';
  /**
   * Roles whose holders may pick up this team's work.
   */
  roles?: Id[];
  /**
   * Named workers (user ids) in the team, when known at design time.
   */
  members?: string[];
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Mailbox".
 */
export interface Mailbox {
  id: Id;
  name: string;
  address: string;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Outcome".
 */
export interface Outcome {
  id: Id;
  name: string;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Form".
 */
export interface Form {
  title: string;
  description?: string;
  /**
   * JSON Schema 2020-12 for the form's data (an object schema).
   */
  schema: {
    [k: string]: unknown | undefined;
  };
  layout?: FormLayout;
  /**
   * Case-aware checks on the answers, reported as field errors with the schema errors.
   */
  checks?: FormCheck[];
  /**
   * GOV.UK-style messages by JSON pointer (use `*` for any array index) and keyword, e.g. {"/reasonForClosure": {"required": "Select the reason for closure"}}.
   */
  errorMessages?: {
    [k: string]:
      | {
          [k: string]: string | undefined;
        }
      | undefined;
  };
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "FormLayout".
 */
export interface FormLayout {
  sections: FormSection[];
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "FormSection".
 */
export interface FormSection {
  id: Id;
  title: string;
  description?: string;
  fields: FieldLayout[];
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "FieldLayout".
 */
export interface FieldLayout {
  /**
   * Property name in the form schema (or in the item schema, inside a repeat).
   */
  field: string;
  /**
   * Defaults to the property's `title` in the schema.
   */
  label?: string;
  hint?: string;
  /**
   * How the field is shown; defaults from the schema type.
   */
  widget?:
    | 'text'
    | 'textarea'
    | 'number'
    | 'date'
    | 'email'
    | 'radios'
    | 'checkboxes'
    | 'select'
    | 'autocomplete'
    | 'yesno'
    | 'repeat';
  /**
   * Conditional reveal: show this field under these answers of another radios/checkboxes field ("If Other, please specify").
   */
  revealedBy?: {
    field: string;
    /**
     * @minItems 1
     */
    values: [unknown, ...unknown[]];
  };
  /**
   * For repeats: what one item is called (`Child`).
   */
  itemLabel?: string;
  /**
   * For repeats: exactly one item for each child on the case, matched by the child's name in `nameField`.
   */
  eachChild?: {
    nameField: string;
    /**
     * Later forms correct the case's facts: when the task is completed, each child's name, date of birth or case-system id on the case becomes the answer in the item question named here (a blank answer leaves the fact as it was). The items are prefilled with the facts as they stand.
     */
    updates?: {
      name?: string;
      dateOfBirth?: string;
      personId?: string;
    };
  };
  /**
   * For repeats: the layout of one item.
   */
  fields?: FieldLayout[];
}
/**
 * A JSONLogic rule over the case data plus `answers` (this form's answers); with `each`, run once per item of that array with `item` and `index`. The error goes at `field` (inside the item with `each`).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "FormCheck".
 */
export interface FormCheck {
  /**
   * JSON pointer of the answer the error belongs to.
   */
  field?: string;
  /**
   * JSON pointer of an array whose items are each checked.
   */
  each?: string;
  rule: JsonLogic;
  message: string;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "NodeBase".
 */
export interface NodeBase {
  id: Id;
  name: string;
  description?: string;
  /**
   * Where in the protocol this step comes from.
   */
  source?: string;
  /**
   * The stage a case is in while here (for reports and the map).
   */
  stage?: string;
  position?: {
    x: number;
    y: number;
  };
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Guard".
 */
export interface Guard {
  rule: JsonLogic;
  /**
   * Why the action is blocked, in the practitioner's words.
   */
  message: string;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Signer".
 */
export interface Signer {
  /**
   * @minItems 1
   */
  roles: [Id, ...Id[]];
  /**
   * Who this signer is, in the protocol's words ("the Early Help worker at the meeting").
   */
  label?: string;
}
/**
 * An offset after the anchor (default: when the node was entered). Deadline rule: the anchor's day is day 0; due at the end of the Nth day after it.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "WhenAfter".
 */
export interface WhenAfter {
  from?: Anchor;
  after: Duration;
  /**
   * How the timescale reads in the protocol, e.g. `within 2 working days`.
   */
  label?: string;
  /**
   * Where the timescale comes from, e.g. `Camden protocol §3`.
   */
  source?: string;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Duration".
 */
export interface Duration {
  amount: number;
  unit: 'working_days' | 'days' | 'weeks' | 'months';
}
/**
 * Counted backwards from a case date ("at least 20 working days before the final CIN review").
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "WhenBefore".
 */
export interface WhenBefore {
  from: Anchor;
  before: Duration;
  /**
   * How the timescale reads in the protocol, e.g. `within 2 working days`.
   */
  label?: string;
  /**
   * Where the timescale comes from, e.g. `Camden protocol §3`.
   */
  source?: string;
}
/**
 * The anchor date itself ("until the date of the meeting").
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "WhenAt".
 */
export interface WhenAt {
  from: Anchor;
  at: true;
  /**
   * How the timescale reads in the protocol, e.g. `within 2 working days`.
   */
  label?: string;
  /**
   * Where the timescale comes from, e.g. `Camden protocol §3`.
   */
  source?: string;
}
/**
 * The next weekly slot strictly after the anchor ("the next Tuesday panel").
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "WhenNextSlot".
 */
export interface WhenNextSlot {
  from?: Anchor;
  nextSlot: WeeklySlot;
  /**
   * How the timescale reads in the protocol, e.g. `within 2 working days`.
   */
  label?: string;
  /**
   * Where the timescale comes from, e.g. `Camden protocol §3`.
   */
  source?: string;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "WeeklySlot".
 */
export interface WeeklySlot {
  /**
   * @minItems 1
   */
  days: [
    'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday',
    ...('monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday')[]
  ];
  start: LocalTime;
  end?: LocalTime;
  workingDaysOnly?: boolean;
}
/**
 * A window after the anchor ("every 6 to 8 weeks"): opens at the earliest, due at the latest.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "WhenWindow".
 */
export interface WhenWindow {
  from?: Anchor;
  window: {
    earliest: Duration;
    latest: Duration;
  };
  /**
   * How the timescale reads in the protocol, e.g. `within 2 working days`.
   */
  label?: string;
  /**
   * Where the timescale comes from, e.g. `Camden protocol §3`.
   */
  source?: string;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "WhenChoice".
 */
export interface WhenChoice {
  /**
   * @minItems 1
   */
  choose: [
    {
      when: JsonLogic;
      then: When;
    },
    ...{
      when: JsonLogic;
      then: When;
    }[]
  ];
  otherwise: When;
  label?: string;
  source?: string;
}
/**
 * A rung of the escalation ladder, reached when the task is still open at `after` past its due time (or at the due time when `after` is absent).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Escalation".
 */
export interface Escalation {
  after?: Duration;
  /**
   * @minItems 1
   */
  notify: [Recipient, ...Recipient[]];
  reassignTo?: Assignee;
  raisePriority?: Priority;
  message?: string;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "PrefillMapping".
 */
export interface PrefillMapping {
  /**
   * Top-level field of this task's form.
   */
  field: string;
  from: DataPath;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "NextAction".
 */
export interface NextAction {
  id: Id;
  label: string;
  to: Id;
  /**
   * Decide once: the action follows from an answer on this task's own form (the screening decision), so the practitioner is not asked again. When one action of a task has it, all must, on the same question; the engine chooses the action whose values hold the answer and refuses a different choice.
   */
  chosenBy?: {
    /**
     * A top-level question of the task's form.
     */
    field: string;
    /**
     * The answers that choose this action.
     *
     * @minItems 1
     */
    values: [unknown, ...unknown[]];
  };
  passTo?: PassTo;
  guards?: Guard[];
  /**
   * Next actions of the same task that must be chosen together with this one ("closing to CSC goes with the step down to EH").
   *
   * @minItems 1
   */
  requires?: [Id, ...Id[]];
  /**
   * The action carries a scheduled date (Mosaic's 'Scheduled Date').
   */
  scheduledDate?: {
    required?: boolean;
    label?: string;
  };
  defaultPriority?: Priority;
}
/**
 * Who the next step may be passed to, as Mosaic's 'Pass to worker' / 'Pass to team' lists.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "PassTo".
 */
export interface PassTo {
  teams?: Id[];
  /**
   * Whether a named worker may be chosen.
   */
  workers?: boolean;
  /**
   * A named worker must hold one of these roles.
   *
   * @minItems 1
   */
  roles?: [Id, ...Id[]];
  /**
   * A path into case data: `case.startedAt`, `form.<nodeId>.<field>`, `done.<nodeId>` (when a node completed), `entered.<nodeId>` (when a node was entered), `action.<nodeId>` (the next action chosen there), `passedTo.<nodeId>` (who that node's next action passed the work to).
   */
  teamFrom?: string;
  required?: boolean;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Note".
 */
export interface Note {
  /**
   * JSON pointer or node id the note is about.
   */
  about?: string;
  /**
   * Where the rule comes from, e.g. `Camden protocol §3`.
   */
  source?: string;
  text: string;
}
