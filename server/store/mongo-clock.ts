/**
 * Leases on the database's clock. The Store interface passes the caller's time (the app's clock,
 * which tests and scenario runs simulate), and lease ends written in each host's own time let two
 * hosts whose clocks disagree by more than a lease both hold it: an e-mail sent twice. So the
 * MongoDB store measures how far the server's clock is from this process's (`hello`'s `localTime`
 * against the midpoint of the round trip, as NTP does) at open and every minute after, and writes
 * and compares every lease end (timer and outbox `leaseUntil`, Idempotency-Key holds) as caller
 * time + that offset: on the server's timeline, where every host agrees to within its round trip.
 * Due times (`fireAt`, `availableAt`) stay on the caller's time: they are the app's, not leases.
 *
 * Driver-free: the measurement takes the command as a function, so the re-measuring is tested
 * with a stub of it (mongo-clock.test.ts), as a scheduling unit, not as a store.
 */
import { instant } from './rows.ts';

/** One measurement: server time minus this process's time, and how far off that can be (half the round trip). */
export interface ClockSample { offsetMs: number; errorMs: number }

/** How often the offset is measured again after open. */
export const REMEASURE_MS = 60_000;
/** A later measurement that moves the offset further than this is logged as an error: a clock was stepped, or the primary changed to a host with another clock. */
export const CLOCK_JUMP_MS = 1_000;

/** The offset from the server's `localTime`, read between `sentAt` and `receivedAt` (this process's clock, ms). */
export function clockSample(serverTime: Date, sentAt: number, receivedAt: number): ClockSample {
  const midpoint = (sentAt + receivedAt) / 2;
  return { offsetMs: Math.round(serverTime.getTime() - midpoint), errorMs: Math.ceil((receivedAt - sentAt) / 2) };
}

/** A caller's instant on the server's timeline. */
export function onServerClock(at: string, offsetMs: number): string {
  return new Date(Date.parse(instant(at)) + offsetMs).toISOString();
}

/** Asks the server its time (`hello`) and measures the offset; null if the reply has no `localTime`. */
export async function measureOffset(hello: () => Promise<{ localTime?: Date }>, now: () => number = Date.now): Promise<ClockSample | null> {
  const sentAt = now();
  const reply = await hello();
  const receivedAt = now();
  return reply.localTime instanceof Date ? clockSample(reply.localTime, sentAt, receivedAt) : null;
}

/** What is logged when the offset moves by more than CLOCK_JUMP_MS, or a measurement fails. */
export type ClockEvent =
  | { event: 'mongo_clock_jump'; fromMs: number; toMs: number; errorMs: number }
  | { event: 'mongo_clock_unmeasured'; error: string };

/**
 * This process's offset to the server's clock. A new sample within its own round-trip error of
 * the offset in use changes nothing, so lease ends this process writes do not wobble by a few
 * milliseconds from one measurement to the next; a larger move is taken (the new sample is the
 * better truth) and, past CLOCK_JUMP_MS, logged.
 */
export class ServerClock {
  private offset: number;

  constructor(first: ClockSample | null) {
    this.offset = first?.offsetMs ?? 0;
  }

  get offsetMs(): number {
    return this.offset;
  }

  /** A caller's instant on the server's timeline: for lease ends and lease comparisons only. */
  at(callerInstant: string): string {
    return onServerClock(callerInstant, this.offset);
  }

  /** Takes a new sample; returns the jump to log, or null. */
  update(sample: ClockSample): ClockEvent | null {
    const move = Math.abs(sample.offsetMs - this.offset);
    if (move <= sample.errorMs) return null;
    const from = this.offset;
    this.offset = sample.offsetMs;
    return move > CLOCK_JUMP_MS ? { event: 'mongo_clock_jump', fromMs: from, toMs: sample.offsetMs, errorMs: sample.errorMs } : null;
  }
}

/**
 * Measures again every `everyMs` until stopped, on an unref'd timer (it never keeps the process
 * alive). A failed measurement keeps the offset in use and is logged; it never throws.
 */
export function watchServerClock(clock: ServerClock, measure: () => Promise<ClockSample | null>, log: (event: ClockEvent) => void, everyMs = REMEASURE_MS): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // A measurement slower than the interval is not stacked on.
    running = true;
    measure()
      .then((sample) => {
        const jump = sample ? clock.update(sample) : null;
        if (jump) log(jump);
      })
      .catch((error: unknown) => log({ event: 'mongo_clock_unmeasured', error: error instanceof Error ? error.name : typeof error }))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** The default log for clock events: one JSON line on stderr, at error level, ids and numbers only. */
export function logClockEvent(event: ClockEvent): void {
  console.error(JSON.stringify({ level: 'error', service: 'stepwise', time: new Date().toISOString(), ...event,
    msg: event.event === 'mongo_clock_jump' ? 'the MongoDB server\'s clock moved against this host\'s: leases now follow the new offset; check NTP on both' : 'could not measure the MongoDB server\'s clock; keeping the last offset' }));
}
