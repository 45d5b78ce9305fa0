/** Every resource's routes, and the OpenAPI paths each describes. */
import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { Paths } from './openapi-types.ts';
import { sessionPaths, sessionRoutes, signInRoutes } from './session.ts';
import { healthRoutes, healthPaths } from './health.ts';
import { definitionPaths, definitionRoutes } from './definitions.ts';
import { casesPaths, casesRoutes } from './cases.ts';
import { caseStartFormPaths, caseStartFormRoutes } from './case-start-form.ts';
import { caseTimelinePaths, caseTimelineRoutes } from './case-timeline.ts';
import { workPaths, workRoutes } from './work.ts';
import { workTaskRoutes } from './work-task.ts';
import { workTaskPaths } from './work-task-paths.ts';
import { reportPaths, reportRoutes } from './reports.ts';
import { auditPaths, auditRoutes } from './audit.ts';
import { outboxPaths, outboxRoutes } from './outbox.ts';
import { subjectAccessPaths, subjectAccessRoutes } from './subject-access.ts';
import { openapiPaths, openapiRoutes } from './openapi.ts';
import { uiRoutes } from './ui.ts';
import { ssoPaths, ssoRoutes } from './sso.ts';
import { webhookPaths, webhookRoutes } from './webhooks.ts';
import { retentionPaths, retentionRoutes } from './retention.ts';
import { peoplePaths, peopleRoutes } from './people.ts';

/** Routes that answer without a session. */
export const publicRoutes: Array<Hono<AppEnv>> = [healthRoutes, signInRoutes, ssoRoutes, openapiRoutes(() => ({ paths: allPaths, publicRoutes })), uiRoutes];

/** Routes behind sign-in (and CSRF on changes). */
export const apiRoutes: Array<Hono<AppEnv>> = [sessionRoutes, definitionRoutes, casesRoutes, caseTimelineRoutes, caseStartFormRoutes, workRoutes, workTaskRoutes, reportRoutes, auditRoutes, outboxRoutes, subjectAccessRoutes, webhookRoutes, retentionRoutes, peopleRoutes];

export const allPaths: Paths = { ...healthPaths, ...sessionPaths, ...ssoPaths, ...definitionPaths, ...casesPaths, ...caseTimelinePaths, ...caseStartFormPaths, ...workPaths, ...workTaskPaths, ...reportPaths, ...auditPaths, ...outboxPaths, ...subjectAccessPaths, ...webhookPaths, ...retentionPaths, ...peoplePaths, ...openapiPaths };
