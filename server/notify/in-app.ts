/**
 * The embedded default: nothing leaves the machine. A message counts as delivered once its
 * recipients resolve to at least one address; it stays readable in the admin's outbox view.
 * A message nobody can receive is retried (someone may be given the role) and finally kept as
 * dead, visible to the admin, rather than silently dropped.
 */
import type { Notifier } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';
import { addressesFor } from './recipients.ts';

export function inAppNotifier(store: Store): Notifier {
  return {
    async send(message) {
      const addresses = await addressesFor(store, message.authority, message.notification.to);
      if (addresses.length === 0) throw new Error('No one holds the recipient role, team or mailbox.');
    },
  };
}
