/**
 * E-mail through an SMTP relay (the authority's own mail server, or a provider's). The one file
 * that imports nodemailer.
 *
 * One message per notification, with every resolved address in To (they are colleagues in the
 * same authority, and a team sees who else was told). The outbox message id goes out twice: as
 * the `Message-ID` (so a message re-sent after a crash carries the same id, which mail systems use
 * to drop duplicates) and, verbatim, as `X-Stepwise-Message-Id` for support staff to search on.
 *
 * Retries: any failure throws, and the outbox worker tries again later. A relay that accepts some
 * recipients and rejects others (550 no such mailbox) counts as sent: the rejection is permanent,
 * so resending would only give the others a second copy. Timeouts are kept well under the outbox
 * lease (60 s) so another worker never picks up a message this one is still sending.
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Notifier } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';
import { addressesFor } from './recipients.ts';

export interface SmtpOptions {
  /** `smtp://user:pass@host:587` or `smtps://...:465`; nodemailer options may go in the query string. */
  url: string;
  /** The sender, e.g. `Stepwise <stepwise@camden.gov.uk>`. */
  from: string;
  /** Connection, greeting and socket timeouts; default 20 s. */
  timeoutMs?: number;
}

/** A Message-ID from the outbox id: the same every time the same message is sent. */
export function messageIdFor(id: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'stepwise.invalid';
  // Engine ids (`<case uuid>.n7`) are already valid in a Message-ID; anything else is hashed.
  const left = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(id) && id.length <= 200 ? id : createHash('sha256').update(id).digest('hex');
  return `<stepwise.${left}@${domain}>`;
}

export function smtpNotifier(store: Store, options: SmtpOptions): Notifier {
  const timeout = options.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({ url: options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  return {
    async send(message) {
      const to = await addressesFor(store, message.authority, message.notification.to);
      if (to.length === 0) throw new Error('No one holds the recipient role, team or mailbox.');
      await transport.sendMail({
        from: options.from,
        to,
        subject: message.notification.subject,
        text: message.notification.body,
        messageId: messageIdFor(message.id, options.from),
        headers: {
          'X-Stepwise-Message-Id': message.id,
          // RFC 3834: tells out-of-office responders not to reply to a machine.
          'Auto-Submitted': 'auto-generated',
        },
      });
    },
  };
}
