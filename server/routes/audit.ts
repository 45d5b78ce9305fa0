/**
 * A case's audit trail and its tamper check, for the authority's admins and managers. Reading the
 * trail, and checking it, are themselves recorded on it (as `case_read` with `what: "audit"` /
 * `"audit_verify"`), so the answer includes its own entry. Entries carry ids and codes only; the
 * names shown beside actors come from the authority's people, never from the log.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { callerCase } from './case-context.ts';
import { errors, type Paths } from './openapi-types.ts';
import { managerContext } from './report-access.ts';
import type * as Api from './api-types.gen.ts';

const SYSTEM_NAME = 'Stepwise (timers and automatic steps)';

export const auditRoutes = new Hono<AppEnv>()
  .get('/api/cases/:id/audit', async (c) => {
    const context = await managerContext(c);
    const { state } = await callerCase(c, c.req.param('id'), 'audit');
    const entries = await c.get('deps').store.listAudit(state.id);
    const nameOf = (actor: string) => (actor === 'system' ? SYSTEM_NAME : (context.people.get(actor)?.name ?? actor));
    return c.json({
      caseId: state.id,
      familyName: state.subject.familyName,
      definition: state.definition,
      status: state.status,
      entries: entries.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, actorName: nameOf(e.actor), action: e.action, detail: e.detail })),
    } satisfies Api.CaseAudit);
  })
  .get('/api/cases/:id/audit/verify', async (c) => {
    await managerContext(c);
    const { state } = await callerCase(c, c.req.param('id'), 'audit_verify');
    const { store, clock } = c.get('deps');
    const verdict = await store.verifyAudit(state.id);
    return c.json({ caseId: state.id, checkedAt: clock.now(), ...verdict } satisfies Api.AuditVerdict);
  });

const id = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' }, description: 'Case id' };

export const auditPaths: Paths = {
  '/api/cases/{id}/audit': {
    get: {
      summary: 'The case’s audit trail: seq, at, actor, action, detail (admins and managers; the read is itself audited)',
      tags: ['Audit'],
      parameters: [id],
      responses: { '200': { description: 'Every entry, oldest first' }, ...errors(401, 403, 404) },
    },
  },
  '/api/cases/{id}/audit/verify': {
    get: {
      summary: 'Checks the case’s audit trail, HMAC-chained under the audit key: {ok, entries, brokenAt?, reason?, keyedFrom?} (admins and managers)',
      tags: ['Audit'],
      parameters: [id],
      responses: { '200': { description: 'The verdict; `ok: false` names the first entry that does not check out' }, ...errors(401, 403, 404) },
    },
  },
};
