/**
 * `stepwise publish <definition.json>... [--dry-run]`: publishes each definition file that differs
 * from its latest published version as a new version, printing what changed in plain English.
 * A file with problems is reported and not published. The store comes from the environment, as
 * for the server (SQLITE_PATH, default data/stepwise.db, or MONGODB_URI; the audit key as there).
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { openStore, resolveAuditKey } from '../store/index.ts';
import { compareWithPublished, publishIfChanged, readDefinitionFile } from '../seed/definition-files.ts';
import { CliError } from './read-json.ts';

export const publishUsage = '  stepwise publish <definition.json>... [--dry-run]';

export const publishHelp = `${publishUsage}

Publishes each definition file that differs from what the store has published as that
definition's next version (or its first), and prints the changes in plain English. Running
cases stay on the version they started with. A file with problems is not published.
  --dry-run   say what would be published, and change nothing
The store is the server's: SQLITE_PATH (default data/stepwise.db) or MONGODB_URI, with
STEPWISE_AUDIT_KEY or STEPWISE_AUDIT_KEY_FILE. The server does the same at start-up for every
file in its definitions directory when STEPWISE_PUBLISH_CHANGED=true.

Exit status: 0 published (or nothing to publish), 1 a file has problems, 2 usage or file errors.`;

type Env = Record<string, string | undefined>;

export async function publish(args: string[], env: Env, at = new Date().toISOString()): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run');
  if (unknown.length > 0) throw new CliError(`Unknown option ${unknown.join(', ')}.\n${publishUsage}`);
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) throw new CliError(`Name the definition file(s) to publish.\n${publishUsage}`);
  const sqlitePath = env.SQLITE_PATH ?? 'data/stepwise.db';
  if (!env.MONGODB_URI && !existsSync(sqlitePath)) throw new CliError(`There is no database at ${sqlitePath}: set SQLITE_PATH or MONGODB_URI (start the server once to create it).`);
  const { key } = resolveAuditKey({ key: env.STEPWISE_AUDIT_KEY, keyFile: env.STEPWISE_AUDIT_KEY_FILE, databasePath: sqlitePath }, { create: false });
  const store = await openStore({ ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}), sqlitePath, auditKey: key });
  let failed = 0;
  try {
    for (const file of files) {
      const name = relative(process.cwd(), file) || file;
      const read = await readDefinitionFile(file);
      if (!('definition' in read)) {
        if (read.problems[0]?.startsWith('cannot be read')) throw new CliError(`${name}: ${read.problems[0]}.`);
        failed += 1;
        console.log(`${name}: not published, ${read.count} problem(s):`);
        for (const p of read.problems) console.log(`  ${p}`);
        continue;
      }
      const { definition } = read;
      const status = await compareWithPublished(store, definition);
      if (status.status === 'same') {
        console.log(`${name}: the same as ${definition.id} version ${status.publishedVersion}; nothing to publish.`);
        continue;
      }
      const what = status.status === 'new' ? `${definition.id} (not published before)` : `${definition.id}, changed since version ${status.publishedVersion}:`;
      if (dryRun) console.log(`${name}: would publish ${what}`);
      else {
        const published = await publishIfChanged(store, definition, name, at);
        console.log(`${name}: published ${definition.id} version ${published.published}${status.status === 'new' ? '' : `, changed since version ${status.publishedVersion}:`}`);
      }
      for (const c of status.changes) console.log(`  - ${c}`);
    }
  } finally {
    await store.close();
  }
  return failed > 0 ? 1 : 0;
}
