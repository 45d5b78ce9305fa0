import { describe, expect, it } from 'vitest';
import { MORE_WAITING, repeating } from './repeat.ts';

describe('a repeating background job', () => {
  it('Given a run that says more is waiting, Then the next starts at once, not after the interval; then it waits again', async () => {
    const runs: number[] = [];
    let fourth!: () => void;
    const reachedFourth = new Promise<void>((resolve) => (fourth = resolve));
    const job = repeating(async () => {
      runs.push(runs.length + 1);
      if (runs.length === 4) fourth();
      return runs.length < 4 ? MORE_WAITING : undefined;
    });
    // An hour's interval: only runs that are behind can come back this soon.
    job.start(60 * 60_000);
    await reachedFourth;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await job.stop();
    expect(runs).toEqual([1, 2, 3, 4]);
  });

  it('Given a run that fails, Then the error is reported and the job keeps its interval', async () => {
    const errors: unknown[] = [];
    const job = repeating(async () => {
      throw new Error('disk full');
    }, (error) => errors.push(error));
    job.start(60 * 60_000);
    await job.stop();
    expect(errors).toEqual([new Error('disk full')]);
  });
});
