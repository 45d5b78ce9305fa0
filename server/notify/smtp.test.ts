/**
 * The SMTP notifier against a real SMTP server (the `smtp-server` package) on loopback: what the
 * relay receives (envelope, headers, body), and what happens when it refuses — the notifier
 * throws, and the outbox keeps the message and delivers it, once, when the relay is back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { referral } from '../../test/camden/given.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { createOutboxWorker, type NotificationMessage } from '../runtime/index.ts';
import { smtpSink, type Received } from './smtp-sink.ts';
import { messageIdFor, smtpNotifier, type SmtpOptions } from './smtp.ts';

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

/** The SMTP notifier, closed after the test before the relays (it keeps its connections open). */
function notifier(url: string, options: Partial<SmtpOptions> = {}) {
  const made = smtpNotifier(api.store, { url, from: 'stepwise@camden.gov.uk', ...options });
  closers.unshift(() => made.close());
  return made;
}

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
    const smtp = await smtpSink();
    closers.push(smtp.close);
    await notifier(smtp.url, { from: 'Stepwise <stepwise@camden.gov.uk>' }).send(escalation());

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
    const smtp = await smtpSink();
    closers.push(smtp.close);
    const message = escalation();
    message.notification.to = [{ role: 'retired_role' }];
    await expect(notifier(smtp.url).send(message)).rejects.toThrow('No one holds the recipient role, team or mailbox.');
    expect(smtp.received).toHaveLength(0);
  });
});

describe('Given a relay that refuses with 451 (try again later)', () => {
  it('When Sam e-mails the EH Step Down inbox, Then the notifier throws; the outbox keeps the e-mail pending with the reason, and delivers it once when the relay accepts again', async () => {
    const down = await smtpSink({ refuse: { code: 451, text: 'Greylisted, try again later' } });
    closers.push(down.close);
    await referred();

    const from = 'stepwise@camden.gov.uk';
    const worker = (url: string) => createOutboxWorker({ store: api.store, runner: api.runner, clock: api.clock, owner: 'test', notifier: notifier(url, { from }) });
    expect(await worker(down.url).tick()).toMatchObject({ claimed: 1, retried: 1, done: 0 });
    const [pending] = await api.store.listOutbox({ authority: 'camden', status: 'pending' });
    expect(pending).toMatchObject({ caseId: 'case-patel', kind: 'notify', attempts: 1 });
    expect(pending!.lastError).toMatch(/451 Greylisted, try again later/);

    const up = await smtpSink();
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
    const gone = await smtpSink();
    await gone.close();
    await expect(notifier(gone.url, { timeoutMs: 2000 }).send(escalation())).rejects.toThrow();
  });
});

describe('Given a relay that takes 3 s over each message', () => {
  it('When the notifier’s timeout is 0.5 s, Then the send fails at the timeout rather than waiting on (nodemailer used to drop the timeouts)', async () => {
    const slow = await smtpSink({ delayMs: 3000 });
    closers.push(slow.close);
    const started = Date.now();
    await expect(notifier(slow.url, { timeoutMs: 500 }).send(escalation())).rejects.toThrow(/timeout/i);
    expect(Date.now() - started).toBeLessThan(2000);
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
