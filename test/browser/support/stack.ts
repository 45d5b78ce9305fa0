/**
 * The real thing on loopback, for browser tests: the workspace built once (when designer/dist is
 * missing or older than its sources), the server (`tsx server/main.ts`) on a free port with its
 * SQLite file in a temporary folder, and Debian's Chromium driven by playwright-core. `close()`
 * takes it all down again, the server's whole process group included.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where screenshots go for people to look at (git-ignored). */
export const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Stack {
  base: string;
  browser: Browser;
  /** What the server printed, for a failing test to show. */
  serverOutput: () => string;
  /** Moves the server's simulated clock (only for a stack started with `clockAt`). */
  setClock: (at: string) => void;
  close: () => Promise<void>;
}

export interface StackOptions {
  /** Run the server on a simulated clock starting at this instant, instead of real time. */
  clockAt?: string;
  /** More environment for the server, given its address before it starts (single sign-on settings need it). */
  env?: (base: string) => Record<string, string> | Promise<Record<string, string>>;
}

function newestIn(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestIn(join(path, name))));
}

/** Builds designer/dist unless it is newer than every source; one test file builds at a time. */
export async function ensureBuilt(): Promise<void> {
  const designer = join(ROOT, 'designer');
  const built = join(designer, 'dist', 'index.html');
  const stale = () => !existsSync(built) || statSync(built).mtimeMs < Math.max(newestIn(join(designer, 'src')), newestIn(join(designer, 'index.html')), newestIn(join(designer, 'vite.config.ts')));
  if (!stale()) return;
  const lock = join(tmpdir(), `stepwise-ui-build-${Buffer.from(ROOT).toString('hex').slice(-24)}`);
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true }); // a crashed build's lock
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (stale()) execFileSync('npx', ['vite', 'build', '--config', 'designer/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The server did not answer /api/health within 60 s:\n${output()}`);
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-browser-'));
  const clockFile = join(dir, 'now');
  const setClock = (at: string) => {
    if (!options.clockAt) throw new Error('This stack runs on real time: start it with clockAt to move its clock.');
    writeFileSync(clockFile, at);
  };
  if (options.clockAt) setClock(options.clockAt);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const extraEnv = options.env ? await options.env(base) : {};
  let output = '';
  // Its own process group (detached), so closing ends tsx and the node it runs together.
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'stepwise.db'), NODE_ENV: 'test', ...(options.clockAt ? { STEPWISE_CLOCK_FILE: clockFile } : {}), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stopServer = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(base, child, () => output);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    return {
      base,
      browser,
      serverOutput: () => output,
      setClock,
      close: async () => {
        await browser.close().catch(() => undefined);
        await stopServer();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopServer();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * For a test file: the stack and a page in its browser (a new context with `options`), started
 * before the file's tests (two minutes allowed) and closed after them. `receive` is handed both
 * once they are up, for the file's own `stack` and `page`. Screenshots' folder made too.
 */
export function stackForFile(receive: (opened: { stack: Stack; page: Page }) => void, options?: BrowserContextOptions, stackOptions?: StackOptions): void {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack(stackOptions);
    mkdirSync(SHOTS, { recursive: true });
    const page = await (await stack.browser.newContext(options)).newPage();
    receive({ stack, page });
  }, 120_000);
  afterAll(async () => stack?.close());
}
