/**
 * A background job that runs now and again `intervalMs` after each run has finished, never two
 * runs at once, until stopped; `stop` waits for the run in progress. The scheduler and the purge
 * both run this way. A run that resolves to `MORE_WAITING` is behind: the next run starts as soon
 * as pending I/O has had its turn, with no pause.
 */
export interface Repeating {
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export const MORE_WAITING = Symbol('more waiting');

export function repeating(run: () => Promise<unknown>, onError?: (error: unknown) => void): Repeating {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  return {
    start(intervalMs) {
      stopped = false;
      const loop = () => {
        if (stopped) return;
        let behind = false;
        running = run()
          .then((outcome) => (behind = outcome === MORE_WAITING))
          .catch((error: unknown) => onError?.(error))
          .finally(() => {
            // setTimeout(0) rather than setImmediate: requests and their commits keep their turn.
            if (!stopped) timer = setTimeout(loop, behind ? 0 : intervalMs);
          });
      };
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
