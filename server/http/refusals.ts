/**
 * Refused requests leave a trace. A refusal because the case or definition belongs to another
 * authority (answered 404 like a missing id, or 403) is logged AND recorded on the person's
 * access log (`access_refused`), since probing another authority's records is what an auditor
 * looks for; a refusal for the wrong role (403) is logged. Both by id: the log says who, what
 * kind of record, which id and whose it is — never a name or an answer.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Refusal } from '../../engine/index.ts';
import { instant } from '../store/rows.ts';
import { StoreError } from '../store/index.ts';
import type { AppEnv } from './env.ts';
import { errorFields, silentLogger } from './logger.ts';
import { HttpProblem } from './problem.ts';

export interface RefusedTarget {
  kind: 'case' | 'definition';
  id: string;
  /** The authority the record belongs to. */
  owner: string;
}

const loggerOf = (c: Context<AppEnv>) => c.get('deps').logger ?? silentLogger;

/** The refusal's stable code, if the error has one; its message is never logged. */
function codeOf(error: unknown): string | undefined {
  if (error instanceof HttpProblem || error instanceof Refusal || error instanceof StoreError) return error.code;
  return undefined;
}

function requestFields(c: Context<AppEnv>, status: number) {
  const user = c.get('user');
  const code = codeOf(c.error);
  // The path holds ids only; the query string is left out, since a search holds names.
  return { status, ...(code ? { code } : {}), method: c.req.method, path: c.req.path, user: user.id, authority: user.authority };
}

/** Logs and audits an attempt on another authority's record; the caller answers as it would anyway. */
export async function recordCrossAuthority(c: Context<AppEnv>, target: RefusedTarget, status: number): Promise<void> {
  const { store, clock } = c.get('deps');
  const user = c.get('user');
  loggerOf(c).warn({ event: 'cross_authority_refused', ...requestFields(c, status), target }, 'refused: another authority’s record');
  await store.appendAccess(user.authority, {
    at: instant(clock.now()),
    actor: user.id,
    action: 'access_refused',
    detail: { target: { kind: target.kind, id: target.id }, status, method: c.req.method },
  });
}

/** Whose record a refused `/api/cases/:id…` or `/api/definitions/:id…` request was after, if another authority's. */
async function crossAuthorityTarget(c: Context<AppEnv>): Promise<RefusedTarget | null> {
  const [, api, resource, raw] = c.req.path.split('/');
  if (api !== 'api' || !raw || (resource !== 'cases' && resource !== 'definitions')) return null;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const { store } = c.get('deps');
  const authority = c.get('user').authority;
  if (resource === 'cases') {
    const state = await store.getCase(id);
    return state && state.authority !== authority ? { kind: 'case', id, owner: state.authority } : null;
  }
  const definition = (await store.getDraft(id)) ?? (await store.latestPublished(id));
  return definition && definition.authority !== authority ? { kind: 'definition', id, owner: definition.authority } : null;
}

/**
 * After a signed-in request answered 403 or 404: a cross-authority attempt is logged and
 * audited, a wrong-role refusal logged. Recording never changes the answer: if it fails, that
 * failure is logged instead.
 */
export const watchRefusals: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const status = c.res.status;
  if ((status !== 403 && status !== 404) || !c.get('user')) return;
  try {
    const target = await crossAuthorityTarget(c);
    if (target) await recordCrossAuthority(c, target, status);
    else if (status === 403) loggerOf(c).warn({ event: 'access_refused', ...requestFields(c, status) }, 'refused: not allowed');
  } catch (error) {
    loggerOf(c).error({ event: 'refusal_not_recorded', ...requestFields(c, status), err: errorFields(error) }, 'a refusal could not be recorded');
  }
};
