/**
 * Reads of many cases at once — the case list and search, My work, a tray, the outbox, a report —
 * leave ONE entry on the reader's access log (`cases_listed`) naming the cases shown, by id only:
 * one write per request, not per case. Single-case reads go on the case's own log instead
 * (`callerCase(c, id, what)`). Written before the answer is sent: a read that cannot be recorded
 * does not happen.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { instant } from '../store/rows.ts';

/** What a list read's entry says: which view, the cases shown (sorted, once each), and the filters (ids, never search text). */
export async function recordListRead(c: Context<AppEnv>, what: string, caseIds: Iterable<string>, about: Record<string, unknown> = {}): Promise<void> {
  const { store, clock } = c.get('deps');
  const user = c.get('user');
  const cases = [...new Set(caseIds)].sort();
  const filters = Object.fromEntries(Object.entries(about).filter(([, v]) => v !== undefined));
  await store.appendAccess(user.authority, { at: instant(clock.now()), actor: user.id, action: 'cases_listed', detail: { what, ...filters, cases } });
}
