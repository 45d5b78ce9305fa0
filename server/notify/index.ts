/**
 * Chooses how e-mails leave: GOV.UK Notify or SMTP when configured; otherwise they stay in the
 * outbox, which admins read in the app (the embedded default). A half-made configuration (a
 * Notify key without a template, an SMTP URL without a sender) stops the server at start-up
 * rather than quietly keeping e-mails in the app.
 */
import type { Notifier } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';
import { govNotifyNotifier } from './gov-notify.ts';
import { inAppNotifier } from './in-app.ts';
import { smtpNotifier } from './smtp.ts';

export { addressesFor } from './recipients.ts';
export { inAppNotifier } from './in-app.ts';
export { govNotifyNotifier, notifyJwt, parseApiKey, type GovNotifyOptions } from './gov-notify.ts';
export { messageIdFor, smtpNotifier, type SmtpOptions } from './smtp.ts';

export type NotifierKind = 'gov-uk-notify' | 'smtp' | 'in-app';

type Env = Record<string, string | undefined>;
const set = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Which notifier the environment asks for; throws if it asks for one but leaves a setting out. */
export function notifierKind(env: Env): NotifierKind {
  const key = set(env.GOV_UK_NOTIFY_API_KEY);
  const template = set(env.GOV_UK_NOTIFY_TEMPLATE_ID);
  if (key || template) {
    if (!key || !template) throw new Error('Set both GOV_UK_NOTIFY_API_KEY and GOV_UK_NOTIFY_TEMPLATE_ID to send e-mail through GOV.UK Notify.');
    return 'gov-uk-notify';
  }
  if (set(env.SMTP_URL)) {
    if (!set(env.SMTP_FROM)) throw new Error('Set SMTP_FROM (e.g. "Stepwise <stepwise@example.gov.uk>") to send e-mail through SMTP_URL.');
    return 'smtp';
  }
  return 'in-app';
}

export function notifierFromEnvironment(store: Store, env: Env): Notifier {
  switch (notifierKind(env)) {
    case 'gov-uk-notify':
      return govNotifyNotifier(store, {
        apiKey: set(env.GOV_UK_NOTIFY_API_KEY)!,
        templateId: set(env.GOV_UK_NOTIFY_TEMPLATE_ID)!,
        ...(set(env.GOV_UK_NOTIFY_BASE_URL) ? { baseUrl: set(env.GOV_UK_NOTIFY_BASE_URL)! } : {}),
      });
    case 'smtp':
      return smtpNotifier(store, { url: set(env.SMTP_URL)!, from: set(env.SMTP_FROM)! });
    case 'in-app':
      return inAppNotifier(store);
  }
}
