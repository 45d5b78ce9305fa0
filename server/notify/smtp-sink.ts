/**
 * For tests and the outbox benchmark only (it imports `smtp-server`, a dev dependency): an SMTP
 * relay on 127.0.0.1 that keeps what it accepts, can refuse every message, and can take its time
 * over each one as a slow relay does. Counts deliveries by `X-Stepwise-Message-Id`, so a message
 * sent twice shows up as a duplicate.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: string;
  /** The `X-Stepwise-Message-Id` header, or '' if there was none. */
  messageId: string;
}

export interface SinkOptions {
  /** Refuse every message with this reply (e.g. 451 greylisted). */
  refuse?: { code: number; text: string };
  /** Wait this long after the message's data before answering `250` (a slow relay). */
  delayMs?: number;
  /** Keep only ids and counts, not the raw messages (benchmarks). */
  countOnly?: boolean;
}

export interface SmtpSink {
  url: string;
  received: Received[];
  /** Accepted messages per `X-Stepwise-Message-Id`. */
  counts: Map<string, number>;
  /** Messages accepted so far, duplicates included. */
  total(): number;
  /** Ids accepted more than once. */
  duplicates(): string[];
  close(): Promise<void>;
}

const messageIdOf = (head: string) => /^X-Stepwise-Message-Id:\s*(.*)$/im.exec(head)?.[1]?.trim() ?? '';

export async function smtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const received: Received[] = [];
  const counts = new Map<string, number>();
  let total = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 1000,
    // Clients keep pooled connections open: on close, wait a moment for them, not the default 30 s.
    closeTimeout: 200,
    // No reverse DNS lookup of 127.0.0.1 per connection: it costs more than the rest of a message.
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.refuse) return callback(Object.assign(new Error(options.refuse.text), { responseCode: options.refuse.code }));
        const accept = () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const messageId = messageIdOf(raw.slice(0, raw.indexOf('\r\n\r\n')));
          counts.set(messageId, (counts.get(messageId) ?? 0) + 1);
          total += 1;
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          if (!options.countOnly) received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, messageId });
          callback();
        };
        if (options.delayMs) setTimeout(accept, options.delayMs);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    counts,
    total: () => total,
    duplicates: () => [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
