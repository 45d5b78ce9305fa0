/**
 * A background job that runs now and again `intervalMs` after each run has finished, never two
 * runs at once, until stopped; `stop` waits for the run in progress. The scheduler and the purge
 * both run this way.
 */
export interface Repeating {
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export function repeating(run: () => Promise<unknown>, onError?: (error: unknown) => void): Repeating {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  return {
    start(intervalMs) {
      stopped = false;
      const loop = () => {
        if (stopped) return;
        running = run().catch((error: unknown) => onError?.(error)).finally(() => {
          if (!stopped) timer = setTimeout(loop, intervalMs);
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
