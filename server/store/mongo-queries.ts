/**
 * The MongoDB store's read queries as data (filter, sort, projection, pipeline), free of the
 * driver so they can be unit-tested without a server, and checked against the index list
 * (mongo-indexes.ts) by mongo-queries.test.ts.
 *
 * - Case lists project the summary's fields only, which the `case_list` indexes cover: no case
 *   document (its state as JSON) is read for a list.
 * - Case search matches an anchored prefix of an indexed array, `searchGrams`: every substring of
 *   each field of the search key (search-key.ts) that starts anywhere and runs up to GRAM
 *   characters. A query of up to GRAM characters is contained in the key exactly when it is a
 *   prefix of one of them (fields never span: a normalised query has no line break); a longer
 *   query seeks on its first GRAM characters and the whole query is then checked on `searchKey`.
 * - Conditions on a case's open tasks are one aggregation over `tasks` that looks up the cases,
 *   instead of `distinct` (one reply, capped at 16 MB) and then `$in`.
 */
import type { CaseFilter, OutboxMessage, TaskQuery } from './types.ts';
import { searchTerm } from './search-key.ts';
import { caseFilter, escapeRegex, openTaskFilter, taskFilter, TASK_SORT, type Filter } from './mongo-docs.ts';
import { CASE_SUMMARY_FIELDS } from './mongo-indexes.ts';

/** Longest gram stored per starting point: 8 characters single out a name or a date of birth. */
export const GRAM = 8;

/** Every substring of each field of a search key that starts anywhere and runs up to GRAM characters. */
export function searchGrams(searchKey: string): string[] {
  const grams = new Set<string>();
  for (const field of searchKey.split('\n')) {
    const chars = [...field];
    for (let i = 0; i < chars.length; i++) grams.add(chars.slice(i, i + GRAM).join(''));
  }
  return [...grams];
}

/** The search condition on a case document: an anchored prefix on the gram index, then the whole query if longer. */
export function searchCondition(search: string): Filter {
  const term = searchTerm(search);
  const chars = [...term];
  const prefix: Filter = { searchGrams: { $regex: `^${escapeRegex(chars.slice(0, GRAM).join(''))}` } };
  return chars.length > GRAM ? { ...prefix, searchKey: { $regex: escapeRegex(term) } } : prefix;
}

export const CASE_SORT = { updatedAt: -1, _id: 1 } as const;
/** Only the summary's fields, all in the covering `case_list` indexes. */
export const CASE_SUMMARY_PROJECTION: Record<string, 1> = { _id: 1, authority: 1, updatedAt: 1, ...Object.fromEntries(CASE_SUMMARY_FIELDS.map((f) => [f, 1])) };

/** The case conditions of a case list (authority, status, definition, search). */
export function caseListFilter(filter: CaseFilter): Filter {
  const { search, ...rest } = filter;
  return { ...caseFilter(rest, null), ...(search !== undefined ? searchCondition(search) : {}) };
}

export type CaseListQuery =
  | { collection: 'cases'; kind: 'find'; filter: Filter; sort: typeof CASE_SORT; projection: Record<string, 1>; limit: number }
  | { collection: 'tasks'; kind: 'aggregate'; pipeline: Filter[] };

/**
 * A case list as one query: a covered find on `cases`, or, with conditions on an open task, one
 * pipeline from the matching open tasks to their cases (each looked up by `_id`).
 */
export function caseListQuery(filter: CaseFilter): CaseListQuery {
  const limit = filter.limit ?? 500;
  const cases = caseListFilter(filter);
  const tasks = openTaskFilter(filter);
  if (!tasks) return { collection: 'cases', kind: 'find', filter: cases, sort: CASE_SORT, projection: CASE_SUMMARY_PROJECTION, limit };
  const { authority: _authority, ...onCase } = cases;
  return {
    collection: 'tasks',
    kind: 'aggregate',
    pipeline: [
      { $match: tasks },
      { $group: { _id: '$caseId' } },
      // `authority` again, so a task can never bring in another authority's case.
      { $lookup: { from: 'cases', localField: '_id', foreignField: '_id', as: 'case', pipeline: [{ $match: { authority: filter.authority, ...onCase } }, { $project: CASE_SUMMARY_PROJECTION }] } },
      { $unwind: '$case' },
      { $replaceRoot: { newRoot: '$case' } },
      { $sort: CASE_SORT },
      { $limit: limit },
    ],
  };
}

export function taskListQuery(query: TaskQuery) {
  return { filter: taskFilter(query), sort: TASK_SORT, limit: query.limit ?? 500 };
}

export const TIMER_CLAIM_SORT = { fireAt: 1, _id: 1 } as const;
export const OUTBOX_CLAIM_SORT = { availableAt: 1, createdAt: 1, _id: 1 } as const;
export const OUTBOX_LIST_SORT = { createdAt: 1, _id: 1 } as const;

export interface OutboxListFilter { authority?: string; caseId?: string; status?: OutboxMessage['status']; limit?: number }

export function outboxListQuery({ limit, ...filter }: OutboxListFilter) {
  return { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as Filter, sort: OUTBOX_LIST_SORT, limit: limit ?? 0 };
}

/**
 * The latest published version of each of an authority's definitions, with the name stored beside
 * its body at publish (mongo-definitions.ts); `docId` lets the few published before names were
 * stored be read whole. A `$sort` then `$group` with `$first`, over the `authority, id, version`
 * index, reads one entry per definition.
 */
export function latestDefinitionsPipeline(authority: string): Filter[] {
  return [
    { $match: { authority } },
    { $sort: { authority: 1, id: 1, version: -1 } },
    { $group: { _id: '$id', version: { $first: '$version' }, name: { $first: '$name' }, docId: { $first: '$_id' } } },
  ];
}

/**
 * One query shape per read the store runs with a sort or a claim: its collection, the fields it
 * narrows to one value (or a small `$in`, which the server explodes into one range each and merges
 * in order), the field it bounds by a range, and its sort. mongo-queries.test.ts checks each
 * against INDEXES.
 */
export interface QueryShape {
  name: string;
  collection: string;
  equal: string[];
  range?: string;
  sort: Record<string, 1 | -1>;
}

export const QUERY_SHAPES: QueryShape[] = [
  { name: 'case list', collection: 'cases', equal: ['authority'], sort: CASE_SORT },
  { name: 'case list by status', collection: 'cases', equal: ['authority', 'status'], sort: CASE_SORT },
  { name: 'inbox: one assignee arm', collection: 'tasks', equal: ['authority', 'assigneeKind', 'assignee', 'status'], sort: TASK_SORT },
  { name: 'inbox: anyone', collection: 'tasks', equal: ['authority', 'status'], sort: TASK_SORT },
  { name: 'a case’s tasks', collection: 'tasks', equal: ['caseId'], sort: TASK_SORT },
  { name: 'timer claim', collection: 'timers', equal: [], range: 'fireAt', sort: TIMER_CLAIM_SORT },
  { name: 'a case’s earliest timer', collection: 'timers', equal: ['caseId'], sort: TIMER_CLAIM_SORT },
  { name: 'next timer', collection: 'timers', equal: [], sort: { fireAt: 1 } },
  { name: 'outbox claim by kind', collection: 'outbox', equal: ['status', 'kind'], range: 'availableAt', sort: OUTBOX_CLAIM_SORT },
  { name: 'outbox claim', collection: 'outbox', equal: ['status'], range: 'availableAt', sort: OUTBOX_CLAIM_SORT },
  { name: 'outbox list', collection: 'outbox', equal: ['authority'], sort: OUTBOX_LIST_SORT },
  { name: 'outbox list by status', collection: 'outbox', equal: ['authority', 'status'], sort: OUTBOX_LIST_SORT },
  { name: 'a case’s outbox', collection: 'outbox', equal: ['caseId'], sort: OUTBOX_LIST_SORT },
  { name: 'latest definitions', collection: 'definitions', equal: ['authority'], sort: { id: 1, version: -1 } },
  { name: 'latest version', collection: 'definitions', equal: ['id'], sort: { version: -1 } },
  { name: 'a case’s audit log', collection: 'audit', equal: ['caseId'], sort: { seq: 1 } },
  { name: 'a case’s timeline', collection: 'case_history', equal: ['caseId'], range: 'seq', sort: { seq: 1 } },
  { name: 'a reader’s access log', collection: 'access_log', equal: ['authority', 'actor'], sort: { seq: 1 } },
];
