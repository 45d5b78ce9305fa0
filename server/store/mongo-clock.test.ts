/**
 * Leases on the server's clock, without a server: the offset from one `hello`, lease ends put on
 * the server's timeline, and the re-measuring every minute, driven by a stub `hello` and fake timers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOCK_JUMP_MS, clockSample, measureOffset, onServerClock, REMEASURE_MS, ServerClock, watchServerClock, type ClockEvent, type ClockSample } from './mongo-clock.ts';
import { leaseFree, plusMs } from './mongo-docs.ts';
import { holdLapsed } from './mongo-idempotency.ts';

const T = Date.parse('2026-11-02T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** What the server does with `leaseFree(now)` on one stored lease end. */
const free = (leaseUntil: string | null, now: string) => {
  const [nothing, expired] = (leaseFree(now).$or as Array<{ leaseUntil: null | { $lte: string } }>);
  return leaseUntil === nothing!.leaseUntil || (leaseUntil !== null && leaseUntil <= (expired!.leaseUntil as { $lte: string }).$lte);
};

describe('the offset to the server’s clock', () => {
  it('is the server’s time less the midpoint of the round trip, give or take half the round trip', () => {
    expect(clockSample(new Date(T + 50 + 40_000), T, T + 100)).toEqual({ offsetMs: 40_000, errorMs: 50 });
    expect(clockSample(new Date(T + 5 - 30_000), T, T + 10)).toEqual({ offsetMs: -30_000, errorMs: 5 });
  });

  it('is measured with one hello; a reply without localTime measures nothing', async () => {
    const clock = [T, T + 20];
    const now = () => clock.shift()!;
    expect(await measureOffset(async () => ({ localTime: new Date(T + 10 + 2_000) }), now)).toEqual({ offsetMs: 2_000, errorMs: 10 });
    expect(await measureOffset(async () => ({}), () => T)).toBeNull();
  });

  it('puts a caller’s instant on the server’s timeline, normalised', () => {
    expect(onServerClock('2026-11-02T09:00:00Z', 1_500)).toBe('2026-11-02T09:00:01.500Z');
    expect(onServerClock('2026-11-02T09:00:00.000Z', -60_000)).toBe('2026-11-02T08:59:00.000Z');
  });

  it('lets two hosts whose clocks are 70 s apart agree on when a 60 s lease ends, where their own clocks would not', () => {
    // Real time `real`; the server's clock is right. Host A's clock reads 30 s behind, host B's 40 s ahead.
    const real = T;
    const hostA = (ms: number) => iso(ms - 30_000);
    const hostB = (ms: number) => iso(ms + 40_000);
    const a = new ServerClock(clockSample(new Date(real + 5), real - 30_000, real - 29_990));
    const b = new ServerClock(clockSample(new Date(real + 5), real + 40_000, real + 40_010));
    // A leases a message at its own now for 60 s: on the server's timeline, and as A's own clock has it.
    const stored = plusMs(a.at(hostA(real)), 60_000);
    const ownClock = plusMs(hostA(real), 60_000);
    // 20 s later B claims: on the server's timeline the lease is still held...
    expect(free(stored, b.at(hostB(real + 20_000)))).toBe(false);
    // ...where B's own clock would have taken it as expired 40 s early, and sent the e-mail again.
    expect(free(ownClock, hostB(real + 20_000))).toBe(true);
    // When 60 s have really passed B sees it free, to within the round trip.
    expect(free(stored, b.at(hostB(real + 59_980)))).toBe(false);
    expect(free(stored, b.at(hostB(real + 60_020)))).toBe(true);
  });
});

describe('re-measuring the offset', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const sample = (offsetMs: number, errorMs = 5): ClockSample => ({ offsetMs, errorMs });

  it('keeps the offset for a sample within its own round-trip error, takes a larger move, and reports a move past the tolerance', () => {
    const clock = new ServerClock(sample(1_000));
    expect(clock.update(sample(1_004))).toBeNull();
    expect(clock.offsetMs).toBe(1_000);
    expect(clock.update(sample(1_200))).toBeNull();
    expect(clock.offsetMs).toBe(1_200);
    expect(clock.update(sample(1_200 + CLOCK_JUMP_MS + 1, 3))).toEqual({ event: 'mongo_clock_jump', fromMs: 1_200, toMs: 2_201, errorMs: 3 });
    expect(clock.offsetMs).toBe(2_201);
    expect(clock.at('2026-11-02T09:00:00.000Z')).toBe('2026-11-02T09:00:02.201Z');
    expect(new ServerClock(null).offsetMs).toBe(0);
  });

  it('measures every minute on a timer that does not hold the process open, logs a jump or a failure, and stops when told', async () => {
    vi.useFakeTimers();
    const clock = new ServerClock(sample(0));
    const replies: Array<ClockSample | Error> = [sample(3), sample(5_000), new Error('down')];
    const measure = vi.fn(async () => {
      const next = replies.shift()!;
      if (next instanceof Error) throw next;
      return next;
    });
    const events: ClockEvent[] = [];
    const watch = watchServerClock(clock, measure, (event) => events.push(event));
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(REMEASURE_MS - 1);
    expect(measure).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(measure).toHaveBeenCalledTimes(1);
    expect([clock.offsetMs, events]).toEqual([0, []]);

    await vi.advanceTimersByTimeAsync(REMEASURE_MS);
    expect(clock.offsetMs).toBe(5_000);
    expect(events).toEqual([{ event: 'mongo_clock_jump', fromMs: 0, toMs: 5_000, errorMs: 5 }]);

    await vi.advanceTimersByTimeAsync(REMEASURE_MS);
    expect(clock.offsetMs).toBe(5_000);
    expect(events.at(-1)).toEqual({ event: 'mongo_clock_unmeasured', error: 'Error' });

    watch.stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5 * REMEASURE_MS);
    expect(measure).toHaveBeenCalledTimes(3);
  });

  it('does not start a measurement while the last one is still waiting for the server', async () => {
    vi.useFakeTimers();
    let answer: (value: ClockSample) => void = () => {};
    const measure = vi.fn(() => new Promise<ClockSample>((resolve) => { answer = resolve; }));
    const watch = watchServerClock(new ServerClock(null), measure, () => {});
    await vi.advanceTimersByTimeAsync(3 * REMEASURE_MS);
    expect(measure).toHaveBeenCalledTimes(1);
    answer(sample(0));
    await vi.advanceTimersByTimeAsync(REMEASURE_MS);
    expect(measure).toHaveBeenCalledTimes(2);
    watch.stop();
  });

  it('uses an unref’d timer, so a store left open never keeps the process alive', () => {
    const unref = vi.spyOn(globalThis, 'setInterval');
    const watch = watchServerClock(new ServerClock(null), async () => null, () => {});
    const timer = unref.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    watch.stop();
    unref.mockRestore();
  });
});

describe('Idempotency-Key holds on the server’s clock', () => {
  it('lapse by their lease end on the server’s clock, or by lockedUntil for keys stored before it', () => {
    expect(holdLapsed('2026-11-02T09:00:00.000Z', '2026-11-02T09:00:40.000Z')).toEqual({ $or: [
      { leaseUntil: { $lte: '2026-11-02T09:00:40.000Z' } },
      { leaseUntil: { $exists: false }, lockedUntil: { $lte: '2026-11-02T09:00:00.000Z' } },
    ] });
  });
});
