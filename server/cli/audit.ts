/**
 * `stepwise audit …`: checking the audit logs from outside the server, and anchoring them.
 *
 *   keygen --out <name>                          an Ed25519 pair: <name>.pem (0600, keep it away
 *                                                 from the server) and <name>.pub.pem (publish it)
 *   checkpoint --signing-key <pem> [--out <file>] every log's head, signed; keep it elsewhere
 *   verify [--checkpoint <file>] [--public-key <pem>]
 *                                                 every log against the key; with a checkpoint,
 *                                                 also that each log it recorded is still there
 *
 * The store and the audit key come from the environment, as for the server (SQLITE_PATH or
 * MONGODB_URI, STEPWISE_AUDIT_KEY or STEPWISE_AUDIT_KEY_FILE or the file beside the database);
 * a missing key is an error here, never made up.
 */
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createPublicKey } from 'node:crypto';
import { checkSignature, createCheckpoint, fingerprint, generateSigningKeys, loadSigningKey, verifyStore, type Checkpoint } from '../store/audit-checkpoint.ts';
import { openStore, resolveAuditKey, type AuditLogRef, type Store } from '../store/index.ts';

export const auditUsage = `  stepwise audit keygen --out <name>
  stepwise audit checkpoint --signing-key <private.pem> [--out <file>]
  stepwise audit verify [--checkpoint <file>] [--public-key <public.pem>]`;

type Env = Record<string, string | undefined>;
type Print = (line: string) => void;

const option = (args: string[], name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

async function withStore<T>(env: Env, work: (store: Store, keyId: string) => Promise<T>): Promise<T> {
  const sqlitePath = env.SQLITE_PATH ?? 'data/stepwise.db';
  if (!env.MONGODB_URI && !existsSync(sqlitePath)) throw new Error(`There is no database at ${sqlitePath}: set SQLITE_PATH or MONGODB_URI.`);
  const { key } = resolveAuditKey({ key: env.STEPWISE_AUDIT_KEY, keyFile: env.STEPWISE_AUDIT_KEY_FILE, databasePath: sqlitePath }, { create: false });
  const store = await openStore({ ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}), sqlitePath, auditKey: key });
  try {
    return await work(store, key.id);
  } finally {
    await store.close();
  }
}

const describeLog = (log: AuditLogRef) => ('caseId' in log ? `case ${log.caseId}` : `access log of ${log.actor} (${log.authority})`);

async function verify(args: string[], env: Env, print: Print): Promise<number> {
  const file = option(args, '--checkpoint');
  const publicKeyFile = option(args, '--public-key');
  let checkpoint: Checkpoint | undefined;
  if (file) {
    checkpoint = JSON.parse(await readFile(file, 'utf8')) as Checkpoint;
    const pinned = publicKeyFile ? createPublicKey(await readFile(publicKeyFile, 'utf8')) : undefined;
    const signed = checkSignature(checkpoint, pinned);
    if (!signed.ok) {
      print(`FAILED checkpoint ${file}: ${signed.reason}`);
      return 1;
    }
    print(`checkpoint of ${checkpoint.at}: ${checkpoint.logs} logs, ${checkpoint.entries} entries, signed by ${signed.fingerprint}${pinned ? ' (the published key)' : ' — compare with the published key, or pass --public-key'}`);
  }
  return withStore(env, async (store, keyId) => {
    if (checkpoint && checkpoint.auditKeyId !== keyId) print(`note: the checkpoint was taken under audit key ${checkpoint.auditKeyId}; this store's key is ${keyId}`);
    const verdict = await verifyStore(store, checkpoint);
    for (const { log, verdict: v } of verdict.failures) print(`FAILED ${describeLog(log)}: ${v.reason} (entry ${v.brokenAt})`);
    print(`${verdict.ok ? 'ok' : 'FAILED'}: ${verdict.logs} logs, ${verdict.entries} entries checked under audit key ${keyId}${checkpoint ? ', against the checkpoint' : ''}; ${verdict.failures.length} failed`);
    return verdict.ok ? 0 : 1;
  });
}

async function checkpoint(args: string[], env: Env, print: Print, now: () => string): Promise<number> {
  const keyFile = option(args, '--signing-key');
  if (!keyFile) return 2;
  const signingKey = loadSigningKey(await readFile(keyFile, 'utf8'));
  return withStore(env, async (store, keyId) => {
    const made = await createCheckpoint(store, { at: now(), auditKeyId: keyId, signingKey });
    const out = option(args, '--out');
    const text = `${JSON.stringify(made)}\n`;
    if (out) writeFileSync(out, text);
    else print(text.trimEnd());
    if (out) print(`checkpoint of ${made.at}: ${made.logs} logs, ${made.entries} entries, signed by ${fingerprint(createPublicKey(signingKey))}, written to ${out}`);
    return 0;
  });
}

function keygen(args: string[], print: Print): number {
  const name = option(args, '--out');
  if (!name) return 2;
  const { privateKeyPem, publicKeyPem } = generateSigningKeys();
  writeFileSync(`${name}.pem`, privateKeyPem, { mode: 0o600, flag: 'wx' });
  chmodSync(`${name}.pem`, 0o600);
  writeFileSync(`${name}.pub.pem`, publicKeyPem, { flag: 'wx' });
  print(`wrote ${name}.pem (private: keep it away from the server) and ${name}.pub.pem (publish it); ${fingerprint(createPublicKey(publicKeyPem))}`);
  return 0;
}

/** Exit code: 0 ok, 1 a check failed, 2 usage. */
export async function audit(args: string[], env: Env, print: Print = console.log, now = () => new Date().toISOString()): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'verify') return verify(rest, env, print);
  if (command === 'checkpoint') return checkpoint(rest, env, print, now);
  if (command === 'keygen') return keygen(rest, print);
  return 2;
}
