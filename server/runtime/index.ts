/** The runtime around the pure engine: the case runner, timers, the outbox and migrations. */
export { FileClock, SimulatedClock, systemClock, type Clock } from './clock.ts';
export {
  createCaseRunner,
  storeDefinitions,
  type CaseRunner,
  type CaseRunnerOptions,
  type DefinitionSource,
  type DispatchOptions,
  type KeyedRequest,
  type RunnerEvent,
  type StartCaseInput,
} from './case-runner.ts';
export { auditOf, outboxOf, type EndParentWaitJob, type NotificationMessage, type StartSubflowJob } from './effects.ts';
export { createScheduler, type Scheduler, type SchedulerOptions, type TickResult } from './scheduler.ts';
export { createOutboxWorker, type DeliveryResult, type Notifier, type OutboxWorker, type OutboxWorkerOptions } from './outbox.ts';
export { applyMigration, blockersFor, planMigration, type ApplyOptions, type Blocker, type CasePlan, type MigrationPlan, type MigrationResult } from './migrate.ts';
