/** Spawning TypeScript worker scripts as real separate Node processes, for the store tests. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export function spawnWorker(script: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'test/store', script), ...args], { cwd: root, stdio: 'pipe' });
}

/** Calls `onLine` for each complete stdout line; resolves with the exit code or signal. */
export function watch(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let buffer = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
      onLine(buffer.slice(0, at));
      buffer = buffer.slice(at + 1);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  // A partial last line (a process killed mid-write) is not an acknowledgement: dropped.
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}
