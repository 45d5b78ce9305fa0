/**
 * Moving running cases to another published version, only when an admin asks (publishing never
 * moves a case). The plan is the dry run: which open cases can move and what blocks the others.
 * Applying moves only the cases that can, each in its own audited commit (server/runtime/migrate.ts).
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { readJson } from '../http/json-body.ts';
import { HttpProblem } from '../http/problem.ts';
import { applyMigration, planMigration, type MigrationPlan } from '../runtime/index.ts';
import { ownedDefinition, publishedVersion, readQuery, requireAdmin, versionMessage, versionParam, type OwnedDefinition, type QueryShape } from './definition-access.ts';
import type * as Api from './api-types.gen.ts';

export const planQuery: QueryShape = {
  title: 'Migration plan',
  schema: { type: 'object', additionalProperties: false, required: ['from'], properties: { from: versionParam('From'), to: versionParam('To') } },
  errorMessages: { '/from': { ...versionMessage('From'), required: 'Enter the version to move cases from' }, '/to': versionMessage('To') },
};

const version = (title: string) => ({ type: 'integer', title, minimum: 1, maximum: 999_999_999 });

export const migrationRequest = {
  title: 'Migration',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'to'],
    properties: {
      from: version('From version'),
      to: version('To version'),
      dryRun: { type: 'boolean', title: 'Dry run' },
      caseIds: { type: 'array', title: 'Cases', maxItems: 10_000, uniqueItems: true, items: { type: 'string', title: 'Case ID', minLength: 1, maxLength: 200 } },
    },
  },
};

/** Both versions published, and different; `to` defaults to the latest. */
async function checkedVersions(c: Context<AppEnv>, owned: OwnedDefinition, from: number | undefined, to: number | undefined, where: string) {
  if (from === undefined) {
    throw new HttpProblem(422, 'request_invalid', 'The request has values to correct.', { errors: [{ pointer: `${where}/from`, keyword: 'required', message: 'Enter the version to move cases from' }] });
  }
  if (!owned.latest) throw new HttpProblem(404, 'version_not_found', 'This definition has not been published yet.', { latestVersion: null });
  const target = to ?? owned.latest.version;
  if (target === from) {
    throw new HttpProblem(422, 'request_invalid', 'Cases can only move between two different versions.', {
      errors: [{ pointer: `${where}/to`, keyword: 'not', message: 'To version must be different from the version cases move from' }],
    });
  }
  await publishedVersion(c, owned, from);
  await publishedVersion(c, owned, target);
  return { from, to: target };
}

const summaryOf = (plan: MigrationPlan): Api.MigrationPlan['summary'] => ({
  cases: plan.cases.length,
  migratable: plan.cases.filter((p) => p.migratable).length,
  blocked: plan.cases.filter((p) => !p.migratable).length,
});

export const definitionMigrationRoutes = new Hono<AppEnv>()
  .get('/api/definitions/:id/migrations/plan', async (c) => {
    const owned = await ownedDefinition(c, c.req.param('id'));
    requireAdmin(c, 'migrate cases');
    const query = readQuery<{ from?: string; to?: string }>(c, planQuery);
    const asNumber = (v: string | undefined) => (v === undefined ? undefined : Number(v));
    const { from, to } = await checkedVersions(c, owned, asNumber(query.from), asNumber(query.to), '/query');
    const plan = await planMigration(c.get('deps').store, owned.id, from, to);
    return c.json({ ...plan, summary: summaryOf(plan) } satisfies Api.MigrationPlan);
  })
  .post('/api/definitions/:id/migrations', async (c) => {
    const owned = await ownedDefinition(c, c.req.param('id'));
    requireAdmin(c, 'migrate cases');
    const body = await readJson<{ from: number; to: number; dryRun?: boolean; caseIds?: string[] }>(c, migrationRequest);
    const { from, to } = await checkedVersions(c, owned, body.from, body.to, '');
    const { store, clock } = c.get('deps');
    const plan = await planMigration(store, owned.id, from, to);
    // Only cases in the plan can move: open cases of this definition on `from`. Any other id is
    // listed back as not in the plan, whether it is closed, on another version or not ours.
    const planned = new Set(plan.cases.map((p) => p.caseId));
    const notInPlan = (body.caseIds ?? []).filter((caseId) => !planned.has(caseId));
    if (body.dryRun) return c.json({ dryRun: true, plan, summary: summaryOf(plan), notInPlan } satisfies Api.MigrationRun);
    const result = await applyMigration(store, plan, { by: c.get('user').id, clock, ...(body.caseIds ? { caseIds: body.caseIds } : {}) });
    return c.json({ dryRun: false, plan, summary: summaryOf(plan), notInPlan, result } satisfies Api.MigrationRun);
  });
