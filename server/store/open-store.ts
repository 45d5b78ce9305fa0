/**
 * Chooses the store: MongoDB when a connection string is given, otherwise the embedded SQLite
 * file. Only the server's entry point reads the environment and passes the values in here.
 */
import { openMongoStore } from './mongo-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

export async function openStore(options: { mongodbUri?: string; sqlitePath?: string } = {}): Promise<Store> {
  if (options.mongodbUri) return openMongoStore({ uri: options.mongodbUri });
  return openSqliteStore(options.sqlitePath ? { path: options.sqlitePath } : {});
}
