/** What every request carries once signed in, and the parts the app is built from. */
import type { Actor } from '../../engine/index.ts';
import type { CaseRunner, Clock } from '../runtime/index.ts';
import type { SessionRecord, Store, UserRecord } from '../store/index.ts';

export interface AppDeps {
  store: Store;
  runner: CaseRunner;
  clock: Clock;
  config: AppConfig;
}

export interface AppConfig {
  /** Mark the session cookie `Secure`. Off only for plain-HTTP development. */
  secureCookies: boolean;
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
}

export const DEFAULT_CONFIG: AppConfig = {
  secureCookies: true,
  bodyLimit: 256 * 1024,
  definitionBodyLimit: 4 * 1024 * 1024,
  sessionLifetimeMs: 8 * 60 * 60 * 1000,
};

export interface AppEnv {
  Variables: {
    user: UserRecord;
    session: SessionRecord;
    deps: AppDeps;
  };
}

/** The engine's view of a person: who, with which roles and teams. */
export function actorOf(user: UserRecord): Actor {
  return { id: user.id, roles: user.roles, teams: user.teams };
}

export const isAdmin = (user: UserRecord) => user.roles.includes('admin');
