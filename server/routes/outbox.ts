/**
 * The authority's outbox, for its admins: every e-mail the protocol sent or will send (subject,
 * body, who it is for and the addresses that resolves to), with its delivery state, attempts and
 * last error; plus the internal jobs that link cases (start a step-up case, tell a parent case its
 * sub-case ended), without their contents. On the embedded default nothing leaves the machine,
 * so this is where admins read the e-mails.
 */
import { Hono } from 'hono';
import type { Recipient, WorkflowDefinition } from '../../engine/index.ts';
import { isAdmin, type AppEnv } from '../http/env.ts';
import { HttpProblem } from '../http/problem.ts';
import { addressesFor } from '../notify/recipients.ts';
import type { NotificationMessage } from '../runtime/index.ts';
import type { OutboxMessage, Store, UserRecord } from '../store/index.ts';
import { recordListRead } from './access-audit.ts';
import { authorityDefinitions } from './case-context.ts';
import { queryParameters, readQuery, type QueryShape } from './case-params.ts';
import { errors, type Paths } from './openapi-types.ts';
import type * as Api from './api-types.gen.ts';

/** Newest first; older messages are counted but not listed. */
export const OUTBOX_PAGE = 500;

const statuses = ['pending', 'done', 'dead'] as const;
const kinds = ['notify', 'start_subflow', 'end_parent_wait'] as const;
const filters: QueryShape = {
  title: 'Outbox',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { type: 'string', title: 'Status', enum: statuses },
      kind: { type: 'string', title: 'Kind', enum: kinds },
      caseId: { type: 'string', title: 'Case', minLength: 1, maxLength: 200 },
    },
  },
};

export const outboxRoutes = new Hono<AppEnv>().get('/api/outbox', async (c) => {
  const user = c.get('user');
  if (!isAdmin(user)) throw new HttpProblem(403, 'not_allowed', 'Only admins can read the outbox.');
  const query = readQuery<{ status?: OutboxMessage['status']; kind?: OutboxMessage['kind']; caseId?: string }>(c, filters);
  const { store } = c.get('deps');
  // Another authority's case id simply matches nothing: the store filters by authority first.
  const all = await store.listOutbox({ authority: user.authority, ...(query.caseId ? { caseId: query.caseId } : {}) });
  const counts = Object.fromEntries(statuses.map((s) => [s, all.filter((m) => m.status === s).length]));
  const matching = all
    .filter((m) => (!query.status || m.status === query.status) && (!query.kind || m.kind === query.kind))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
  const page = matching.slice(0, OUTBOX_PAGE);
  const [definitions, people] = await Promise.all([authorityDefinitions(store, user.authority), store.listUsers(user.authority)]);
  // addressesFor reads the authority's people once per call; hand it the list already read.
  const peopleOnce: Store = Object.create(store, { listUsers: { value: async () => people } });
  const messages = await Promise.all(page.map((m) => view(m, peopleOnce, definitions, people)));
  // E-mail bodies quote referrals: reading the page is recorded, naming each case it shows.
  await recordListRead(c, 'outbox', page.map((m) => m.caseId), { status: query.status, kind: query.kind, caseId: query.caseId });
  return c.json({ authority: user.authority, counts, total: matching.length, truncated: matching.length > page.length, messages } satisfies Api.Outbox);
});

async function view(message: OutboxMessage, store: Store, definitions: WorkflowDefinition[], people: UserRecord[]): Promise<Api.Outbox['messages'][number]> {
  const base = {
    id: message.id,
    kind: message.kind,
    caseId: message.caseId,
    status: message.status,
    attempts: message.attempts,
    createdAt: message.createdAt,
    availableAt: message.availableAt,
    doneAt: message.doneAt ?? null,
    lastError: message.lastError ?? null,
  };
  if (message.kind !== 'notify') return base;
  const { notification } = message.payload as NotificationMessage;
  return {
    ...base,
    kind: message.kind,
    reason: notification.reason,
    subject: notification.subject,
    body: notification.body,
    to: notification.to.map((r) => recipientView(r, definitions, people)),
    /** Who it reaches as the authority's people stand now (for a sent message: who it would reach today). */
    addresses: await addressesFor(store, message.authority, notification.to),
  };
}

function recipientView(recipient: Recipient, definitions: WorkflowDefinition[], people: UserRecord[]) {
  const find = <T extends { id: string; name: string }>(pick: (d: WorkflowDefinition) => T[] | undefined, id: string) =>
    definitions.flatMap((d) => pick(d) ?? []).find((x) => x.id === id)?.name ?? id;
  if ('mailbox' in recipient) return { kind: 'mailbox' as const, id: recipient.mailbox, name: recipient.name, address: recipient.address };
  if ('worker' in recipient) return { kind: 'worker' as const, id: recipient.worker, name: people.find((u) => u.id === recipient.worker)?.name ?? recipient.worker };
  if ('team' in recipient) return { kind: 'team' as const, id: recipient.team, name: find((d) => d.teams, recipient.team) };
  return { kind: 'role' as const, id: recipient.role, name: find((d) => d.roles, recipient.role) };
}

export const outboxPaths: Paths = {
  '/api/outbox': {
    get: {
      summary: 'The authority’s outbox: e-mails (subject, body, recipients and their addresses) and case-linking jobs, with delivery status, attempts and last error (admins)',
      tags: ['Outbox'],
      parameters: queryParameters(filters, {
        status: '`pending` (waiting or being retried), `done` (delivered) or `dead` (given up; needs an admin)',
        kind: '`notify` for e-mails only',
        caseId: 'Only this case’s messages',
      }),
      responses: { '200': { description: `Newest first, at most ${OUTBOX_PAGE}, with counts by status` }, ...errors(401, 403, 422) },
    },
  },
};
