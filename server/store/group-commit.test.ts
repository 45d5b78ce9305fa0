import { describe, expect, it } from 'vitest';
import { COMMITTED, flushAllOrEach, groupCommit, refused, type AllOrEach, type FlushResult } from './group-commit.ts';

/** A flush that records its batches and answers each through `answer` (committed by default). */
function recorder(answer: (item: string) => FlushResult = () => COMMITTED) {
  const batches: string[][] = [];
  return { batches, flush: (batch: readonly string[]) => (batches.push([...batch]), batch.map(answer)) };
}

/** A promise settled from outside, for a flush that is still writing. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const settled = (promises: Array<Promise<void>>) =>
  Promise.allSettled(promises).then((all) => all.map((r) => (r.status === 'fulfilled' ? 'ok' : String((r.reason as Error).message))));

describe('group commit', () => {
  it('flushes what is submitted in one turn of the event loop as one batch', async () => {
    const { batches, flush } = recorder();
    const commits = groupCommit({ flush });
    const done = ['a', 'b', 'c'].map((item) => commits.submit(item));
    // Submitted from promise callbacks of the same turn: still the same batch.
    done.push(Promise.resolve().then(() => commits.submit('d')));
    expect(await settled(done)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(batches).toEqual([['a', 'b', 'c', 'd']]);

    // A later turn is a later batch.
    await commits.submit('e');
    expect(batches).toEqual([['a', 'b', 'c', 'd'], ['e']]);
  });

  it('settles nothing before the flush holding it has finished', async () => {
    const writing = deferred();
    const commits = groupCommit({ flush: async (batch: readonly string[]) => (await writing.promise, batch.map(() => COMMITTED)) });
    const states: string[] = [];
    const done = ['a', 'b'].map((item) => commits.submit(item).then(() => states.push(item)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(states).toEqual([]);
    writing.resolve();
    await Promise.all(done);
    expect(states).toEqual(['a', 'b']);
  });

  it('rejects only the item its flush refused; the others in the batch commit', async () => {
    const { batches, flush } = recorder((item) => (item === 'b' ? refused(new Error('conflict on b')) : COMMITTED));
    const commits = groupCommit({ flush });
    expect(await settled(['a', 'b', 'c'].map((item) => commits.submit(item)))).toEqual(['ok', 'conflict on b', 'ok']);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('rejects every item of a batch whose flush failed, with that error, and goes on with the next batch', async () => {
    let fail = true;
    const commits = groupCommit({
      flush: (batch: readonly string[]) => {
        if (fail) throw new Error('disk full');
        return batch.map(() => COMMITTED);
      },
    });
    expect(await settled(['a', 'b'].map((item) => commits.submit(item)))).toEqual(['disk full', 'disk full']);
    fail = false;
    expect(await settled([commits.submit('c')])).toEqual(['ok']);
  });

  it('rejects the whole batch when a flush answers for the wrong number of items', async () => {
    const commits = groupCommit({ flush: () => [COMMITTED] });
    expect(await settled(['a', 'b'].map((item) => commits.submit(item)))).toEqual(['A flush of 2 items answered for 1.', 'A flush of 2 items answered for 1.']);
  });

  it('flushes a full batch at once, without waiting for the end of the turn', async () => {
    const { batches, flush } = recorder();
    const commits = groupCommit({ flush, maxBatch: 3, schedule: () => {} });
    const done = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((item) => commits.submit(item));
    expect(batches).toEqual([['a', 'b', 'c']]);
    await Promise.all(done.slice(0, 6));
    expect(batches).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']]);
    // 'g' waits for its turn to end, which this schedule never reports: drain flushes it.
    await commits.drain();
    await done[6];
    expect(batches).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
  });

  it('gathers what arrives while a batch is being written into the next batch, one batch in flight', async () => {
    const writes = [deferred(), deferred()];
    const batches: string[][] = [];
    const commits = groupCommit({
      flush: async (batch: readonly string[]) => {
        const writing = writes[batches.push([...batch]) - 1]!;
        await writing.promise;
        return batch.map(() => COMMITTED);
      },
    });
    const first = commits.submit('a');
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['a']]);
    const later = ['b', 'c'].map((item) => commits.submit(item));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const last = commits.submit('d');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(batches).toEqual([['a']]);
    writes[0]!.resolve();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    writes[1]!.resolve();
    expect(await settled([...later, last])).toEqual(['ok', 'ok', 'ok']);
  });

  it('overlaps batches up to maxInFlight', async () => {
    const writing = deferred();
    const batches: string[][] = [];
    const commits = groupCommit({
      maxBatch: 2,
      maxInFlight: 2,
      flush: async (batch: readonly string[]) => (batches.push([...batch]), await writing.promise, batch.map(() => COMMITTED)),
    });
    const done = ['a', 'b', 'c', 'd', 'e'].map((item) => commits.submit(item));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['a', 'b'], ['c', 'd']]);
    writing.resolve();
    await Promise.all(done);
    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('drains: flushes what is waiting and waits for what is being written', async () => {
    const writing = deferred();
    const { batches, flush } = recorder();
    const commits = groupCommit({ flush: async (batch: readonly string[]) => (await writing.promise, flush(batch)), schedule: () => {} });
    const done = ['a', 'b'].map((item) => commits.submit(item));
    let drained = false;
    const draining = commits.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(drained).toBe(false);
    writing.resolve();
    await draining;
    expect(await settled(done)).toEqual(['ok', 'ok']);
    expect(batches).toEqual([['a', 'b']]);
    await commits.drain();
  });
});

interface Step { key: string; from: number }

/**
 * A store like MongoDB without savepoints: versions per case, a batch written all or nothing. An
 * item moves its case from `from` to `from + 1`; `to` only names it.
 */
function versionedStore(fatal?: unknown) {
  const versions = new Map<string, number>();
  const calls: string[] = [];
  const check = (into: Map<string, number>, { key, from }: Step) => {
    if ((into.get(key) ?? 0) !== from) throw new Error(`conflict on ${key} at ${from}`);
    into.set(key, from + 1);
  };
  const write: AllOrEach<Step> = {
    async all(batch) {
      calls.push(`all ${batch.length}`);
      if (fatal) throw fatal;
      const copy = new Map(versions);
      for (const step of batch) check(copy, step);
      for (const [key, version] of copy) versions.set(key, version);
    },
    async each(step) {
      calls.push(`each ${step.key}@${step.from}`);
      await new Promise((resolve) => setTimeout(resolve, step.key === 'a' ? 5 : 0));
      check(versions, step);
    },
    keyOf: (step) => step.key,
    retryEach: (error) => error !== 'unknown outcome',
  };
  return { versions, calls, write };
}
describe('flushing all or, failing that, each', () => {
  it('writes a batch in one go when it can', async () => {
    const { versions, calls, write } = versionedStore();
    expect(await flushAllOrEach([{ key: 'a', from: 0 }, { key: 'b', from: 0 }], write)).toEqual([COMMITTED, COMMITTED]);
    expect(calls).toEqual(['all 2']);
    expect([...versions]).toEqual([['a', 1], ['b', 1]]);
  });

  it('writes a lone item on its own', async () => {
    const { calls, write } = versionedStore();
    expect(await flushAllOrEach([{ key: 'a', from: 0 }], write)).toEqual([COMMITTED]);
    expect(calls).toEqual(['each a@0']);
  });

  it('after a batch failed whole, retries each item, one key in order and keys at once, so only the one at fault fails', async () => {
    const { versions, calls, write } = versionedStore();
    versions.set('c', 5);
    const results = await flushAllOrEach([{ key: 'a', from: 0 }, { key: 'c', from: 4 }, { key: 'a', from: 1 }, { key: 'b', from: 0 }], write);
    expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : String((r.reason as Error).message)))).toEqual(['ok', 'conflict on c at 4', 'ok', 'ok']);
    // 'a' is slow: its second step still waits for its first, while 'c' and 'b' go meanwhile.
    expect(calls).toEqual(['all 4', 'each a@0', 'each c@4', 'each b@0', 'each a@1']);
    expect([...versions].sort()).toEqual([['a', 2], ['b', 1], ['c', 5]]);
  });

  it('fails the whole batch, without retrying, when the batch may have landed', async () => {
    const { calls, write } = versionedStore('unknown outcome');
    await expect(flushAllOrEach([{ key: 'a', from: 0 }, { key: 'b', from: 0 }], write)).rejects.toBe('unknown outcome');
    expect(calls).toEqual(['all 2']);
  });
});
