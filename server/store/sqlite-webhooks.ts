/** Webhook subscriptions in the SQLite store, and the outbox messages an event fans out to. */
import { StoreError } from './errors.ts';
import { instant } from './rows.ts';
import type { Db } from './sqlite-schema.ts';
import { statement } from './sqlite-statements.ts';
import type { OutboxInput } from './types.ts';
import type { WebhookSubscription } from './webhook-types.ts';

const subscription = (row: { body: string } | undefined) => (row ? (JSON.parse(row.body) as WebhookSubscription) : null);

export function createWebhookSubscription(db: Db, sub: WebhookSubscription): void {
  const inserted = statement(db, 'INSERT INTO webhook_subscriptions (id, authority, created_at, body) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
    .run(sub.id, sub.authority, instant(sub.createdAt), JSON.stringify({ ...sub, createdAt: instant(sub.createdAt) }));
  if (inserted.changes === 0) throw new StoreError('already_exists', `Webhook subscription ${sub.id} exists.`, { id: sub.id });
}

export const getWebhookSubscription = (db: Db, id: string) =>
  subscription(statement(db, 'SELECT body FROM webhook_subscriptions WHERE id = ?').get(id) as { body: string } | undefined);

export const listWebhookSubscriptions = (db: Db, authority: string) =>
  (statement(db, 'SELECT body FROM webhook_subscriptions WHERE authority = ? ORDER BY created_at, id').all(authority) as Array<{ body: string }>).map((r) => subscription(r)!);

export function setWebhookSubscriptionDisabled(db: Db, id: string, disabledAt: string | null): boolean {
  return db.transaction(() => {
    const found = getWebhookSubscription(db, id);
    if (!found) return false;
    const body = JSON.stringify({ ...found, disabledAt: disabledAt === null ? null : instant(disabledAt) });
    statement(db, 'UPDATE webhook_subscriptions SET body = ? WHERE id = ?').run(body, id);
    return true;
  }).immediate();
}

export const deleteWebhookSubscription = (db: Db, id: string) => statement(db, 'DELETE FROM webhook_subscriptions WHERE id = ?').run(id).changes > 0;

export function enqueueOutbox(db: Db, from: { caseId: string; authority: string }, messages: OutboxInput[], at: string): number {
  const insert = statement(db, `INSERT INTO outbox (id, case_id, authority, kind, payload, status, attempts, created_at, available_at)
    VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (id) DO NOTHING`);
  const when = instant(at);
  return db.transaction(() => messages.reduce((added, m) => added + insert.run(m.id, from.caseId, from.authority, m.kind, JSON.stringify(m.payload), when, when).changes, 0)).immediate();
}
