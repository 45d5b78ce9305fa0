/**
 * Group commit: writes submitted while the event loop is busy with one round of work (concurrent
 * requests, a batch of timers firing) are flushed together, so they share one transaction and one
 * fsync instead of paying for one each. Generic over what is written; the store supplies `flush`.
 *
 * Each submission keeps its own answer: its promise settles only once the batch holding it has
 * been flushed — resolved if that flush committed it, rejected with its own error if the flush
 * refused it alone, or with the flush's error if the whole batch failed.
 */

/** Per item of a batch, in order: committed (with what its write answered), or refused alone with this reason. */
export type FlushResult<R = void> = PromiseSettledResult<R>;

export interface GroupCommitOptions<T, R = void> {
  /**
   * Writes a batch, durably. Returns one result per item, in order; throwing (or rejecting) fails
   * every item of the batch with that error.
   */
  flush(batch: readonly T[]): Promise<readonly FlushResult<R>[]> | readonly FlushResult<R>[];
  /** The most items in one batch: a full batch is flushed at once, without waiting its turn. */
  maxBatch?: number;
  /** Batches being flushed at once (a store whose flush is asynchronous may overlap several). */
  maxInFlight?: number;
  /**
   * When a batch that has started filling is flushed. By default `setImmediate`: after the I/O
   * callbacks of this turn of the event loop, so requests that arrived together commit together
   * (a microtask would flush after each callback, one request at a time). Measured on the crash
   * worker, 8 cases stepped at once and timers fired 10 at a time: batches of mostly 7 to 10 with
   * `setImmediate`, mostly 1 to 5 with `queueMicrotask`.
   */
  schedule?: (flush: () => void) => void;
}

export interface GroupCommit<T, R = void> {
  /** Resolves once `item` is committed, with what its write answered; rejects with the reason it, or its batch, was not. */
  submit(item: T): Promise<R>;
  /** Flushes what is waiting and resolves once every item submitted so far has settled. */
  drain(): Promise<void>;
}

interface Waiting<T, R> {
  item: T;
  resolve(value: R): void;
  reject(reason: unknown): void;
}

export const COMMITTED: FlushResult = Object.freeze({ status: 'fulfilled', value: undefined });
export const refused = <R = void>(reason: unknown): FlushResult<R> => ({ status: 'rejected', reason });

export function groupCommit<T, R = void>(options: GroupCommitOptions<T, R>): GroupCommit<T, R> {
  const maxBatch = options.maxBatch ?? 64;
  const maxInFlight = options.maxInFlight ?? 1;
  const schedule = options.schedule ?? ((flush: () => void) => void setImmediate(flush));
  let waiting: Waiting<T, R>[] = [];
  let scheduled = false;
  const inFlight = new Set<Promise<void>>();

  async function write(batch: Waiting<T, R>[]): Promise<void> {
    let results: readonly FlushResult<R>[];
    try {
      results = await options.flush(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`A flush of ${batch.length} items answered for ${results.length}.`);
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => {
      const result = results[i]!;
      if (result.status === 'fulfilled') w.resolve(result.value);
      else w.reject(result.reason);
    });
  }

  /** Starts batches while there is work waiting and room to flush it. */
  function pump(): void {
    while (waiting.length > 0 && inFlight.size < maxInFlight) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      const flushing: Promise<void> = write(batch).finally(() => {
        inFlight.delete(flushing);
        // What queued up while this batch was written goes now, unless its own flush is due this
        // turn anyway (it arrived just after a flush that took no time): then it waits for more.
        if (!scheduled || waiting.length >= maxBatch) pump();
      });
      inFlight.add(flushing);
    }
  }

  function submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (waiting.length >= maxBatch) pump();
      else if (!scheduled) {
        scheduled = true;
        schedule(() => {
          scheduled = false;
          pump();
        });
      }
    });
  }

  async function drain(): Promise<void> {
    while (waiting.length > 0 || inFlight.size > 0) {
      pump();
      await Promise.all(inFlight);
    }
  }

  return { submit, drain };
}

export interface AllOrEach<T> {
  /** Writes the whole batch atomically: all of it, or (throwing) none. */
  all(batch: readonly T[]): Promise<void>;
  /** Writes one item atomically on its own. */
  each(item: T): Promise<void>;
  /** Items with one key (one case) are retried one after another, in the order submitted. */
  keyOf(item: T): string;
  /** Whether a failure of `all` is worth retrying item by item; if not, the batch fails with it. */
  retryEach(error: unknown): boolean;
}

/**
 * A flush for a store whose transaction cannot roll back one item alone (MongoDB has no
 * savepoints: any error aborts the whole transaction): the batch in one transaction, and if that
 * fails, each item again on its own, so only the items at fault fail. Different keys are retried
 * at once.
 */
export async function flushAllOrEach<T>(batch: readonly T[], write: AllOrEach<T>): Promise<FlushResult[]> {
  const one = (item: T) => write.each(item).then(() => COMMITTED, refused);
  if (batch.length === 1) return [await one(batch[0]!)];
  try {
    await write.all(batch);
    return batch.map(() => COMMITTED);
  } catch (error) {
    if (!write.retryEach(error)) throw error;
  }
  const byKey = new Map<string, number[]>();
  batch.forEach((item, i) => byKey.set(write.keyOf(item), [...(byKey.get(write.keyOf(item)) ?? []), i]));
  const results: FlushResult[] = new Array<FlushResult>(batch.length);
  await Promise.all([...byKey.values()].map(async (indexes) => {
    for (const i of indexes) results[i] = await one(batch[i]!);
  }));
  return results;
}
