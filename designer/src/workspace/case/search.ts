/** Case search's parameters: read from the address, written back to it, and the server's errors placed. */
import type { FieldError } from '../../lib/api-types.ts';

export const SEARCH_PARAMS = ['q', 'status', 'stage', 'team', 'overdue'] as const;
export type SearchParam = (typeof SEARCH_PARAMS)[number];
export type CaseQuery = Partial<Record<SearchParam, string>>;

export function readSearch(params: URLSearchParams): CaseQuery {
  const out: CaseQuery = {};
  for (const name of SEARCH_PARAMS) {
    const value = params.get(name);
    if (value) out[name] = value;
  }
  return out;
}

export function searchHref(query: CaseQuery): string {
  const params = new URLSearchParams(SEARCH_PARAMS.flatMap((name) => (query[name] ? [[name, query[name]!]] : [])));
  return params.size > 0 ? `/cases?${params}` : '/cases';
}

/** `/query/stage` → stage: the message; errors for anything else are left for the page. */
export function searchErrors(errors: readonly FieldError[]): Partial<Record<SearchParam, string>> {
  const out: Partial<Record<SearchParam, string>> = {};
  for (const e of errors) {
    const name = /^\/query\/(\w+)$/.exec(e.pointer)?.[1] as SearchParam | undefined;
    if (name && SEARCH_PARAMS.includes(name) && !out[name]) out[name] = e.message;
  }
  return out;
}
