/**
 * Chooses the store: MongoDB when a connection string is given, otherwise the embedded SQLite
 * file. Only the server's entry point reads the environment and passes the values in here,
 * the audit key included (audit-key.ts `resolveAuditKey`).
 */
import type { AuditKey } from './audit-key.ts';
import { openMongoStore } from './mongo-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

export async function openStore(options: { mongodbUri?: string; sqlitePath?: string; auditKey: AuditKey }): Promise<Store> {
  if (options.mongodbUri) return openMongoStore({ uri: options.mongodbUri, auditKey: options.auditKey });
  return openSqliteStore({ ...(options.sqlitePath ? { path: options.sqlitePath } : {}), auditKey: options.auditKey });
}
