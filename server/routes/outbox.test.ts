import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { givenCamdenStepDowns } from './report-given.ts';

interface Message {
  id: string;
  kind: string;
  caseId: string;
  status: string;
  attempts: number;
  createdAt: string;
  doneAt: string | null;
  lastError: string | null;
  reason?: string;
  subject?: string;
  body?: string;
  to?: unknown[];
  addresses?: string[];
}
interface Outbox {
  authority: string;
  counts: Record<string, number>;
  total: number;
  truncated: boolean;
  messages: Message[];
}

let api: Api;
beforeEach(async () => {
  api = await apiHarness();
  await givenCamdenStepDowns(api);
});
afterEach(async () => api.close());

const read = async (path: string, email = 'admin@camden.example') => (await (await api.signIn(email)).get(path)).json() as Promise<Outbox>;

describe('Given six Camden step downs, with e-mails waiting on the embedded default', () => {
  it('When Camden’s admin opens the outbox, Then every e-mail is there, newest first, with subject, body, who it is for and the addresses that reaches', async () => {
    const outbox = await read('/api/outbox');
    expect(outbox).toMatchObject({ authority: 'camden', counts: { pending: 19, done: 0, dead: 0 }, total: 19, truncated: false });
    const times = outbox.messages.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(outbox.messages.find((m) => m.caseId === 'case-patel' && m.reason === 'escalation:asm_screen:1')).toMatchObject({
      kind: 'notify',
      status: 'pending',
      attempts: 0,
      lastError: null,
      doneAt: null,
      subject: 'Overdue: Screen the step down referral',
      body: expect.stringContaining('has not responded to the social worker within 2 working days'),
      to: [{ kind: 'role', id: 'eh_service_manager', name: 'Early Help service manager' }],
      addresses: ['eh_service_manager@camden.example'],
    });
    expect(outbox.messages.at(-1)).toMatchObject({
      caseId: 'case-okafor',
      subject: 'Step down referral: the Okafor family (1 children)',
      to: [{ kind: 'mailbox', id: 'eh_step_down_inbox', name: 'Early Help Step Down inbox', address: 'EHstepdown@camden.gov.uk' }],
      addresses: ['EHstepdown@camden.gov.uk'],
    });
    expect(outbox.messages.find((m) => m.reason === 'notification:asm_tell_sw_team')?.to).toContainEqual({ kind: 'team', id: 'ieys_kte_duty_manager', name: 'IEYS Kentish Town East "KTE", duty manager' });
  });

  it('When delivery runs while nobody holds the EH service manager role, Then those e-mails stay pending with the reason, the rest are done, and each status filters', async () => {
    const sima = (await api.store.findUserByEmail('eh_service_manager@camden.example'))!;
    await api.store.saveUser({ ...sima, disabled: true });
    expect(await api.outbox.drain()).toMatchObject({ done: 16, retried: 3, dead: 0 });

    const pending = await read('/api/outbox?status=pending');
    expect(pending.counts).toEqual({ pending: 3, done: 16, dead: 0 });
    expect(pending.messages.map((m) => m.reason).sort()).toEqual(['escalation:asm_consultation:1', 'escalation:asm_offer_consultation:1', 'escalation:asm_screen:1']);
    expect(pending.messages[0]).toMatchObject({ attempts: 1, lastError: 'Error: No one holds the recipient role, team or mailbox.', addresses: [] });
    const done = await read('/api/outbox?status=done');
    expect(done.messages).toHaveLength(16);
    expect(done.messages.every((m) => m.status === 'done' && m.doneAt === '2026-12-21T09:00:00.000Z' && m.attempts === 1)).toBe(true);
    expect((await read('/api/outbox?status=dead')).messages).toEqual([]);
  });

  it('When the admin filters by case and kind, Then only that case’s e-mails; another authority’s case id matches nothing', async () => {
    const patel = await read('/api/outbox?caseId=case-patel&kind=notify');
    expect(patel.messages).toHaveLength(6);
    expect(patel.messages.every((m) => m.caseId === 'case-patel')).toBe(true);
    expect(patel.counts).toEqual({ pending: 6, done: 0, dead: 0 });
    expect(await read('/api/outbox?caseId=case-graft')).toMatchObject({ total: 0, messages: [] });
  });

  it('When Graft’s admin opens their outbox, Then none of Camden’s e-mails are in it', async () => {
    const graft = await read('/api/outbox', 'admin@graft.example');
    expect(graft.authority).toBe('graft');
    expect(graft.messages.every((m) => m.caseId === 'case-graft')).toBe(true);
  });
});

describe('Who may read the outbox, and bad queries', () => {
  it('Given a manager who is not an admin, or a social worker, Then 403; given no session, Then 401', async () => {
    for (const email of ['eh_service_manager@camden.example', 'social_worker@camden.example']) {
      const response = await (await api.signIn(email)).get('/api/outbox');
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'not_allowed', detail: 'Only admins can read the outbox.' });
    }
    expect((await api.request('/api/outbox')).status).toBe(401);
  });

  it('Given a status that does not exist or an unknown parameter, Then 422 names it under /query', async () => {
    const admin = await api.signIn('admin@camden.example');
    const status = await admin.get('/api/outbox?status=sent');
    expect(status.status).toBe(422);
    expect(await status.json()).toMatchObject({ code: 'request_invalid', errors: [{ pointer: '/query/status' }] });
    expect(await (await admin.get('/api/outbox?kind=sms')).json()).toMatchObject({ errors: [{ pointer: '/query/kind' }] });
    expect(await (await admin.get('/api/outbox?colour=red')).json()).toMatchObject({ errors: [{ pointer: '/query/colour' }] });
  });
});
