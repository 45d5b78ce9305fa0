/** How the MongoDB store connects, checked against driver 7.9 without a server (the client parses options on construction). */
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { clientOptions, clockSkewProblem, databaseName, DEFAULT_WRITE_TIMEOUT_MS, missingRights, topologyProblem, uriDatabase, type Privilege } from './mongo-connect.ts';

/** The database a client built as the store builds it opens, without connecting. */
const opened = (uri: string, dbName?: string) => new MongoClient(uri, clientOptions(uri)).db(databaseName(uri, dbName)).databaseName;

describe('MongoDB database name', () => {
  const README_URI = 'mongodb://localhost:27017/?replicaSet=rs0';

  it('Given the README’s URI, which names no database, Then the store uses stepwise, not the driver’s default test', () => {
    // What the store did before: client.db(undefined) is the URI's database, else `test`.
    expect(new MongoClient(README_URI).db(undefined).databaseName).toBe('test');
    expect(opened(README_URI)).toBe('stepwise');
    expect(opened('mongodb+srv://cluster0.example.net/?retryWrites=true')).toBe('stepwise');
    expect(opened('mongodb://localhost:27017')).toBe('stepwise');
  });

  it('uses the database the URI names, as the driver reads it, and the one given over both', () => {
    for (const uri of ['mongodb://a:27017,b:27017/prod?replicaSet=rs0', 'mongodb://user:p%40ss%2Fword@a/prod', 'mongodb+srv://u:p@cluster0.example.net/prod', 'mongodb://a/my%20db?authSource=admin']) {
      expect(uriDatabase(uri)).toBe(new MongoClient(uri).db().databaseName);
      expect(opened(uri)).toBe(uriDatabase(uri));
    }
    expect(uriDatabase('mongodb://a/prod')).toBe('prod');
    expect(opened('mongodb://a/prod?replicaSet=rs0', 'stepwise_test_1')).toBe('stepwise_test_1');
  });
});

describe('MongoDB client options', () => {
  it('writes to a journaled majority that is waited for 10 s at most, and reads majority-committed data', () => {
    const client = new MongoClient('mongodb://localhost:27017/?replicaSet=rs0', clientOptions('mongodb://localhost:27017/?replicaSet=rs0'));
    expect(client.options.writeConcern).toMatchObject({ w: 'majority', journal: true, wtimeoutMS: DEFAULT_WRITE_TIMEOUT_MS });
    expect(client.options.readConcern).toMatchObject({ level: 'majority' });
  });

  it('keeps a wait the URI sets itself, and one given to the store', () => {
    const uri = 'mongodb://a,b/prod?replicaSet=rs0&wtimeoutMS=3000';
    expect(new MongoClient(uri, clientOptions(uri)).options.writeConcern).toMatchObject({ w: 'majority', journal: true, wtimeoutMS: 3000 });
    const plain = 'mongodb://a/?replicaSet=rs0';
    expect(new MongoClient(plain, clientOptions(plain, 25_000)).options.writeConcern).toMatchObject({ wtimeoutMS: 25_000 });
  });
});

describe('MongoDB preflight', () => {
  it('names a standalone server as the problem, and accepts a replica set member or mongos', () => {
    expect(topologyProblem({ isWritablePrimary: true })).toMatch(/standalone server.*replica set.*--replSet rs0.*rs\.initiate\(\)/);
    expect(topologyProblem({ isWritablePrimary: true, setName: 'rs0' })).toBeNull();
    expect(topologyProblem({ isWritablePrimary: true, msg: 'isdbgrid' })).toBeNull();
  });

  it('refuses a host whose clock is more than 5 s from the server’s, allowing for the round trip', () => {
    const sent = Date.parse('2026-11-02T09:00:00.000Z');
    const server = (offsetMs: number) => new Date(sent + 50 + offsetMs);
    expect(clockSkewProblem(server(0), sent, sent + 100)).toBeNull();
    expect(clockSkewProblem(server(4_900), sent, sent + 100)).toBeNull();
    expect(clockSkewProblem(server(-5_040), sent, sent + 100)).toBeNull(); // within 5 s once half the round trip is allowed
    expect(clockSkewProblem(server(8_000), sent, sent + 100)).toMatch(/8 s behind the MongoDB server's.*NTP/);
    expect(clockSkewProblem(server(-60_000), sent, sent + 100)).toMatch(/60 s ahead of the MongoDB server's/);
    expect(clockSkewProblem(undefined, sent, sent + 100)).toBeNull();
  });

  const status = (privileges: Privilege[]) => ({ authInfo: { authenticatedUsers: [{ user: 'stepwise', db: 'admin' }], authenticatedUserPrivileges: privileges } });
  const all = ['find', 'insert', 'update', 'remove', 'createIndex'];

  it('names the rights a signed-in user lacks, collection by collection', () => {
    expect(missingRights(status([{ resource: { db: 'stepwise', collection: '' }, actions: all }]), 'stepwise')).toEqual([]);
    expect(missingRights(status([{ resource: { db: '', collection: '' }, actions: all }]), 'stepwise')).toEqual([]);
    expect(missingRights(status([{ resource: { anyResource: true }, actions: all }]), 'stepwise')).toEqual([]);
    // The least-privilege shape: append-only audit and definitions, the rest read-write.
    const leastPrivilege: Privilege[] = [
      ...['cases', 'tasks', 'timers', 'outbox', 'case_history'].map((collection) => ({ resource: { db: 'stepwise', collection }, actions: all })),
      ...['audit', 'definitions'].map((collection) => ({ resource: { db: 'stepwise', collection }, actions: ['find', 'insert'] })),
    ];
    expect(missingRights(status(leastPrivilege), 'stepwise')).toEqual([]);
    expect(missingRights(status([{ resource: { db: 'stepwise', collection: '' }, actions: ['find'] }]), 'stepwise')).toEqual([
      'cases: insert', 'cases: update', 'cases: remove', 'cases: createIndex', 'tasks: insert', 'tasks: update', 'tasks: remove',
      'timers: insert', 'timers: update', 'timers: remove', 'outbox: insert', 'outbox: update', 'outbox: remove', 'case_history: insert', 'case_history: remove',
      'audit: insert', 'definitions: insert',
    ]);
    // Rights on another database are not rights on this one.
    expect(missingRights(status([{ resource: { db: 'other', collection: '' }, actions: all }]), 'stepwise')).toContain('cases: find');
  });

  it('checks nothing on a server without access control, where no user signs in', () => {
    expect(missingRights({ authInfo: { authenticatedUsers: [], authenticatedUserPrivileges: [] } }, 'stepwise')).toEqual([]);
  });
});
