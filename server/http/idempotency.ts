/**
 * `Idempotency-Key` on signed-in changes (IETF draft-ietf-httpapi-idempotency-key-header): a
 * retry of a request whose answer was lost — a cut connection — gets the first answer again
 * instead of doing the work twice ("Someone else already did this" for the person's own change).
 *
 * Keys are the person's own, for 24 hours. The same key with another method, path, query,
 * If-Match or body is refused 422 `idempotency_key_reused`; while the first request runs, 409
 * `request_in_progress` (both as the draft says). 2xx and 4xx answers are kept; a 5xx frees the
 * key, so it can be retried.
 *
 * Durability: a case change made under a key marks the key in the change's own transaction
 * (`KeyedRequest`, passed by the routes to the runner), and the answer is recorded (fsynced, or
 * majority-journalled) before it is sent. If the process dies between the commit and recording the
 * answer, a retry is refused `request_in_progress` until the hold lapses (KEY_LOCK_MS); then it
 * runs again, finds the change already committed, makes none, and answers from the case as it now
 * stands — a case start retried this way returns the one case it made, never a second.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import { instant } from '../store/rows.ts';
import type { IdempotencyClaim, IdempotencyRecord } from '../store/index.ts';
import type { AppEnv } from './env.ts';
import { errorFields, silentLogger } from './logger.ts';
import { headerPointer, HttpProblem } from './problem.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long a key and its answer are kept after first use. */
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a request holding a key is taken to be running: far beyond any request's time, short enough to wait out. */
export const KEY_LOCK_MS = 60_000;
/** Larger answers (a big simulation) are not kept: the key is freed instead. */
export const MAX_KEPT_BODY = 1024 * 1024;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The headers a retry needs to act on the answer as on the first; never Set-Cookie. */
const KEPT_HEADERS = ['content-type', 'location', 'content-location', 'preference-applied', 'etag', 'last-modified', 'retry-after'];
const keep = (status: number) => (status >= 200 && status < 300) || (status >= 400 && status < 500);

/** The key as sent: bare, or the draft's structured-field string (`"…"`); 1–255 visible ASCII characters. */
export function parseKey(header: string): string {
  const key = /^".*"$/.test(header) ? header.slice(1, -1) : header;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new HttpProblem(400, 'idempotency_key_invalid', `The ${IDEMPOTENCY_HEADER} header must be 1 to 255 visible ASCII characters, such as a UUID.`, {
      errors: [{ pointer: headerPointer(IDEMPOTENCY_HEADER), keyword: 'pattern', message: `${IDEMPOTENCY_HEADER} must be 1 to 255 visible ASCII characters, such as a UUID` }],
    });
  }
  return key;
}

const plus = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();

async function claimFor(c: Context<AppEnv>, key: string): Promise<IdempotencyClaim> {
  const now = instant(c.get('deps').clock.now());
  const url = new URL(c.req.url);
  // If-Match is part of the request: publishing with another draft's token is another request.
  // So is Prefer, which shapes the answer kept; left out when absent, so older keys hash the same.
  const prefer = c.req.header('prefer');
  const hash = createHash('sha256').update(JSON.stringify([url.search, c.req.header('if-match') ?? null, ...(prefer === undefined ? [] : [prefer])])).update('\n').update(new Uint8Array(await c.req.arrayBuffer()));
  return {
    userId: c.get('user').id, key, method: c.req.method, path: c.req.path, requestHash: hash.digest('base64url'),
    token: randomUUID(), createdAt: now, lockedUntil: plus(now, KEY_LOCK_MS), expiresAt: plus(now, KEY_TTL_MS),
  };
}

/** What a request finds when the key is someone else's hold: the first answer, or a refusal. */
function answerFor(c: Context<AppEnv>, found: IdempotencyRecord, claim: IdempotencyClaim): Response {
  if (found.method !== claim.method || found.path !== claim.path || found.requestHash !== claim.requestHash) {
    throw new HttpProblem(422, 'idempotency_key_reused', `This ${IDEMPOTENCY_HEADER} was already used for a different request. Send a new key for a new request.`, {
      errors: [{ pointer: headerPointer(IDEMPOTENCY_HEADER), keyword: 'unique', message: `Send a new ${IDEMPOTENCY_HEADER} for a new request: this one was used for a different request` }],
    });
  }
  if (!found.response) {
    throw new HttpProblem(409, 'request_in_progress', 'Your earlier attempt is still being saved. Wait a moment, then reload the page to see whether it went through.');
  }
  const { status, headers, body } = found.response;
  const replayed = { ...headers, 'idempotent-replayed': 'true' };
  // A 204 has no body, and a Response refuses one.
  return body === '' ? c.body(null, status as StatusCode, replayed) : c.body(body, status as ContentfulStatusCode, replayed);
}

/** Statuses whose Response may have no body, not even an empty one. */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * The answer's body as text, for keeping. Read once and put back as that text rather than
 * cloned: a clone tees the body into two streams, and the server then writes the answer from a
 * stream in pieces, where a text body goes out in one write.
 */
async function answerText(c: Context<AppEnv>): Promise<string> {
  const { status, headers } = c.res;
  const text = await c.res.text();
  // Unset first: setting a response over another one would copy it again, through a stream.
  c.res = undefined;
  c.res = new Response(NO_BODY.has(status) ? null : text, { status, headers });
  return text;
}

export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header(IDEMPOTENCY_HEADER);
  if (header === undefined || !UNSAFE.has(c.req.method)) return next();
  const claim = await claimFor(c, parseKey(header));
  const { store, logger = silentLogger } = c.get('deps');
  const found = await store.claimIdempotencyKey(claim);
  if (found.token !== claim.token) return answerFor(c, found, claim);
  const hold = { userId: claim.userId, key: claim.key, token: claim.token };
  c.set('keyed', { hold, committed: found.committed });
  await next();
  const status = c.res.status;
  const body = keep(status) ? await answerText(c) : null;
  try {
    if (body === null || body.length > MAX_KEPT_BODY) await store.releaseIdempotencyKey(hold);
    else {
      const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (c.res.headers.has(name) ? [[name, c.res.headers.get(name)!]] : [])));
      // Lost only if this request outran its hold and a retry took the key over: that retry's answer is kept.
      if (!(await store.recordIdempotentResponse(hold, { status, headers, body }))) {
        logger.warn({ event: 'idempotency_hold_lost', status, method: c.req.method, path: c.req.path, user: claim.userId }, 'a request outlasted its Idempotency-Key hold');
      }
    }
  } catch (error) {
    // The change (if any) is made and this is its answer: a 5xx now would say otherwise. The key
    // stays held until KEY_LOCK_MS, then a retry runs again and finds the change made.
    logger.error({ event: 'idempotency_not_recorded', status, method: c.req.method, path: c.req.path, user: claim.userId, err: errorFields(error) }, 'an answer could not be kept for its Idempotency-Key');
  }
};
