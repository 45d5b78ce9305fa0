/**
 * The SMTP notifier against a real SMTP server (the `smtp-server` package) on loopback: what the
 * relay receives (envelope, headers, body), and what happens when it refuses — the notifier
 * throws, and the outbox keeps the message and delivers it, once, when the relay is back.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { referral } from '../../test/camden/given.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { createOutboxWorker, type NotificationMessage } from '../runtime/index.ts';
import { messageIdFor, smtpNotifier } from './smtp.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A relay on 127.0.0.1 that keeps what it accepts, or refuses every message with `refuse`. */
async function relay(options: { refuse?: { code: number; text: string } } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.refuse) return callback(Object.assign(new Error(options.refuse.text), { responseCode: options.refuse.code }));
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A header's value, unfolded (long headers such as To continue on indented lines). */
const header = (raw: string, name: string) => {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim();
};

/** The text body, undoing quoted-printable (nodemailer's choice for text with a ’ in it). */
function body(raw: string): string {
  const text = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  if (!/quoted-printable/i.test(header(raw, 'Content-Transfer-Encoding') ?? '')) return text;
  const bytes = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

let api: Api;
let closers: Array<() => Promise<void>> = [];
beforeEach(async () => {
  api = await apiHarness('2026-12-21T09:00:00Z');
  closers = [];
  // A second EH service manager, so a message to the role has two people to reach.
  await api.store.saveUser({ id: 'camden.sima', authority: 'camden', name: 'Sima Rahman', email: 'sima.rahman@camden.example', roles: ['eh_service_manager'], teams: [], passwordHash: 'x' });
});
afterEach(async () => {
  for (const close of closers) await close();
  await api.close();
});

const escalation = (id = 'case-okafor.n9'): NotificationMessage => ({
  id,
  caseId: 'case-okafor',
  authority: 'camden',
  notification: {
    id,
    to: [{ role: 'eh_service_manager' }, { mailbox: 'eh_step_down_inbox', address: 'EHstepdown@camden.gov.uk', name: 'Early Help Step Down inbox' }],
    subject: 'Overdue: Screen the step down referral',
    body: 'The Early Help front door has not responded to the social worker within 2 working days.\nOpen the case in Stepwise.',
    reason: 'escalation',
  },
});

describe('Given an SMTP relay on loopback', () => {
  it('When an escalation goes to a role and a shared inbox, Then the relay gets ONE message with every address in To, the subject, the body and the message id', async () => {
    const smtp = await relay();
    closers.push(smtp.close);
    await smtpNotifier(api.store, { url: smtp.url, from: 'Stepwise <stepwise@camden.gov.uk>' }).send(escalation());

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received as [Received];
    const everyone = ['EHstepdown@camden.gov.uk', 'eh_service_manager@camden.example', 'sima.rahman@camden.example'];
    expect(mail.from).toBe('stepwise@camden.gov.uk');
    expect([...mail.to].sort()).toEqual(everyone);
    expect(header(mail.raw, 'To')!.split(',').map((a) => a.trim()).sort()).toEqual(everyone);
    expect(header(mail.raw, 'Subject')).toBe('Overdue: Screen the step down referral');
    expect(header(mail.raw, 'Message-ID')).toBe('<stepwise.case-okafor.n9@camden.gov.uk>');
    expect(header(mail.raw, 'X-Stepwise-Message-Id')).toBe('case-okafor.n9');
    expect(header(mail.raw, 'Auto-Submitted')).toBe('auto-generated');
    expect(body(mail.raw)).toContain('The Early Help front door has not responded to the social worker within 2 working days.\r\nOpen the case in Stepwise.');
  });

  it('When nobody holds the role any more, Then it throws so the outbox retries, and nothing is sent', async () => {
    const smtp = await relay();
    closers.push(smtp.close);
    const message = escalation();
    message.notification.to = [{ role: 'retired_role' }];
    await expect(smtpNotifier(api.store, { url: smtp.url, from: 'stepwise@camden.gov.uk' }).send(message)).rejects.toThrow('No one holds the recipient role, team or mailbox.');
    expect(smtp.received).toHaveLength(0);
  });
});

describe('Given a relay that refuses with 451 (try again later)', () => {
  it('When Sam e-mails the EH Step Down inbox, Then the notifier throws; the outbox keeps the e-mail pending with the reason, and delivers it once when the relay accepts again', async () => {
    const down = await relay({ refuse: { code: 451, text: 'Greylisted, try again later' } });
    closers.push(down.close);
    await referred();

    const from = 'stepwise@camden.gov.uk';
    const worker = (url: string) => createOutboxWorker({ store: api.store, runner: api.runner, clock: api.clock, owner: 'test', notifier: smtpNotifier(api.store, { url, from }) });
    expect(await worker(down.url).tick()).toMatchObject({ claimed: 1, retried: 1, done: 0 });
    const [pending] = await api.store.listOutbox({ authority: 'camden', status: 'pending' });
    expect(pending).toMatchObject({ caseId: 'case-patel', kind: 'notify', attempts: 1 });
    expect(pending!.lastError).toMatch(/451 Greylisted, try again later/);

    const up = await relay();
    closers.push(up.close);
    expect(await worker(up.url).tick()).toMatchObject({ claimed: 0 }); // not before its backoff
    api.clock.advance(31_000);
    expect(await worker(up.url).drain()).toMatchObject({ done: 1 });
    expect(await worker(up.url).drain()).toMatchObject({ claimed: 0 });
    expect(up.received).toHaveLength(1);
    expect(up.received[0]!.to).toEqual(['EHstepdown@camden.gov.uk']);
    expect(header(up.received[0]!.raw, 'Subject')).toBe('Step down referral: the Patel family (1 children)');
    expect((await api.store.listOutbox({ authority: 'camden' }))[0]).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('When no relay answers at all, Then the notifier throws too', async () => {
    const gone = await relay();
    await gone.close();
    await expect(smtpNotifier(api.store, { url: gone.url, from: 'stepwise@camden.gov.uk', timeoutMs: 2000 }).send(escalation())).rejects.toThrow();
  });
});

describe('Message-ID', () => {
  it('uses an engine id as it is, and hashes anything that is not safe in a Message-ID', () => {
    expect(messageIdFor('0b6c.n7', 'Stepwise <stepwise@camden.gov.uk>')).toBe('<stepwise.0b6c.n7@camden.gov.uk>');
    expect(messageIdFor('a b<c>@d', 'stepwise@camden.gov.uk')).toMatch(/^<stepwise\.[0-9a-f]{64}@camden\.gov\.uk>$/);
    expect(messageIdFor('x', 'no domain')).toBe('<stepwise.x@stepwise.invalid>');
  });
});

/** Sam starts a step down for the Patel family and, a day later, e-mails the EH Step Down inbox. */
async function referred() {
  const sam = { id: 'camden.social_worker', roles: ['social_worker'], teams: [] };
  const children = [{ name: 'Asha Patel', dateOfBirth: '2016-03-09', personId: '2081144' }];
  api.clock.set('2026-12-16T09:00:00Z');
  const started = await api.runner.startCase({ definition: 'camden', entry: 'sw_assessment', subject: { familyName: 'Patel', children }, by: sam, caseId: 'case-patel' });
  api.clock.set('2026-12-17T10:00:00Z');
  const task = Object.values(started.tasks).find((t) => t.node === 'referral')!;
  await api.runner.dispatch('case-patel', { type: 'task_completed', taskId: task.id, by: sam, data: referral({ children: children.map((c) => ({ ...c, schoolsAttended: 'Netley Primary School' })) }), actions: [{ action: 'send_referral' }] });
}
