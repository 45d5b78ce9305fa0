/**
 * Runs the store contract against a real MongoDB when MONGODB_URI is set (a replica set: the
 * store uses transactions). Each test gets its own database, dropped afterwards. A preflight
 * first checks the server is reachable, is a replica set member or mongos, and lets the user do
 * what the store does (mongo-connect.ts), so a wrong MONGODB_URI fails at once, saying why.
 */
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { beforeAll, describe, it } from 'vitest';
import { randomAuditKey } from './audit-key.ts';
import { clientOptions, connect, preflight } from './mongo-connect.ts';
import { openMongoStore } from './mongo-store.ts';
import { describeStoreContract } from './store.contract.ts';

const uri = process.env.MONGODB_URI;
const SKIPPED = 'MongoDB contract suite skipped: MONGODB_URI is not set';

if (!uri) {
  console.warn(`${SKIPPED} (set it to a replica set, e.g. mongodb://localhost:27017/?replicaSet=rs0, to run it).`);
  describe.skip(SKIPPED, () => {
    it('runs the store contract against MongoDB', () => {});
  });
} else {
  // Once, before any test: a standalone server, an unreachable host or a user without the rights
  // fails every test with one message naming the problem, in 5 s, not 30 s a test.
  beforeAll(async () => {
    const client = new MongoClient(uri, { ...clientOptions(uri), serverSelectionTimeoutMS: 5_000 });
    try {
      await connect(client);
      await preflight(client.db('stepwise_test_preflight'));
    } finally {
      await client.close();
    }
  }, 15_000);
  describeStoreContract('MongoDB store', async () => {
    const options = { uri, dbName: `stepwise_test_${randomUUID().slice(0, 8)}`, auditKey: randomAuditKey() };
    const store = await openMongoStore(options);
    const audit = store.db.collection<{ _id: string; caseId?: string }>('audit');
    return {
      store,
      tamper: {
        editAuditDetail: async (caseId, seq, detail) => {
          await audit.updateOne({ _id: `${caseId}#${seq}` }, { $set: { detail } });
        },
        deleteAudit: async (caseId, seq) => {
          await audit.deleteOne({ _id: `${caseId}#${seq}` });
        },
        replaceLog: async (caseId, entries, head) => {
          await audit.deleteMany({ caseId });
          if (entries.length) await audit.insertMany(entries.map((e) => ({ _id: `${caseId}#${e.seq}`, ...e })));
          await store.db.collection<{ _id: string }>('cases').updateOne({ _id: caseId }, { $set: { auditCount: head.count, auditHead: head.hash } });
        },
      },
      peer: () => openMongoStore(options),
      dispose: async () => {
        await store.db.dropDatabase();
        await store.close();
      },
    };
  });
}
