/** Durable storage behind one interface: the embedded SQLite store (default) and MongoDB. */
export type { Store, DraftMeta, PublishOptions, SaveDraftOptions } from './store.ts';
export type {
  AccessFilter,
  AccessRecord,
  AuditHead,
  AuditLogRef,
  AuditInput,
  AuditRecord,
  AuditVerdict,
  CaseFilter,
  CaseSummary,
  ClaimedTimer,
  CommitInput,
  DefinitionDraft,
  DefinitionSummary,
  IdempotencyClaim,
  IdempotencyHold,
  IdempotencyRecord,
  IdempotentCommit,
  IdempotentResponse,
  OutboxInput,
  OutboxKind,
  OutboxMessage,
  PublishedDefinition,
  TaskDraft,
  TaskQuery,
  TaskRow,
  TimerRow,
  SessionRecord,
  SignInAttempt,
  UserRecord,
} from './types.ts';
export type { AnonymiseInput, ClosedCase, ClosedCaseQuery, DeleteInput, LegalHold } from './retention-types.ts';
export type { WebhookSubscription } from './webhook-types.ts';
export { ConflictError, StoreError, type StoreErrorCode } from './errors.ts';
export { canonicalJson, chainAccess, chainEntries, entryMac, legacyHash, verifyChain, GENESIS_HASH, REKEYED, type ChainHead } from './audit-chain.ts';
export { auditKeyFile, auditKeyFileFor, parseAuditKey, randomAuditKey, resolveAuditKey, type AuditKey } from './audit-key.ts';
export { openSqliteStore, type SqliteOptions } from './sqlite-store.ts';
export { openMongoStore, type MongoOptions } from './mongo-store.ts';
export { openStore } from './open-store.ts';
