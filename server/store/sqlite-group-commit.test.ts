import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitsInWal } from '../../test/store/wal.ts';
import { flushInSavepoints } from './sqlite-group-commit.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { at, auditOf, makeCase, task } from './store-contract-fixtures.ts';
import type { Store } from './store.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-group-'));
  dirs.push(dir);
  return join(dir, 'stepwise.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function table() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE rows (id TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n >= 0))');
  const insert = db.prepare('INSERT INTO rows (id, n) VALUES (?, ?)');
  const write = ({ id, n }: { id: string; n: number }) => {
    insert.run(`${id}.1`, 1);
    insert.run(id, n);
  };
  const ids = () => (db.prepare('SELECT id FROM rows ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  return { db, write, ids };
}

const start = (id: string) => {
  const state = makeCase({ id, tasks: [task(`${id}.t1`, 'plan', { worker: 'sam' })] });
  return { caseState: state, expectedVersion: null, audit: [auditOf(state)], outbox: [] };
};

/** Frames in the write-ahead log since the last call: the pages a store's transactions wrote. */
function walFrames(path: string) {
  const db = new Database(path);
  return {
    count() {
      const { log } = (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!;
      db.pragma('wal_checkpoint(TRUNCATE)');
      return log;
    },
    close: () => db.close(),
  };
}

describe('a batch of SQLite commits', () => {
  it('rolls back the savepoint of an item that fails, with every write of it, and commits the rest', () => {
    const { db, write, ids } = table();
    const results = flushInSavepoints(db, [{ id: 'a', n: 1 }, { id: 'b', n: -1 }, { id: 'a', n: 2 }, { id: 'c', n: 3 }], write);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/CHECK constraint/);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint/);
    expect(ids()).toEqual(['a', 'a.1', 'c', 'c.1']);
    expect(db.inTransaction).toBe(false);
  });

  it('fails every item with the error that ended the whole transaction, and writes nothing', () => {
    const { db, write, ids } = table();
    // RAISE(ROLLBACK) ends the transaction, not just the statement or savepoint, as a full disk does.
    db.exec("CREATE TRIGGER fatal BEFORE INSERT ON rows WHEN NEW.id = 'fatal' BEGIN SELECT RAISE(ROLLBACK, 'the disk is full'); END");
    expect(() => flushInSavepoints(db, [{ id: 'a', n: 1 }, { id: 'fatal', n: 1 }, { id: 'c', n: 1 }], write)).toThrow('the disk is full');
    expect(ids()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    expect(flushInSavepoints(db, [{ id: 'd', n: 1 }], write)).toEqual([{ status: 'fulfilled', value: undefined }]);
    expect(ids()).toEqual(['d', 'd.1']);
  });
});

describe('group commit in the SQLite store', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('Given 20 steps committed at once, Then they are written as one transaction, far fewer pages than one by one', async () => {
    const path = tempFile();
    store = openSqliteStore({ path });
    const wal = walFrames(path);
    wal.count();
    for (let i = 0; i < 20; i++) await store.commitStep(start(`one${i}`));
    const oneByOne = wal.count();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store!.commitStep(start(`once${i}`))));
    const atOnce = wal.count();
    wal.close();
    // Each transaction rewrites the pages it touches (case, task, audit, index pages): shared, once.
    expect(atOnce).toBeLessThan(oneByOne / 4);
    expect((await store.findCases({ authority: 'north', limit: 100 })).length).toBe(40);
  });

  it('Given a step, an Idempotency-Key claim, the audit of a read and a list read made at once, Then they share one transaction, each with its own answer, and a read of no case fails alone', async () => {
    const path = tempFile();
    store = openSqliteStore({ path });
    await store.commitStep(start('read'));
    const wal = walFrames(path);
    wal.count();
    const claim = { userId: 'dana', key: 'k', method: 'POST', path: '/api/cases', requestHash: 'h', token: 't1', createdAt: at(1), lockedUntil: at(2), expiresAt: at(3) };
    const [claimed, stepped, read, listed, missing] = await Promise.allSettled([
      store.claimIdempotencyKey(claim),
      store.commitStep(start('new')),
      store.appendRead('read', 'dana', 'case_page', at(1)),
      store.appendAccess('north', { at: at(1), actor: 'dana', action: 'cases_listed', detail: { what: 'case_list', cases: ['read'] } }),
      store.appendRead('no-such-case', 'dana', 'case_page', at(1)),
    ]);
    expect(commitsInWal(path)).toBe(1);
    wal.close();
    expect(claimed).toMatchObject({ status: 'fulfilled', value: { token: 't1', response: null } });
    expect([stepped.status, read.status, listed.status]).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(missing).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
    expect((await store.listAudit('read')).map((e) => e.action)).toContain('case_read');
    expect(await store.getCase('new')).not.toBeNull();
  });

  it('Given another process holding the write lock past the busy timeout, Then every step of the batch fails with SQLITE_BUSY, and goes through once it is free', async () => {
    const path = tempFile();
    store = openSqliteStore({ path, busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const results = await Promise.allSettled(['a', 'b', 'c'].map((id) => store!.commitStep(start(id))));
    expect(results.map((r) => r.status === 'rejected' && (r.reason as { code?: string }).code)).toEqual(['SQLITE_BUSY', 'SQLITE_BUSY', 'SQLITE_BUSY']);
    other.exec('ROLLBACK');
    other.close();
    await Promise.all(['a', 'b', 'c'].map((id) => store!.commitStep(start(id))));
    expect((await store.findCases({ authority: 'north' })).map((c) => c.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('Given steps submitted just before close, Then close commits them before it closes the file', async () => {
    const path = tempFile();
    const closing = openSqliteStore({ path });
    const committed = Promise.all(['a', 'b'].map((id) => closing.commitStep(start(id))));
    await closing.close();
    await committed;
    store = openSqliteStore({ path });
    expect(await store.getCase('a')).not.toBeNull();
    expect(await store.getCase('b')).not.toBeNull();
  });
});
