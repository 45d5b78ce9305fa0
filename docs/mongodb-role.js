// Creates (or updates) the MongoDB store's least-privilege role and, if asked, a user holding it.
// Run with mongosh as a user administrator, from the repository root:
//
//   STEPWISE_DB=stepwise STEPWISE_USER=stepwise STEPWISE_PASSWORD=… \
//     mongosh "mongodb://admin@db1,db2,db3/admin?replicaSet=rs0" docs/mongodb-role.js
//
// The role is docs/mongodb-role.json with its database replaced by STEPWISE_DB (default
// `stepwise`): find and insert only on `audit`, `access_log`, `audit_keys` and `definitions`
// (append-only), and find, insert, update and remove on the collections the store rewrites.
/* global db, process, require, print */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- mongosh scripts load Node modules with require
const fs = require('fs');
const spec = JSON.parse(fs.readFileSync('docs/mongodb-role.json', 'utf8'));
const name = process.env.STEPWISE_DB || 'stepwise';
const target = db.getSiblingDB(name);
const privileges = spec.privileges.map((p) => ({ resource: { db: name, collection: p.resource.collection }, actions: p.actions }));
if (target.getRole(spec.createRole)) target.updateRole(spec.createRole, { privileges, roles: [] });
else target.createRole({ role: spec.createRole, privileges, roles: [] });
print(`Role ${spec.createRole} on ${name}: ${privileges.length} collections.`);
if (process.env.STEPWISE_USER) {
  const user = { pwd: process.env.STEPWISE_PASSWORD, roles: [{ role: spec.createRole, db: name }] };
  if (target.getUser(process.env.STEPWISE_USER)) target.updateUser(process.env.STEPWISE_USER, user);
  else target.createUser({ user: process.env.STEPWISE_USER, ...user });
  print(`User ${process.env.STEPWISE_USER} on ${name} holds it: MONGODB_URI=mongodb://${process.env.STEPWISE_USER}:…@hosts/${name}?replicaSet=rs0&authSource=${name}`);
}
