/** Notification: an e-mail to people, teams or shared inboxes, then carry on. */
import type { NotificationNode } from '../schema/definition.types.ts';
import { renderTemplate } from '../runtime/data.ts';
import type { Arrival, Run } from '../runtime/run.ts';
import { resolveRecipients } from './assign.ts';

export function enterNotification(node: NotificationNode, run: Run, arrival: Arrival): void {
  const data = run.data();
  const notification = {
    id: run.nextId('n'),
    to: resolveRecipients(node.to, run, arrival),
    subject: renderTemplate(node.subject, data),
    body: renderTemplate(node.body, data),
    reason: `notification:${node.id}`,
  };
  run.effects.push({ type: 'notify', notification });
  run.own('done')[node.id] = run.now;
  run.record({ type: 'notification_sent', node: node.id, notification: notification.id, subject: notification.subject, to: notification.to });
  run.enter(node.next, { ...arrival, from: node.id });
}
