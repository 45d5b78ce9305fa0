/**
 * Webhook subscriptions in the MongoDB store (the `webhook_subscriptions` collection, `_id` the
 * subscription id), and the outbox messages an event fans out to. Each write is one
 * single-document write, or upserts that leave an existing message alone, so none needs a
 * transaction: doing a fan-out twice adds nothing.
 *
 * Uses the driver's types only; mongo-store.ts is still the one file that loads the driver.
 */
import type { Collection, Db } from 'mongodb';
import type { OutboxDoc } from './mongo-docs.ts';
import { StoreError } from './errors.ts';
import { instant } from './rows.ts';
import type { OutboxInput } from './types.ts';
import type { WebhookSubscription } from './webhook-types.ts';

export interface WebhookSubscriptionDoc extends Omit<WebhookSubscription, 'id'> {
  _id: string;
}

const isDuplicate = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;
const subscriptionOf = ({ _id, ...rest }: WebhookSubscriptionDoc): WebhookSubscription => ({ id: _id, ...rest });

export class MongoWebhooks {
  private readonly subscriptions: Collection<WebhookSubscriptionDoc>;
  private readonly outbox: Collection<OutboxDoc>;

  constructor(db: Db) {
    this.subscriptions = db.collection('webhook_subscriptions');
    this.outbox = db.collection('outbox');
  }

  /** Also creates the collection before any transaction could need it. */
  async ensureIndexes(): Promise<void> {
    await this.subscriptions.createIndexes([{ key: { authority: 1, createdAt: 1, _id: 1 } }]);
  }

  async create({ id, ...rest }: WebhookSubscription): Promise<void> {
    try {
      await this.subscriptions.insertOne({ _id: id, ...rest, createdAt: instant(rest.createdAt) });
    } catch (error) {
      if (isDuplicate(error)) throw new StoreError('already_exists', `Webhook subscription ${id} exists.`, { id });
      throw error;
    }
  }

  async get(id: string): Promise<WebhookSubscription | null> {
    const doc = await this.subscriptions.findOne({ _id: id });
    return doc ? subscriptionOf(doc) : null;
  }

  async list(authority: string): Promise<WebhookSubscription[]> {
    return (await this.subscriptions.find({ authority }).sort({ createdAt: 1, _id: 1 }).toArray()).map(subscriptionOf);
  }

  async setDisabled(id: string, disabledAt: string | null): Promise<boolean> {
    const result = await this.subscriptions.updateOne({ _id: id }, { $set: { disabledAt: disabledAt === null ? null : instant(disabledAt) } });
    return result.matchedCount === 1;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.subscriptions.deleteOne({ _id: id })).deletedCount === 1;
  }

  async enqueue(from: { caseId: string; authority: string }, messages: OutboxInput[], at: string): Promise<number> {
    if (messages.length === 0) return 0;
    const when = instant(at);
    const result = await this.outbox.bulkWrite(
      messages.map((m) => ({
        updateOne: {
          filter: { _id: m.id },
          update: {
            $setOnInsert: {
              caseId: from.caseId, authority: from.authority, kind: m.kind, payload: JSON.stringify(m.payload), status: 'pending' as const,
              attempts: 0, createdAt: when, availableAt: when, leaseOwner: null, leaseUntil: null, lastError: null, doneAt: null,
            },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    return result.upsertedCount;
  }
}
