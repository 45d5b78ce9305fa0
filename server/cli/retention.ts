/**
 * `stepwise retention --dry-run|--run [--authority <id>] [--json]`: the retention job by hand
 * (server/retention/job.ts). `--dry-run` prints which closed cases are due to be anonymised or
 * deleted today, and why, and changes nothing; `--run` disposes of them, each recorded on the
 * access log of `system`. Cases on legal hold and cases with no child's date of birth are listed
 * apart and kept. The store and its audit key come from the environment, as for the server.
 */
import { existsSync } from 'node:fs';
import { runRetention, type PlannedDisposal, type RetentionRun } from '../retention/job.ts';
import { openStore, resolveAuditKey } from '../store/index.ts';

export const retentionUsage = '  stepwise retention --dry-run|--run [--authority <id>] [--json]';

type Env = Record<string, string | undefined>;
type Print = (line: string) => void;

/** Exit code: 0 done, 2 usage (the caller prints the usage). */
export async function retention(args: string[], env: Env, print: Print = console.log, now = () => new Date().toISOString()): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const run = args.includes('--run');
  const at = args.indexOf('--authority');
  const authority = at >= 0 ? args[at + 1] : undefined;
  const known = new Set(['--dry-run', '--run', '--json', '--authority']);
  const unknown = args.filter((a, i) => !known.has(a) && !(i === at + 1 && at >= 0));
  if (dryRun === run || unknown.length > 0 || (at >= 0 && (!authority || authority.startsWith('--')))) return 2;

  const sqlitePath = env.SQLITE_PATH ?? 'data/stepwise.db';
  if (!env.MONGODB_URI && !existsSync(sqlitePath)) throw new Error(`There is no database at ${sqlitePath}: set SQLITE_PATH or MONGODB_URI.`);
  const { key } = resolveAuditKey({ key: env.STEPWISE_AUDIT_KEY, keyFile: env.STEPWISE_AUDIT_KEY_FILE, databasePath: sqlitePath }, { create: false });
  const store = await openStore({ ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}), sqlitePath, auditKey: key });
  try {
    const result = await runRetention(store, now(), { dryRun, ...(authority ? { authority } : {}) });
    if (args.includes('--json')) print(JSON.stringify(result, null, 2));
    else describe(result, print);
    return 0;
  } finally {
    await store.close();
  }
}

const line = (p: PlannedDisposal) =>
  `  ${p.caseId}  ${p.authority}  ${p.status} ${p.closedAt.slice(0, 10)}  ${p.due === null ? 'no due date' : `due ${p.due}`}  ${p.then}  (${p.because}; ${p.rule})`;

function describe(result: RetentionRun, print: Print): void {
  print(`Retention on ${result.today}${result.authority ? ` for ${result.authority}` : ''}${result.dryRun ? ' (dry run: nothing was changed)' : ''}`);
  print(`${result.dryRun ? 'Due' : 'Were due'}: ${result.due.length}`);
  for (const p of result.due) print(line(p));
  print(`On legal hold, kept: ${result.held.length}`);
  for (const p of result.held) print(`${line(p)}  held by ${p.hold!.by} since ${p.hold!.at.slice(0, 10)}`);
  print(`No child's date of birth, kept for review: ${result.undated.length}`);
  for (const p of result.undated) print(line(p));
  print(`Not yet due: ${result.notYetDue}`);
  if (result.dryRun) return;
  print(`Anonymised: ${result.disposed.filter((d) => d.then === 'anonymise').length}; deleted: ${result.disposed.filter((d) => d.then === 'delete').length}`);
  for (const s of result.skipped) print(`  skipped ${s.caseId}: ${s.reason}`);
}
