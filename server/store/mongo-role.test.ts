/**
 * The documented least-privilege role (docs/mongodb-role.json): checked here without a server, and
 * against a real one when MONGODB_URI_RESTRICTED is set to a user holding it (on the database its
 * URI names, which this test empties first and drops after, through MONGODB_URI's user).
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { randomAuditKey } from './audit-key.ts';
import { databaseName, missingRights } from './mongo-connect.ts';
import { INDEXES } from './mongo-indexes.ts';
import { openMongoStore } from './mongo-store.ts';
import { definition, makeCase, save } from './store-contract-fixtures.ts';

interface RoleSpec { createRole: string; privileges: Array<{ resource: { db: string; collection: string }; actions: string[] }> }
const role = JSON.parse(readFileSync(new URL('../../docs/mongodb-role.json', import.meta.url), 'utf8')) as RoleSpec;
const APPEND_ONLY = ['audit', 'access_log', 'audit_keys', 'definitions'];
/** Collections the store writes that have no index of their own in INDEXES. */
const OTHERS = ['webhook_subscriptions', 'legal_holds', 'audit_keys', 'migrations'];
const granted = (collection: string) => role.privileges.find((p) => p.resource.collection === collection)?.actions ?? [];

describe('the least-privilege MongoDB role', () => {
  it('lets the store only find and insert on audit logs, the key record and published definitions', () => {
    for (const collection of APPEND_ONLY) {
      expect(granted(collection), collection).toEqual(expect.arrayContaining(['find', 'insert']));
      expect(granted(collection).filter((a) => a === 'update' || a === 'remove'), collection).toEqual([]);
    }
  });

  it('grants every collection the store uses, and no database-wide or cluster privilege', () => {
    for (const collection of [...Object.keys(INDEXES), ...OTHERS]) expect(granted(collection).length, collection).toBeGreaterThan(0);
    expect(role.privileges.every((p) => p.resource.db === 'stepwise' && p.resource.collection !== '')).toBe(true);
    for (const collection of Object.keys(INDEXES).filter((c) => !APPEND_ONLY.includes(c))) {
      expect(granted(collection), collection).toEqual(expect.arrayContaining(['find', 'insert', 'update', 'remove', 'createIndex']));
    }
  });

  it('passes the store’s own preflight check of rights', () => {
    const status = { authInfo: { authenticatedUsers: [{ user: 'stepwise', db: 'stepwise' }], authenticatedUserPrivileges: role.privileges } };
    expect(missingRights(status, 'stepwise')).toEqual([]);
  });
});

const restricted = process.env.MONGODB_URI_RESTRICTED;
const admin = process.env.MONGODB_URI;
const SKIPPED = 'MongoDB role test skipped: MONGODB_URI_RESTRICTED (a user holding docs/mongodb-role.json) and MONGODB_URI (to empty its database) are not both set';

if (!restricted || !admin) {
  console.warn(`${SKIPPED}.`);
  describe.skip(SKIPPED, () => {
    it('refuses a raw update of the audit log to the role', () => {});
  });
} else {
  describe('the least-privilege MongoDB role, on a server', () => {
    it('opens and runs the store, and refuses a raw update or delete of the audit log and published definitions', async () => {
      const name = databaseName(restricted);
      const owner = new MongoClient(admin);
      await owner.db(name).dropDatabase();
      const store = await openMongoStore({ uri: restricted, auditKey: randomAuditKey() });
      try {
        const id = `role-${randomUUID()}`;
        await save(store, makeCase({ id, familyName: 'Okafor' }));
        await store.saveDraft(definition('role-flow', 'north'), { by: 'admin', at: '2026-10-01T09:00:00.000Z' });
        await store.publish('role-flow', { by: 'admin', at: '2026-10-01T09:00:00.000Z' });
        expect((await store.findCases({ authority: 'north', search: 'okafor' })).map((c) => c.id)).toEqual([id]);

        const refused = async (write: Promise<unknown>) => expect(write).rejects.toMatchObject({ code: 13 });
        await refused(store.db.collection('audit').updateOne({ caseId: id }, { $set: { detail: { forged: true } } }));
        await refused(store.db.collection('audit').deleteOne({ caseId: id }));
        await refused(store.db.collection('definitions').updateOne({ id: 'role-flow' }, { $set: { body: '{}' } }));
        await refused(store.db.collection('definitions').deleteOne({ id: 'role-flow' }));
        await refused(store.db.collection('access_log').deleteMany({}));
        expect((await store.verifyAudit(id)).ok).toBe(true);
      } finally {
        await store.close();
        await owner.db(name).dropDatabase();
        await owner.close();
      }
    });
  });
}
