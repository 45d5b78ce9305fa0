/** What every request carries once signed in, and the parts the app is built from. */
import type { Actor } from '../../engine/index.ts';
import type { TrustProxy } from '../auth/client-address.ts';
import type { SsoConfig } from '../auth/oidc-config.ts';
import { DEFAULT_SIGN_IN_THROTTLE, type ThrottleLimits } from '../auth/throttle.ts';
import type { CaseRunner, Clock, KeyedRequest } from '../runtime/index.ts';
import type { SessionRecord, Store, UserRecord } from '../store/index.ts';
import type { Logger } from './logger.ts';

export interface AppDeps {
  store: Store;
  runner: CaseRunner;
  clock: Clock;
  config: AppConfig;
  /** Structured logs (logger.ts); without one, as in tests, nothing is logged. */
  logger?: Logger;
}

export interface AppConfig {
  /**
   * Always mark the session cookie `Secure`. Off, it is still marked on a request that came over
   * TLS or through a trusted proxy that says it was HTTPS.
   */
  secureCookies: boolean;
  /** Whose `X-Forwarded-For` and `X-Forwarded-Proto` to believe (STEPWISE_TRUST_PROXY); nobody's if unset. */
  trustProxy?: TrustProxy;
  /** Attempts to sign in allowed per account and per client address within a sliding window. */
  signInThrottle: ThrottleLimits;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Largest definition document accepted (create, draft, validate, simulate), in bytes. */
  definitionBodyLimit: number;
  /** How long a session lasts after sign-in, in milliseconds. */
  sessionLifetimeMs: number;
  /**
   * Each authority's logo for the page header, by authority id: a same-origin path or a data:
   * URL (the UI's CSP allows images from 'self' and data: only). Without one, the name alone.
   */
  authorityLogos?: Record<string, string>;
  /** Webhook receivers on loopback (and over http there) allowed: tests and development only (server/events/destination.ts). */
  webhooksAllowLoopback?: boolean;
  /**
   * Single sign-on through each authority's OpenID provider (STEPWISE_SSO_CONFIG names the JSON
   * file; server/auth/oidc-config.ts): issuer, client, groups → roles and teams, and whether
   * local passwords are still allowed. Without it, local passwords only.
   */
  sso?: SsoConfig;
}

export const DEFAULT_CONFIG: AppConfig = {
  secureCookies: true,
  bodyLimit: 256 * 1024,
  definitionBodyLimit: 4 * 1024 * 1024,
  sessionLifetimeMs: 8 * 60 * 60 * 1000,
  signInThrottle: DEFAULT_SIGN_IN_THROTTLE,
};

/**
 * What the entry point knows of the connection a request came on (the socket's peer, and whether
 * it is TLS); absent when tests call `app.request()` without it.
 */
export interface Connection {
  address?: string;
  tls?: boolean;
}

export interface AppEnv {
  Bindings: { connection?: Connection };
  Variables: {
    user: UserRecord;
    session: SessionRecord;
    deps: AppDeps;
    /** The request's Idempotency-Key hold, when it sent one (idempotency.ts); routes pass it to the runner. */
    keyed?: KeyedRequest;
  };
}

/** The engine's view of a person: who, with which roles and teams. */
export function actorOf(user: UserRecord): Actor {
  return { id: user.id, roles: user.roles, teams: user.teams };
}

export const isAdmin = (user: UserRecord) => user.roles.includes('admin');
