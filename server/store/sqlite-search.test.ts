import { describe, expect, it } from 'vitest';
import { openDatabase } from './sqlite-schema.ts';
import { searchHits } from './sqlite-search.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { makeCase, save } from './store-contract-fixtures.ts';

describe('SQLite case search index', () => {
  it('Given queries of one or two characters, Then they match as substrings too, without the trigram index', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await save(store, makeCase({ id: 'c1', familyName: 'Ng', children: [{ name: 'Bo', dateOfBirth: '2020-01-30' }] }));
    await save(store, makeCase({ id: 'c2', familyName: 'Okafor', children: [{ name: 'Ada' }] }));
    const find = async (search: string) => (await store.findCases({ authority: 'north', search })).map((c) => c.id).sort();
    expect(await find('NG')).toEqual(['c1']);
    expect(await find('b')).toEqual(['c1']);
    expect(await find('a')).toEqual(['c2']);
    expect(await find('ö')).toEqual(['c1', 'c2']);
    expect(await find('g b')).toEqual([]);
    await store.close();
  });

  it('Given a case that moves on, Then a search lists its summary as it is now, from the search rows alone', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await save(store, makeCase({ id: 'c1', familyName: 'Okafor' }));
    await save(store, makeCase({ id: 'c1', version: 2, status: 'closed', familyName: 'Okafor-Haddad' }));
    await store.appendRead('c1', 'sam', 'case', '2026-11-02T10:00:00.000Z');
    const [found] = await store.findCases({ authority: 'north', search: 'haddad' });
    expect(found).toEqual(await store.findCases({ authority: 'north' }).then((all) => all[0]));
    expect(found).toMatchObject({ id: 'c1', status: 'closed', familyName: 'Okafor-Haddad', version: 2 });
    expect(await store.findCases({ authority: 'north', search: 'okafor', status: 'open' })).toEqual([]);
    await store.close();
  });

  it('Given text that is FTS5 query syntax, Then it is searched for literally', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await save(store, makeCase({ id: 'c1', familyName: 'O"Neil AND* (NEAR)' }));
    await save(store, makeCase({ id: 'c2', familyName: 'Neil' }));
    const find = async (search: string) => (await store.findCases({ authority: 'north', search })).map((c) => c.id);
    for (const q of ['o"neil', 'and*', '(near)', 'il and']) expect(await find(q)).toEqual(['c1']);
    for (const q of ['neil OR okafor', 'NEAR(neil)', '-neil', 'ne*']) expect(await find(q)).toEqual([]);
    await store.close();
  });

  it('Given two authorities, Then a search reads one span of the index, through FTS5, and only that authority’s rows', () => {
    const db = openDatabase({ path: ':memory:' });
    // Cases written straight into the table, as the bulk import does: the triggers index them.
    const insert = db.prepare(`INSERT INTO cases (id, authority, definition_id, definition_version, status, family_name, family_key,
      search_key, version, started_at, updated_at, state, audit_count, audit_head) VALUES (?, ?, 'd', 1, 'open', ?, ?, ?, 1, 't', 't', '{}', 0, '')`);
    for (const [id, authority, name] of [['n1', 'north', 'okafor'], ['s1', 'south', 'okafor'], ['n2', 'north', 'smith']]) insert.run(id, authority, name, name, `${id}\n${name}`);
    const hits = (authority: string, term: string) => {
      const found = searchHits(db, authority, term);
      return found ? (db.prepare(`SELECT id FROM (${found.sql})`).pluck().all(...found.params) as string[]) : null;
    };
    expect(hits('north', 'kaf')).toEqual(['n1']);
    expect(hits('south', 'kaf')).toEqual(['s1']);
    expect(hits('north', 'mi')).toEqual(['n2']);
    expect(hits('east', 'kaf')).toBeNull();
    const found = searchHits(db, 'north', 'okafor')!;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${found.sql}`).all(...found.params) as Array<{ detail: string }>).map((p) => p.detail);
    // M: the MATCH; >< the rowid span, which FTS5 seeks to in each trigram's list of documents.
    expect(plan).toEqual(['SCAN f VIRTUAL TABLE INDEX 0:M1><', 'SEARCH s USING INTEGER PRIMARY KEY (rowid=?)']);
    db.prepare('DELETE FROM cases WHERE id = ?').run('n1');
    expect(hits('north', 'kaf')).toEqual([]);
    db.close();
  });
});
