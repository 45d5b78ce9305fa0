/**
 * Idempotency keys in the MongoDB store: the `idempotency_keys` collection, unique on
 * (userId, key), with a TTL index on `expiresAt` (a Date) so MongoDB forgets them after 24 hours
 * even if no server purges. Every write is one conditional single-document write, atomic on its
 * own, so no transaction is needed; the unique index decides between two processes inserting.
 *
 * A hold (`lockedUntil`) is a lease: its end is also stored on the server's clock (`leaseUntil`,
 * mongo-clock.ts), and that is what a takeover compares, so a host with a skewed clock cannot take
 * over a request another host is still running. `lockedUntil` keeps the caller's value, which the
 * record reports. Keys written before `leaseUntil` are compared on `lockedUntil`, as they were.
 *
 * Uses the driver's types only; mongo-store.ts is still the one file that loads the driver.
 */
import type { ClientSession, Collection, Db } from 'mongodb';
import { idempotencyHoldLost } from './errors.ts';
import type { ServerClock } from './mongo-clock.ts';
import { instant } from './rows.ts';
import type { IdempotencyClaim, IdempotencyHold, IdempotencyRecord, IdempotentCommit, IdempotentResponse } from './types.ts';

export interface IdempotencyKeyDoc extends Omit<IdempotencyClaim, 'expiresAt'> {
  /** A Date, not an instant string, so that the TTL index can remove the key. */
  expiresAt: Date;
  response: IdempotentResponse | null;
  /** Absent on keys written before changes were marked: read as null. */
  committed?: IdempotentCommit | null;
  /** `lockedUntil` on the server's clock (mongo-clock.ts); absent on keys written before. */
  leaseUntil?: string;
}

/**
 * A hold that has lapsed at the caller's `now` (`serverNow` on the server's clock): by its lease
 * end on the server's clock, or, for a key written before that was stored, by its `lockedUntil`.
 */
export function holdLapsed(now: string, serverNow: string): Record<string, unknown> {
  return { $or: [{ leaseUntil: { $lte: serverNow } }, { leaseUntil: { $exists: false }, lockedUntil: { $lte: now } }] };
}

const isDuplicate = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;

const recordOf = ({ expiresAt, response, committed, userId, key, method, path, requestHash, token, createdAt, lockedUntil }: IdempotencyKeyDoc): IdempotencyRecord => ({
  userId, key, method, path, requestHash, token, createdAt, lockedUntil, expiresAt: expiresAt.toISOString(), response, committed: committed ?? null,
});

export class MongoIdempotency {
  private readonly keys: Collection<IdempotencyKeyDoc>;

  constructor(db: Db, private readonly clock: ServerClock) {
    this.keys = db.collection('idempotency_keys');
  }

  async claim(claim: IdempotencyClaim): Promise<IdempotencyRecord> {
    const fresh: IdempotencyKeyDoc = {
      ...claim, createdAt: instant(claim.createdAt), lockedUntil: instant(claim.lockedUntil), expiresAt: new Date(claim.expiresAt), response: null, committed: null,
      leaseUntil: this.clock.at(claim.lockedUntil),
    };
    const now = fresh.createdAt;
    const held = { userId: claim.userId, key: claim.key };
    // A key can vanish between two steps (released, purged): then claiming starts again.
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const { userId: _user, key: _key, ...rest } = fresh;
        const inserted = await this.keys.updateOne(held, { $setOnInsert: rest }, { upsert: true });
        if (inserted.upsertedCount === 1) return recordOf(fresh);
      } catch (error) {
        // Another process inserted it first: read theirs below.
        if (!isDuplicate(error)) throw error;
      }
      // Expired, and the TTL monitor (about once a minute) has not removed it yet: the key is free.
      const renewed = await this.keys.findOneAndReplace({ ...held, expiresAt: { $lte: new Date(now) } }, fresh, { returnDocument: 'after' });
      if (renewed) return recordOf(renewed);
      // Its holder died before answering: the same request takes it over, keeping the first use's
      // expiry and the change it committed, if any, so the retry answers with that change.
      const lapsed = { ...held, response: null, ...holdLapsed(now, this.clock.at(now)), method: claim.method, path: claim.path, requestHash: claim.requestHash };
      const taken = await this.keys.findOneAndUpdate(lapsed, { $set: { token: claim.token, lockedUntil: fresh.lockedUntil, leaseUntil: fresh.leaseUntil } }, { returnDocument: 'after' });
      if (taken) return recordOf(taken);
      const existing = await this.keys.findOne(held);
      if (existing) return recordOf(existing);
    }
    throw new Error(`Idempotency key ${claim.key} kept changing while it was claimed.`);
  }

  async record(hold: IdempotencyHold, response: IdempotentResponse): Promise<boolean> {
    return (await this.keys.updateOne({ ...hold, response: null }, { $set: { response } })).modifiedCount === 1;
  }

  /** Inside `commitStep`'s transaction: the mark and the change land together, or neither. */
  async markCommitted(hold: IdempotencyHold, commit: IdempotentCommit, session: ClientSession): Promise<void> {
    const marked = await this.keys.updateOne({ ...hold, response: null }, { $set: { committed: commit } }, { session });
    if (marked.matchedCount !== 1) throw idempotencyHoldLost(hold.key);
  }

  /** Frees a key whose request made no change; a committed change keeps its key. */
  async release(hold: IdempotencyHold): Promise<void> {
    await this.keys.deleteOne({ ...hold, response: null, committed: null });
  }

  async deleteExpired(now: string): Promise<number> {
    return (await this.keys.deleteMany({ expiresAt: { $lte: new Date(now) } })).deletedCount;
  }
}
