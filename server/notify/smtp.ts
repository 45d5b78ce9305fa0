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
 * so resending would only give the others a second copy. A relay that stops answering fails the
 * send after the timeout; the outbox renews the message's lease until then, so no other worker
 * sends it meanwhile.
 *
 * Throughput: a pool of connections kept open (as many as the outbox has e-mails in flight), so
 * each message skips the connection set-up and the relay's greeting, and sockets with Nagle's
 * algorithm off (see `openSocket`). Together: 7 a second became well over 500 against a relay on
 * loopback (test/bench/results/outbox.md).
 */
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
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
  /** Connections kept open to the relay, a message at a time on each; default 16, the outbox's e-mails in flight. */
  connections?: number;
}

/** A Message-ID from the outbox id: the same every time the same message is sent. */
export function messageIdFor(id: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'stepwise.invalid';
  // Engine ids (`<case uuid>.n7`) are already valid in a Message-ID; anything else is hashed.
  const left = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(id) && id.length <= 200 ? id : createHash('sha256').update(id).digest('hex');
  return `<stepwise.${left}@${domain}>`;
}

export function smtpNotifier(store: Store, options: SmtpOptions): Notifier & { close(): Promise<void> } {
  const timeout = options.timeoutMs ?? 20_000;
  // Given `{ url, ... }`, nodemailer reads the URL alone and drops every other option (the
  // timeouts were silently ignored that way), so the URL is parsed here; its query string wins.
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: options.connections ?? 16,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    getSocket: openSocket(timeout),
    ...parseConnectionUrl(options.url),
  });
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
    async close() {
      transport.close();
    },
  };
}

/**
 * A TCP connection to the relay with Nagle's algorithm off. nodemailer writes a message's closing
 * `.` as a small packet of its own; with Nagle on, that packet waits for the relay to acknowledge
 * the one before, which relays delay (40 ms on Linux): 45 ms a message on loopback, whatever the
 * relay did. nodemailer starts TLS over this socket itself (at once for smtps://, or STARTTLS).
 */
function openSocket(timeoutMs: number) {
  return (target: { host?: string; port?: number; secure?: boolean }, callback: (error: Error | null, socket?: { connection: Socket }) => void) => {
    const socket = connect({ host: target.host ?? 'localhost', port: target.port ?? (target.secure ? 465 : 587), noDelay: true, keepAlive: true });
    const failed = (error: Error) => callback(error);
    const slow = () => socket.destroy(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' }));
    socket.setTimeout(timeoutMs);
    socket.once('timeout', slow);
    socket.once('error', failed);
    socket.once('connect', () => {
      // From here nodemailer handles the socket's errors and timeouts.
      socket.setTimeout(0);
      socket.removeListener('timeout', slow);
      socket.removeListener('error', failed);
      callback(null, { connection: socket });
    });
  };
}
