/** Stepwise engine: pure functions over definitions and case state. */
export { step, type StepResult } from './runtime/step.ts';
export type { Actor, AuditEntry, CaseEvent, ChosenAction, Effect, Notification, Person, Recipient, StepContext, SubjectCorrection } from './runtime/events.ts';
export {
  CASE_SCHEMA_VERSION,
  type Assignment,
  type CaseState,
  type Child,
  type HistoryEntry,
  type Signature,
  type Subject,
  type Task,
  type Timer,
} from './runtime/state.ts';
export { caseData, readPath, type CaseData } from './runtime/data.ts';
export { validateDefinition, parseDefinition } from './validate/validate-definition.ts';
export { graphOf, outgoing, type Edge, type Graph } from './definition/graph.ts';
export { diffDefinitions, type Change } from './definition/diff.ts';
export { CHANGE_TOPICS, describeChanges, sentence, type ChangeDescription, type ChangeTopic } from './definition/describe.ts';
export { canAct, describeAssignment, managesProtocol, mayPassOn, mayWorkOn, signersOf, stepRoles } from './nodes/index.ts';
export { Refusal, pointer, type FieldError, type Problem, type RefusalCode } from './problems.ts';
export type { Duration, DurationUnit, Instant, LocalDate, Weekday, WeeklySlot } from './time.ts';
export { WorkingCalendar, bankHolidays, type BankHoliday } from './calendar/index.ts';
export { validateFormData, withoutBlankAnswers, checkForm, formFields, fieldExists, defaultWidget, type FieldInfo } from './forms/index.ts';
export { answerSections, longDate, type AnswerRow, type AnswerSection } from './forms/index.ts';
export { checkRule, evaluate, truthy, varsRead, Budget, BudgetSpent, LogicError, MAX_STEPS_TOGETHER, type JsonLogic } from './logic/index.ts';
export { runScenario, ScenarioInvalid, scenarioProblems, type Scenario, type ScenarioResult, type TimelineEntry } from './scenario/run-scenario.ts';
export { formatTimeline } from './scenario/format-timeline.ts';
export type * from './schema/definition.types.ts';
