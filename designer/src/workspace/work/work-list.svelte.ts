/**
 * One list of open tasks — my work, or one team's tray — with its sort order and filters. The
 * server sorts (due, priority or created, each oldest or most pressing first); the other
 * direction is the same list reversed. Sorting and filtering fetch again rather than reload the
 * page, so keyboard focus stays on the control that was used.
 */
import { ApiProblem } from '../../lib/api.ts';
import type { WorkItem } from '../../lib/api-types.ts';
import { SORT_LABELS, type SortKey } from './labels.ts';

export type { SortKey };
export type Direction = 'ascending' | 'descending';

export interface WorkQuery {
  sort: SortKey;
  overdueOnly: boolean;
  /** One of my teams ('' for all my work). */
  team: string;
}

export type Loader<T extends { tasks: WorkItem[] }> = (query: { sort?: string; overdue?: string; team?: string }) => Promise<T>;

export class WorkList<T extends { tasks: WorkItem[] }> {
  result = $state<T | null>(null);
  query = $state<WorkQuery>({ sort: 'due', overdueOnly: false, team: '' });
  direction = $state<Direction>('ascending');
  phase = $state<'loading' | 'ready' | 'failed'>('loading');
  problem = $state<ApiProblem | null>(null);

  readonly rows: WorkItem[] = $derived.by(() => {
    const tasks = this.result?.tasks ?? [];
    return this.direction === 'ascending' ? tasks : [...tasks].reverse();
  });
  /** Said to screen readers after each change, in a status region. */
  readonly status: string = $derived(
    this.phase === 'ready'
      ? `${this.rows.length} ${this.rows.length === 1 ? 'task' : 'tasks'}, sorted by ${SORT_LABELS[this.query.sort]}, ${this.direction}`
      : '',
  );

  readonly #load: Loader<T>;

  constructor(load: Loader<T>, initial: Partial<WorkQuery> = {}) {
    this.#load = load;
    this.query = { ...this.query, ...initial };
  }

  /** Fetches the list for `query` (the current one by default); the page shows the new order only once it has it. */
  async load(query: WorkQuery = this.query, direction: Direction = this.direction): Promise<void> {
    const { sort, overdueOnly, team } = query;
    try {
      const result = await this.#load({ sort, ...(overdueOnly ? { overdue: 'true' } : {}), ...(team ? { team } : {}) });
      [this.result, this.query, this.direction] = [result, query, direction];
      this.phase = 'ready';
    } catch (error) {
      this.problem = error instanceof ApiProblem ? error : new ApiProblem(0, {});
      this.phase = 'failed';
    }
  }

  /** A column header pressed: sort by it, or turn the order round if it is already the sort. */
  async sortBy(key: SortKey): Promise<void> {
    if (this.query.sort === key) {
      this.direction = this.direction === 'ascending' ? 'descending' : 'ascending';
      return;
    }
    await this.load({ ...this.query, sort: key }, 'ascending');
  }

  async filter(overdueOnly: boolean, team: string): Promise<void> {
    await this.load({ ...this.query, overdueOnly, team });
  }
}
