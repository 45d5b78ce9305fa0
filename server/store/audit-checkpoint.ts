/**
 * Signed checkpoints of the audit logs: every log's head (entry count and last MAC) at a moment,
 * signed with an Ed25519 key whose public half can be published. Kept outside the database (by
 * the DPO, in a ticket, in another system), a checkpoint anchors the logs: entries that existed
 * when it was taken cannot later be cut off, removed with their whole case, or rewritten — even
 * by someone holding the audit key — without `verifyStore` finding it. What it cannot cover is
 * whatever happened after it was taken: export them regularly.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, type ChainHead } from './audit-chain.ts';
import type { Store } from './store.ts';
import type { AuditHead, AuditLogRef, AuditVerdict } from './types.ts';

export const CHECKPOINT_FORMAT = 'stepwise-audit-checkpoint/1';

export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  at: string;
  /** Which audit key the MACs are under (its id, never the key). */
  auditKeyId: string;
  logs: number;
  entries: number;
  heads: AuditHead[];
  /** The signer's Ed25519 public key, SPKI DER in base64. */
  publicKey: string;
  /** Ed25519 over the canonical JSON of every other field. */
  signature: string;
}

export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function loadSigningKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The checkpoint signing key must be an Ed25519 private key.');
  return key;
}

/** SHA-256 of the public key, for comparing with the published one by eye. */
export const fingerprint = (publicKey: KeyObject) => `SHA256:${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64')}`;

export async function createCheckpoint(store: Store, options: { at: string; auditKeyId: string; signingKey: KeyObject }): Promise<Checkpoint> {
  const heads: AuditHead[] = [];
  for await (const head of store.auditHeads()) heads.push(head);
  const publicKey = createPublicKey(options.signingKey).export({ type: 'spki', format: 'der' }).toString('base64');
  const unsigned = { format: CHECKPOINT_FORMAT as typeof CHECKPOINT_FORMAT, at: options.at, auditKeyId: options.auditKeyId, logs: heads.length, entries: heads.reduce((n, h) => n + h.count, 0), heads, publicKey };
  const signature = sign(null, Buffer.from(canonicalJson(unsigned)), options.signingKey).toString('base64');
  return { ...unsigned, signature };
}

/**
 * Checks a checkpoint's signature, and that it was signed by `pinned` if given (the published
 * key): without a pinned key, anyone could sign a checkpoint of their own making.
 */
export function checkSignature(checkpoint: Checkpoint, pinned?: KeyObject): { ok: true; fingerprint: string } | { ok: false; reason: string } {
  if (checkpoint?.format !== CHECKPOINT_FORMAT || !Array.isArray(checkpoint.heads)) return { ok: false, reason: `not a ${CHECKPOINT_FORMAT} file` };
  const { signature, ...unsigned } = checkpoint;
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: Buffer.from(checkpoint.publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return { ok: false, reason: 'the checkpoint’s public key cannot be read' };
  }
  if (pinned && fingerprint(pinned) !== fingerprint(publicKey)) return { ok: false, reason: 'the checkpoint was not signed with the published key' };
  const good = verify(null, Buffer.from(canonicalJson(unsigned)), publicKey, Buffer.from(String(signature), 'base64'));
  return good ? { ok: true, fingerprint: fingerprint(publicKey) } : { ok: false, reason: 'the signature does not match: the checkpoint was changed after it was signed' };
}

export interface LogFailure {
  log: AuditLogRef;
  verdict: AuditVerdict;
}

export interface StoreVerdict {
  ok: boolean;
  logs: number;
  entries: number;
  failures: LogFailure[];
  /** Logs the checkpoint recorded, all of which were found as recorded if `ok`. */
  checkpointLogs?: number;
}

const refOf = (head: AuditHead): AuditLogRef => ('caseId' in head ? { caseId: head.caseId } : { authority: head.authority, actor: head.actor });
const nameOf = (log: AuditLogRef) => JSON.stringify('caseId' in log ? ['case', log.caseId] : ['access', log.authority, log.actor]);

/**
 * Verifies every log in the store; with a checkpoint (signature checked by the caller), also
 * that each log it recorded still holds its recorded head, so a log cut short or gone is found.
 */
export async function verifyStore(store: Store, checkpoint?: Checkpoint, onLog?: (done: number) => void): Promise<StoreVerdict> {
  const expected = new Map<string, AuditHead>((checkpoint?.heads ?? []).map((h) => [nameOf(refOf(h)), h]));
  const failures: LogFailure[] = [];
  let logs = 0;
  let entries = 0;
  const check = async (log: AuditLogRef, recorded?: ChainHead) => {
    const verdict = await store.verifyLog(log, recorded);
    logs += 1;
    entries += verdict.entries;
    if (!verdict.ok) failures.push({ log, verdict });
    onLog?.(logs);
  };
  for await (const head of store.auditHeads()) {
    const log = refOf(head);
    const recorded = expected.get(nameOf(log));
    expected.delete(nameOf(log));
    await check(log, recorded && { count: recorded.count, hash: recorded.hash });
  }
  // Logs the checkpoint recorded that the store no longer has at all: their case was removed.
  for (const head of expected.values()) await check(refOf(head), { count: head.count, hash: head.hash });
  return { ok: failures.length === 0, logs, entries, failures, ...(checkpoint ? { checkpointLogs: checkpoint.heads.length } : {}) };
}
