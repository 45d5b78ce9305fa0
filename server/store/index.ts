/** Durable storage behind one interface: the embedded SQLite store (default) and MongoDB. */
export type { Store, PublishOptions } from './store.ts';
export type {
  AuditInput,
  AuditRecord,
  AuditVerdict,
  CaseFilter,
  CaseSummary,
  ClaimedTimer,
  CommitInput,
  DefinitionDraft,
  DefinitionSummary,
  OutboxInput,
  OutboxKind,
  OutboxMessage,
  PublishedDefinition,
  TaskDraft,
  TaskQuery,
  TaskRow,
  TimerRow,
  SessionRecord,
  UserRecord,
} from './types.ts';
export { ConflictError, StoreError, type StoreErrorCode } from './errors.ts';
export { canonicalJson, chainEntries, hashEntry, verifyChain, GENESIS_HASH, type ChainHead } from './audit-chain.ts';
export { openSqliteStore, type SqliteOptions } from './sqlite-store.ts';
export { openMongoStore, type MongoOptions } from './mongo-store.ts';
export { openStore } from './open-store.ts';
