/** Small measuring helpers for the benchmarks: percentiles, memory, a progress bar, raw inserts. */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';

export const MiB = 2 ** 20;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** A process's resident memory (`VmRSS`) or its peak so far (`VmHWM`), in bytes, from /proc. */
export function procMemory(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

export const mib = (bytes: number) => `${Math.round(bytes / MiB)} MiB`;
export const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const clock = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${s.toFixed(0)}s`);

/** A progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise (logs). */
export function progressBar(label: string, total: number): (done: number) => void {
  const start = performance.now();
  let lastDecile = -1;
  return (done) => {
    const fraction = total ? done / total : 1;
    const elapsed = (performance.now() - start) / 1000;
    const eta = fraction > 0 ? elapsed / fraction - elapsed : 0;
    const bar = '#'.repeat(Math.round(fraction * 30)).padEnd(30, '-');
    const text = `${label} [${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} ${clock(elapsed)}, ETA ${clock(eta)}, RSS ${mib(procMemory('self', 'VmRSS'))}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}${done >= total ? '\n' : ''}`);
    else if (Math.floor(fraction * 10) > lastDecile) {
      lastDecile = Math.floor(fraction * 10);
      process.stderr.write(`${text}\n`);
    }
  };
}

export interface Tally { count: number; seconds: number }
export const rate = (t: Tally) => t.count / t.seconds;

/**
 * The database's own durable write rate on the same disk: one row of `size` bytes per
 * transaction, with the store's pragmas (WAL, synchronous=FULL). Interleave `run` with the
 * measurement it is compared to, so drift in the disk's fsync latency hits both.
 */
export function rawInserts(path: string) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
  const one = db.transaction((body: string) => insert.run(body));
  for (let i = 0; i < 50; i++) one.immediate('warm-up');
  return {
    run(n: number, size: number): Tally {
      const body = 'x'.repeat(size);
      const start = performance.now();
      for (let i = 0; i < n; i++) one.immediate(body);
      return { count: n, seconds: (performance.now() - start) / 1000 };
    },
    close: () => db.close(),
  };
}
