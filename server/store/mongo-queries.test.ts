/**
 * The MongoDB store's queries against its index list, without a server: every sort has an index
 * that yields it (no in-memory sort of an authority's cases, tasks, timers or messages), case lists
 * are covered, case search is an anchored prefix that finds exactly what a substring test finds.
 */
import { describe, expect, it } from 'vitest';
import { INDEXES, RETIRED_INDEXES, type IndexKey } from './mongo-indexes.ts';
import { CASE_SORT, caseListQuery, GRAM, latestDefinitionsPipeline, outboxListQuery, QUERY_SHAPES, searchCondition, searchGrams, taskListQuery, type QueryShape } from './mongo-queries.ts';
import { caseSearchKey, searchTerm } from './search-key.ts';

/** Equality fields first (in any order), then the sort's keys in order, all in the index's direction or all reversed. */
function serves(index: IndexKey, shape: QueryShape): boolean {
  const keys = Object.entries(index);
  const head = keys.slice(0, shape.equal.length).map(([k]) => k);
  if (head.length !== shape.equal.length || !shape.equal.every((f) => head.includes(f))) return false;
  const sort = Object.entries(shape.sort);
  const next = keys.slice(shape.equal.length, shape.equal.length + sort.length);
  if (next.length !== sort.length || next.some(([k], i) => k !== sort[i]![0])) return false;
  const same = next.every(([, d], i) => d === sort[i]![1]);
  const reversed = next.every(([, d], i) => d === -sort[i]![1]);
  if (!same && !reversed) return false;
  return shape.range === undefined || shape.range === sort[0]![0];
}

/** What the server does with `searchCondition` on one case: any gram matches the prefix, and the key the whole query. */
function matches(condition: Record<string, unknown>, searchKey: string): boolean {
  const prefix = new RegExp((condition.searchGrams as { $regex: string }).$regex, 'u');
  const whole = condition.searchKey as { $regex: string } | undefined;
  return searchGrams(searchKey).some((g) => prefix.test(g)) && (!whole || new RegExp(whole.$regex, 'u').test(searchKey));
}

describe('MongoDB indexes and queries', () => {
  it.each(QUERY_SHAPES.map((s) => [s.name, s] as const))('%s has an index that yields its sort', (_name, shape) => {
    expect((INDEXES[shape.collection] ?? []).some((index) => serves(index.key, shape))).toBe(true);
  });

  it('recognises an index that does not serve a sort', () => {
    expect(serves({ authority: 1, status: 1, updatedAt: -1 }, { name: 'x', collection: 'cases', equal: ['authority'], sort: CASE_SORT })).toBe(false);
    expect(serves({ fireAt: 1, leaseUntil: 1 }, { name: 'x', collection: 'timers', equal: [], range: 'fireAt', sort: { fireAt: 1, _id: 1 } })).toBe(false);
    expect(serves({ authority: 1, updatedAt: 1, _id: 1 }, { name: 'x', collection: 'cases', equal: ['authority'], sort: CASE_SORT })).toBe(false);
  });

  it('names each index once and never repeats a key pattern in a collection', () => {
    for (const [collection, indexes] of Object.entries(INDEXES)) {
      const patterns = indexes.map((i) => JSON.stringify(i.key));
      expect(new Set(patterns).size, collection).toBe(patterns.length);
    }
  });

  it('never names an index in use as retired', () => {
    const defaultName = (key: IndexKey) => Object.entries(key).map(([f, d]) => `${f}_${d}`).join('_');
    for (const [collection, names] of Object.entries(RETIRED_INDEXES)) {
      const live = (INDEXES[collection] ?? []).map((i) => i.name ?? defaultName(i.key));
      expect(names.filter((n) => live.includes(n)), collection).toEqual([]);
    }
  });

  it('lists cases with one covered find: summary fields only, all in the index it sorts on', () => {
    const query = caseListQuery({ authority: 'north', status: 'open', limit: 20 });
    expect(query).toMatchObject({ collection: 'cases', kind: 'find', filter: { authority: 'north', status: 'open' }, sort: CASE_SORT, limit: 20 });
    if (query.kind !== 'find') throw new Error('expected a find');
    expect(query.projection).not.toHaveProperty('state');
    const covering = INDEXES.cases!.filter((i) => i.name?.startsWith('case_list'));
    expect(covering).toHaveLength(2);
    for (const index of covering) expect(Object.keys(query.projection).every((f) => f in index.key)).toBe(true);
    for (const field of Object.keys(query.filter)) expect(field in covering[1]!.key).toBe(true);
  });

  it('asks about open tasks in one pipeline from tasks to cases, never distinct then $in, never across authorities', () => {
    const query = caseListQuery({ authority: 'north', team: 'front_door', status: 'open', search: 'okafor', limit: 5 });
    if (query.kind !== 'aggregate') throw new Error('expected a pipeline');
    expect(query.collection).toBe('tasks');
    expect(query.pipeline[0]).toEqual({ $match: { authority: 'north', status: 'open', assigneeKind: 'team', assignee: 'front_door' } });
    const lookup = (query.pipeline[2] as { $lookup: { from: string; pipeline: Array<{ $match?: Record<string, unknown> }> } }).$lookup;
    expect(lookup.from).toBe('cases');
    expect(lookup.pipeline[0]!.$match).toMatchObject({ authority: 'north', status: 'open', searchGrams: { $regex: '^okafor' } });
    expect(query.pipeline.slice(-2)).toEqual([{ $sort: CASE_SORT }, { $limit: 5 }]);
    expect(JSON.stringify(query)).not.toContain('$in');
  });

  it('stores each field’s grams of up to GRAM characters, never across fields', () => {
    const key = caseSearchKey('c1', { familyName: 'Ó Súilleabháin', children: [{ name: 'Amara', dateOfBirth: '2018-12-07' }] } as never);
    const grams = searchGrams(key);
    expect(grams).toContain('o suille');
    expect(grams).toContain('amara');
    expect(grams).toContain('2018-12-');
    expect(grams.every((g) => [...g].length <= GRAM && !g.includes('\n'))).toBe(true);
    expect(grams.some((g) => g.includes('c1') && g.includes('o'))).toBe(false);
  });

  it('finds by anchored prefix exactly the cases a substring test finds, short and long queries alike', () => {
    const keys = [
      caseSearchKey('0a1b2c3d-4e5f', { familyName: 'Okafor-Nowak', children: [{ name: 'Amara Okafor', personId: 'MOS-123456', dateOfBirth: '2018-12-07' }] } as never),
      caseSearchKey('9f8e7d6c-5b4a', { familyName: 'O’Brien (Jr.)', children: [{ name: 'Zoë', dateOfBirth: '2020-01-31' }] } as never),
      caseSearchKey('11112222-3333', { familyName: 'Nowakowska', children: [] } as never),
    ];
    const queries = ['o', 'ok', 'kaf', 'okafor', 'afor-nowak', 'amara okafor', 'nowak', "o'brien (jr.)", '(jr', 'zoe', '7/12/2018', '2018-12-07',
      'mos-123456', '0a1b2c3d', '4e5f', 'okafornowak', 'r\nnowak', 'okafor amara', 'Ｏｋａｆｏｒ', 'wakowska', 'nowakowskaa'];
    for (const query of queries) {
      const term = searchTerm(query);
      for (const key of keys) expect(matches(searchCondition(query), key), `${query} in ${key}`).toBe(key.includes(term));
    }
  });

  it('seeks a long query on its first GRAM characters and checks the rest on the key', () => {
    expect(searchCondition('Amara')).toEqual({ searchGrams: { $regex: '^amara' } });
    expect(searchCondition('Amara Okafor')).toEqual({ searchGrams: { $regex: '^amara ok' }, searchKey: { $regex: 'amara okafor' } });
    expect(searchCondition('a.b*')).toEqual({ searchGrams: { $regex: '^a\\.b\\*' } });
  });

  it('limits inboxes and outbox lists, and reads the latest definitions one per id by the index', () => {
    expect(taskListQuery({ authority: 'north', worker: 'sam' })).toMatchObject({ sort: { dueSort: 1, createdAt: 1, _id: 1 }, limit: 500 });
    expect(outboxListQuery({ authority: 'north', caseId: undefined, status: 'dead', limit: 50 })).toEqual({ filter: { authority: 'north', status: 'dead' }, sort: { createdAt: 1, _id: 1 }, limit: 50 });
    expect(outboxListQuery({ caseId: 'c1' }).limit).toBe(0);
    const pipeline = latestDefinitionsPipeline('north');
    expect(pipeline[0]).toEqual({ $match: { authority: 'north' } });
    expect(Object.keys((pipeline[1] as { $sort: object }).$sort)).toEqual(Object.keys(INDEXES.definitions![1]!.key));
    expect(JSON.stringify(pipeline)).not.toContain('body');
  });
});
