/**
 * Runs the store contract against a real MongoDB when MONGODB_URI is set (a replica set: the
 * store uses transactions). Each test gets its own database, dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
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
  describeStoreContract('MongoDB store', async () => {
    const store = await openMongoStore({ uri, dbName: `stepwise_test_${randomUUID().slice(0, 8)}` });
    const audit = store.db.collection<{ _id: string }>('audit');
    return {
      store,
      tamper: {
        editAuditDetail: async (caseId, seq, detail) => {
          await audit.updateOne({ _id: `${caseId}#${seq}` }, { $set: { detail } });
        },
        deleteAudit: async (caseId, seq) => {
          await audit.deleteOne({ _id: `${caseId}#${seq}` });
        },
      },
      dispose: async () => {
        await store.db.dropDatabase();
        await store.close();
      },
    };
  });
}
