/**
 * How the MongoDB store connects: which database it uses, the client's options and a preflight
 * that names what is wrong with a server the store cannot run on. Checked against driver 7.9's
 * source (node_modules/mongodb/lib/connection_string.js, sessions.js).
 */
import type { Db, MongoClient, MongoClientOptions } from 'mongodb';
import { clockSample, type ClockSample } from './mongo-clock.ts';

/** The database used when neither the options nor the URI name one (the driver's own default is `test`). */
export const DEFAULT_DB_NAME = 'stepwise';

/**
 * How long a write waits for a majority of the replica set to acknowledge it before failing
 * (`wtimeoutMS`), so a write cannot block for ever when no majority is available. A URI that
 * sets `wtimeoutMS` itself keeps its own value. Driver 7.9 ignores `timeoutMS` (its connection
 * string table marks it "has no effect"), so the bound is the write concern's; the server
 * selection timeout (30 s by default, `serverSelectionTimeoutMS` in the URI) bounds the wait for a
 * primary, and `withTransaction` gives up retrying after 120 s.
 */
export const DEFAULT_WRITE_TIMEOUT_MS = 10_000;

/** The database path of a `mongodb://` or `mongodb+srv://` URI, decoded; null if it names none. */
export function uriDatabase(uri: string): string | null {
  // User information has any `/` percent-encoded, so the first `/` after the scheme ends the hosts.
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(uri);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name === '' ? null : name;
}

/** The database the store opens: the one given, else the URI's, else `stepwise`. */
export function databaseName(uri: string, dbName?: string): string {
  return dbName || uriDatabase(uri) || DEFAULT_DB_NAME;
}

const uriOption = (uri: string, name: string) => new RegExp(`[?&]${name}=`, 'i').test(uri);

/** The client's options: majority, journaled writes with a bounded wait, majority reads. */
export function clientOptions(uri: string, writeTimeoutMs = DEFAULT_WRITE_TIMEOUT_MS): MongoClientOptions {
  // Options given here override the URI's (connection_string.js), so a URI's own wtimeoutMS is left to it.
  const wtimeoutMS = uriOption(uri, 'wtimeoutMS') ? {} : { wtimeoutMS: writeTimeoutMs };
  return { writeConcern: { w: 'majority', journal: true, ...wtimeoutMS }, readConcern: { level: 'majority' } };
}

/** What `hello` answers that the preflight reads. */
export interface HelloReply {
  setName?: string;
  msg?: string;
  isWritablePrimary?: boolean;
  /** The server's clock: a BSON date, which the driver deserialises as a Date (MongoDB manual, `hello`: "localTime"). */
  localTime?: Date;
}

/**
 * How far this host's clock may be from the server's. Leases are put on the server's clock
 * (mongo-clock.ts), so skew no longer makes two processes hold one lease; but due times, outbox
 * retry times and the case timeline's instants are this host's, and a clock this far off means
 * NTP is not running on it, so the store refuses to start rather than run on it.
 */
export const MAX_CLOCK_SKEW_MS = 5_000;

/**
 * Why this host's clock is too far from the server's, or null: the server's `localTime`, read
 * between `sentAt` and `receivedAt` (this host's clock), allowing half the round trip either way.
 */
export function clockSkewProblem(serverTime: Date | undefined, sentAt: number, receivedAt: number, maxMs = MAX_CLOCK_SKEW_MS): string | null {
  if (!serverTime) return null;
  const { offsetMs: skew, errorMs } = clockSample(serverTime, sentAt, receivedAt);
  if (Math.abs(skew) - errorMs <= maxMs) return null;
  return `This host's clock is ${Math.round(Math.abs(skew) / 1000)} s ${skew > 0 ? 'behind' : 'ahead of'} the MongoDB server's (at most ${maxMs / 1000} s allowed): `
    + 'due times and retry times are kept in each process\'s time, so synchronise the clocks (NTP) before starting.';
}

/**
 * Why the store cannot run on a server, from its `hello` reply, or null if it can: transactions
 * need a replica set member (`setName`) or a `mongos` (`msg: 'isdbgrid'`).
 */
export function topologyProblem(hello: HelloReply): string | null {
  if (hello.setName || hello.msg === 'isdbgrid') return null;
  return 'MongoDB is a standalone server: the store needs a replica set or sharded cluster for transactions. '
    + 'Start mongod with --replSet rs0, run rs.initiate() once, and add ?replicaSet=rs0 to MONGODB_URI.';
}

/** One privilege of `connectionStatus` with `showPrivileges`. */
export interface Privilege {
  resource: { db?: string; collection?: string; cluster?: boolean; anyResource?: boolean };
  actions: string[];
}

/** The part of `connectionStatus` the preflight reads. */
export interface ConnectionStatus {
  authInfo?: { authenticatedUsers?: unknown[]; authenticatedUserPrivileges?: Privilege[] };
}

/**
 * What the store must be able to do, by collection. Audit logs and published definitions are
 * append-only, so find and insert are all they need; the rest are read and rewritten.
 */
export const REQUIRED_ACTIONS: Record<string, readonly string[]> = {
  cases: ['find', 'insert', 'update', 'remove', 'createIndex'],
  tasks: ['find', 'insert', 'update', 'remove'],
  timers: ['find', 'insert', 'update', 'remove'],
  outbox: ['find', 'insert', 'update', 'remove'],
  case_history: ['find', 'insert', 'remove'],
  audit: ['find', 'insert'],
  definitions: ['find', 'insert'],
};

const covers = ({ resource }: Privilege, db: string, collection: string) =>
  resource.anyResource === true || ((resource.db === db || resource.db === '') && (resource.collection === collection || resource.collection === ''));

/**
 * The `collection: action` pairs the signed-in user lacks on database `db`, from its
 * `connectionStatus`; none when the server runs without access control (no user signed in).
 */
export function missingRights(status: ConnectionStatus, db: string): string[] {
  if (!status.authInfo?.authenticatedUsers?.length) return [];
  const privileges = status.authInfo.authenticatedUserPrivileges ?? [];
  return Object.entries(REQUIRED_ACTIONS).flatMap(([collection, actions]) =>
    actions.filter((action) => !privileges.some((p) => covers(p, db, collection) && p.actions.includes(action))).map((action) => `${collection}: ${action}`));
}

/** Connects, or fails saying the host cannot be reached (never echoing the URI, which may hold a password). */
export async function connect(client: MongoClient): Promise<void> {
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach MongoDB at MONGODB_URI (${error instanceof Error ? error.message : String(error)}). Check the host, the port and that the replica set is running.`, { cause: error });
  }
}

/**
 * Fails early, naming what to fix, on a standalone server, a clock far from the server's, or a user
 * without the rights the store needs. Returns the clock offset it measured (mongo-clock.ts), or
 * null if the server did not say its time.
 */
export async function preflight(db: Db): Promise<ClockSample | null> {
  const sentAt = Date.now();
  const hello = (await db.admin().command({ hello: 1 })) as HelloReply;
  const receivedAt = Date.now();
  const problem = topologyProblem(hello) ?? clockSkewProblem(hello.localTime, sentAt, receivedAt);
  if (problem) throw new Error(problem);
  const missing = missingRights((await db.command({ connectionStatus: 1, showPrivileges: true })) as ConnectionStatus, db.databaseName);
  if (missing.length) throw new Error(`The MongoDB user lacks rights the store needs on database ${db.databaseName}: ${missing.join(', ')}.`);
  return hello.localTime instanceof Date ? clockSample(hello.localTime, sentAt, receivedAt) : null;
}
