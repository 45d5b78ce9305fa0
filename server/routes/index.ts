/** Every resource's routes, and the OpenAPI paths each describes. */
import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { Paths } from './openapi-types.ts';
import { sessionPaths, sessionRoutes, signInRoutes } from './session.ts';
import { healthRoutes, healthPaths } from './health.ts';

/** Routes that answer without a session. */
export const publicRoutes: Array<Hono<AppEnv>> = [healthRoutes, signInRoutes];

/** Routes behind sign-in (and CSRF on changes). */
export const apiRoutes: Array<Hono<AppEnv>> = [sessionRoutes];

export const allPaths: Paths = { ...healthPaths, ...sessionPaths };
