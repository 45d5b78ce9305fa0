/**
 * The secret the audit logs are keyed with (audit-chain.ts). It must live OUTSIDE the database:
 * someone who can write the database file but cannot read the key cannot forge an entry.
 *
 * Given as `STEPWISE_AUDIT_KEY` (32 bytes or more, as 64+ hex digits or base64) in production,
 * from a secret store. Without one, the demo and development start use a key file beside the
 * database file (`<database>.audit-key`, created with mode 0600 on first start): that keeps the key
 * out of the database, but not from someone with the same file access as the server.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const MIN_KEY_BYTES = 32;

export interface AuditKey {
  /** Names the key in re-key records and checkpoints without revealing it. */
  id: string;
  secret: Buffer;
}

export function auditKeyOf(secret: Buffer): AuditKey {
  if (secret.length < MIN_KEY_BYTES) throw new Error(`The audit key must be at least ${MIN_KEY_BYTES} bytes; this one is ${secret.length}.`);
  const id = createHash('sha256').update('stepwise audit key id\0').update(secret).digest('hex').slice(0, 16);
  return { id, secret };
}

/** 64+ hex digits, or base64 (standard or URL-safe) of 32+ bytes. */
export function parseAuditKey(text: string): AuditKey {
  const value = text.trim();
  if (/^(?:[0-9a-fA-F]{2}){32,}$/.test(value)) return auditKeyOf(Buffer.from(value, 'hex'));
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return auditKeyOf(Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64'));
  throw new Error('The audit key must be hex or base64.');
}

export function randomAuditKey(): AuditKey {
  return auditKeyOf(randomBytes(MIN_KEY_BYTES));
}

export const auditKeyFileFor = (databasePath: string) => `${databasePath}.audit-key`;

export interface KeyFile {
  key: AuditKey;
  path: string;
  created: boolean;
  /** Group or others may read it: worth a warning, since anyone who reads it can forge entries. */
  readableByOthers: boolean;
}

/**
 * Reads the key file, or creates it (mode 0600, never overwriting one another process made first);
 * with `create: false` a missing file is an error (tools that check a store must not invent a key).
 */
export function auditKeyFile(path: string, options: { create?: boolean } = {}): KeyFile {
  let created = false;
  if (!existsSync(path)) {
    if (options.create === false) throw new Error(`There is no audit key file ${path}: set STEPWISE_AUDIT_KEY or STEPWISE_AUDIT_KEY_FILE.`);
    try {
      // On a fresh machine the key is made before the database, so its folder may not exist yet.
      mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${randomBytes(MIN_KEY_BYTES).toString('base64')}\n`);
      closeSync(fd);
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = parseAuditKey(readFileSync(path, 'utf8'));
  const readableByOthers = process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0;
  return { key, path, created, readableByOthers };
}

export interface KeySource {
  /** `STEPWISE_AUDIT_KEY`. */
  key?: string | undefined;
  /** `STEPWISE_AUDIT_KEY_FILE`, else the file beside the SQLite database. */
  keyFile?: string | undefined;
  databasePath: string;
}

/** The entry points' rule: the key given, else the key file named, else the one beside the database. */
export function resolveAuditKey(source: KeySource, options: { create?: boolean } = {}): { key: AuditKey; from: 'environment' | KeyFile } {
  if (source.key) return { key: parseAuditKey(source.key), from: 'environment' };
  const file = auditKeyFile(source.keyFile ?? auditKeyFileFor(source.databasePath), options);
  return { key: file.key, from: file };
}
